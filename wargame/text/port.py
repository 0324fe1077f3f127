"""The one object a text-mode government talks to: its seat at the game.

A :class:`Seat` hands out what one government may see (its :class:`~wargame.core.View`,
the public news, the public campaign) and takes what it does (orders, votes,
messages, proposals, answers), each verb returning the engine's refusal reason, or
'' when accepted. The text mode reads nothing else: never ``game.world`` (it holds
every state's objectives and briefings) nor ``game.state``. :class:`LocalSeat` is
the seat over a :class:`~wargame.core.Game` in this process;
:class:`wargame.net.client.RemoteSeat` is the seat over a network connection. The
full-screen turn screens (``wargame.tui.screens.game``) read and act through a seat
too, so hot-seat and ``wargame join`` run the same screens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping, Protocol

from ..core import Game, Order, View, WargameError
from ..core.actions import ActionSpec
from ..core.events import Event
from ..core.ladder import Ladder
from ..core.scoring import Score
from ..core.terms import Term, draft_measures, feasible


@dataclass(frozen=True)
class PublicCampaign:
    """What every government knows of the campaign: names, the action catalogue,
    institutions and alliances. No state's objectives or private briefing."""

    title: str
    briefing: str
    rounds_limit: int
    orders_per_round: int
    actions: Mapping[str, ActionSpec]  # the catalogue, in its order
    states: tuple[tuple[str, str], ...]  # (id, name), in the campaign's order
    institutions: tuple[tuple[str, str], ...]  # (id, name)
    allies: Mapping[str, tuple[str, ...]]  # alliances and consultation pacts are public
    measures: Mapping[str, tuple[str, ...]]  # institution -> measures a draft can decide
    places: Mapping[str, tuple[int, int]] = field(  # the map: state -> cell
        default_factory=lambda: MappingProxyType({}))
    borders: tuple[tuple[str, str], ...] = ()  # the map's borders
    ladder: Ladder | None = None  # the escalation ladder: its rungs and marks are public
    trade: Mapping[str, Mapping[str, float]] = field(  # state -> partner -> share of trade
        default_factory=lambda: MappingProxyType({}))

    @classmethod
    def of(cls, world, title: str = "") -> "PublicCampaign":
        from ..map.layout import layout

        lay = layout(world)
        return cls(title or world.title, world.briefing, world.rounds_limit,
                   world.orders_per_round, MappingProxyType(dict(world.actions)),
                   tuple((n.id, n.name) for n in world.nations),
                   tuple((i.id, i.name) for i in world.institutions),
                   world.allies,
                   MappingProxyType({i.id: draft_measures(world, i.id)
                                     for i in world.institutions}),
                   MappingProxyType(dict(lay.places)), lay.borders, world.ladder,
                   MappingProxyType({n.id: MappingProxyType(dict(n.trade))
                                     for n in world.nations}))

    @property
    def layout(self):
        """The map's layout (:class:`wargame.map.layout.Layout`), public as a map is."""
        from ..map.layout import Layout

        places = dict(self.places)
        order = tuple(sorted(places, key=lambda s: (places[s][1], places[s][0])))
        return Layout(places=places, borders=self.borders, order=order)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(i for i, _ in self.states)

    def name_of(self, ident: str) -> str:
        """A state's or an institution's name (the id itself if it is neither)."""
        return dict(self.states).get(ident) or dict(self.institutions).get(ident) or ident


class Seat(Protocol):
    """One government's port to a game (local or, later, over a network)."""

    nation: str
    campaign: PublicCampaign

    def view(self) -> View: ...
    def public_news(self) -> list[Event]: ...
    def orders(self) -> list[Order]: ...
    def check(self, order: Order) -> str: ...
    def consequences(self, order: Order) -> list[str]: ...
    def give_orders(self, orders: list[Order]) -> str: ...
    def vote(self, draft: str, vote: str) -> str: ...
    def message(self, to: list[str], text: str) -> str: ...
    def propose(self, to: list[str], terms: list[Term], institution: str = "",
                due_in: int = 1) -> tuple[str, str]: ...
    def answer(self, proposal: str, reply: str) -> str: ...
    def counter(self, proposal: str, terms: list[Term], due_in: int = 1) -> tuple[str, str]: ...
    def term_problem(self, term: Term, due_in: int, already: list[Term]) -> str: ...
    def last_due_in(self) -> int: ...
    def cannot_pass(self, institution: str, measure: str, target: str) -> str: ...
    def score(self) -> Score: ...
    def end_turn(self) -> str: ...
    @property
    def status(self) -> Mapping: ...


