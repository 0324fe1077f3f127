"""The policy interface: how a computer-played government decides.

A :class:`Policy` governs one state for one game. The game runner shows it the
state's :class:`~wargame.core.view.View` (what that government may see) and asks
for what the current phase needs:

* diplomacy phase: :meth:`Policy.votes` on open drafts; later, when negotiation
  reaches the verb API, :meth:`Policy.answers` to proposals, :meth:`Policy.proposals`
  and :meth:`Policy.messages` (all empty by default, so policies written today
  keep working when those arrive);
* orders phase: :meth:`Policy.orders`, chosen from ``view.options``.

A policy may also read the immutable :class:`~wargame.core.model.World` (the
campaign: treaty texts, trade ties, its *own* personality and objectives). It must
not read the game state, other states' personalities or the global ``random``:
every policy gets its own :class:`random.Random`, sub-seeded from the game seed
and its state's id (:func:`sub_seed`), so a game is repeatable from its seed.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol

from ..core.actions import Order
from ..core.model import World
from ..core.rules import Vote
from ..core.view import View


class Difficulty(str, Enum):
    """How well a computer-played state plays.

    ``easy`` decides with more noise and ignores what it would have to infer
    (vetoes, tripwires); ``hard`` decides with little noise, foresees vetoes and
    counts every force that would meet an attack.
    """

    EASY = "easy"
    NORMAL = "normal"
    HARD = "hard"

    @classmethod
    def parse(cls, text: "str | Difficulty") -> "Difficulty":
        if isinstance(text, Difficulty):
            return text
        try:
            return cls(str(text).strip().lower())
        except ValueError:
            names = ", ".join(d.value for d in cls)
            raise ValueError(f"unknown difficulty {text!r}: choose one of {names}") from None


@dataclass(frozen=True)
class Skill:
    noise: float  # standard deviation of the noise added to every judgement
    foresight: bool  # anticipates vetoes, counts tripwires and mobilisation


SKILL = {
    Difficulty.EASY: Skill(noise=0.30, foresight=False),
    Difficulty.NORMAL: Skill(noise=0.12, foresight=True),
    Difficulty.HARD: Skill(noise=0.04, foresight=True),
}


def sub_seed(seed: int, *parts: Any) -> int:
    """A 64-bit seed derived from ``seed`` and ``parts`` (stable across runs and
    platforms: SHA-256, never Python's salted ``hash()``)."""
    text = ":".join(["wargame", str(seed), *(str(p) for p in parts)])
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")


def policy_rng(seed: int, nation: str) -> random.Random:
    """The private random source of ``nation``'s policy in the game ``seed``."""
    return random.Random(sub_seed(seed, "ai", nation))


class Policy:
    """Base class of computer players. Override :meth:`orders` at least.

    ``world`` is the campaign, ``nation`` the state governed, ``rng`` its private
    random source, ``difficulty`` how well it plays.
    """

    name = "base"

    def __init__(self, world: World, nation: str, rng: random.Random,
                 difficulty: Difficulty = Difficulty.NORMAL):
        self.world = world
        self.nation = nation
        self.rng = rng
        self.difficulty = Difficulty.parse(difficulty)
        self.skill = SKILL[self.difficulty]

    # -- diplomacy phase
    def votes(self, view: View) -> dict[str, Vote]:
        """Votes on open drafts, by draft id. A draft left out: absent."""
        return {}

    def answers(self, view: View) -> dict[str, str]:
        """Answers to proposals made to this state: proposal id -> accept | reject."""
        return {}

    def proposals(self, view: View) -> list[Any]:
        """Proposals to make (negotiation): terms for other states to answer."""
        return []

    def messages(self, view: View) -> list[Any]:
        """Private messages to send: (recipients, text) pairs."""
        return []

    # -- orders phase
    def orders(self, view: View) -> list[Order]:
        """This round's orders, chosen from ``view.options`` (legal together)."""
        raise NotImplementedError


class PolicyFactory(Protocol):
    """What the registry holds: a Policy class or any callable with its signature."""

    def __call__(self, world: World, nation: str, rng: random.Random,
                 difficulty: Difficulty = Difficulty.NORMAL) -> Policy: ...


def drafts_to_vote(view: View, world: World) -> list:
    """The open drafts ``view.nation`` may vote on: its institutions, not suspended."""
    suspended = {iv.id for iv in view.institutions if view.nation in iv.suspended}
    return [d for d in view.drafts
            if d.institution not in suspended
            and view.nation in world.institution[d.institution].members]
