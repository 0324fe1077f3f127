"""Setup: choose a campaign, and who governs each state. Enter starts a solo game."""

from __future__ import annotations

import re
from dataclasses import replace

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Footer, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from ...seeds import PROBLEM, parse_seed
from ...textsafe import clean_input, one_line
from ..computer import DIFFICULTIES
from ..scenario import Scenario, choices, load_scenario
from ..session import Seat, default_seats
from ..text import esc, words
from ..widgets.inputs import TextInput


class SeatTable(DataTable):
    BINDINGS = [Binding("h", "screen.toggle_human", "Human/computer"),
                Binding("c", "screen.difficulty", "Difficulty"),
                Binding("enter", "screen.name_player", "Name player", show=False)]


class NameScreen(ModalScreen[str | None]):
    """Name the human who governs a state (empty: the computer plays it)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, state: str, current: str):
        super().__init__()
        self.state, self.current = state, current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"[b]Who governs {esc(self.state)}?[/b]")
            yield Label("[$text-dim]A player's name, or empty for the computer. Enter to "
                        "confirm.[/]")
            yield TextInput(self.current, placeholder="computer", id="name")

    @on(Input.Submitted)
    def done(self, event: Input.Submitted) -> None:
        self.dismiss(clean_input(event.value, lines=False).strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


def prepare_game() -> None:
    """Import what a game needs (the computer players, the game screens) while the
    player looks at this screen, not after Start: the first turn comes that much
    sooner. Run in the titles thread; an import error shows when the game starts."""
    import importlib

    for name in ("wargame.ai", "wargame.tui.computer", "wargame.tui.screens.play",
                 "wargame.tui.screens.game", "wargame.tui.screens.dialogs",
                 "wargame.saves"):
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - reported where it is used
            pass


HINT = ("[$text-dim]Tab: campaign → your state → governments → seed → Start · Enter "
        "begins[/]")
SEATS_KEYS = ("[$text-dim]in the table: h human/computer (hot seat) · Enter names a player · "
              "c computer difficulty[/]")


class SetupScreen(Screen):
    CSS_PATH = "setup.tcss"

    BINDINGS = [Binding("escape", "back", "Back"), Binding("s", "start", "Start", show=False),
                # from the buttons and the seed, the arrows choose the campaign
                Binding("up", "campaign(-1)", "Campaign", show=False),
                Binding("down", "campaign(1)", "Campaign", show=False)]

    def __init__(self, campaign: str | None = None, seed: int | None = None,
                 nation: str | None = None):
        super().__init__()
        self.options = choices(campaign)
        self.seed_given = seed
        self.nation_given = nation  # `wargame play --as STATE`: offered first
        self.cache: dict[str, Scenario | str] = {}
        self.scenario: Scenario | None = None
        self.seats: list[Seat] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="setup-top"):
            with Vertical(id="setup-left"):
                yield Label("[b]Campaign[/b]")
                yield OptionList(*[Option(esc(c.label), id=c.key) for c in self.options],
                                 id="campaigns")
            yield VerticalScroll(Static(id="about"), id="about-box")
        with Horizontal(id="seats-head"):
            yield Label("[b]You play[/b]", id="play-as-label")
            # the state a solo player governs, in sight: the table's h is for hot seat
            yield Select([], id="play-as", prompt="nobody (choose)", compact=True)
            yield Label(SEATS_KEYS, id="seats-keys")
        yield SeatTable(id="seats")
        with Horizontal(id="setup-bottom"):
            yield Label("Seed", id="seed-label")
            yield Input(id="seed", type="integer", compact=True)
            yield Button("Start game", variant="primary", id="start", compact=True)
            yield Button("Back", id="back", compact=True)
        yield Static(HINT, id="setup-hint")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(SeatTable)
        table.cursor_type = "row"
        table.add_columns("State", "Played by", "Region")
        campaigns = self.query_one("#campaigns", OptionList)
        keys = [c.key for c in self.options]
        last = self._last_setup()
        first = keys.index(last[0]) if last and last[0] in keys else 0
        campaigns.highlighted = first
        self.select(self.options[first].key)
        self.query_one("#about-box").can_focus = False  # Tab: campaigns, states, seed, start
        self.query_one("#back").can_focus = False  # Escape goes back; Tab wraps to campaigns
        self.query_one("#start").focus()
        # and again once drawn: Textual's auto focus may have taken the first field
        self.call_after_refresh(self.query_one("#start").focus)
        self.load_titles()

    @work(thread=True, exclusive=True, group="titles")
    def load_titles(self) -> None:
        """Read every campaign in the list, so it shows titles, not file names."""
        for i, choice in enumerate(self.options):
            if choice.key not in self.cache:
                try:
                    self.cache[choice.key] = load_scenario(choice.key)
                except Exception as exc:  # shown when the campaign is highlighted
                    self.cache[choice.key] = str(exc)
            found = self.cache[choice.key]
            label = found.title if isinstance(found, Scenario) else f"{choice.label} (errors)"
            if not self.is_mounted:  # started or left already: nothing to show
                break
            self.app.call_from_thread(self.show_title, i, esc(label))
        prepare_game()

    def show_title(self, index: int, label: str) -> None:
        # the screen may have gone, or be going (its list removed before the screen
        # itself), while the thread read files: then there is nothing to show it in
        for campaigns in self.query("#campaigns").results(OptionList):
            campaigns.replace_option_prompt_at_index(index, label)

    @on(OptionList.OptionSelected, "#campaigns")
    def chosen(self) -> None:
        """Enter on a campaign: on to Start (Enter again begins)."""
        self.query_one("#start").focus()

    @on(OptionList.OptionHighlighted, "#campaigns")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and (self.scenario is None or event.option.id != self.scenario.key):
            self.select(event.option.id)

    def select(self, key: str) -> None:
        if key not in self.cache:
            try:
                self.cache[key] = load_scenario(key)
            except Exception as exc:  # CampaignErrors: every mistake, file:line:column
                self.cache[key] = str(exc)
        found = self.cache[key]
        about = self.query_one("#about", Static)
        if isinstance(found, str):
            self.scenario, self.seats = None, []
            about.update(f"[b $text-error]This campaign has errors:[/]\n{esc(found)}")
            self.show_play_as(fill=True)
            self.show_seats()
            return
        self.scenario = found
        self.query_one("#setup-hint", Static).update(HINT)
        w = found.world
        about.update(
            f"[b]{esc(found.title)}[/b]\n"
            f"[$text-dim]{len(w.nations)} states · {len(w.institutions)} institutions · "
            f"{found.rounds} rounds · suggested for {found.players} player(s)[/]\n\n"
            f"{self._tutorial_note(key)}{esc(found.description)}")
        last = self._last_setup()
        if last and last[0] == key and [s.nation for s in last[1]] == list(w.ids):
            self.seats = [replace(seat) for seat in last[1]]  # as in the last game
        else:
            self.seats = default_seats(w, self._given_state(w))
        self.query_one("#seed", Input).value = str(
            self.seed_given if self.seed_given is not None else found.seed)
        self.show_play_as(fill=True)
        self.show_seats()

    def _tutorial_note(self, key: str) -> str:
        """Under another campaign: where a first-time player should start."""
        tutorial = next((c for c in self.options if c.key.endswith("tutorial.yaml")), None)
        if tutorial is None or tutorial.key == key:
            return ""
        return ("[$text-accent]New to the game? Choose the Tutorial in the list: a short "
                "game that teaches every step.[/]\n\n")

    def _last_setup(self) -> tuple[str, list[Seat]] | None:
        """The campaign and seats of the last game started in this app, if any."""
        return getattr(self.app, "last_setup", None)

    def _given_state(self, world) -> str | None:
        """The state asked for with --as (by id or name), if this campaign has it."""
        if not self.nation_given:
            return None
        found = world.state_called(self.nation_given)
        if found is not None:
            return found
        self.notify(f"There is no state {self.nation_given!r} in {self.scenario.title}: "
                    "press h on the state you want to govern.", severity="warning")
        return None

    def show_seats(self) -> None:
        table = self.query_one(SeatTable)
        row = table.cursor_row
        table.clear()
        if self.scenario is None:
            return
        world = self.scenario.world
        for seat in self.seats:
            n = world.nation[seat.nation]
            who = (Text(one_line(seat.player), style="bold") if seat.human
                   else Text(seat.describe(), style=self.app.theme_variables["text-dim"]))
            # cells as Text, never markup: a DataTable reads a str cell as Rich markup
            table.add_row(Text(one_line(n.name)), who, Text(one_line(words(n.region))),
                          key=seat.nation)
        table.move_cursor(row=min(row, len(self.seats) - 1))
        self.show_play_as()

    def show_play_as(self, fill: bool = False) -> None:
        """The "You play" choice: every state (``fill``, a new campaign), showing the
        first human's state, or nobody; changed here, it sends no Changed message."""
        chooser = self.query_one("#play-as", Select)
        with self.prevent(Select.Changed):
            if fill:
                names = self.scenario.world.nation if self.scenario else {}
                # names as plain text (Content), never markup: a name is data
                chooser.set_options([(Content(one_line(names[s.nation].name)), s.nation)
                                     for s in self.seats])
            if not self.seats:
                return
            human = next((s.nation for s in self.seats if s.human), None)
            chooser.value = human if human is not None else Select.NULL

    @on(Select.Changed, "#play-as")
    def play_as(self, event: Select.Changed) -> None:
        """You play this state alone: every other state goes to the computer."""
        if event.value is Select.NULL or not self.seats:
            return
        for seat in self.seats:
            if seat.nation == event.value:
                seat.player = seat.player if seat.human else "You"
            else:
                seat.player = ""
        self.renumber()
        self.show_seats()
        table = self.query_one(SeatTable)
        table.move_cursor(row=[s.nation for s in self.seats].index(event.value))

    def current_seat(self) -> Seat | None:
        table = self.query_one(SeatTable)
        if not self.seats:
            return None
        return self.seats[table.cursor_row]

    # ------------------------------------------------------------- actions
    def action_toggle_human(self) -> None:
        seat = self.current_seat()
        if seat is None:
            return
        seat.player = "" if seat.human else "You"
        self.renumber()
        self.show_seats()

    def renumber(self) -> None:
        """Players nobody has named are "You" alone, else "Player 1", "Player 2"...
        in the order of the list, which is the order of play."""
        humans = [s for s in self.seats if s.human]
        auto = re.compile(r"(You|Player \d+)")
        for i, seat in enumerate(humans, 1):
            if auto.fullmatch(seat.player.strip()):
                seat.player = "You" if len(humans) == 1 else f"Player {i}"

    def action_campaign(self, step: int) -> None:
        """An arrow pressed on the seed or a button: move in the campaign list."""
        campaigns = self.query_one("#campaigns", OptionList)
        campaigns.focus()
        if step > 0:
            campaigns.action_cursor_down()
        else:
            campaigns.action_cursor_up()

    def action_difficulty(self) -> None:
        seat = self.current_seat()
        if seat is None:
            return
        if seat.human:
            self.notify(f"{seat.player} governs this state: c sets a computer's difficulty. "
                        "Press h to give this state to the computer.", timeout=5)
            return
        i = DIFFICULTIES.index(seat.difficulty)
        seat.difficulty = DIFFICULTIES[(i + 1) % len(DIFFICULTIES)]
        self.show_seats()

    @work(exclusive=True)
    async def action_name_player(self) -> None:
        seat = self.current_seat()
        if seat is None:
            return
        name = self.scenario.world.nation[seat.nation].name
        result = await self.app.push_screen_wait(NameScreen(name, seat.player))
        if result is not None:
            seat.player = result
            self.show_seats()

    def action_back(self) -> None:
        self.app.pop_screen()

    @on(Button.Pressed, "#back")
    def back(self) -> None:
        self.action_back()

    @on(Input.Submitted, "#seed")
    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        if self.scenario is None:
            why = ("This campaign has errors (listed on the right), so it cannot start: "
                   "choose another campaign, or fix the file.")
            self.query_one("#setup-hint", Static).update(f"[b $text-error]{esc(why)}[/]")
            self.notify(why, severity="error", title="Cannot start")
            return
        if not any(s.human for s in self.seats):
            self.notify("Nobody governs a state: press h on a state to play it.",
                        severity="warning")
            return
        text = self.query_one("#seed", Input).value.strip()
        try:
            seed = parse_seed(text) if text else self.scenario.seed
        except ValueError:
            self.query_one("#setup-hint", Static).update(
                f"[b $text-error]The seed: {esc(PROBLEM)} (or empty for the "
                "campaign's own).[/]")
            self.query_one("#seed", Input).focus()
            return
        self.app.start_game(self.scenario, list(self.seats), seed)
