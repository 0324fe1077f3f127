"""The small verb API of a game: ask what is legal, give orders, resolve, look.

A game is its world, its seed and the ordered list of inputs it accepted
(``Game.inputs``); :meth:`Game.replay` rebuilds the same game from them. The
engine never calls a user interface: interfaces and computer players call it.

>>> from wargame.core import Game, Order, demo_world
>>> game = Game(demo_world(), seed=7)
>>> game.advance(); game.advance()          # briefing -> diplomacy -> orders
>>> game.submit_orders("north", [Order("north", "mobilise")])
>>> events = game.resolve()                 # resolution and aftermath
>>> game.round
2
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from . import legal, machine
from .actions import Order
from .adjudicate import resolve as adjudicate
from .clauses import decide_drafts, open_drafts
from .context import Round
from .errors import IllegalOrder, PhaseError
from .events import Event, Kind
from .hashing import state_hash
from .scripted import due, fire
from .model import World
from .rules import Vote
from .scoring import Score, score
from .state import Draft, GameState
from .view import View, make_view


class Game:
    def __init__(self, world: World, seed: int = 0):
        self.world = world
        self.seed = seed
        self.rng = random.Random(seed)
        self.state = GameState.start(world)
        self.log: list[Event] = []
        self.inputs: list[dict] = []
        self._orders: dict[str, list[Order]] = {}
        self._round_start = 0
        self._brief()

    # ------------------------------------------------------------- queries
    @property
    def round(self) -> int:
        return self.state.round

    @property
    def stage(self) -> str:
        return self.state.stage

    @property
    def phase(self) -> str:
        return self.state.phase

    @property
    def over(self) -> bool:
        return bool(self.state.outcome)

    @property
    def outcome(self) -> str:
        return self.state.outcome

    def legal_actions(self, nation: str) -> list[legal.Option]:
        self._known(nation)
        return legal.options(self.world, self.state, nation)

    def check(self, order: Order) -> None:
        """Raise :class:`IllegalOrder` with the reason if ``order`` is not legal now."""
        legal.check(self.world, self.state, order)

    def orders_of(self, nation: str) -> list[Order]:
        return list(self._orders.get(nation, ()))

    def drafts(self) -> list[Draft]:
        return open_drafts(self.state)

    def view(self, nation: str) -> View:
        self._known(nation)
        return make_view(self.world, self.state, self.log, nation,
                         self.legal_actions(nation) if self.phase == "orders" else [])

    def scores(self) -> dict[str, Score]:
        return score(self.world, self.state)

    def state_hash(self) -> str:
        return state_hash(self.state, self.rng)

    # --------------------------------------------------------------- verbs
    def advance(self) -> list[Event]:
        """Move to the next phase: briefing -> diplomacy -> orders -> (resolve)."""
        self._not_over()
        if self.phase == "orders":
            return self.resolve()
        events: list[Event] = []
        if self.phase == "diplomacy":
            r = Round(self.world, self.state, self.rng, [])
            decide_drafts(r)
            events = r.events
            self.log.extend(events)
        machine.next_phase(self.state)
        self.inputs.append({"verb": "advance"})
        return events

    def vote(self, nation: str, draft_id: str, vote: Vote | str) -> None:
        """Cast or change ``nation``'s vote on an open draft (diplomacy phase)."""
        self._not_over()
        self._in("diplomacy", "vote")
        self._known(nation)
        v = vote if isinstance(vote, Vote) else Vote.parse(vote)
        draft = next((d for d in self.drafts() if d.id == draft_id), None)
        if draft is None:
            raise IllegalOrder(f"there is no open draft {draft_id!r}")
        inst = self.world.institution[draft.institution]
        if nation not in inst.members:
            raise IllegalOrder(f"{self.world.name_of(nation)} is not a member of {inst.name}")
        if nation in self.state.institutions[inst.id].suspended:
            raise IllegalOrder(f"{self.world.name_of(nation)} is suspended from {inst.name}")
        if v is Vote.ABSENT:
            draft.votes.pop(nation, None)
        else:
            draft.votes[nation] = v.value
        self.inputs.append({"verb": "vote", "nation": nation, "draft": draft_id,
                            "vote": v.value})

    def submit_orders(self, nation: str, orders: Iterable[Order]) -> None:
        """Set ``nation``'s orders for this round (replacing earlier ones)."""
        self._not_over()
        self._in("orders", "give orders")
        self._known(nation)
        orders = list(orders)
        for o in orders:
            if o.nation != nation:
                raise IllegalOrder(f"an order for {o.nation} cannot be given by {nation}", o)
        legal.check_all(self.world, self.state, orders)
        self._orders[nation] = orders
        self.inputs.append({"verb": "orders", "nation": nation,
                            "orders": [o.to_dict() for o in orders]})

    def resolve(self) -> list[Event]:
        """Adjudicate the round's orders, run the aftermath and open the next round."""
        self._not_over()
        self._in("orders", "resolve the round")
        self.inputs.append({"verb": "resolve"})
        machine.next_phase(self.state)  # resolution
        earlier = self.log[self._round_start:]
        events = adjudicate(self.world, self.state, self._orders, self.rng, earlier)
        self._orders = {}
        machine.next_phase(self.state)  # aftermath
        st = self.state
        after = Round(self.world, st, self.rng, [])
        for inject in self.world.injects:
            if due(inject, st, st.fired) and (
                inject.probability >= 1 or self.rng.random() < inject.probability
            ):
                st.fired.append(inject.id)
                fire(after, inject)
        events.extend(after.events)
        self.log.extend(events)
        st.history.append(round(st.escalation, 6))
        ending = ""
        if st.stage in machine.TERMINAL:
            st.outcome = st.stage
        else:
            for end in self.world.end_conditions:
                if all(c.holds(st) for c in end.when):
                    st.outcome, ending = end.outcome, end.text
                    break
        if not st.outcome and st.round >= self.world.rounds_limit:
            st.outcome = "settled" if st.stage == "settlement" else "frozen"
        if st.outcome:
            ev = Event(st.round, Kind.GAME_OVER,
                       ending or f"The game is over: {OUTCOMES[st.outcome]}", ref=st.outcome)
            self.log.append(ev)
            events.append(ev)
            return events
        st.round += 1
        machine.next_phase(self.state)  # briefing
        events.extend(self._brief())
        return events

    def apply(self, entry: dict) -> None:
        """Apply one recorded input (the inverse of what the verbs append)."""
        verb = entry.get("verb")
        if verb == "advance":
            self.advance()
        elif verb == "vote":
            self.vote(entry["nation"], entry["draft"], entry["vote"])
        elif verb == "orders":
            self.submit_orders(entry["nation"], [Order(**o) for o in entry["orders"]])
        elif verb == "resolve":
            self.resolve()
        else:
            raise ValueError(f"unknown input {verb!r}")

    @classmethod
    def replay(cls, world: World, seed: int, inputs: Iterable[dict],
               to_round: int | None = None) -> "Game":
        """Rebuild a game from its inputs (up to the start of ``to_round``)."""
        game = cls(world, seed)
        for entry in inputs:
            if to_round is not None and game.round >= to_round:
                break
            game.apply(entry)
        return game

    # ------------------------------------------------------------- helpers
    def _brief(self) -> list[Event]:
        st = self.state
        self._round_start = len(self.log)
        rung = self.world.ladder.rung_at(st.escalation)
        ev = Event(st.round, Kind.ROUND_STARTED,
                   f"Round {st.round} of {self.world.rounds_limit}: the crisis is at "
                   f"{st.stage.replace('_', ' ')}, escalation {st.escalation:.0f} "
                   f"({rung.name}).", value=st.escalation, ref=st.stage)
        self.log.append(ev)
        return [ev]

    def _in(self, phase: str, what: str) -> None:
        if self.phase != phase:
            raise PhaseError(f"you can {what} only in the {phase} phase; "
                             f"this is the {self.phase} phase")

    def _not_over(self) -> None:
        if self.state.outcome:
            raise PhaseError("the game is over")

    def _known(self, nation: str) -> None:
        if nation not in self.world.nation:
            raise IllegalOrder(f"there is no state {nation!r} in this campaign")


OUTCOMES = {
    "resolved": "the crisis is resolved.",
    "settled": "a ceasefire holds; the crisis is settled but not resolved.",
    "frozen": "the crisis is frozen: no war, no settlement.",
    "war": "the crisis has ended in war.",
}
