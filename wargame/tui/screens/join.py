"""``wargame join URL``: one government's screens, at a game hosted on another computer.

:class:`CodeScreen` asks for the join code (a wrong one is refused with the host's
reason, and may be typed again). :class:`JoinScreen` is the driver, as
:class:`~wargame.tui.screens.play.PlayScreen` is at one terminal: it shows the
same :class:`~wargame.tui.screens.game.GameScreen` over the seat, ends the turn
through it, then says "Waiting for the other governments..." until the host
pushes the next phase. A dropped connection is said, and the same code joins
again. At the end, :class:`SeatEndScreen` shows what this government may see.

Nothing here holds the game: only the seat (its view, the public news, the public
campaign) that the host sends this government.
"""

from __future__ import annotations

import asyncio
import time

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, LoadingIndicator, Static

from ..text import esc, stage
from ..widgets.inputs import TextInput

PHASES = ("diplomacy", "orders")
RETRY = 2.0  # seconds between tries to join again after the connection dropped
FETCH_EVERY = 1.0  # seconds: the least time between two views asked for in a phase


class CodeScreen(Screen):
    """The join code: typed, sent to the host; refused, said why, typed again."""

    BINDINGS = [Binding("escape", "app.quit", "Quit")]
    DEFAULT_CSS = "CodeScreen #joining { height: 3; }"

    def __init__(self, url: str, code: str = "", note: str = ""):
        super().__init__()
        self.url, self.code, self.note = url, code, note

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            with VerticalScroll(id="handoff"):
                yield Static(f"[b]wargame[/b] · a game hosted at [b]{esc(self.url)}[/b]\n\n"
                             "Type your government's join code (from the instructor), "
                             "then Enter.", id="code-intro")
                yield TextInput(placeholder="e.g. K7QP-XM3A", id="code")
                yield Static(esc(self.note), id="code-status")
        yield LoadingIndicator(id="joining")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#joining").display = False
        box = self.query_one("#code", TextInput)
        box.focus()
        if self.code:
            box.value = self.code
            self.try_code(self.code)

    @on(TextInput.Submitted, "#code")
    def submitted(self, event: TextInput.Submitted) -> None:
        code = event.value.strip()
        if not code:
            self.say("Type the code first (letters and digits, with or without the dash).")
            return
        self.try_code(code)

    def say(self, text: str, busy: bool = False) -> None:
        self.query_one("#code-status", Static).update(text)
        self.query_one("#joining").display = busy
        self.query_one("#code", TextInput).disabled = busy

    @work(thread=True, exclusive=True, group="join")
    def try_code(self, code: str) -> None:
        from ...net.client import Disconnected, JoinRefused

        self.app.call_from_thread(self.say, "Joining...", True)
        try:
            seat = self.app.connect(code)
        except JoinRefused as exc:
            text = f"[b $text-error]Refused:[/] {esc(str(exc))}. Check the code and try again."
        except (Disconnected, ValueError, OSError) as exc:
            text = (f"[b $text-error]Cannot join:[/] {esc(str(exc))}\nPress Enter to try "
                    "again.")
        else:
            self.app.call_from_thread(self.app.seated, seat, code)
            return
        self.app.call_from_thread(self.refused, text)

    def refused(self, text: str) -> None:
        self.say(text)
        self.query_one("#code", TextInput).focus()


