"""The map as an SVG picture, for the after-action report: the same cells, colours,
marks and legend as the game's Map tab, drawn for a projector (a light page).

Names are outside text: each is escaped (``html.escape`` of the printable text)."""

from __future__ import annotations

import html

from ..textsafe import printable
from .draw import FIGHT, HELD, short_forces, status
from .facts import MapFacts, fit
from .layout import Layout

BLOC_FILL = ("#c6d9ee", "#fbd7b0", "#cfe8c9", "#e6d4e1", "#d3ecea", "#e3d6cc", "#ffe0e4",
             "#e6e2df", "#e2e2b8")
NONE_FILL = "#eeeeee"
INK = "#222222"
LINE = {"attack": "#c62828", "counter": "#2e7d32", "blockade": "#1f4e8c",
        "sanction": "#a67c00", "duty": "#7b4f9d"}
CW, CH, GX, GY = 150, 62, 34, 30  # cell and gap sizes, in pixels


def _h(text: object) -> str:
    return html.escape(printable(text))


def _centre(lay: Layout, sid: str) -> tuple[float, float]:
    c, r = lay.places[sid]
    return GX + c * (CW + GX) + CW / 2, GY + r * (CH + GY) + CH / 2


def _edge(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """Where the line from the centre ``a`` toward ``b`` leaves ``a``'s cell."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    if not dx and not dy:
        return a
    t = min(CW / 2 / abs(dx) if dx else 1e9, CH / 2 / abs(dy) if dy else 1e9)
    return a[0] + dx * t, a[1] + dy * t


def svg_map(f: MapFacts, lay: Layout, caption: str = "", ties: bool = True) -> str:
    """One map: cells coloured by bloc, land held as a red bar, forces and this
    round's marks as arrows; sanctions (dashed) and open obligations (dotted) when
    ``ties``; the legend below."""
    w = lay.cols * (CW + GX) + GX
    legend_h = 26 * (1 + (len(f.blocs) + 1 + 5) // 6)
    h = lay.rows * (CH + GY) + GY + legend_h
    label = _h(caption or "Map")
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" '
           f'height="{h}" role="img" aria-label="{label}" font-family="system-ui,sans-serif">',
           "<defs>" + "".join(
               f'<marker id="head-{k}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
               f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" '
               f'fill="{c}"></path></marker>' for k, c in LINE.items()) + "</defs>",
           f'<rect width="{w}" height="{h}" fill="#ffffff"/>']
    for a, b in lay.borders:  # borders: thin grey links under everything
        if a in lay.places and b in lay.places:
            (x1, y1), (x2, y2) = _centre(lay, a), _centre(lay, b)
            out.append(f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" '
                       'stroke="#bbbbbb" stroke-width="2"/>')
    out += _links(f, lay, [(a, b, "sanction") for a, b in f.sanctions] +
                  [(a, b, "duty") for a, b, _ in f.duties if b] if ties else [])
    for sid in lay.order:
        s = f.states.get(sid)
        if s is None:
            continue
        c, r = lay.places[sid]
        x, y = GX + c * (CW + GX), GY + r * (CH + GY)
        fill = BLOC_FILL[s.bloc] if 0 <= s.bloc < len(BLOC_FILL) else NONE_FILL
        stroke = ' stroke="#000" stroke-width="3"' if s.own else ' stroke="#888"'
        out.append(f'<g><title>{_h(s.name)}</title>'
                   f'<rect x="{x}" y="{y}" width="{CW}" height="{CH}" rx="6" fill="{fill}"'
                   f'{stroke}/>')
        out.append(f'<text x="{x + 8}" y="{y + 18}" font-size="14" font-weight="600" '
                   f'fill="{INK}">{_h(("★ " if s.own else "") + fit(s.name, 19))}</text>')
        out.append(f'<text x="{x + 8}" y="{y + 36}" font-size="12" fill="{INK}">'
                   f'{_h(fit(status(f, s), 24))}</text>')
        forces = short_forces(f, s)
        if forces:
            out.append(f'<text x="{x + 8}" y="{y + 53}" font-size="11" fill="#444">'
                       f'{_h(fit(forces, 26))}</text>')
        held = 100 - s.territory
        if held > 0.5:
            out.append(f'<rect x="{x}" y="{y + CH - 5}" width="{CW * held / 100:.0f}" '
                       f'height="5" fill="{LINE["attack"]}"/>')
        out.append("</g>")
    out += _links(f, lay, [(m.actor, m.target, m.kind) for m in f.marks])  # over the cells
    out += _legend(f, 10, lay.rows * (CH + GY) + GY + 4, w, ties)
    out.append("</svg>")
    return "\n".join(out)


def _links(f: MapFacts, lay: Layout, links: list[tuple[str, str, str]]) -> list[str]:
    """Arrows from edge to edge of two cells: this round's marks (solid, drawn over
    the cells), sanctions (dashed) and obligations (dotted, drawn under them)."""
    dash = {"sanction": ' stroke-dasharray="6 4"', "duty": ' stroke-dasharray="2 4"'}
    out = []
    for a, b, kind in links:
        if a not in lay.places or b not in lay.places or a == b:
            continue
        ca, cb = _centre(lay, a), _centre(lay, b)
        (x1, y1), (x2, y2) = _edge(ca, cb), _edge(cb, ca)
        width = 3 if kind in ("attack", "counter", "blockade") else 1.5
        out.append(f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" '
                   f'stroke="{LINE[kind]}" stroke-width="{width}"{dash.get(kind, "")} '
                   f'marker-end="url(#head-{kind})"><title>{_h(f.name(a))} → '
                   f'{_h(f.name(b))}: {kind}</title></line>')
    return out


def _legend(f: MapFacts, x0: float, y0: float, w: float, ties: bool) -> list[str]:
    items: list[tuple[str, str, str]] = [(BLOC_FILL[i] if i < len(BLOC_FILL) else NONE_FILL,
                                          "box", name) for i, name in enumerate(f.blocs)]
    items.append((NONE_FILL, "box", "no bloc"))
    items += [(LINE["attack"], "bar", f"{HELD} land held"),
              (LINE["attack"], "arrow", f"attack {FIGHT}"),
              (LINE["counter"], "arrow", "counter-offensive"),
              (LINE["blockade"], "arrow", "blockade")]
    if ties:
        items += [(LINE["sanction"], "arrow", "sanctions"), (LINE["duty"], "arrow",
                                                             "obligation to")]
    out = []
    x, y = x0, y0
    for colour, kind, text in items:
        label = fit(text, 28)
        span = 30 + 7.5 * len(label)
        if x + span > w and x > x0:
            x, y = x0, y + 26
        if kind == "box":
            out.append(f'<rect x="{x}" y="{y + 4}" width="20" height="14" fill="{colour}" '
                       'stroke="#888"/>')
        elif kind == "bar":
            out.append(f'<rect x="{x}" y="{y + 12}" width="20" height="5" fill="{colour}"/>')
        else:
            out.append(f'<line x1="{x}" y1="{y + 11}" x2="{x + 20}" y2="{y + 11}" '
                       f'stroke="{colour}" stroke-width="3"/>')
        out.append(f'<text x="{x + 26}" y="{y + 16}" font-size="12" fill="{INK}">'
                   f'{_h(label)}</text>')
        x += span
    return out
