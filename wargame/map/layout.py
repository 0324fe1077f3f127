"""Where each state sits on the map: a small grid, one cell per state.

A campaign may place its states (the ``map`` section, :class:`~wargame.core.model.MapSpec`);
states it leaves out, and every state of a campaign without a map, are placed here
by a deterministic rule, the same on every run:

1. regions in the order the campaign first names them, each a near-square block,
   blocks side by side in rows about as wide as the whole map is tall (x 1.6), with
   an empty row or column between blocks ("sea");
2. inside a block, the states most tied to the others first (borders, then shared
   alliances, trade and starting tensions), each in the free cell closest to the
   states it is tied to.

States the campaign places are kept where they are; a state it leaves out goes to
the free cell nearest to the states it is tied to (or to its region's states).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property

from ..core.model import World

Cell = tuple[int, int]  # (column, row)


@dataclass(frozen=True)
class Layout:
    places: dict[str, Cell]  # every state -> its cell, columns and rows from 0
    borders: tuple[tuple[str, str], ...] = ()
    order: tuple[str, ...] = field(default=())  # states in reading order (row, column)

    @property
    def cols(self) -> int:
        return 1 + max((c for c, _ in self.places.values()), default=-1)

    @property
    def rows(self) -> int:
        return 1 + max((r for _, r in self.places.values()), default=-1)

    @cached_property
    def beside(self) -> dict[str, tuple[str, ...]]:
        """Each state's neighbours: those it borders when the campaign says which
        states touch, else those in the eight cells around it; in map order."""
        out: dict[str, list[str]] = {s: [] for s in self.order}
        if self.borders:
            for a, b in self.borders:
                out[a].append(b)
                out[b].append(a)
            return {s: tuple(v) for s, v in out.items()}
        at = {cell: s for s, cell in self.places.items()}
        for s in self.order:
            c, r = self.places[s]
            near = [at[(c + dc, r + dr)] for dr in (-1, 0, 1) for dc in (-1, 0, 1)
                    if (dc or dr) and (c + dc, r + dr) in at]
            out[s] = sorted(near, key=lambda o: (self.places[o][1], self.places[o][0]))
        return {s: tuple(v) for s, v in out.items()}

    @cached_property
    def _moves(self) -> dict:
        return {}


def layout(world: World) -> Layout:
    """Every state of ``world`` on the grid: the campaign's places, the rest placed."""
    ties = _ties(world)
    given = {s: world.map.places[s] for s in world.ids if s in world.map.places}
    if given:
        places = dict(given)
        left = [s for s in world.ids if s not in places]
        while left:  # the state most tied to those placed goes next
            sid = max(left, key=lambda s: (sum(w for o, w in ties[s].items() if o in places),
                                           -left.index(s)))
            places[sid] = _nearest_free(sid, places, ties, world)
            left.remove(sid)
    else:
        places = _auto(world, ties)
    places = _shifted(places)
    order = tuple(sorted(places, key=lambda s: (places[s][1], places[s][0])))
    return Layout(places=places, borders=tuple(world.map.borders), order=order)


def _ties(world: World) -> dict[str, dict[str, float]]:
    """How strongly each pair of states belongs side by side (symmetric)."""
    out: dict[str, dict[str, float]] = {s: {} for s in world.ids}

    def add(a: str, b: str, w: float) -> None:
        if a != b:
            out[a][b] = out[a].get(b, 0.0) + w
            out[b][a] = out[b].get(a, 0.0) + w

    for a, b in world.map.borders:
        add(a, b, 4.0)
    for inst in world.institutions:
        if len(inst.members) < len(world.nations):  # a body of everyone says nothing
            w = 2.0 / max(len(inst.members) - 1, 1)
            for i, a in enumerate(inst.members):
                for b in inst.members[i + 1:]:
                    add(a, b, w)
    for n in world.nations:
        for partner, share in n.trade.items():
            add(n.id, partner, share)
    for a, b, level in world.start_tensions:
        add(a, b, 1.0 + level / 50)
    return out


def _by_ties(states: list[str], ties, world: World) -> list[str]:
    """The most tied states first (ties broken by the campaign's order)."""
    rank = {s: i for i, s in enumerate(world.ids)}
    return sorted(states, key=lambda s: (-sum(ties[s].values()), rank[s]))


