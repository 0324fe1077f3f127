"""The map drawn in character cells: a pure function of the map's facts, the layout,
a zoom level and what to overlay. No Textual: the result is rows of (text, style)
runs, with style names (``bloc0``, ``own``, ``attack`` ...) that an interface turns
into colours of its theme, and the box of each state for selection and hit tests.

Three zoom levels: ``large`` (name, land, forces: 3 lines of 14 columns), ``medium``
(name and land: 2 lines of 10), ``small`` (a 3-4 letter label: 1 line of 6).
This round's attacks, counter-offensives and blockades are drawn as dotted lines
with an arrow head between the two states, through the empty space between
cells; sanctions and obligations likewise when ``ties`` is on.
"""

from __future__ import annotations

from dataclasses import dataclass

from .facts import MapFacts, StateFacts, fit, width
from .layout import Layout

# zoom -> (cell columns, cell lines, gap columns, gap lines)
ZOOMS = {"large": (14, 3, 2, 1), "medium": (10, 2, 1, 1), "small": (6, 1, 1, 1)}
ZOOM_ORDER = ("small", "medium", "large")
LINES = {"attack": "·", "counter": "·", "blockade": "≈", "sanction": "$", "duty": "·"}
OWN = "★"
HELD = "▼"  # some of this state's land is held by another
FORCES = "+"  # another state's forces stand here
FIGHT = "⚔"


@dataclass
class Canvas:
    width: int
    height: int
    rows: list[list[tuple[str, str]]]  # each row: runs of (text, style name)
    boxes: dict[str, tuple[int, int, int, int]]  # state -> (x, y, columns, lines)

    def text(self) -> list[str]:
        return ["".join(t for t, _ in row) for row in self.rows]


def size_of(lay: Layout, zoom: str) -> tuple[int, int]:
    cw, ch, gx, gy = ZOOMS[zoom]
    return lay.cols * (cw + gx) + gx, lay.rows * (ch + gy) + gy


def best_zoom(lay: Layout, cols: int, lines: int) -> str:
    """The largest zoom at which the whole map fits ``cols`` x ``lines``; the smallest
    if none does (the map then pans)."""
    for zoom in reversed(ZOOM_ORDER):
        w, h = size_of(lay, zoom)
        if w <= cols and h <= lines:
            return zoom
    return ZOOM_ORDER[0]


def short_forces(f: MapFacts, s: StateFacts) -> str:
    """Forces on and from this state, shortest first: garrisons of occupiers here,
    others' forces stationed here, its own forces stationed abroad."""
    parts = [f"{f.states[o].short}{g:.0f}" for o, _, g in s.held_by if o in f.states]
    parts += [f"+{f.states[o].short}{n:.0f}" for o, n in s.hosts if o in f.states]
    parts += [f"→{f.states[h].short}{n:.0f}" for h, n in s.abroad if h in f.states]
    return " ".join(parts)


def status(f: MapFacts, s: StateFacts) -> str:
    """The second line of a cell: land held by others, fighting, or military power."""
    hit = any(m.target == s.id and m.kind == "attack" for m in f.marks)
    if s.held_by:
        text = f"{HELD}{100 - s.territory:.0f}% held"
    elif s.holds:
        land, share, _ = s.holds[0]
        text = f"holds {share:.0f}% {f.states[land].short}" if land in f.states else "holds"
    elif s.fighting:
        text = f"{FIGHT} at war"
    else:
        text = f"mil {s.military:.0f}"
    return f"{text} {FIGHT}" if hit and FIGHT not in text else text


def _flag(f: MapFacts, s: StateFacts) -> str:
    if s.held_by:
        return HELD
    if s.fighting or any(m.target == s.id for m in f.marks):
        return FIGHT
    if s.hosts:
        return FORCES
    return " "


class _Grid:
    def __init__(self, w: int, h: int):
        self.w, self.h = w, h
        self.chars = [[" "] * w for _ in range(h)]
        self.styles = [["sea"] * w for _ in range(h)]
        self.cell = [[False] * w for _ in range(h)]  # part of a state's box

    def put(self, x: int, y: int, text: str, style: str, box: bool = True) -> int:
        for ch in text:
            cw = width(ch)
            if not cw:
                continue
            if x + cw > self.w:
                break
            self.chars[y][x], self.styles[y][x], self.cell[y][x] = ch, style, box
            if cw == 2:  # a wide character: the next column is its second half
                self.chars[y][x + 1], self.styles[y][x + 1], self.cell[y][x + 1] = \
                    "", style, box
            x += cw
        return x

    def runs(self) -> list[list[tuple[str, str]]]:
        out = []
        for chars, styles in zip(self.chars, self.styles):
            row: list[tuple[str, str]] = []
            for ch, st in zip(chars, styles):
                if row and row[-1][1] == st:
                    row[-1] = (row[-1][0] + ch, st)
                else:
                    row.append((ch, st))
            out.append(row)
        return out


