"""Small dialogs that return a value with ``dismiss``: pick one, write a message."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ...textsafe import clean_input
from ..text import esc
from ..widgets.inputs import TextInput


class FreshKeys:
    """A screen that takes only the keys pressed after it appeared.

    Keys typed ahead (while the computer governments decide, or mashed while a
    dialog is coming up) are queued by the terminal and would otherwise land on
    whatever screen comes next: on a hand-off that would pass it, unseen, and show
    one player's private turn to the other; on a new turn, end it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from textual._time import get_time

        self.shown_at = get_time()  # a key event's time is when it was read

    def on_key(self, event) -> None:
        if event.time < self.shown_at:
            event.stop()
            event.prevent_default()


class PickScreen(ModalScreen[str | None]):
    """Choose one of ``choices`` ((id, label) pairs) with Enter or Space; Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"),
                Binding("space", "choose", "Choose", show=False)]

    def __init__(self, title: str, choices: list[tuple[str, str]], hint: str = ""):
        super().__init__()
        self.title_text, self.choices, self.hint = title, choices, hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"[b]{esc(self.title_text)}[/b]")
            if self.hint:
                yield Static(f"[$text-dim]{esc(self.hint)}[/]", classes="hint")
            yield OptionList(*[Option(label, id=key) for key, label in self.choices],
                             id="pick")
            yield Label("[$text-dim]Enter or Space chooses · Escape cancels[/]")

    def on_mount(self) -> None:
        self.query_one("#pick").focus()

    @on(OptionList.OptionSelected, "#pick")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_choose(self) -> None:
        option = self.query_one("#pick", OptionList).highlighted_option
        if option is not None and not option.disabled:
            self.dismiss(option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


FIRST_ROWS = 16  # more than the recipient list shows at once (12 rows at most)


class RecipientList(OptionList):
    """States with a visible mark: [x] chosen, [ ] not. Space or Enter toggles."""

    BINDINGS = [Binding("space,enter", "toggle", "Toggle", show=False),
                Binding("a", "screen.allies", "All allies", show=False),
                Binding("n", "screen.none", "None", show=False)]

    def __init__(self, recipients: list[tuple[str, str]], humans: dict[str, str] | None = None,
                 **kw):
        # in hot-seat play (``humans``: state -> player) the states people play are
        # marked with their player, the others "computer" (in the same order as ever)
        self.humans = humans
        self.names = dict(recipients)
        self.chosen: set[str] = set()
        # the rows that show at once; the others (up to 192 states) are added just
        # after the dialog is drawn: it opens as fast with 193 states as with 30
        first = list(self.names)[:FIRST_ROWS]
        super().__init__(*[Option(self.prompt(k), id=k) for k in first], **kw)

    def on_mount(self) -> None:
        if self.option_count < len(self.names):
            self.call_after_refresh(self.add_the_rest)

    def add_the_rest(self) -> None:
        self.add_options([Option(self.prompt(k), id=k)
                          for k in list(self.names)[self.option_count:]])

    def prompt(self, key: str) -> str:
        mark = "[b $text-accent]\\[x][/]" if key in self.chosen else "\\[ ]"
        who = ""
        if self.humans is not None:
            player = self.humans.get(key)
            who = (" [$text-dim]· computer[/]" if player is None else
                   f" [b]· human: {esc(player)}[/]" if player else " [b]· human[/]")
        return f"{mark} {esc(self.names[key])}{who}"

    def set_chosen(self, keys) -> None:
        self.chosen = set(keys)
        for i, key in zip(range(self.option_count), self.names):  # rows added later
            self.replace_option_prompt_at_index(i, self.prompt(key))  # take it then

    def action_toggle(self) -> None:
        option = self.highlighted_option
        if option is not None:
            self.set_chosen(self.chosen ^ {option.id})


MESSAGE_BUTTONS = ("[@click=screen.send][b reverse $text-accent] Send [/][/]  "
                   "[@click=screen.allies][reverse] All allies [/][/]  "
                   "[@click=screen.none][reverse] None [/][/]  "
                   "[@click=screen.cancel][reverse] Cancel [/][/]")


class MessageScreen(ModalScreen[tuple[list[str], str] | None]):
    """Write a private message: choose recipients (space), type, Enter sends."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, recipients: list[tuple[str, str]], allies: list[str] = (),
                 note: str = "", humans: dict[str, str] | None = None):
        super().__init__()
        self.recipients, self.allies, self.note = recipients, list(allies), note
        self.humans = humans  # hot-seat: the other states people play -> their players

    def compose(self) -> ComposeResult:
        # few widgets: the dialog opens as fast as a bare one (its "buttons" are one
        # line of clickable words; the keys do the same)
        note = f"\n[$text-dim]{esc(self.note)}[/]" if self.note else ""
        with Vertical(classes="dialog", id="message-box"):
            yield Static("[b]A private message[/b] — only you and the recipients see it\n"
                         "[$text-dim]Space toggles a recipient · a all allies · n none · "
                         f"Tab to the text · Enter sends · Escape cancels[/]{note}",
                         classes="hint")
            yield RecipientList(self.recipients, self.humans, id="to")
            yield TextInput(placeholder="Your message (Enter sends)", id="text", compact=True)
            yield Static("", id="error")
            yield Static(MESSAGE_BUTTONS, id="message-links")

    def on_mount(self) -> None:
        self.query_one("#to").focus()

    def action_allies(self) -> None:
        to = self.query_one("#to", RecipientList)
        if not self.allies:
            self.query_one("#error", Static).update("[$text-warning]You have no ally.[/]")
        to.set_chosen(a for a in self.allies if a in to.names)

    def action_none(self) -> None:
        self.query_one("#to", RecipientList).set_chosen(())

    def action_send(self) -> None:
        self.send()

    @on(Input.Submitted)
    def send(self) -> None:
        to = [k for k in self.query_one("#to", RecipientList).names
              if k in self.query_one("#to", RecipientList).chosen]
        text = clean_input(self.query_one("#text", Input).value, lines=False).strip()
        if not to or not text:
            self.query_one("#error", Static).update(
                "[$text-error]Choose at least one recipient (space) and write something.[/]")
            return
        self.dismiss((to, text))

    def action_cancel(self) -> None:
        """Escape: a message with text in it is thrown away only when the player says so."""
        if not self.query_one("#text", Input).value.strip():
            self.dismiss(None)
            return
        self.app.push_screen(ConfirmScreen("Discard this message? It has not been sent."),
                             lambda yes: self.dismiss(None) if yes else None)


class ConfirmScreen(FreshKeys, ModalScreen[bool]):
    """A yes/no question; Enter or y confirms, Escape or n declines."""

    BINDINGS = [Binding("y", "answer(True)", "Yes"), Binding("n,escape", "answer(False)", "No")]

    def __init__(self, question: str):
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="hint")
            with Horizontal(classes="confirm-buttons"):
                yield Button("Yes (y)", variant="primary", id="yes", compact=True)
                yield Button("No (n)", id="no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#yes").focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
