"""A stable hash of a game's state: the same inputs give the same hash anywhere.

The state is written as canonical JSON (sorted keys, pair keys as ``a|b``,
floats rounded to 9 decimals), so the hash does not depend on dict order,
``PYTHONHASHSEED`` or the platform's float printing.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import asdict
from enum import Enum

from .state import GameState


def _plain(x):
    if isinstance(x, float):
        return round(x, 9)
    if isinstance(x, Enum):
        return x.value
    if isinstance(x, dict):
        return {("|".join(k) if isinstance(k, tuple) else str(k)): _plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_plain(v) for v in x]
    return x


def snapshot(state: GameState) -> dict:
    """The state as plain JSON-ready data."""
    return _plain(asdict(state))


def state_hash(state: GameState, rng: random.Random | None = None) -> str:
    data = snapshot(state)
    if rng is not None:
        data["rng"] = hashlib.sha256(repr(rng.getstate()).encode()).hexdigest()
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]
