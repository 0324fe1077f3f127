"""Small dialogs that return a value with ``dismiss``: pick one, write a message."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, SelectionList
from textual.widgets.option_list import Option

from ..text import esc


class PickScreen(ModalScreen[str | None]):
    """Choose one of ``choices`` ((id, label) pairs); Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, choices: list[tuple[str, str]], hint: str = ""):
        super().__init__()
        self.title_text, self.choices, self.hint = title, choices, hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"[b]{esc(self.title_text)}[/b]")
            if self.hint:
                yield Label(f"[dim]{esc(self.hint)}[/]")
            yield OptionList(*[Option(label, id=key) for key, label in self.choices],
                             id="pick")
            yield Label("[dim]Enter chooses · Escape cancels[/]")

    def on_mount(self) -> None:
        self.query_one("#pick").focus()

    @on(OptionList.OptionSelected, "#pick")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class MessageScreen(ModalScreen[tuple[list[str], str] | None]):
    """Write a private message: choose recipients (space), type, Enter sends."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, recipients: list[tuple[str, str]]):
        super().__init__()
        self.recipients = recipients

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("[b]A private message[/b] — only you and the recipients will see it")
            yield SelectionList[str](*[(name, key) for key, name in self.recipients],
                                     id="to")
            yield Input(placeholder="Your message (Enter sends)", id="text")
            yield Label("", id="error")
            yield Button("Send", variant="primary", id="send")

    def on_mount(self) -> None:
        self.query_one("#to").focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#send")
    def send(self) -> None:
        to = list(self.query_one("#to", SelectionList).selected)
        text = self.query_one("#text", Input).value.strip()
        if not to or not text:
            self.query_one("#error", Label).update(
                "[$error]Choose at least one recipient (space) and write something.[/]")
            return
        self.dismiss((to, text))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; Enter or y confirms, Escape or n declines."""

    BINDINGS = [Binding("y", "answer(True)", "Yes"), Binding("n,escape", "answer(False)", "No")]

    def __init__(self, question: str):
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question)
            yield Button("Yes (y)", variant="primary", id="yes")
            yield Button("No (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#yes").focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
