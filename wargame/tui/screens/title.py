"""The title screen: New game, Load game, How to play, Quit. Imports nothing heavy."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

LOGO = """\
[b $text-accent]w a r g a m e[/]
[$text-dim]a crisis wargame about collective security[/]"""

BLURB = ("Govern a state in a crisis. Alliances deter when they are credible; they fail "
         "when members free-ride, vetoes block, or promises are broken. Every action has "
         "a cost and a risk, and every obligation can be declined — at a price.")


class TitleScreen(Screen):
    """No footer here: the hint line names the keys, and the screen starts faster."""

    def compose(self) -> ComposeResult:
        with Vertical(id="title-box"):  # the screen centres it
            yield Static(LOGO, id="logo")
            yield Static(BLURB, id="blurb")
            yield OptionList(
                Option("New game", id="new"),
                Option("Load game", id="load"),
                Option("How to play", id="help"),
                Option("Quit", id="quit"),
                id="menu",
            )
            yield Static("[$text-dim]↑↓ choose · Enter · ? or F1 help · ctrl+p commands · "
                         "ctrl+q quit[/]", id="hint")

    def on_mount(self) -> None:
        menu = self.query_one("#menu", OptionList)
        menu.highlighted = 0
        menu.focus()

    @on(OptionList.OptionSelected, "#menu")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id
        if choice == "new":
            self.app.action_new_game()
        elif choice == "load":
            self.app.action_load_game()
        elif choice == "help":
            self.app.action_help()
        else:
            self.app.exit(0)
