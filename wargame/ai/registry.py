"""Policies by name: a fixed registry, plus third-party policies from entry points.

A campaign (or ``wargame simulate --policy``) names a policy per state. Names are
looked up in :data:`BUILTIN` first, then among the installed distributions'
entry points in the group ``wargame.policies``; a third-party package registers
one in its ``pyproject.toml``::

    [project.entry-points."wargame.policies"]
    cautious = "my_package.policies:CautiousPolicy"

The object an entry point names must be a :class:`~wargame.ai.base.Policy`
subclass or any callable ``(world, nation, rng, difficulty) -> Policy``. A
third-party name never replaces a built-in one. Nothing is imported from a name
found in a campaign file except through this fixed list and installed entry
points.
"""

from __future__ import annotations

from importlib.metadata import entry_points

from .base import Difficulty, Policy, PolicyFactory, policy_rng
from .default import DefaultPolicy
from .simple import PassivePolicy, RandomPolicy

GROUP = "wargame.policies"
DEFAULT = "default"

BUILTIN: dict[str, PolicyFactory] = {
    "default": DefaultPolicy,
    "random": RandomPolicy,
    "passive": PassivePolicy,
}
"""The fixed list of built-in policies."""


class UnknownPolicy(LookupError):
    def __init__(self, name: str, known: list[str]):
        self.name = name
        super().__init__(f"unknown policy {name!r}: choose one of {', '.join(known)}")


def _entry_points() -> dict[str, object]:
    found: dict[str, object] = {}
    for ep in sorted(entry_points(group=GROUP), key=lambda e: (e.name, e.value)):
        if ep.name not in BUILTIN and ep.name not in found:
            found[ep.name] = ep
    return found


def available() -> list[str]:
    """Every policy name that can be used: built-in first, then installed ones."""
    return list(BUILTIN) + sorted(_entry_points())


def get(name: str) -> PolicyFactory:
    """The factory registered under ``name``; :class:`UnknownPolicy` if none."""
    if name in BUILTIN:
        return BUILTIN[name]
    ep = _entry_points().get(name)
    if ep is None:
        raise UnknownPolicy(name, available())
    factory = ep.load()
    if not callable(factory):
        raise TypeError(f"entry point {name!r} in {GROUP} is not callable")
    return factory


def make(name: str, world, nation: str, seed: int,
         difficulty: Difficulty | str = Difficulty.NORMAL) -> Policy:
    """A policy for ``nation`` in the game ``seed``, with its own sub-seeded source."""
    return get(name)(world, nation, policy_rng(seed, nation), Difficulty.parse(difficulty))
