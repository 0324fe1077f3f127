"""The policy interface: how a computer-played government decides.

A :class:`Policy` governs one state for one game. The game runner shows it the
state's :class:`~wargame.core.view.View` (what that government may see) and asks
for what the current phase needs:

* diplomacy phase: :meth:`Policy.answers` to proposals made to the state, then
  :meth:`Policy.votes` on open drafts;
* orders phase: :meth:`Policy.orders`, chosen from ``view.options``; once every
  state has given its orders, :meth:`Policy.proposals` and
  :meth:`Policy.messages` with the same view (so no state's orders depend on
  another's proposals made in the same phase: moves stay simultaneous).

Only :meth:`Policy.orders` must be written; the others default to nothing.

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
from ..core.terms import Term
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


@dataclass(frozen=True)
class Offer:
    """A proposal a policy wants to make (``Game.propose``): terms to other states,
    or tabled in an institution (then ``to`` is ignored)."""

    to: tuple[str, ...]
    terms: tuple[Term, ...]
    institution: str = ""
    due_in: int = 1
    expires_in: int = 1


@dataclass(frozen=True)
class Counter:
    """An answer that rejects a proposal and offers other terms (``Game.counter``)."""

    terms: tuple[Term, ...]
    due_in: int = 1


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
        """Votes on open drafts, by draft id. A draft left out: absent.

        Called only when there is a draft this state may vote on."""
        return {}

    def answers(self, view: View) -> dict[str, "str | Counter"]:
        """Answers to open proposals made to this state, by proposal id:
        ``"accept"``, ``"reject"`` or a :class:`Counter`. Left out: no answer yet.

        Called only when a proposal awaits this state's answer."""
        return {}

    def recall(self, news: list, private: list, last_round: int) -> None:
        """A game loaded from a save: every event this state saw up to ``last_round``
        (public ``news``, its ``private`` ones), before its first view. A policy that
        learns from the news round by round catches up here; its views hold only the
        latest news."""

    def explain(self, proposal_id: str) -> str:
        """Why this state rejected a proposal, in a sentence or two: sent privately to
        the proposer, so a human who made an offer learns why it failed. "": nothing
        to say (no message is sent)."""
        return ""

    # -- after everyone's orders (the orders-phase view, once a round)
    def proposals(self, view: View) -> list[Offer]:
        """Proposals to make; the others answer them in the next diplomacy phase."""
        return []

    def messages(self, view: View) -> list[tuple[tuple[str, ...], str]]:
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
    """The open drafts ``view.nation`` may vote on: its institutions now, not
    suspended (``InstitutionView.active``)."""
    drafts = view.drafts
    if not drafts:
        return []
    nation = view.nation
    tabled = {d.institution for d in drafts}  # only those institutions are asked
    active = {iv.id for iv in view.institutions if iv.id in tabled and iv.active(nation)}
    return [d for d in drafts if d.institution in active]
