"""The states: key numbers everyone can see, and each one's tension with you.

A text table rather than a DataTable: it is read-only, and rendering 30 rows of
Rich cells made switching to this tab take over 50 ms; aligned text takes a few.
"""

from __future__ import annotations

from .. import text as t
from ..text import esc

COLUMNS = (("State", "<", 5), ("Tens.", ">", 5), ("Mil.", ">", 4), ("GDP $bn", ">", 7),
           ("Def.", ">", 4), ("Supp.", ">", 5), ("Cred.", ">", 5), ("Terr.", ">", 5),
           ("Ready", "<", 5), ("Nuc.", "<", 4), ("Region", "<", 6))


MIN_NAME, MIN_REGION = 12, 6  # narrower than this, the table scrolls sideways


def _cells(s, me: str, tension: float) -> list[str]:
    return [
        s.name,
        "" if s.id == me else (f"{tension:.0f}" if tension else "–"),
        f"{s.military:.0f}", f"{s.economy:,.0f}", f"{s.spending:.1f}%", f"{s.support:.0f}",
        f"{s.credibility:.0f}", f"{s.territory:.0f}%", t.readiness(s.readiness),
        "yes" if s.nuclear else "", t.words(s.region),
    ]


def _tension_style(level: float) -> str:
    return "$text-dim" if not level else "$text-success" if level < 12 else \
        "$text-warning" if level < 38 else "b $text-error"


YOU = " (you)"


def _fit(cell: str, width: int, tail: str = "") -> str:
    """The cell in ``width`` characters, shortened with "…"; ``tail`` is kept whole."""
    room = width - len(tail)
    return (cell if len(cell) <= room else cell[:room - 1] + "…") + tail


def table_text(view, width: int = 0) -> str:
    """You first, then by tension with you (highest first), in aligned columns. With a
    ``width``, the region and then the names are shortened (…) to fit it."""
    widths = [w for _, _, w in COLUMNS]
    ordered = sorted(view.states, key=lambda s: (s.id != view.nation,
                                                 -view.tension.get(s.id, 0.0)))
    rows = {s.id: _cells(s, view.nation, view.tension.get(s.id, 0.0)) for s in ordered}
    for cells in rows.values():
        widths = [max(w, len(c)) for w, c in zip(widths, cells)]
    if view.nation in rows:
        widths[0] = max(widths[0], len(rows[view.nation][0]) + len(YOU))
    if width:  # too wide: shorten the region, then the names, then let it scroll
        room = width - sum(widths[1:-1]) - (len(widths) - 1)  # for names and region
        region = max(MIN_REGION, min(widths[-1], room - widths[0]))
        widths[0] = max(MIN_NAME, min(widths[0], room - region))
        widths[-1] = region
    head = " ".join(f"{_fit(name, w):{align}{w}}"
                    for (name, align, _), w in zip(COLUMNS, widths))
    lines = [f"[b]{esc(head)}[/b]"]
    for s in ordered:
        tails = [YOU if s.id == view.nation else ""] + [""] * (len(COLUMNS) - 1)
        cells = [f"{_fit(c, w, tail):{align}{w}}" for c, (_, align, _), w, tail in
                 zip(rows[s.id], COLUMNS, widths, tails)]
        cells = [esc(c) for c in cells]
        if s.id == view.nation:
            cells[0] = f"[b]{cells[0]}[/b]"
        else:
            cells[1] = f"[{_tension_style(view.tension.get(s.id, 0.0))}]{cells[1]}[/]"
        lines.append(" ".join(cells))
    return "\n".join(lines)
