"""The Map tab: each state a cell coloured by its bloc, drawn by the pure
:mod:`wargame.map.draw` from the player's view only, on a canvas that pans.

Keys on the map: arrows move between states (the canvas pans to follow), Tab and
Shift+Tab go through every state in reading order, Home goes back to your state,
Enter opens the highlighted state's details, z zooms (three sizes; the largest
that fits is chosen first), s shows sanctions and obligations as lines.

The canvas is a line-API widget: a key press that moves the highlight redraws the
lines of two cells, not the map; the drawing is made once per view, zoom and theme.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.containers import Vertical
from textual.geometry import Offset, Region
from textual.message import Message
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from ...map import Layout, layout, map_facts, neighbour
from ...map.draw import ZOOM_ORDER, best_zoom, draw, legend, marks_text
from ...map.facts import MapFacts, fit, width
from ...map.situation import beside, situation_line
from ..colours import readable

HUES = ("#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#9c755f", "#ff9da7",
        "#bab0ac", "#8c8c3c")  # one per bloc; the last for "other alliance"
LINE_HUES = {"attack": "#e15759", "counter": "#59a14f", "blockade": "#4e79a7",
             "sanction": "#edc948", "duty": "#b07aa1", "held": "#e15759"}
_LAYOUTS: dict[int, tuple[object, Layout]] = {}


def layout_of(campaign) -> Layout:
    """The map's layout, made once per campaign: from a public campaign
    (:class:`wargame.text.port.PublicCampaign`, which carries it), or a world."""
    kept = _LAYOUTS.get(id(campaign))
    if kept is None or kept[0] is not campaign:
        made = campaign.layout if hasattr(campaign, "places") else layout(campaign)
        kept = _LAYOUTS[id(campaign)] = (campaign, made)
    return kept[1]


def _colour(value, default: str) -> Color:
    try:
        return Color.parse(value)
    except Exception:  # an ANSI theme names terminal colours: fixed ones instead
        return Color.parse(default)


def styles(variables: dict, dark: bool) -> dict[str, Style]:
    """Rich styles for the drawing's style names, readable on the theme."""
    bg = _colour(variables.get("background"), "#121212" if dark else "#f0f0f0")
    surface = _colour(variables.get("surface"), "#1e1e1e" if dark else "#ffffff")
    fg = _colour(variables.get("foreground"), "#e0e0e0" if dark else "#1a1a1a")
    ink = Color(255, 255, 255) if dark else Color(0, 0, 0)
    out: dict[str, Style] = {"sea": Style(bgcolor=bg.rich_color), "plain": Style()}
    for i, hue in enumerate(HUES):
        cell = surface.blend(Color.parse(hue), 0.45 if dark else 0.35)
        out[f"bloc{i}"] = Style(color=readable(fg, [cell], ink).rich_color,
                                bgcolor=cell.rich_color)
    none = surface.blend(fg, 0.14)
    out["bloc-"] = Style(color=readable(fg, [none], ink).rich_color, bgcolor=none.rich_color)
    for name, hue in LINE_HUES.items():
        colour = readable(Color.parse(hue), [bg, surface], ink)
        out[name] = Style(color=colour.rich_color, bgcolor=bg.rich_color, bold=True)
    held = surface.blend(Color.parse(LINE_HUES["held"]), 0.6)
    out["held"] = Style(color=readable(fg, [held], ink).rich_color, bgcolor=held.rich_color)
    out["edge"] = Style(color=fg.rich_color, bgcolor=bg.rich_color, bold=True)
    out["own"] = Style(color=readable(Color.parse("#edc948"), [none, bg], ink).rich_color,
                       bgcolor=none.rich_color, bold=True)
    return out