REFUSED = (WargameError, ValueError)  # IllegalOrder, PhaseError, RuleError and bad words


class LocalSeat:
    """A seat over a game in this process: each verb calls the core's verb API."""

    def __init__(self, game: Game, nation: str, campaign: PublicCampaign | None = None):
        self._game = game
        self.nation = nation
        self.campaign = campaign or PublicCampaign.of(game.world)
        self.ended: tuple[int, str] | None = None  # (round, phase) of the turn ended

    @property
    def status(self) -> Mapping:
        """The phase, as a host's status says it (``wargame.net.schema.STATUS``): in
        this process the game is always started and never paused, and this seat is
        its own speaker. Who else people play is the driver's to know (the hot-seat
        table), so ``humans`` names this seat alone and ``players`` nobody."""
        g = self._game
        over = bool(g.over)
        return {"round": g.round, "phase": g.phase, "stage": g.stage, "over": over,
                "started": True, "paused": False, "deadline": None,
                "ended": [self.nation] if self.turn_over else [],
                "humans": [self.nation], "players": {}, "role": "speaker",
                "turn_over": self.turn_over, "version": len(g.inputs), "note": ""}

    @property
    def turn_over(self) -> bool:
        return self.ended == (self._game.round, self._game.phase)

    def end_turn(self) -> str:
        """This seat is done with the phase (the local driver moves on to the next)."""
        self.ended = (self._game.round, self._game.phase)
        return ""

    # ------------------------------------------------------------ reading
    def view(self) -> View:
        return self._game.view(self.nation)

    def public_news(self) -> list[Event]:
        return self._game.public_news()

    def orders(self) -> list[Order]:
        return self._game.orders_of(self.nation)

    def score(self) -> Score:
        return self._game.scores()[self.nation]

    def check(self, order: Order) -> str:
        try:
            self._game.check(order)
        except REFUSED as exc:
            return str(exc)
        return ""

    def consequences(self, order: Order) -> list[str]:
        """What an act of war may bring, or what standing down gives up (else [])."""
        return (self._game.war_consequences(order)
                or self._game.stand_down_consequences(order))

    def term_problem(self, term: Term, due_in: int, already: list[Term]) -> str:
        """Why the party could not keep ``term`` in ``due_in`` rounds ('' if it can)."""
        g = self._game
        return feasible(g.world, g.state, term, due_in, tuple(already))

    def last_due_in(self) -> int:
        from ..core.negotiation import last_due_in

        return last_due_in(self._game.world, self._game.state)

    def cannot_pass(self, institution: str, measure: str, target: str) -> str:
        return self._game.draft_cannot_pass(institution, measure, target)

    # ------------------------------------------------------------ verbs
    def _do(self, verb, *args) -> str:
        try:
            verb(self.nation, *args)
        except REFUSED as exc:
            return str(exc)
        return ""

    def give_orders(self, orders: list[Order]) -> str:
        return self._do(self._game.submit_orders, list(orders))

    def vote(self, draft: str, vote: str) -> str:
        return self._do(self._game.vote, draft, vote)

    def message(self, to: list[str], text: str) -> str:
        return self._do(self._game.send_message, list(to), text)

    def answer(self, proposal: str, reply: str) -> str:
        return self._do(self._game.answer, proposal, reply)

    def propose(self, to: list[str], terms: list[Term], institution: str = "",
                due_in: int = 1) -> tuple[str, str]:
        try:
            return self._game.propose(self.nation, list(to), list(terms),
                                      institution=institution, due_in=due_in), ""
        except REFUSED as exc:
            return "", str(exc)

    def counter(self, proposal: str, terms: list[Term], due_in: int = 1) -> tuple[str, str]:
        try:
            return self._game.counter(self.nation, proposal, list(terms), due_in=due_in), ""
        except REFUSED as exc:
            return "", str(exc)


__all__ = ["LocalSeat", "PublicCampaign", "Seat"]
