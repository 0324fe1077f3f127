"""Help (? or F1): how to play, and the keys. The text is docs/how-to-play.md."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown, Static

from ..text import esc

HOW_TO_PLAY = Path(__file__).resolve().parent.parent / "how-to-play.md"


def how_to_play() -> str:
    try:
        return HOW_TO_PLAY.read_text(encoding="utf-8")
    except OSError:
        return "# How to play\n\nThe help text is missing from this installation."


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close help")]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static("[$text-dim]↑↓ PgUp PgDn scroll · Escape closes[/]")
            with VerticalScroll(id="help-scroll"):
                yield Markdown(how_to_play(), id="help-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)


class LoadScreen(ModalScreen[None]):
    """Load game: saved games come from the saves module."""

    BINDINGS = [Binding("escape,enter", "close", "Back")]

    def __init__(self, notice: str):
        super().__init__()
        self.notice = notice

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("[b]Load game[/b]")
            yield Static(esc(self.notice))
            yield Static("[$text-dim]Enter or Escape to go back[/]")

    def action_close(self) -> None:
        self.dismiss(None)