class MapCanvas(Widget, can_focus=True):
    """The drawn map, panned so that the highlighted state stays in sight.

    Not a ScrollView: a pan sets :attr:`pan` and repaints the lines in sight, without
    scroll bars to redraw (arrows at the edges say where the map goes on), which
    halves what a pan costs. The mouse wheel pans too."""

    BINDINGS = [
        Binding("left", "move('left')", "West", show=False),
        Binding("right", "move('right')", "East", show=False),
        Binding("up", "move('up')", "North", show=False),
        Binding("down", "move('down')", "South", show=False),
        Binding("tab", "step(1)", "Next state", show=False),
        Binding("shift+tab", "step(-1)", "Previous state", show=False),
        Binding("home", "home", "Your state", show=False),
        Binding("enter", "open", "Details"),
        Binding("z", "zoom", "Zoom"),
        Binding("s", "ties", "Sanctions/duties"),
    ]

    class Moved(Message):
        def __init__(self, state: str, legend: bool = False) -> None:
            super().__init__()
            self.state, self.legend = state, legend

    class Opened(Message):
        def __init__(self, state: str) -> None:
            super().__init__()
            self.state = state

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.facts: MapFacts | None = None
        self.lay: Layout | None = None
        self.selected = ""
        self.zoom = ""  # "" until the first drawing: the largest that fits
        self.zoom_chosen = False  # z pressed: keep the zoom when the terminal resizes
        self.ties = False
        self.canvas = None
        self.pan = Offset(0, 0)  # the map's cell at the canvas's top left corner
        self._styles: dict[str, Style] = {}
        self._strips: list[Strip] = []
        self._sea: list[str] = []  # per row of the map: "~" open sea, "#" anything else
        self._theme = None
        self._shown: dict[tuple, Strip] = {}  # (row, pan x, width, lit, edges) -> line

    def show(self, facts: MapFacts, lay: Layout) -> None:
        self.facts, self.lay = facts, lay
        if self.selected not in facts.states:
            self.selected = facts.own if facts.own in facts.states else lay.order[0]
        self.redraw()

    def redraw(self) -> None:
        if self.facts is None:
            return
        if not self.zoom:
            w, h = self.size if self.size.width > 1 else (self.app.size.width - 2,
                                                            self.app.size.height - 10)
            self.zoom = best_zoom(self.lay, w, h)
        self.canvas = draw(self.facts, self.lay, self.zoom, self.ties)
        theme = (self.app.theme, self.app.current_theme.dark)
        if theme != self._theme or not self._styles:
            self._theme = theme
            self._styles = styles(getattr(self.app, "theme_variables", {}) or
                                  self.app.get_css_variables(), self.app.current_theme.dark)
        st = self._styles
        self._strips = [Strip([Segment(t, st.get(s)) for t, s in row], self.canvas.width)
                        for row in self.canvas.rows]
        self._sea = ["".join(("~" if s == "sea" and t.isspace() else "#") * len(t)
                             for t, s in row) for row in self.canvas.rows]
        self._shown = {}
        self.refresh()
        self.call_after_refresh(self.follow)

    def on_resize(self) -> None:
        if self.facts is not None and not self.zoom_chosen:
            zoom = best_zoom(self.lay, self.size.width, self.size.height)
            if zoom != self.zoom:
                self.zoom = zoom
                self.redraw()
                return
        self.follow()

    def _notify_style_update(self) -> None:
        super()._notify_style_update()
        if self.canvas is not None and (self.app.theme, self.app.current_theme.dark) != \
                self._theme:
            self.redraw()
            self.post_message(self.Moved(self.selected, legend=True))  # its colours too

    def render_line(self, y: int) -> Strip:
        sx, sy = self.pan
        row = y + sy
        width, height = self.size
        if self.canvas is None or row >= len(self._strips):
            return Strip.blank(width, self._styles.get("sea"))
        box = self.canvas.boxes.get(self.selected)
        lit = bool(box) and box[1] <= row < box[1] + box[3]
        more = (sx > 0, sx + width < self.canvas.width,  # the map goes on that way
                y == 0 and sy > 0, y == height - 1 and sy + height < self.canvas.height)
        key = (row, sx, width, self.selected if lit else "", more)
        done = self._shown.get(key)  # a move repaints two boxes: their lines, cut
        if done is not None:  # to the view, are kept until the map is redrawn
            return done
        strip = self._strips[row]
        if lit:
            x, _, w, _ = box
            head, mid, tail = strip.divide([x, x + w, self.canvas.width])
            mid = mid.apply_style(Style(reverse=True, bold=True))
            strip = Strip.join([head, mid, tail])
        strip = strip.crop(sx, sx + width).extend_cell_length(width, self._styles.get("sea"))
        if any(more):
            strip = self._edges(strip, y, width, more)
        if len(self._shown) > 4096:
            self._shown.clear()
        self._shown[key] = strip
        return strip

    def _edges(self, strip: Strip, y: int, width: int, more: tuple) -> Strip:
        """Arrows where the map goes on past the edge (what scroll bars would say),
        drawn on open sea only: the sea cell nearest the middle of the top or bottom
        line, and every sea cell of the left or right edge (a state cut by the edge
        says it by itself)."""
        west, east, north, south = more
        sx, sy = self.pan
        sea = self._sea[y + sy]
        cuts = []
        if north or south:
            free = [x for x in range(width) if sea[sx + x: sx + x + 1] == "~"]
            if free:
                cuts.append((min(free, key=lambda x: abs(x - width // 2)),
                             "↑" if north else "↓"))
        if west and sea[sx: sx + 1] == "~":
            cuts.append((0, "«"))
        if east and sea[sx + width - 1: sx + width] in ("~", ""):
            cuts.append((width - 1, "»"))
        if not cuts or width < 3:
            return strip
        mark = self._styles.get("edge")
        for x, arrow in sorted(cuts):
            head, _, tail = strip.divide([x, x + 1, width])
            strip = Strip.join([head, Strip([Segment(arrow, mark)], 1), tail])
        return strip

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines in ``crop``, straight from the kept lines. The canvas has no
        border, padding, tint or opacity for Textual's per-line styling to apply, and
        a pan repaints every line in sight: done per line, that styling cost more than
        the map itself. The app's line filters are still applied (each kept line keeps
        its filtered copy); with any of those styles set, Textual's own way is used."""
        css = self.styles
        if css.tint.a or css.text_opacity != 1.0 or self.opacity != 1.0 or \
                css.has_rule("hatch") or css.gutter:
            return super().render_lines(crop)
        filters = self.get_line_filters()
        background = self.background_colors[1]
        x1, x2 = crop.column_span
        lines = []
        for y in crop.line_range:
            strip = self.render_line(y)
            for line_filter in filters:
                strip = strip.apply_filter(line_filter, background)
            lines.append(strip.crop(x1, x2))
        return lines

    def box_region(self, sid: str) -> Region:
        x, y, w, h = self.canvas.boxes[sid]
        return Region(x, y, w, h)

    def follow(self) -> None:
        """Pan so that the highlighted state, and a margin around it, is in sight:
        centred on each axis where it was not (so that the next moves need no pan).
        A pan repaints every line in sight; a move within it, two cells."""
        if not (self.canvas and self.selected in self.canvas.boxes):
            return
        width, height = self.size
        whole = Region(0, 0, self.canvas.width, self.canvas.height)
        want = self.box_region(self.selected).grow((1, 2, 1, 2)).intersection(whole)
        sx, sy = self.pan

        def axis(at: int, start: int, size: int, seen: int, total: int) -> int:
            if at <= start and start + size <= at + seen:
                return min(at, max(0, total - seen))  # in sight (and not past the end)
            return max(0, min(start + size // 2 - seen // 2, total - seen))

        pan = Offset(axis(sx, want.x, want.width, width, self.canvas.width),
                     axis(sy, want.y, want.height, height, self.canvas.height))
        if pan != self.pan:
            self.pan = pan
            self.refresh()

    def pan_by(self, dx: int, dy: int) -> None:
        """Pan without moving the highlight (the mouse wheel)."""
        if self.canvas is None:
            return
        width, height = self.size
        pan = Offset(max(0, min(self.pan.x + dx, self.canvas.width - width)),
                     max(0, min(self.pan.y + dy, self.canvas.height - height)))
        if pan != self.pan:
            self.pan = pan
            self.refresh()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.pan_by(0, 2)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.pan_by(0, -2)

    def on_mouse_scroll_right(self, event: events.MouseScrollRight) -> None:
        event.stop()
        self.pan_by(4, 0)

    def on_mouse_scroll_left(self, event: events.MouseScrollLeft) -> None:
        event.stop()
        self.pan_by(-4, 0)

    def select(self, sid: str) -> None:
        if sid == self.selected or self.canvas is None:
            return
        old = self.selected
        self.selected = sid
        for s in (old, sid):
            if s in self.canvas.boxes:
                self.refresh(self.box_region(s).translate(-self.pan))
        self.follow()
        moved = getattr(self.parent, "info", None)  # the line under the map, at once
        if moved is not None:
            moved(sid)
        else:
            self.post_message(self.Moved(sid))

    # ------------------------------------------------------------ keys
    def action_move(self, direction: str) -> None:
        if self.lay:
            self.select(neighbour(self.lay, self.selected, direction))

    def action_step(self, by: int) -> None:
        if self.lay:
            order = self.lay.order
            self.select(order[(order.index(self.selected) + by) % len(order)])

    def action_home(self) -> None:
        if self.facts and self.facts.own in self.facts.states:
            self.select(self.facts.own)

    def action_open(self) -> None:
        if self.selected:
            self.post_message(self.Opened(self.selected))

    def action_zoom(self) -> None:
        self.zoom_chosen = True
        self.zoom = ZOOM_ORDER[(ZOOM_ORDER.index(self.zoom) + 1) % len(ZOOM_ORDER)] \
            if self.zoom else ZOOM_ORDER[0]
        self.redraw()
        self.app.notify(f"Zoom: {self.zoom}", timeout=1)

    def action_ties(self) -> None:
        self.ties = not self.ties
        self.redraw()
        self.post_message(self.Moved(self.selected, legend=True))
        self.app.notify("Sanctions ($) and obligations (·▶) shown" if self.ties else
                        "Sanctions and obligations hidden", timeout=2)

    def on_click(self, event: events.Click) -> None:
        if self.canvas is None:
            return
        x, y = event.x + self.pan.x, event.y + self.pan.y
        for sid, (bx, by, w, h) in self.canvas.boxes.items():
            if bx <= x < bx + w and by <= y < by + h:
                if sid == self.selected and event.chain > 1:
                    self.post_message(self.Opened(sid))
                self.select(sid)
                return


class MapPane(Vertical):
    """The legend, the canvas and a line about the highlighted state."""

    DEFAULT_CSS = """
    MapPane { height: 1fr; }
    MapPane #map-legend { height: auto; max-height: 3; padding: 0 1; }
    MapPane #map-canvas { height: 1fr; width: 1fr; }
    MapPane #map-info { height: 3; padding: 0 1; border-top: hkey $panel-lighten-2; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="map-legend")
        yield MapCanvas(id="map-canvas")
        yield Static(id="map-info")

    _lines: dict[str, str] = {}  # the line under the map, by state, for these facts

    def show(self, view, campaign, news) -> None:
        facts = map_facts(view, news)
        self._lines = {}
        canvas = self.query_one(MapCanvas)
        canvas.show(facts, layout_of(campaign))
        self.query_one("#map-legend", Static).update(self.legend_text(facts))
        self.info(canvas.selected)

    def on_resize(self) -> None:
        canvas = self.query_one(MapCanvas)
        if canvas.facts is not None:
            self.query_one("#map-legend", Static).update(self.legend_text(canvas.facts))
            self.info(canvas.selected)

    def legend_text(self, facts: MapFacts) -> Text:
        canvas = self.query_one(MapCanvas)
        st = canvas._styles
        text = Text(no_wrap=False)
        cols = self.size.width if self.size.width > 2 else self.app.size.width
        for t, s in legend(facts, 14 if cols < 100 else 24):
            text.append(t, st.get(s))
        if canvas.ties:
            text.append("  ")
            text.append("$ sanctions", st.get("sanction"))
            text.append("  ")
            text.append("·▶ obligation", st.get("duty"))
        marks = marks_text(facts)
        if marks:
            text.append(f"\nRound {facts.marks_round}: " + "; ".join(marks))
        return text

    def info(self, sid: str) -> None:
        canvas = self.query_one(MapCanvas)
        if canvas.facts is None or sid not in canvas.facts.states:
            return
        info = self.query_one("#map-info", Static)
        cols = info.size.width if info.size.width > 2 else self.app.size.width
        room = 2 * max(cols - 2, 20)  # two lines: a fixed height, no relayout
        key = f"{sid} {room}"
        line = self._lines.get(key)
        if line is None:
            line = situation_line(canvas.facts, canvas.lay, sid)
            if width(line) > room:
                line = fit(line, room - 16) + " (Enter: more)"
            self._lines[key] = line
        info.update(Text(line), layout=False)

    def on_map_canvas_moved(self, event: MapCanvas.Moved) -> None:
        self.info(event.state)
        canvas = self.query_one(MapCanvas)
        if event.legend and canvas.facts is not None:
            self.query_one("#map-legend", Static).update(self.legend_text(canvas.facts))

    def on_map_canvas_opened(self, event: MapCanvas.Opened) -> None:
        canvas = self.query_one(MapCanvas)
        self.app.push_screen(StateDetails(canvas.facts, canvas.lay, event.state))


class StateDetails(ModalScreen[None]):
    """One state's facts from the map, in full; Escape or Enter closes."""

    BINDINGS = [Binding("escape,enter,q", "close", "Close")]
    DEFAULT_CSS = """
    StateDetails { align: center middle; }
    StateDetails > Vertical { width: 80%; max-width: 90; height: auto; max-height: 90%;
                              border: round $accent; background: $surface; padding: 0 1; }
    """

    def __init__(self, facts: MapFacts, lay: Layout, sid: str) -> None:
        super().__init__()
        self.facts, self.lay, self.sid = facts, lay, sid

    def action_close(self) -> None:
        self.dismiss(None)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.facts.name(self.sid), style="bold"), id="details-title")
            yield Static(Text("\n".join(details(self.facts, self.lay, self.sid))),
                         id="details-body")
            yield Static("[$text-dim]Escape closes.[/]")  # dim text that reads at 4.5:1


def details(f: MapFacts, lay: Layout, sid: str) -> list[str]:
    """A state's map facts as lines (the situation line, split at its full stops)."""
    s = f.states[sid]
    lines = [p.strip() for p in situation_line(f, lay, sid).split(". ")[1:] if p.strip()]
    if s.own:
        lines.insert(0, "your state")
    lines.append("member of " + (", ".join(s.memberships) or "no institution"))
    lines.append(f"economy ${s.economy:,.0f} bn{'; nuclear weapons' if s.nuclear else ''}")
    near = beside(lay, sid)
    if not near:
        lines.append("no state beside it on the map")
    return [line.rstrip(".") for line in lines]
