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


class HostStartError(RuntimeError):
    """The headless host ended before saying where it listens."""


def start_host(folder, start_after: int, *extra: str):
    """A headless ``wargame host baltic-flashpoint`` on a free loopback port, writing
    its codes and saves in ``folder``: (the process, its http:// address, the join
    codes in the campaign's order). The caller terminates the process."""
    import re
    import subprocess

    codes_file = folder / "codes.txt"
    proc = subprocess.Popen([sys.executable, "-m", "wargame", "host", "baltic-flashpoint",
                             "--headless", "--port", "0", "--codes", str(codes_file), *extra,
                             "--saves-dir", str(folder), "--start-after", str(start_after)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    url = None
    while url is None:
        line = proc.stdout.readline()
        if not line:
            proc.wait(10)
            raise HostStartError("the host did not start")
        m = re.search(r"Listening on (http://\S+/)", line)
        url = m.group(1) if m else None
    return proc, url, re.findall(r"^(\S{4}-\S{4})\s", codes_file.read_text(), re.M)
