"""``wargame join URL``: the full-screen client of a game hosted on another computer.

The same game screens as at one terminal (:mod:`wargame.tui.screens.game` and its
dialogs), over a :class:`~wargame.net.client.RemoteSeat`: the app holds that seat
and nothing else of the game. :mod:`wargame.tui.screens.join` has its screens.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen

from .app import WargameApp
from .screens.join import RETRY, CodeScreen, JoinScreen, Lost
from .text import esc


LOST = {"public_news": [], "orders": [], "last_due_in": 1}


class Steady:
    """A remote seat for the screens: what it reads never raises when the connection
    drops (the last answer stands until the app has joined again), and a question
    or a verb answers with the reason. Everything else is the seat's own."""

    def __init__(self, seat):
        self._seat = seat
        self._last: dict[str, object] = {}

    def __getattr__(self, name: str):
        return getattr(self._seat, name)

    def _read(self, name: str, *args):
        from ..net.client import Disconnected

        try:
            value = getattr(self._seat, name)(*args)
        except Disconnected:
            if name in self._last:
                return self._last[name]
            if name in LOST:  # never read yet: what a lost seat may show
                return LOST[name]
            raise  # the view (read at joining) and the score: the screens catch it
        self._last[name] = value
        return value

    def view(self):
        return self._read("view")

    def public_news(self):
        return self._read("public_news")

    def orders(self):
        return self._read("orders")

    def score(self):
        return self._read("score")

    def last_due_in(self):
        return self._read("last_due_in")

    def _ask(self, name: str, *args, **kw):
        from ..net.client import Disconnected

        try:
            return getattr(self._seat, name)(*args, **kw)
        except Disconnected as exc:
            return f"the connection to the host is lost ({exc})"

    def check(self, order):
        return self._ask("check", order)

    def consequences(self, order):
        out = self._ask("consequences", order)
        return [] if isinstance(out, str) and out.startswith("the connection") else out

    def term_problem(self, term, due_in, already):
        return self._ask("term_problem", term, due_in, already)

    def cannot_pass(self, institution, measure, target):
        return self._ask("cannot_pass", institution, measure, target)

    def propose(self, to, terms, institution="", due_in=1):
        out = self._ask("propose", to, terms, institution=institution, due_in=due_in)
        return ("", out) if isinstance(out, str) else out

    def counter(self, proposal, terms, due_in=1):
        out = self._ask("counter", proposal, terms, due_in=due_in)
        return ("", out) if isinstance(out, str) else out


class JoinApp(WargameApp):
    """One government's screens, at a game hosted elsewhere."""

    TITLE = "wargame join"

    def __init__(self, url: str, code: str | None = None, name: str = "", *,
                 join=None):
        super().__init__()
        self.url, self.code, self.player_name = url, (code or "").strip(), name
        self._join = join  # (url, code, name) -> RemoteSeat; None: RemoteSeat.join
        self.seat = None  # the seat, once joined
        self.driver: JoinScreen | None = None
        self.reconnecting = False

    def get_default_screen(self) -> Screen:
        return CodeScreen(self.url, self.code)

    def on_mount(self) -> None:  # WargameApp's on_mount (the theme) runs as well
        self.set_interval(0.25, self.poll)

    # ------------------------------------------------------------ joining
    def connect(self, code: str):
        """Join with ``code`` (blocking: called in a thread); JoinRefused or
        Disconnected when not seated."""
        from ..net.client import RemoteSeat

        join = self._join or RemoteSeat.join
        return Steady(join(self.url, code, self.player_name))

    def seated(self, seat, code: str) -> None:
        """Joined (or joined again): the seat's screens, from the start of its phase."""
        from .table import Table

        old, self.seat, self.code = self.seat, seat, code
        if old is not None and old is not seat:
            old.close()
        table = Table(seat.campaign.title, players={seat.nation: self.player_name},
                      humans=None)
        self.driver = JoinScreen(seat, table)
        while len(self.screen_stack) > 1:  # the code screen stays underneath
            self.pop_screen()
        self.push_screen(self.driver)
        role = seat.status.get("role", "")
        name = seat.campaign.name_of(seat.nation)
        self.notify(f"You lead {name}" + (
            " as your delegation's speaker: you give its orders." if role == "speaker" else
            ": your delegation's speaker acts for it; you see everything." if role == "adviser"
            else "."), title="Joined", timeout=6)

    def poll(self) -> None:
        if self.reconnecting or self.seat is None or self.driver not in self.screen_stack:
            return  # joining, or the game is over (the end screen: the host may go)
        closed = self.seat.link.closed
        if not closed:
            self.driver.poll()
            return
        self.reconnecting = True
        self.driver.close_game_screens()
        self.push_screen(Lost(closed))
        self.rejoin()

    @work(thread=True, exclusive=True, group="rejoin")
    def rejoin(self) -> None:
        import time

        from textual.worker import get_current_worker

        from ..net.client import Disconnected, JoinRefused

        worker = get_current_worker()
        while not worker.is_cancelled:
            time.sleep(RETRY)
            try:
                seat = self.connect(self.code)
            except JoinRefused as exc:
                self.call_from_thread(self.refused_again, str(exc))
                return
            except (Disconnected, OSError):
                continue
            self.call_from_thread(self.rejoined, seat)
            return

    def rejoined(self, seat) -> None:
        self.reconnecting = False
        self.seated(seat, self.code)
        self.notify("Joined again: your seat is yours, with the orders you gave.",
                    title="Connection", timeout=5)

    def refused_again(self, reason: str) -> None:
        self.reconnecting = False
        self.driver = None
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.screen.refused(f"Refused on joining again: {esc(reason)}")

    # ------------------------------------------------------------ actions
    def action_save(self) -> None:
        self.notify("The host keeps this game and saves it after every round: nothing "
                    "to save here.", title="Save", timeout=5)

    async def action_quit(self) -> None:
        seat, self.seat = self.seat, None
        if seat is not None:
            seat.close()
        self.exit(0)

    def action_new_game(self) -> None:  # no new game here: the host has the one game
        self.notify("This window plays one government of a hosted game.", timeout=4)

    def action_title_screen(self) -> None:
        self.action_new_game()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in App.get_system_commands(self, screen):
            if command.title == "Quit":
                command = SystemCommand("Quit", "Leave the game; your seat stays yours "
                                        "(join again with the same code)", self.action_quit)
            yield command
        yield SystemCommand("How to play", "Rules, keys and tips (? or F1)", self.action_help)
        run = getattr(screen, "run_palette", screen.run_action)
        for title, help_text, action in getattr(screen, "GAME_COMMANDS", ()):
            yield SystemCommand(title, help_text, lambda a=action: self.call_later(run, a))


def run(url: str, code: str | None = None, name: str = "") -> int:
    """``wargame join URL`` without --text."""
    app = JoinApp(url, code, name)
    result = app.run()
    return result if isinstance(result, int) else 0


__all__ = ["JoinApp", "Steady", "run"]
