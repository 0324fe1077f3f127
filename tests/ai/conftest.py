"""Shared helpers of the AI tests: variants of the demo world (built with
dataclasses.replace) and cached seeded batches of computer-played games."""

from __future__ import annotations

import dataclasses
from functools import lru_cache

import pytest

from wargame.ai import GameRecord, play_game
from wargame.core import demo_world
from wargame.core.model import ClauseKind, World


def weak_alliance(world: World, alliance: str = "pact", credibility: float = 20.0) -> World:
    """The same alliance, weak: low credibility and a consultation clause only."""
    insts = tuple(
        dataclasses.replace(i, credibility=credibility,
                            clauses=tuple(c for c in i.clauses
                                          if c.kind is ClauseKind.CONSULTATION))
        if i.id == alliance else i
        for i in world.institutions)
    return dataclasses.replace(world, institutions=insts)


def with_personality(world: World, nation: str, **traits: float) -> World:
    nations = tuple(
        dataclasses.replace(n, personality=dataclasses.replace(n.personality, **traits))
        if n.id == nation else n
        for n in world.nations)
    return dataclasses.replace(world, nations=nations)


VARIANTS = {
    "credible": lambda: demo_world(),
    "weak": lambda: weak_alliance(demo_world()),
    # Centralia is a free rider in the demo world (free_riding 0.8); make it loyal
    "loyal_centre": lambda: with_personality(demo_world(), "centre", loyalty=0.9,
                                             free_riding=0.0),
    "hawk": lambda: with_personality(demo_world(), "north", aggression=0.9,
                                     risk_tolerance=0.9),
    "dove": lambda: with_personality(demo_world(), "north", aggression=0.1,
                                     risk_tolerance=0.1),
}


@lru_cache(maxsize=None)
def batch(variant: str, games: int) -> tuple[GameRecord, ...]:
    """``games`` games of a variant, seeds 0..games-1 (cached for the session)."""
    world = VARIANTS[variant]()
    return tuple(play_game(world, seed) for seed in range(games))


@pytest.fixture(scope="session")
def batches():
    """``batches(variant, games)``: the records of a seeded batch (cached)."""
    return batch


@pytest.fixture(scope="session")
def variants():
    """The world-variant builders: ``variants.weak_alliance``, ``variants.with_personality``."""
    import types

    return types.SimpleNamespace(weak_alliance=weak_alliance, with_personality=with_personality)
