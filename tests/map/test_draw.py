"""The map drawn in cells: no two states overlap at any zoom, each shows its name,
you are marked, land held, forces and this round's attacks show."""

from __future__ import annotations

import pytest

from wargame.campaign import load_campaign
from wargame.campaign.bundled import bundled_campaigns
from wargame.core import Game, generated_world
from wargame.map import layout, map_facts
from wargame.map.draw import ZOOMS, best_zoom, draw, legend, marks_text, size_of
from wargame.map.facts import fit, shorts, width


def overlapping(boxes) -> list:
    items = list(boxes.items())
    out = []
    for i, (a, (ax, ay, aw, ah)) in enumerate(items):
        for b, (bx, by, bw, bh) in items[i + 1:]:
            if ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah:
                out.append((a, b))
    return out


@pytest.mark.parametrize("path", bundled_campaigns(), ids=lambda p: p.stem)
@pytest.mark.parametrize("zoom", list(ZOOMS))
def test_no_two_states_overlap_and_each_shows_its_label(path, zoom):
    world = load_campaign(path).world
    game = Game(world, 1)
    facts = map_facts(game.view(world.ids[0]))
    canvas = draw(facts, layout(world), zoom, ties=True)
    assert overlapping(canvas.boxes) == []
    text = canvas.text()
    assert all(width(line) == canvas.width for line in text)
    for sid, (x, y, w, h) in canvas.boxes.items():
        cell = text[y][x:x + w]
        label = facts.states[sid].short if zoom == "small" else facts.states[sid].name
        assert fit(label, w - 2)[:3].rstrip("…") in cell, (sid, cell)


def test_you_are_marked_and_no_one_else(war):
    game, news, lay = war
    for me in game.world.ids:
        canvas = draw(map_facts(game.view(me), news), lay, "large")
        text = canvas.text()
        starred = [sid for sid, (x, y, w, h) in canvas.boxes.items() if "★" in text[y][x:x + w]]
        assert starred == [me]


def test_land_held_forces_and_this_rounds_marks_show(war):
    game, news, lay = war
    facts = map_facts(game.view("centre"), news)
    canvas = draw(facts, lay, "large")
    text = canvas.text()
    x, y, w, h = canvas.boxes["east"]
    east = [line[x:x + w] for line in text[y:y + h]]
    assert "▼25% held" in east[1]
    assert "NOR30" in east[2] and "+WES12" in east[2]  # the garrison, the ally's forces
    # the held quarter is a bar in the "held" colour under the status
    held = [s for t, s in canvas.rows[y + 1] for _ in t if s == "held"]
    assert len(held) == round((w - 1) * 25 / 100)
    # a dotted line with an arrow head runs between Northland and Eastmark
    assert any(s == "attack" for row in canvas.rows for _, s in row)
    assert any(s == "blockade" for row in canvas.rows for _, s in row)
    assert marks_text(facts) == [
        "Northland attacks Eastmark and takes 25% of its land",
        "Eastmark counter-attacks Northland's garrison",
        "Westland blockades Northland"]


def test_sanctions_and_obligations_show_only_when_asked(war):
    game, news, lay = war
    facts = map_facts(game.view("centre"), news)
    styles = lambda c: {s for row in c.rows for _, s in row}  # noqa: E731
    assert "sanction" not in styles(draw(facts, lay, "large"))
    assert "sanction" in styles(draw(facts, lay, "large", ties=True))


def test_the_legend_names_every_bloc_and_you():
    world = load_campaign(next(p for p in bundled_campaigns()
                               if p.stem == "pacific-strait")).world
    facts = map_facts(Game(world, 1).view("taiwan"))
    text = "".join(t for t, _ in legend(facts))
    for name in ("ANZUS", "US-Japan", "US-Philippines", "US-ROK"):
        assert name in text
    assert "★ you" in text and "no bloc" in text
    assert facts.states["taiwan"].bloc == -1  # in no alliance
    assert facts.states["japan"].bloc != facts.states["australia"].bloc


def test_the_largest_zoom_that_fits_is_chosen():
    lay = layout(generated_world(12))
    w, h = size_of(lay, "large")
    assert best_zoom(lay, w, h) == "large"
    assert best_zoom(lay, w - 1, h) == "medium"
    assert best_zoom(lay, 10, 5) == "small"  # nothing fits: the smallest, panned


def test_short_labels_are_unique_and_wide_names_keep_their_columns():
    names = {"a": "United Kingdom", "b": "United Kingdom", "c": "Estonia", "d": "Estland",
             "e": "中华人民共和国", "f": "State 12"}
    out = shorts(names)
    assert len(set(out.values())) == len(out)
    assert out["c"] == "EST" and out["f"] == "S12"
    assert width(fit("中华人民共和国", 6)) <= 6
