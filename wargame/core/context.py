"""What one round's adjudication works with: the world, the state, the orders."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .actions import Effect, Order
from .events import Event, Kind
from .rules import with_names

if TYPE_CHECKING:  # the world model imports injects, which import this module
    from .model import World
    from .state import GameState


@dataclass
class Round:
    world: World
    state: GameState
    rng: random.Random
    orders: list[Order]  # every state's orders, in world order then given order
    events: list[Event] = field(default_factory=list)
    by_effect: dict[Effect, list[Order]] = field(default_factory=dict)
    by_nation: dict[str, list[Order]] = field(default_factory=dict)
    fought_for: dict[str, set[str]] = field(default_factory=dict)  # victim -> who fought
    committed: dict[Order, float] = field(default_factory=dict)  # forces each order commits
    spent: dict[str, float] = field(default_factory=dict)  # forces a state committed to fight
    top: float = field(init=False, default=100.0)  # the ceiling of conventional escalation
    # (actor, target) -> whether a hostile act between them this round was lawful
    defending: dict[tuple[str, str], bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.top = self.world.ladder.ceiling(happened(self.state))
        actions, by_effect, by_nation = self.world.actions, self.by_effect, self.by_nation
        for o in self.orders:
            by_effect.setdefault(actions[o.action].effect, []).append(o)
            by_nation.setdefault(o.nation, []).append(o)

    def of(self, *effects: Effect) -> list[Order]:
        out: list[Order] = []
        for e in effects:
            out.extend(self.by_effect.get(e, ()))
        return out

    def emit(self, kind: Kind, text: str, **kw) -> Event:
        ev = Event(self.state.round, kind, text, **kw)
        self.events.append(ev)
        return ev

    def name(self, ident: str) -> str:
        return self.world.name_of(ident)

    def named(self, text: str, ids) -> str:
        """``text`` with the state ids the rules API returns replaced by names."""
        return named(self.world, text, ids)

    def push(self, a: str, b: str, amount: float) -> None:
        """Add ``amount`` to the tension between two states (may be negative), up to
        the ceiling of conventional escalation (``Ladder.ceiling``)."""
        if a == b or not amount:
            return
        key = (a, b) if a < b else (b, a)
        tension = self.state.tension
        level = tension.get(key, 0.0) + amount
        if not level > 0.0:  # min(top, max(0.0, level)), without the two calls
            level = 0.0
        elif not level < self.top:
            level = self.top
        if level < 0.5:
            tension.pop(key, None)
        else:
            tension[key] = level


def happened(state: "GameState") -> tuple[str, ...]:
    """The ladder events (``ladder.EVENTS``) that have happened in the game: the
    general-war event ends it in the stage 'war'; nothing makes a nuclear use yet."""
    return ("general_war",) if state.stage == "war" else ()


def clamp(x: float, lo: float = 0.0, hi: float = 100.0) -> float:
    return lo if x < lo else hi if x > hi else x


def named(world: "World", text: str, ids) -> str:
    """A reason or summary of the rules API (:mod:`.rules`) with the ids of ``ids``
    (the members who voted) replaced by names, only where the rules API writes ids:
    a state with the id ``no`` leaves "no objection" alone, and a name is never a
    regex template."""
    ids = set(ids)
    return with_names(text, lambda i: world.name_of(i) if i in ids else i)