class JoinScreen(Screen):
    """The driver of one remote government: its turns, the waits, the end."""

    BINDINGS = [Binding("v", "look", "Your government"),
                Binding("q", "app.quit", "Quit")]

    def __init__(self, seat, table):
        super().__init__()
        self.seat, self.table = seat, table
        self.key: tuple = ()  # (started, round, phase, over) the screens were made for
        self.version = -1  # the host's version the game screen last showed
        self.moved = asyncio.Event()  # the phase changed (or the connection did)
        self.looking = False  # the game screen is up while waiting: to look, not to act
        self.status_seen: object = None  # the status the clock was read from
        self.due: float | None = None  # when the phase's deadline runs out (monotonic)
        self.fetched = 0.0  # when the view was last asked for a change within a phase
        self.told = -1  # the link's version (its view told changed) the screen last showed

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(id="play-status")
        yield LoadingIndicator(id="deciding")
        yield Footer()

    def on_mount(self) -> None:
        self.key = self.status_key()
        self.flow()

    # ------------------------------------------------------------ status
    def status_key(self) -> tuple:
        st = self.seat.status
        return st.get("started"), st.get("round"), st.get("phase"), st.get("over")

    def say(self, text: str, busy: bool = False) -> None:
        st = self.seat.status
        c = self.seat.campaign
        head = (f"[b]{esc(self.table.title)}[/b] · Round {st.get('round', '?')}/"
                f"{c.rounds_limit} · {esc(stage(str(st.get('stage', ''))))}")
        self.query_one("#play-status", Static).update(f"{head}\n\n{text}")
        self.query_one("#deciding").display = busy

    def waiting_text(self) -> str:
        st = self.seat.status
        if not st.get("started"):
            return "Waiting for the instructor to start the game..."
        if st.get("paused"):
            return "The game is paused by the instructor..."
        if st.get("role") == "computer":
            return ("The instructor has handed your government to the computer. "
                    "Waiting for the other governments...")
        return "Your turn is over. Waiting for the other governments..."

    def waiting_line(self) -> str:
        note = self.note(turn=False)  # the line above says the turn is over
        return (self.waiting_text() + (f"\n[$text-warning]{esc(note)}[/]" if note else "")
                + "\n\n[$text-dim]v: look at your government meanwhile (the briefing, "
                  "news, states, map)[/]")

    # -------------------------------------------------------------- flow
    def can_act(self) -> bool:
        """Whether this connection has a turn to play now (else it waits)."""
        st = self.seat.status
        return bool(not st.get("started") or (st.get("phase") in PHASES
                                              and not st.get("turn_over")))

    @work(exclusive=True, group="flow")
    async def flow(self) -> None:
        from .game import GameScreen

        while True:
            st = dict(self.seat.status)
            if st.get("over"):
                self.close_game_screens()
                self.app.switch_screen(SeatEndScreen(self.seat, self.table))
                return
            self.moved.clear()
            if self.seat.link.closed:  # the app joins again, with a new driver
                await self.moved.wait()
                continue
            if self.can_act():
                self.say("")
                self.key = self.status_key()  # the screen is made for this phase
                self.take_players()  # as it opens, not at the next poll: a message
                # written at once must know which governments a computer plays
                self.version = st.get("version", 0)
                self.told = self.seat.link.version
                # it ends the turn through the seat (the host may refuse: it says why)
                await self.app.push_screen_wait(GameScreen(self.seat, self.table))
                continue
            self.say(self.waiting_line(), busy=True)
            await self.moved.wait()

    def poll(self) -> None:
        """Called a few times a second by the app: follow what the host pushed."""
        self.take_players()
        key = self.status_key()
        if key != self.key:
            self.key = key
            self.new_phase()
            return
        screen = self.app.screen
        if hasattr(screen, "set_note"):
            screen.set_note(self.note())
        version = self.seat.status.get("version", 0)
        now = time.monotonic()
        # every act of any government bumps the version: the view is asked for at
        # most once a second (most acts, others' orders, change nothing seen here)
        # or the link was told the view changed (a note, or a reply's "changed")
        told = self.seat.link.version
        if (version != self.version or told != self.told) \
                and getattr(screen, "seat", None) is self.seat \
                and hasattr(screen, "take_view") and now - self.fetched >= FETCH_EVERY:
            self.version, self.told, self.fetched = version, told, now
            screen.take_view(self.seat.view())
        if not self.can_act() and not self.moved.is_set() and not self.looking:
            # e.g. paused, or handed to the computer: the waiting line says which
            if self.app.screen is self:
                self.say(self.waiting_line(), busy=True)

    def take_players(self) -> None:
        """Who is played by people, and their names, as the host last said: what the
        message dialog tells apart (computers do not read messages)."""
        st = self.seat.status
        if st.get("humans") is not None:
            self.table.humans = tuple(st["humans"])
            players = st.get("players")
            if isinstance(players, dict):  # those who left are no longer named
                own = self.table.players.get(self.seat.nation, "")
                self.table.players = {**{n: str(p) for n, p in players.items()},
                                      self.seat.nation: own}

    def note(self, turn: bool = True) -> str:
        """The host's word on the phase for the status line: paused, the clock, a
        role that cannot act."""
        st = self.seat.status
        if st is not self.status_seen:  # a new status: the clock as the host read it
            self.status_seen = st
            left = st.get("deadline")
            self.due = None if left is None else time.monotonic() + float(left)
        parts = []
        if st.get("paused"):
            parts.append("paused by the instructor")
        elif self.due is not None:
            left = max(0, int(self.due - time.monotonic()))
            parts.append(f"{left // 60}:{left % 60:02d} left")
        role = st.get("role")
        if turn and st.get("started") and st.get("turn_over") and role != "computer":
            parts.append("your turn is over")
        if role == "adviser":
            parts.append("you advise: your speaker acts")
        elif role == "computer":
            parts.append("handed to the computer")
        if not st.get("started"):
            parts.append("waiting for the instructor to start")
        return " · ".join(parts)

    def new_phase(self) -> None:
        """The host moved on (or the game started, or ended): the screens of the last
        phase give way to those of the new one."""
        st = self.seat.status
        self.close_game_screens()
        if st.get("started") and not st.get("over") and st.get("phase") in PHASES:
            self.app.notify(f"Round {st.get('round')}: the {st.get('phase')} phase.",
                            title="The game goes on", timeout=4)
        self.moved.set()

    def close_game_screens(self) -> None:
        """Dialogs and the game screen above this one are closed."""
        while len(self.app.screen_stack) > 1 and self.app.screen is not self:
            top = self.app.screen
            if hasattr(top, "take_view"):  # a game screen: the flow awaits its result
                top.dismiss("phase")
            else:  # a dialog over it (its question is moot now)
                self.app.pop_screen()

    @work(exclusive=True, group="look")
    async def action_look(self) -> None:
        """While waiting: the government's screens, to read (the host refuses acts)."""
        from .game import GameScreen

        if self.app.screen is not self:
            return
        self.looking = True
        try:
            await self.app.push_screen_wait(GameScreen(self.seat, self.table))
        finally:
            self.looking = False


