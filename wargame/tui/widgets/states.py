"""The states: key numbers everyone can see, and each one's tension with you."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from .. import text as t

COLUMNS = ("State", "Tension w/ you", "Military", "Economy $bn", "Defence %", "Support",
           "Credibility", "Territory %", "Readiness", "Nuclear", "Region")


def _tension(level: float) -> Text:
    style = "green" if level < 12 else "yellow" if level < 38 else "bold red"
    return Text(f"{level:.0f}" if level else "–", style=style if level else "dim",
                justify="right")


def rows(view):
    """One row per state, you first, then by tension with you (highest first)."""
    ordered = sorted(view.states, key=lambda s: (s.id != view.nation, -s.tension_with_me))
    for s in ordered:
        name = Text(s.name + (" (you)" if s.id == view.nation else ""),
                    style="bold" if s.id == view.nation else "")
        yield s.id, (
            name,
            _tension(s.tension_with_me) if s.id != view.nation else Text("", justify="right"),
            Text(f"{s.military:.0f}", justify="right"),
            Text(f"{s.economy:,.0f}", justify="right"),
            Text(f"{s.spending:.1f}", justify="right"),
            Text(f"{s.support:.0f}", justify="right"),
            Text(f"{s.credibility:.0f}", justify="right"),
            Text(f"{s.territory:.0f}", justify="right"),
            t.readiness(s.readiness),
            "yes" if s.nuclear else "",
            t.words(s.region),
        )


class StatesTable(DataTable):
    """Attributes down: ``show(view)`` refills the table."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self.add_columns(*COLUMNS)

    def show(self, view) -> None:
        self.clear()
        for key, row in rows(view):
            self.add_row(*row, key=key)
