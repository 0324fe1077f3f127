"""A game at one terminal: who governs which state, and whose turn it is. No Textual here.

A round runs: briefing -> diplomacy (humans with a draft to vote on or a proposal
to answer take a turn, then the computer) -> orders (every human takes a turn,
then the computer) -> resolution. :meth:`Session.next_step` says what the
interface must do next; the interface never decides the order of play itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .computer import Computers
from .scenario import Scenario


@dataclass
class Seat:
    """Who governs a state: a named human, or the computer at a difficulty."""

    nation: str
    player: str = ""  # a human's name; empty: the computer plays
    difficulty: str = "normal"

    @property
    def human(self) -> bool:
        return bool(self.player.strip())

    def describe(self) -> str:
        return self.player.strip() if self.human else f"computer, {self.difficulty}"


@dataclass(frozen=True)
class Step:
    kind: str  # "turn" (a human plays), "computer" (the computer plays), "over"
    nation: str = ""
    phase: str = ""


def default_seats(world, human: str | None = None, name: str = "You") -> list[Seat]:
    """One human on the first state (or ``human``), the computer on all the others."""
    first = human if human in world.nation else world.ids[0]
    return [Seat(n, name if n == first else "") for n in world.ids]


@dataclass
class Session:
    scenario: Scenario
    seats: list[Seat]
    seed: int
    loaded: object = None  # a game read back from a save, to play on
    game: object = field(init=False)  # wargame.core.Game
    done: set[str] = field(default_factory=set, init=False)  # humans done this phase
    tabs: dict[str, str] = field(default_factory=dict, init=False)  # last tab per human
    saves_folder: object = field(default=None, init=False)  # None: the default folder
    round_over: bool = field(default=False, init=False)  # a round resolved: autosave
    _campaign: object = field(default=None, init=False, repr=False)  # the public campaign

    def __post_init__(self) -> None:
        from ..core import Game

        self.game = self.loaded if self.loaded is not None else \
            Game(self.scenario.world, self.seed)
        self.seat = {s.nation: s for s in self.seats}
        world = self.scenario.world
        self.humans = [n for n in world.ids if self.seat.get(n, Seat(n)).human]
        self.computers = Computers(world, self.seed, {
            n: self.seat[n].difficulty if n in self.seat else "normal"
            for n in world.ids if n not in self.humans},
            dict(getattr(self.scenario, "policies", ())))
        if self.loaded is not None:
            self.computers.recall(self.game)

    # ------------------------------------------------------------ queries
    def seat_of(self, nation: str):
        """The government's seat (:class:`wargame.text.port.LocalSeat`): all a turn
        screen reads and does goes through it."""
        from ..text.port import LocalSeat, PublicCampaign

        if self._campaign is None:
            self._campaign = PublicCampaign.of(self.game.world, self.scenario.title)
        return LocalSeat(self.game, nation, self._campaign)

    @property
    def table(self):
        """What the turn screens know of this table (:class:`wargame.tui.table.Table`)."""
        from .table import Table

        return Table(self.scenario.title, self.scenario,
                     {n: self.player(n) for n in self.humans}, tuple(self.humans), self.tabs)

    @property
    def hotseat(self) -> bool:
        """More than one human: hand the keyboard over between turns."""
        return len(self.humans) > 1

    def player(self, nation: str) -> str:
        return self.seat[nation].player.strip() if nation in self.seat else ""

    def name(self, nation: str) -> str:
        return self.game.world.name_of(nation)

    def has_business(self, nation: str) -> bool:
        """Whether a human has something to do in the diplomacy phase: a draft to
        vote on. Only public facts decide it: a proposal is private, and who takes a
        turn is seen by the whole table (proposals are answered in the orders turn)."""
        g = self.game
        world, st = g.world, g.state
        return any(nation in world.institution[d.institution].members
                   and nation not in st.institutions[d.institution].suspended
                   for d in g.drafts())

    def turn_order(self) -> tuple[list[str], list[str]]:
        """Humans who play in this phase (in order, done ones included) and humans
        skipped in it (in the diplomacy phase, those with no draft to vote on)."""
        if self.game.phase == "orders":
            return list(self.humans), []
        playing = [n for n in self.humans if n in self.done or self.has_business(n)]
        return playing, [n for n in self.humans if n not in playing]

    # -------------------------------------------------------------- flow
    def next_step(self) -> Step:
        g = self.game
        if g.over:
            return Step("over")
        if g.phase == "briefing":
            g.advance()  # nobody acts in the briefing: it is read in the next turn
        for n in self.humans:
            if n in self.done:
                continue
            if g.phase == "orders" or self.has_business(n):
                return Step("turn", n, g.phase)
        return Step("computer", phase=g.phase)

    def end_turn(self, nation: str) -> None:
        self.done.add(nation)

    def play_computer(self) -> list:
        """The computer's part of the current phase, then the next phase. Slow on big
        worlds: the interface runs it in a worker thread."""
        g = self.game
        if g.phase == "diplomacy":
            self.computers.diplomacy(g)
            events = g.advance()
        else:
            self.computers.orders(g)
            events = g.resolve()
            self.round_over = True
        self.done.clear()
        return events
