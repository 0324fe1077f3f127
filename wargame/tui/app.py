"""The Textual application: thin. Screens coordinate; the session decides the order of play.

Only the title screen is imported at start; everything heavier (the rules core,
campaign files, the computer players) is imported when it is first needed.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from .screens.title import TitleScreen


class WargameApp(App[int]):
    TITLE = "wargame"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("f1,question_mark", "help", "Help"),
        Binding("ctrl+s", "save", "Save", show=False),
    ]

    def __init__(self, campaign: str | None = None, seed: int | None = None):
        super().__init__()
        self.campaign, self.seed = campaign, seed

    def on_mount(self) -> None:
        self.push_screen(TitleScreen())

    # ------------------------------------------------------------ actions
    def action_new_game(self) -> None:
        from .screens.setup import SetupScreen

        self.action_title_screen()
        self.push_screen(SetupScreen(self.campaign, self.seed))

    def action_title_screen(self) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if not isinstance(self.screen, TitleScreen):
            self.switch_screen(TitleScreen())

    def start_game(self, scenario, seats, seed: int) -> None:
        from .screens.play import PlayScreen
        from .session import Session

        session = Session(scenario, seats, seed)
        self.switch_screen(PlayScreen(session))

    def action_load_game(self) -> None:
        from .saving import NOTICE, saves_available
        from .screens.help import LoadScreen

        notice = NOTICE if not saves_available() else (
            "The saves module is installed; this screen will list its games once its "
            "interface is settled.")
        self.push_screen(LoadScreen(notice))

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_save(self) -> None:
        from .saving import NOTICE

        self.notify(NOTICE, title="Save", severity="warning", timeout=6)

    # --------------------------------------------------- command palette
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("How to play", "Rules, keys and tips (? or F1)", self.action_help)
        yield SystemCommand("New game", "Choose a campaign and who plays",
                            self.action_new_game)
        yield SystemCommand("Save game", "Save this game (ctrl+s)", self.action_save)
        for title, help_text, action in getattr(screen, "GAME_COMMANDS", ()):
            yield SystemCommand(title, help_text,
                                lambda a=action: self.call_later(screen.run_action, a))