def _pull(sid: str, cell: Cell, places: dict[str, Cell], ties) -> float:
    """Tie-weighted distance from ``cell`` to the placed states ``sid`` is tied to."""
    return sum(w * math.dist(cell, places[o]) for o, w in ties[sid].items() if o in places)


def _nearest_free(sid: str, places: dict[str, Cell], ties, world: World) -> Cell:
    taken = set(places.values())
    anchors = [o for o in ties[sid] if o in places] or \
        [o for o in places if world.nation[o].region == world.nation[sid].region]
    if not anchors:  # nothing to sit beside: a new column to the right
        col = 1 + max(c for c, _ in places.values())
        row = 0
        while (col, row) in taken:
            row += 1
        return col, row
    weights = {o: ties[sid].get(o, 0.0) or 1.0 for o in anchors}
    around = sorted({(places[o][0] + dc, places[o][1] + dr) for o in anchors
                     for dc in (-1, 0, 1) for dr in (-1, 0, 1)} - taken)
    if around:  # beside a state it is tied to, as close as can be to all of them
        return min(around, key=lambda c: (sum(w * math.dist(c, places[o])
                                              for o, w in weights.items()), c[1], c[0]))
    centre = (sum(places[o][0] for o in anchors) / len(anchors),
              sum(places[o][1] for o in anchors) / len(anchors))
    best = None
    for radius in range(1, 64):
        ring = [(int(round(centre[0])) + dc, int(round(centre[1])) + dr)
                for dc in range(-radius, radius + 1) for dr in range(-radius, radius + 1)
                if max(abs(dc), abs(dr)) == radius or radius == 1]
        free = [c for c in ring if c not in taken and c[0] >= -radius and c[1] >= -radius]
        if free:
            best = min(free, key=lambda c: (sum(w * math.dist(c, places[o])
                                                for o, w in weights.items()), c[1], c[0]))
            break
    return best if best is not None else (0, 1 + max(r for _, r in places.values()))


def _auto(world: World, ties) -> dict[str, Cell]:
    regions: dict[str, list[str]] = {}
    for n in world.nations:
        regions.setdefault(n.region, []).append(n.id)
    total = len(world.nations)
    wide = max(4, math.ceil(math.sqrt(total) * 1.6))  # target width of the map, in cells
    places: dict[str, Cell] = {}
    x = y = line_h = 0
    for members in regions.values():
        w = math.ceil(math.sqrt(len(members)))
        h = math.ceil(len(members) / w)
        if x and x + w > wide:  # a new line of blocks
            x, y, line_h = 0, y + line_h + 1, 0
        block = _block(members, w, h, ties, world)
        for sid, (c, r) in block.items():
            places[sid] = (x + c, y + r)
        x += w + 1
        line_h = max(line_h, h)
    return places


def _block(members: list[str], w: int, h: int, ties, world: World) -> dict[str, Cell]:
    """One region's states in a w x h block, tied states side by side."""
    cells = [(c, r) for r in range(h) for c in range(w)]
    out: dict[str, Cell] = {}
    for sid in _by_ties(members, ties, world):
        free = [c for c in cells if c not in out.values()]
        out[sid] = min(free, key=lambda c: (_pull(sid, c, out, ties),
                                            math.dist(c, ((w - 1) / 2, (h - 1) / 2)),
                                            c[1], c[0]))
    return out


def _shifted(places: dict[str, Cell]) -> dict[str, Cell]:
    c0 = min(c for c, _ in places.values())
    r0 = min(r for _, r in places.values())
    return {s: (c - c0, r - r0) for s, (c, r) in places.items()}


DIRECTIONS = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}


def neighbour(lay: Layout, sid: str, direction: str) -> str:
    """The state an arrow key moves to from ``sid``: the nearest one that way, a state
    straight ahead before one off to the side; ``sid`` itself if there is none."""
    known = lay._moves.get((sid, direction))
    if known is not None:
        return known
    dx, dy = DIRECTIONS[direction]
    c0, r0 = lay.places[sid]
    best, score = sid, None
    for other in lay.order:
        c, r = lay.places[other]
        ahead = (c - c0) * dx + (r - r0) * dy
        if other == sid or ahead <= 0:
            continue
        side = abs((c - c0) * dy) + abs((r - r0) * dx)
        s = (ahead + 2 * side, side, r, c)
        if score is None or s < score:
            best, score = other, s
    lay._moves[(sid, direction)] = best
    return best
