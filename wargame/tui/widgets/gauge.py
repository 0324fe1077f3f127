"""The escalation ladder as a gauge with its thresholds, and escalation over rounds as a chart."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from ..text import esc

BLOCKS = " ▁▂▃▄▅▆▇█"
SHORT = {"tension": "tens.", "incident": "inc.", "attack": "att.", "war": "war"}


def zone(level: float, marks) -> str:
    """The colour of a level: calm, tense, incident, armed attack and beyond."""
    if level < marks.tension:
        return "$text-success"
    if level < marks.incident:
        return "$text-warning"
    if level < marks.armed_attack:
        return "bold $text-warning"
    return "$text-error"


def gauge_lines(level: float, rung: str, ladder, width: int) -> list[str]:
    """Three lines of markup: the level and rung, the bar, the thresholds under it."""
    width = max(width, 20)
    head = f"[b]Escalation {level:.0f}[/b]/100"
    room = width - len(f"Escalation {level:.0f}/100 · ")
    if len(rung) > room:  # one line, always: a long rung name is shortened
        rung = rung[:room - 1].rstrip() + "…" if room >= 4 else ""
    if rung:
        head += f" · [{zone(level, ladder)}]{esc(rung)}[/]"
    marks = {round(m * (width - 1) / 100): m
             for m in (ladder.tension, ladder.incident, ladder.armed_attack, ladder.war)}
    bar = []
    for i in range(width):
        value = i * 100 / width
        if i in marks:
            bar.append(f"[b {zone(marks[i], ladder)}]┃[/]")
        elif value < level:
            bar.append(f"[{zone(value, ladder)}]█[/]")
        else:
            bar.append("[$text-dim]░[/]")
    labels = [" "] * width
    names = {ladder.tension: "tension", ladder.incident: "incident",
             ladder.armed_attack: "attack", ladder.war: "war"}
    placed = sorted(marks.items())
    for k, (pos, mark) in enumerate(placed):
        limit = placed[k + 1][0] - 1 if k + 1 < len(placed) else width
        word = names[mark]  # the number with its word, else its short form, else the number
        tries = (f"{mark:g} {word}", f"{mark:g} {SHORT[word]}", f"{mark:g}")
        for text in tries:
            if pos + len(text) <= limit:
                labels[pos:pos + len(text)] = list(text)
                break
    return [head, "".join(bar), esc("".join(labels).rstrip())]


def chart_lines(history, ladder, width: int, height: int) -> list[str]:
    """A small column chart of the crisis level at the end of each round."""
    height = max(height, 2)
    rows = height - 1
    values = list(history)[-max((width - 5) // 2, 1):]
    if not values:
        return ["[$text-dim]Escalation by round:[/]", "[$text-dim]drawn as rounds end[/]"]
    first = len(history) - len(values) + 1
    lines = []
    for r in range(rows, 0, -1):
        if rows >= 6:
            axis = f"{round(100 * (r - 1) / rows):>3}┤"  # the level where the row starts
        else:
            axis = {rows: "100┤", 1: "  0┤"}.get(r, "   │")
        cells = []
        for v in values:
            eighths = round(v / 100 * rows * 8) - (r - 1) * 8
            block = BLOCKS[max(0, min(8, eighths))]
            cells.append(f"[{zone(v, ladder)}]{block * 2}[/]" if block != " " else "  ")
        lines.append(f"[$text-dim]{axis}[/]" + "".join(cells))
    ticks = "".join(f"{first + i:<2}"[:2] if (first + i) % 2 or len(values) < 8 else "  "
                    for i in range(len(values)))
    lines.append(f"[$text-dim]  R {ticks}[/]")
    return lines


class EscalationGauge(Widget):
    """The ladder gauge: attributes down (``show``), nothing up."""

    DEFAULT_CSS = "EscalationGauge { height: 3; }"

    def __init__(self, ladder, **kw):
        super().__init__(**kw)
        self.ladder = ladder
        self.level, self.rung = 0.0, ""

    def show(self, level: float, rung: str) -> None:
        self.level, self.rung = level, rung
        self.refresh()

    def render(self) -> Content:
        lines = gauge_lines(self.level, self.rung, self.ladder, self.content_size.width)
        return Content.from_markup("\n".join(lines))


class EscalationChart(Widget):
    """Escalation at the end of each round, oldest on the left."""

    DEFAULT_CSS = "EscalationChart { height: 4; }"

    def __init__(self, ladder, **kw):
        super().__init__(**kw)
        self.ladder = ladder
        self.history: tuple[float, ...] = ()

    def show(self, history) -> None:
        self.history = tuple(history)
        self.refresh()

    def render(self) -> Content:
        size = self.content_size
        return Content.from_markup("\n".join(
            chart_lines(self.history, self.ladder, size.width, size.height)))
