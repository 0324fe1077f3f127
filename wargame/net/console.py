"""The instructor's console of a hosted game (a Textual app; the server runs in its loop).

One row a government: its code, who plays it, how many are connected, its orders
given, whether its turn is over. Keys: s start, p pause/resume, e end the phase now,
m what missing orders count as, c hand the highlighted seat to the computer (and
back), w the whole state (private information marked), r the after-action report at
the end. The command line at the bottom takes ``deadline PHASE SECONDS``,
``inject ID``, ``news all: TEXT`` or ``news STATE,STATE: TEXT``. Every change to the
game goes through :class:`~wargame.net.host.Host`, which records it.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Header, Input, Static

from ..textsafe import printable
from .host import Host, Refused
from .server import Server

HELP = ("Commands: deadline diplomacy|orders SECONDS (0: none) · inject ID · "
        "news all: TEXT · news STATE,STATE: TEXT")


class TextScreen(ModalScreen):
    """A page of plain text (never markup), closed with Escape."""

    BINDINGS = [Binding("escape", "dismiss", "Close")]

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(printable(self.text), markup=False, id="page")
        yield Footer()


class Console(App):
    TITLE = "wargame host"
    CSS = """
    #status { height: 3; padding: 0 1; }
    #seats { height: 1fr; }
    #log { height: 10; border-top: solid $accent; padding: 0 1; }
    #page { padding: 1 2; }
    """
    BINDINGS = [
        Binding("s", "start", "Start"),
        Binding("p", "pause", "Pause/resume"),
        Binding("e", "end_phase", "End phase"),
        Binding("m", "missing", "Missing orders"),
        Binding("c", "hand", "Computer/back"),
        Binding("w", "whole", "Whole state"),
        Binding("r", "report", "Report"),
        Binding("colon", "command", "Command"),
        Binding("ctrl+q", "quit", "Quit"),
    ]

    def __init__(self, host: Host, bind: str = "127.0.0.1", port: int = 0,
                 codes_file: str | None = None, web: bool = False):
        super().__init__()
        self.host, self.bind, self.port, self.codes_file = host, bind, port, codes_file
        self.web = web
        self.server: Server | None = None
        self.code = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="status", markup=False)
        yield DataTable(id="seats", cursor_type="row")
        yield Static("", id="log", markup=False)
        yield Input(placeholder=HELP, id="command")
        yield Footer()

    async def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Government", "Code", "Played by", "Connected", "Orders", "Turn")
        self.server = Server(self.host, self.bind, self.port, web=self.web)
        try:
            await self.server.start()
        except OSError as exc:
            self.code = 2
            self.exit(message=f"wargame host: cannot listen on {self.bind}:{self.port} "
                              f"({exc.strerror or exc})")
            return
        self.sub_title = f"{self.host.title} · {self.server.url}"
        if self.codes_file:
            import io

            from .commands import write_codes

            write_codes(self.host, self.server.url, self.codes_file, io.StringIO())
            self.host.say(f"The join codes are in {self.codes_file}.")
        self.host.say(f"Listening on {self.server.url}: students join with "
                      f"wargame join {self.server.url} (--text for plain lines)"
                      + (f", or open {self.server.url} in a browser" if self.web else ""))
        self.host.listeners.append(self.refresh_all)
        self.set_interval(1.0, self.refresh_all)
        self.refresh_all()
        table.focus()

    async def on_unmount(self) -> None:
        if self.server is not None:
            await self.server.stop()

    # ------------------------------------------------------------ showing
    def refresh_all(self) -> None:
        h, g = self.host, self.host.game
        left = h.seconds_left()
        clock = "no deadline" if left is None else f"{int(left) // 60}:{int(left) % 60:02d} left"
        state = ("not started: press s to start" if not h.started else
                 f"game over: {g.outcome}" if g.over else
                 f"round {g.round} of {g.world.rounds_limit}, {g.phase} phase, {clock}")
        if h.paused:
            state += " · PAUSED"
        self.query_one("#status", Static).update(
            f"{state}\nMissing orders at the end of a phase: "
            f"{'the computer decides' if h.missing == 'computer' else 'none'} (m) · "
            f"inputs recorded: {len(g.inputs)}" + (f" · saved: {h.saved.name}" if h.saved else ""))
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for n, s in h.seats.items():
            turn = ("-" if g.phase not in ("diplomacy", "orders") or not h.started else
                    "computer" if s.computer else "ended" if s.ended else "playing")
            table.add_row(h.name(n), s.code,
                          "computer (instructor)" if s.pinned else
                          "computer (not joined)" if s.computer else "players",
                          str(len(s.conns)), str(len(g.orders_of(n))), turn, key=n)
        if row is not None and 0 <= row < table.row_count:
            table.move_cursor(row=row)
        self.query_one("#log", Static).update("\n".join(list(h.lines)[-9:]))

    def selected(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        return list(self.host.seats)[table.cursor_row]

    def run_safely(self, fn, *args) -> None:
        try:
            fn(*args)
        except Refused as exc:
            self.notify(str(exc), severity="warning")
        self.refresh_all()

    # ------------------------------------------------------------ actions
    def action_start(self) -> None:
        self.run_safely(self.host.start)

    def action_pause(self) -> None:
        self.run_safely(self.host.pause, not self.host.paused)

    def action_end_phase(self) -> None:
        self.run_safely(self.host.end_phase, None)

    def action_missing(self) -> None:
        self.run_safely(self.host.set_missing,
                        "computer" if self.host.missing == "none" else "none")

    def action_hand(self) -> None:
        n = self.selected()
        if n is not None:
            self.run_safely(self.host.hand, n, not self.host.seats[n].computer)

    def action_whole(self) -> None:
        from .whole import whole_state

        self.push_screen(TextScreen(whole_state(self.host)))

    def action_report(self) -> None:
        from .whole import debrief

        self.push_screen(TextScreen(debrief(self.host)))

    def action_command(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        event.input.value = ""
        if text:
            self.run_safely(self.command, text)
        self.query_one(DataTable).focus()

    def command(self, text: str) -> None:
        from .whole import console_command

        console_command(self.host, text)