class SeatEndScreen(Screen):
    """The end, as one government may see it: the outcome, its own score and
    objectives, the escalation, the last round's public news. The whole debrief
    (every government's score) is the instructor's, on the host."""

    CSS_PATH = "end.tcss"
    BINDINGS = [Binding("q", "app.quit", "Quit")]

    def __init__(self, seat, table):
        super().__init__()
        self.seat, self.table = seat, table

    def compose(self) -> ComposeResult:
        from ..widgets.gauge import EscalationChart

        with VerticalScroll(id="end"):
            yield Static(f"[b]Game over — {esc(self.table.title)}[/b]", classes="h1")
            yield Static(id="outcome")
            yield Static("[b]Your score[/b] [$text-dim](your objectives)[/]", classes="h2")
            yield Static(id="scores")
            yield Static("[b]Escalation over the rounds[/b]", classes="h2")
            yield EscalationChart(self.seat.campaign.ladder, id="curve")
            yield Static("[b]The last round[/b]", classes="h2")
            yield Static(id="last-round")
            yield Static("[$text-dim]The instructor has the whole debrief: every "
                         "government's objectives and score, and the after-action report."
                         "\nq quits.[/]")
        yield Footer()

    def on_mount(self) -> None:
        from ..text import OUTCOMES
        from ..widgets.gauge import EscalationChart

        seat, view = self.seat, self.seat.view()
        self.query_one("#outcome", Static).update(
            f"[b]{esc(OUTCOMES.get(view.outcome, view.outcome))}[/b]\n"
            f"[$text-dim]{view.round} round(s) · peak escalation "
            f"{max(view.history, default=view.escalation):.0f} · final stage "
            f"{esc(stage(view.stage))}[/]")
        self.query_one("#scores", Static).update(score_text(seat))
        self.query_one("#last-round", Static).update(last_round_text(seat, view))
        self.query_one(EscalationChart).show(view.history)
        self.query_one("#end").focus()


def score_text(seat) -> str:
    from ...core.scoring import describe

    try:
        sc = seat.score()
    except Exception as exc:  # the connection went at the very end: said, no traceback
        return f"[$text-error]Your score could not be read: {esc(str(exc))}[/]"
    lines = [f"{esc(seat.campaign.name_of(seat.nation))}: [b]{sc.total}[/b] of "
             f"{sc.possible} points"]
    for obj, ok in sc.results:
        mark = "[$text-success]met[/]" if ok else "[$text-error]not met[/]"
        lines.append(f"  • {mark}: {esc(describe(seat.campaign, obj))} "
                     f"[$text-dim]({obj.points} points)[/]")
    return "\n".join(lines)


def last_round_text(seat, view) -> str:
    news = [e for e in seat.public_news() if e.round == view.round
            and e.kind.value not in ("round_started",)]
    mine = [e for e in view.private if e.round == view.round]
    lines = [f"  • {esc(e.text)}" for e in news[-16:]] or \
        ["  [$text-dim]No headline: a quiet last round.[/]"]
    if mine:
        lines += ["[b]Seen only by you[/b]:", *(f"  • {esc(e.text)}" for e in mine[-8:])]
    return "\n".join(lines)


class Lost(ModalScreen[None]):
    """The connection dropped: said, while the same code joins again."""

    DEFAULT_CSS = "Lost LoadingIndicator { height: 3; }"

    def __init__(self, reason: str):
        super().__init__()
        self.reason = reason

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            with VerticalScroll(id="handoff"):
                why = "" if "connection to the host was lost" in self.reason else \
                    f" ({esc(self.reason)})"
                yield Static(f"[b $text-error]The connection to the host was lost[/]{why}."
                             "\n\nJoining again with your code... "
                             "[$text-dim](ctrl+q quits; your seat stays yours)[/]",
                             id="lost-text")
        yield LoadingIndicator()
