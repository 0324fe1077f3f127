"""The map in words: one line per state, the same facts the map shows, for a text
mode and for screen readers (no drawing). States come in the map's reading order
(north to south, west to east), each with the states beside it on the map."""

from __future__ import annotations

from ..core.view import View
from .facts import MapFacts, map_facts
from .layout import Layout


def situation_lines(view: View, layout: Layout, news=None) -> list[str]:
    """One line per state from ``view`` only (``news``: every public event so far; by
    default the view's latest news)."""
    f = map_facts(view, news)
    return [situation_line(f, layout, sid) for sid in layout.order if sid in f.states]


def _forces(n: float) -> str:
    return f"{n:.0f}"


def _list(items: list[str]) -> str:
    return ", ".join(items)


def beside(layout: Layout, sid: str) -> list[str]:
    """The states ``sid`` borders, when the campaign says which states touch; else the
    states in the eight cells around it on the map, in map order."""
    return list(layout.beside[sid])


def situation_line(f: MapFacts, layout: Layout, sid: str) -> str:
    s = f.states[sid]
    n = f.name
    parts = [f"{s.name} ({s.short}){' (you)' if s.own else ''}"]
    parts.append(f"bloc: {f.blocs[s.bloc]}" if 0 <= s.bloc < len(f.blocs)
                 else "in no bloc")
    if s.held_by:
        held = "; ".join(f"{share:.0f}% held by {n(o)} (garrison {_forces(g)})"
                         for o, share, g in s.held_by)
        parts.append(f"holds {s.territory:.0f}% of its land, {held}")
    for land, share, g in s.holds:
        parts.append(f"holds {share:.0f}% of {n(land)} (garrison {_forces(g)})")
    if s.hosts:
        parts.append("forces here: " + _list([f"{n(o)} {_forces(x)}" for o, x in s.hosts]))
    if s.abroad:
        parts.append("its forces abroad: " + _list([f"{_forces(x)} in {n(h)}"
                                                    for h, x in s.abroad]))
    if s.fighting:
        parts.append("at war with " + _list([n(o) for o in s.fighting]))
    if s.sanctioned_by:
        parts.append("sanctioned by " + _list([n(o) for o in s.sanctioned_by]))
    if s.sanctions:
        parts.append("sanctions " + _list([n(o) for o in s.sanctions]))
    owes = list(dict.fromkeys((toward, what) for debtor, toward, what in f.duties
                              if debtor == sid))
    if owes:
        parts.append("owes " + _list([f"assistance to {n(t)}" if w == "assist" else
                                      f"sanctions on {n(t)}" for t, w in owes]))
    done = []
    for m in f.marks:
        if m.kind == "attack" and m.actor == sid:
            done.append(f"attacked {n(m.target)}" +
                        (f", took {m.taken:.0f}%" if m.taken else ""))
        elif m.kind == "attack" and m.target == sid:
            done.append(f"attacked by {n(m.actor)}" +
                        (f", lost {m.taken:.0f}%" if m.taken else ""))
        elif m.kind == "counter" and m.actor == sid:
            done.append(f"counter-attacked {n(m.target)}'s garrison")
        elif m.kind == "counter" and m.target == sid:
            done.append(f"its garrison in {n(m.actor)} counter-attacked")
        elif m.kind == "blockade" and m.actor == sid:
            done.append(f"blockaded {n(m.target)}")
        elif m.kind == "blockade" and m.target == sid:
            done.append(f"blockaded by {n(m.actor)}")
    if done:
        parts.append(f"round {f.marks_round}: " + "; ".join(done))
    parts.append(f"military {s.military:.0f}")
    near = beside(layout, sid)
    if near:
        parts.append("beside " + _list([n(o) for o in near]))
    return ". ".join(parts) + "."
