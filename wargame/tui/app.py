"""The Textual application: thin. Screens coordinate; the session decides the order of play.

Only the title screen is imported at start; everything heavier (the rules core,
campaign files, the computer players) is imported when it is first needed.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from .screens.title import TitleScreen


class WargameApp(App[int]):
    TITLE = "wargame"
    CSS_PATH = "app.tcss"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    BINDINGS = [
        Binding("f1,question_mark", "help", "Help"),
        Binding("ctrl+s", "save", "Save", show=False, priority=True),  # in dialogs too
    ]

    def __init__(self, campaign: str | None = None, seed: int | None = None, *,
                 load: str | None = None, nation: str | None = None, to_setup: bool = False):
        super().__init__()
        self.campaign, self.seed, self.load, self.nation = campaign, seed, load, nation
        self.to_setup = to_setup  # open on the setup screen (Escape: the title screen)
        self.session = None  # the game being played, once one has started
        self.quit_message = ""  # what ctrl+q printed (saved where)
        # the campaign and seats of the last game started: "New game" offers them again
        # (kept in memory only: players' names are not written anywhere)
        self.last_setup: tuple[str, list] | None = None

    def get_default_screen(self) -> Screen:
        """The title screen is the app's first screen (not pushed over a blank one:
        a screen and a frame fewer before the menu shows). Everything else goes on
        top of it, and back to it."""
        return TitleScreen()

    def on_mount(self) -> None:
        from . import settings

        theme = settings.load().get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(
            self, lambda t: settings.remember("theme", t.name))
        if self.load:
            self.call_after_refresh(self.load_path, self.load)
        elif self.to_setup:  # after the first refresh, as a key press would: the
            self.call_after_refresh(self.action_new_game)  # table is drawn whole

    def notify(self, message: str, *, title: str = "", severity="information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Every notification is plain text (``markup`` is ignored): one holds names,
        file paths and errors from outside, which must show as they are written."""
        from ..textsafe import one_line, printable

        super().notify(printable(message), title=one_line(title), severity=severity,
                       timeout=timeout, markup=False)

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables, with a highlight and coloured words that read on it."""
        from .colours import readable_variables

        variables = readable_variables(App.get_css_variables(self), self.current_theme.dark)
        self.theme_variables = variables  # what $text-warning ... in markup resolve to
        return variables

    # ------------------------------------------------------------ actions
    def action_new_game(self) -> None:
        from .screens.setup import SetupScreen

        self.leave_game()
        self.action_title_screen()
        self.push_screen(SetupScreen(self.campaign, self.seed, self.nation))

    def leave_game(self) -> None:
        """Leaving a game in progress for another (New game, Load game): it is saved
        first, with this round's orders, as ctrl+q does, and the player told where."""
        from . import saving

        s, self.session = self.session, None
        busy = any(w.group == "computer" and w.is_running for w in self.workers)
        if s is None or s.game.over or busy:  # the computer's round ends in an autosave
            return
        text, ok = saving.save(s)
        if ok:
            text += " (Load game goes back to it)"
        self.notify(text, title="Your game", severity="information" if ok else "warning",
                    timeout=6)

    def action_title_screen(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if not isinstance(self.screen, TitleScreen):
            self.switch_screen(TitleScreen())

    def start_game(self, scenario, seats, seed: int) -> None:
        from .session import Session

        self.start_session(Session(scenario, seats, seed))

    def start_session(self, session) -> None:
        from dataclasses import replace

        from .screens.play import PlayScreen

        self.session = session
        self.last_setup = (session.scenario.key,
                           [replace(seat) for seat in session.seats])
        if len(self.screen_stack) > 1:  # the setup screen (or a game) gives way
            self.switch_screen(PlayScreen(session))
        else:  # over the title screen, which stays underneath
            self.push_screen(PlayScreen(session))

    @work(exclusive=True, group="load")
    async def action_load_game(self) -> None:
        from . import saving
        from .screens.dialogs import PickScreen
        from .screens.help import LoadScreen
        from .text import esc

        infos = saving.listing()
        if infos is None or not infos:
            folder = ""
            if infos is not None:
                from ..saves import default_saves_dir

                folder = f"No saved game in {default_saves_dir()} yet: games are saved " \
                         "after every round, and with ctrl+s."
            self.push_screen(LoadScreen(folder or saving.NOTICE))
            return
        choices = [(str(i.path), esc(i.describe())) for i in infos if i.ok]
        broken = [i for i in infos if not i.ok]
        hint = f"{len(broken)} file(s) could not be read." if broken else ""
        path = await self.push_screen_wait(PickScreen("Load a saved game", choices, hint))
        if path is not None:
            self.load_path(path)

    def load_path(self, path: str) -> None:
        """Play on from a save file; a file that cannot be loaded is one line, no crash."""
        from . import saving

        try:
            session, notices = saving.load(path)
        except Exception as exc:  # SaveError: one line, the file untouched
            self.notify(str(exc), title="Not loaded", severity="error", timeout=8)
            return
        for line in notices:
            self.notify(line, title="Loaded", timeout=8)
        self.leave_game()
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.start_session(session)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_save(self) -> None:
        """ctrl+s anywhere (dialogs too) and the palette's Save game."""
        from .screens.play import save_now

        if self.session is None or self.session.game.over:
            self.notify("No game to save here: start or load one first.", title="Save",
                        severity="warning")
            return
        save_now(self, self.session)

    async def action_quit(self) -> None:
        """ctrl+q (and q on the game screen): a game in progress is saved first, with
        this round's orders, and the terminal says how to go on."""
        from . import saving

        s = self.session
        busy = any(w.group == "computer" and w.is_running for w in self.workers)
        if s is None or s.game.over or busy:  # the computer's round ends in an autosave
            self.exit()
            return
        text, ok = saving.save(s)
        if ok:
            path = text.removeprefix("Saved: ")
            text = f"Saved: {path}\nGo on with: wargame play --load {path}"
        self.quit_message = text
        self.exit(message=text)

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """The palette's Screenshot: into Downloads if there is one, else beside the
        saved games (Textual's default fails when Downloads does not exist)."""
        if path is None:
            from pathlib import Path

            from platformdirs import user_downloads_path

            folder = user_downloads_path()
            if not folder.is_dir():
                from ..saves import default_saves_dir

                folder = Path(default_saves_dir()) / "screenshots"
                try:
                    folder.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    self.notify(f"No folder for screenshots: {exc}", severity="error")
                    return
            path = str(folder)
        self.deliver_screenshot(filename, path)

    # --------------------------------------------------- command palette
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title == "Quit":  # ours saves a game in progress first
                command = SystemCommand("Quit", "Leave the game; a game in progress is saved "
                                        "first, with this round's orders (q, ctrl+q)",
                                        self.action_quit)
            yield command
        yield SystemCommand("How to play", "Rules, keys and tips (? or F1)", self.action_help)
        yield SystemCommand("New game", "Choose a campaign and who plays",
                            self.action_new_game)
        yield SystemCommand("Save game", "Save this game (ctrl+s)", self.action_save)
        run = getattr(screen, "run_palette", screen.run_action)
        for title, help_text, action in getattr(screen, "GAME_COMMANDS", ()):
            yield SystemCommand(title, help_text, lambda a=action: self.call_later(run, a))
