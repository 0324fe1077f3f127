"""What is worked out once for a world and shared by every game played in it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
KEEP = 32  # worlds kept per cache (a sweep's variants); then it starts again


def per_world(cache: dict, world, make: Callable[[object], T]) -> T:
    """``make(world)``, made once per world and kept in ``cache``: keyed by the world's
    id, with the world held beside it, so that a new world at a reused id is never
    given another's facts."""
    found = cache.get(id(world))
    if found is None or found[0] is not world:
        if len(cache) > KEEP:
            cache.clear()
        found = cache[id(world)] = (world, make(world))
    return found[1]