def draw(f: MapFacts, lay: Layout, zoom: str = "large", ties: bool = False) -> Canvas:
    cw, ch, gx, gy = ZOOMS[zoom]
    w, h = size_of(lay, zoom)
    g = _Grid(w, h)
    boxes: dict[str, tuple[int, int, int, int]] = {}
    for sid in lay.order:
        s = f.states.get(sid)
        if s is None:
            continue
        c, r = lay.places[sid]
        x, y = gx + c * (cw + gx), gy + r * (ch + gy)
        boxes[sid] = (x, y, cw, ch)
        _cell(g, f, s, zoom, x, y, cw, ch)
    links: list[tuple[str, str, str]] = []
    if ties:
        links += [(a, b, "sanction") for a, b in f.sanctions]
        links += [(a, b, "duty") for a, b, _ in f.duties if b]
    first = {"counter": 0, "blockade": 1, "attack": 2}  # an attack drawn last shows whole
    links += [(m.actor, m.target, m.kind) for m in sorted(f.marks, key=lambda m: first[m.kind])]
    for a, b, kind in links:
        if a in boxes and b in boxes and a != b:
            _line(g, boxes[a], boxes[b], kind)
    return Canvas(w, h, g.runs(), boxes)


def _cell(g: _Grid, f: MapFacts, s: StateFacts, zoom: str, x: int, y: int,
          cw: int, ch: int) -> None:
    base = f"bloc{s.bloc}" if s.bloc >= 0 else "bloc-"
    lines = [" " * cw for _ in range(ch)]
    mark = OWN if s.own else " "
    if zoom == "small":
        lines[0] = f"{mark}{fit(s.short, cw - 2)}".ljust(cw - 1)[:cw - 1] + _flag(f, s)
    else:
        lines[0] = mark + fit(s.name, cw - 1)
        lines[1] = " " + fit(status(f, s), cw - 1)
        if ch > 2:
            lines[2] = " " + fit(short_forces(f, s), cw - 1)
    for i, text in enumerate(lines):
        end = g.put(x, y + i, text, base)
        g.put(end, y + i, " " * (x + cw - end), base)
    g.put(x, y, mark, "own" if s.own else base)
    held = 100 - s.territory
    if held > 0.5 and zoom != "small":  # the held share, as a bar under the status
        cols = max(1, round((cw - 1) * held / 100))
        row = y + 1
        for i in range(cols):
            g.styles[row][x + 1 + i] = "held"
    elif held > 0.5:
        g.styles[y][x + cw - 1] = "held"


def _line(g: _Grid, a: tuple[int, int, int, int], b: tuple[int, int, int, int],
          kind: str) -> None:
    """A dotted line from box ``a`` toward box ``b`` over empty space, with a head."""
    ax, ay = a[0] + a[2] // 2, a[1] + a[3] // 2
    bx, by = b[0] + b[2] // 2, b[1] + b[3] // 2
    points = _bresenham(ax, ay, bx, by)
    free = [(x, y) for x, y in points if not g.cell[y][x]]
    if not free:
        return
    for x, y in free:
        if g.chars[y][x] == " ":
            g.chars[y][x], g.styles[y][x] = LINES[kind], kind
    hx, hy = free[-1]
    dx, dy = bx - ax, by - ay
    head = ("▶" if dx > 0 else "◀") if abs(dx) >= 2 * abs(dy) else ("▼" if dy > 0 else "▲")
    g.chars[hy][hx], g.styles[hy][hx] = head, kind


def _bresenham(x0: int, y0: int, x1: int, y1: int) -> list[tuple[int, int]]:
    out = []
    dx, dy = abs(x1 - x0), -abs(y1 - y0)
    sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
    err = dx + dy
    while True:
        out.append((x0, y0))
        if x0 == x1 and y0 == y1:
            return out
        e2 = 2 * err
        if e2 >= dy:
            err += dy
            x0 += sx
        if e2 <= dx:
            err += dx
            y0 += sy


def legend(f: MapFacts, names: int = 24) -> list[tuple[str, str]]:
    """The key to the colours and signs, as (text, style) runs on one line; bloc
    names cut to ``names`` columns."""
    out: list[tuple[str, str]] = []
    for i, name in enumerate(f.blocs):
        out += [(" ", "plain"), (f" {fit(name, names)} ", f"bloc{i}")]
    out += [(" ", "plain"), (" no bloc ", "bloc-")]
    if f.own:
        out += [("  ", "plain"), (OWN, "own"), (" you", "plain")]
    out += [("  ", "plain"), (f"{HELD} land held", "held"), ("  ", "plain"),
            ("·▶ attack", "attack"), ("  ", "plain"), ("·▶ counter-offensive", "counter"),
            ("  ", "plain"), ("≈ blockade", "blockade")]
    return out


def marks_text(f: MapFacts) -> list[str]:
    """This round's marks in words, one per line."""
    words = {"attack": "attacks", "counter": "counter-attacks", "blockade": "blockades"}
    out = []
    for m in f.marks:
        line = f"{f.name(m.actor)} {words[m.kind]} {f.name(m.target)}"
        if m.kind == "counter":
            line = f"{f.name(m.actor)} counter-attacks {f.name(m.target)}'s garrison"
        if m.taken:
            line += f" and takes {m.taken:.0f}% of its land"
        out.append(line)
    return out
