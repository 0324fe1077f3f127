"""What every benchmark shares: the repository on sys.path and the reference unit.

Each benchmark prints its figures beside REF, a fixed amount of pure-Python work
timed in the same run, so figures from different machines can be compared.
"""

from __future__ import annotations

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)


def fixed_work() -> int:
    """The reference unit: fixed dict/int/loop work in pure Python."""
    d: dict[int, int] = {}
    total = 0
    for i in range(50_000):
        k = i % 997
        d[k] = d.get(k, 0) + (i * 3) // 7
        total ^= d[k]
    return total
