"""Campaign errors: one line each, ``file:line:column: message``, plus a hint.

Every problem the loader finds in a campaign file becomes a :class:`CampaignError`
that points at the place in the file. All the errors of a file are gathered and
raised together as :class:`CampaignErrors`; warnings (legal but probably wrong)
travel with the loaded campaign instead.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, order=True)
class CampaignError:
    """One problem at one place. ``line`` and ``column`` count from 1 (0: the file)."""

    file: str
    line: int
    column: int
    message: str
    hint: str = ""
    warning: bool = False
    name: str = ""  # a warning's name: ``quiet: [name]`` in the campaign silences it

    def where(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"

    def __str__(self) -> str:
        head = f"{self.where()}: {'warning: ' if self.warning else ''}{self.message}"
        out = head + (f"\n    hint: {self.hint}" if self.hint else "")
        if self.name:
            out += f"\n    meant it? add '{self.name}' to the campaign's quiet: list"
        return out


class CampaignErrors(Exception):
    """Raised by the loader with every error found in one campaign file."""

    def __init__(self, errors: Iterable[CampaignError]):
        self.errors: list[CampaignError] = sorted(errors, key=lambda e: (e.line, e.column))
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def did_you_mean(word: str, choices: Iterable[str], what: str = "") -> str:
    """A hint naming the closest choice, or listing a few when none is close."""
    choices = sorted(set(choices))
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if not choices:
        return ""
    shown = ", ".join(choices[:12]) + (", ..." if len(choices) > 12 else "")
    return f"{what or 'choose one of'}: {shown}"


def shown(path: "str | os.PathLike") -> str:
    """A path as a person should read it: relative to here when that is shorter."""
    text = os.fspath(path)
    try:
        rel = os.path.relpath(text)
    except ValueError:
        return text
    return rel if len(rel) < len(text) else text
