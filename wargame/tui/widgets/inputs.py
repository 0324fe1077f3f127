"""A text field that keeps control characters out: what a player types or pastes
(a message, a name) reaches the game and its saves clean, and never the terminal raw."""

from __future__ import annotations

from textual.widgets import Input

from ...textsafe import clean_input


class TextInput(Input):
    """An :class:`Input` whose text never holds a control character: a pasted escape
    sequence keeps its printable part, its ESC (and any other control) is dropped."""

    def insert(self, text: str, index: int) -> None:
        super().insert(clean_input(text, lines=False), index)

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(clean_input(text, lines=False), start, end)
