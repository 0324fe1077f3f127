"""The Map tab as a player sees it: every bundled campaign at 80x24, 100x30 and
120x40 with no two states overlapping and every state reached by keys; an invasion
on the next round's map; in hot-seat, the same map for every government but for
"you", and nothing private on it."""

from __future__ import annotations

import pytest

from wargame.campaign.bundled import bundled_campaigns
from wargame.map.layout import neighbour
from wargame.tui.app import WargameApp
from wargame.tui.scenario import DEMO
from wargame.tui.widgets.map import MapCanvas

from .helpers import (choose_action, commit_forces, end_turn, pick, run, screen_name,
                      screen_text, start_solo, wait_for_turn, wait_until)
from .test_hotseat import NORTH_SECRET, two_humans, write

SIZES = [(80, 24), (100, 30), (120, 40)]


def on_screen(canvas: MapCanvas, sid: str) -> bool:
    """Whether the whole box of ``sid`` is inside the canvas's visible area."""
    x, y, w, h = canvas.canvas.boxes[sid]
    sx, sy = canvas.pan
    return sx <= x and x + w <= sx + canvas.size.width and \
        sy <= y and y + h <= sy + canvas.size.height


def overlaps(boxes) -> list:
    items = list(boxes.items())
    return [(a, b) for i, (a, (ax, ay, aw, ah)) in enumerate(items)
            for b, (bx, by, bw, bh) in items[i + 1:]
            if ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah]


async def tour(path) -> dict:
    app = WargameApp(str(path))
    seen: dict = {}
    async with app.run_test(size=SIZES[0]) as pilot:
        await start_solo(pilot)
        for size in SIZES:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.press("1", "m", "home")  # from another tab: m reaches the map
            await pilot.pause()
            canvas = app.screen.query_one(MapCanvas)
            facts, lay = canvas.facts, canvas.lay
            me = app.screen.nation
            assert canvas.has_focus and canvas.selected == me  # Home: your state
            assert overlaps(canvas.canvas.boxes) == []
            visited = []
            for _ in lay.order:  # Tab goes through every state; the map pans to it
                await pilot.press("tab")
                await pilot.pause()
                sid = canvas.selected
                visited.append(sid)
                text = screen_text(app)
                assert on_screen(canvas, sid), (size, sid)
                label = facts.states[sid].short if canvas.zoom == "small" else \
                    facts.states[sid].name[:6]
                assert label in text, (size, sid, text)
                assert f"{facts.states[sid].name} ({facts.states[sid].short})" in \
                    " ".join(text.split()), (size, sid)
            assert sorted(visited) == sorted(lay.order)
            # arrows go where the layout says
            await pilot.press("home")
            for key in ("right", "down", "left", "up"):
                here = canvas.selected
                await pilot.press(key)
                assert canvas.selected == neighbour(lay, here, key)
                assert on_screen(canvas, canvas.selected)
            seen[size] = (canvas.zoom, screen_text(app))
            # Enter: the highlighted state's details; Escape closes them
            await pilot.press("enter")
            await wait_until(pilot, lambda: screen_name(app) == "StateDetails")
            assert facts.states[canvas.selected].name in screen_text(app)
            await pilot.press("escape")
            await wait_until(pilot, lambda: screen_name(app) == "GameScreen")
    return seen


@pytest.mark.parametrize("path", bundled_campaigns(), ids=lambda p: p.stem)
def test_every_bundled_campaign_is_on_the_map_at_every_size(path):
    seen = run(tour(path))
    from wargame.map.draw import ZOOM_ORDER

    zooms = [ZOOM_ORDER.index(seen[size][0]) for size in SIZES]
    assert zooms == sorted(zooms)  # a larger terminal, cells at least as large


async def invade_then_look():
    app = WargameApp(DEMO)  # you govern Northland
    async with app.run_test(size=(120, 40)) as pilot:
        await start_solo(pilot)
        await pilot.press("m")
        await pilot.pause()
        before = screen_text(app)
        await choose_action(pilot, "invasion")
        await pick(pilot, "east")
        await commit_forces(pilot, "1")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("y")
        await end_turn(pilot)
        await wait_for_turn(pilot)
        await pilot.press("m")
        await pilot.pause()
        held = app.session.game.state.occupation[("north", "east")]
        return before, screen_text(app), held


def test_an_invasion_shows_on_the_next_rounds_map():
    before, after, held = run(invade_then_look())
    assert "% held" not in before and "Round 1:" not in before
    flat = " ".join(after.split())
    assert f"▼{held:.0f}% held" in flat
    assert f"Round 1: Northland attacks Eastmark and takes {held:.0f}% of its land" in flat
    assert "▶" in after or "◀" in after or "▲" in after or "▼" in after


async def map_of(pilot) -> str:
    """The whole map (not only what is in sight), its legend and every state's details."""
    from wargame.tui.widgets.map import details

    await pilot.press("m")
    await pilot.pause()
    canvas = pilot.app.screen.query_one(MapCanvas)
    legend = str(pilot.app.screen.query_one("#map-legend").content)
    states = [line for sid in canvas.lay.order
              for line in details(canvas.facts, canvas.lay, sid)]
    return "\n".join([*canvas.canvas.text(), legend, *states])


async def hotseat_maps():
    app = WargameApp(DEMO)
    maps: dict = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await two_humans(pilot)
        for _ in range(4):  # round 1 and round 2: each human's turns
            kind = await wait_for_turn(pilot)
            if kind == "HandoffScreen":
                await pilot.press("enter")
                kind = await wait_for_turn(pilot)
            if kind != "GameScreen":
                break
            nation, game = app.screen.nation, app.session.game
            if game.round == 1 and nation == "north":
                await write(pilot, 0, NORTH_SECRET)  # to Eastmark
                await choose_action(pilot, "demarche")
                await pick(pilot, "east")
            maps[(game.round, game.phase, nation)] = await map_of(pilot)
            await end_turn(pilot)
    return maps


def test_hot_seat_every_government_sees_the_same_map_and_nothing_private():
    maps = run(hotseat_maps())
    assert {n for (_, _, n) in maps} == {"north", "west"}
    by_moment: dict = {}
    for (round_, phase, nation), text in maps.items():
        assert NORTH_SECRET not in text and "émarche" not in text
        assert text.count("★") == 2  # on your state, and in the legend
        assert text.count("your state") == 1  # in your state's details
        # what is not "you" is the same for every government at one moment
        shared = text.replace("★", " ").replace("your state\n", "")
        by_moment.setdefault((round_, phase), set()).add(shared)
    assert any(len(v) == 1 for v in by_moment.values())
    assert all(len(v) == 1 for v in by_moment.values()), "the map differs between seats"


async def hostile_map(folder):
    from hostile.makers import tutorial_with

    from .test_hostile_text import REPLACE

    app = WargameApp(str(tutorial_with(folder, REPLACE)))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_solo(pilot)
        await pilot.press("m")
        await pilot.pause()
        on_map = screen_text(app)
        canvas = app.screen.query_one(MapCanvas)
        ardenia = next(s for s, f in canvas.facts.states.items() if f.name.startswith("Ard"))
        while canvas.selected != ardenia:
            await pilot.press("tab")
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "StateDetails")
        details = screen_text(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: screen_name(app) == "GameScreen")
        return on_map, details, app.is_running


def test_names_with_markup_show_as_written_on_the_map(tmp_path):
    from .test_hostile_text import ARDENIA, BELMARK, COMPACT

    on_map, details, running = run(hostile_map(tmp_path))
    assert running
    assert BELMARK in on_map and COMPACT in on_map  # a cell, the legend
    assert ARDENIA in details  # the details name it in full


async def edges(path) -> dict:
    """The map at its largest zoom on an 80x24 screen: what the edges say as the
    highlight goes to the far east and back."""
    app = WargameApp(str(path))
    seen = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await start_solo(pilot)
        await pilot.press("m")
        await pilot.pause()
        canvas = app.screen.query_one(MapCanvas)
        while canvas.zoom != "large":
            await pilot.press("z")
            await pilot.pause()
        await pilot.press("home")
        await pilot.pause()
        west = min(canvas.lay.order, key=lambda s: canvas.canvas.boxes[s][0])
        canvas.select(west)
        await pilot.pause()
        seen["west"] = (canvas.pan, screen_text(app))
        for _ in range(len(canvas.lay.order)):  # east as far as the arrows go
            await pilot.press("right")
        await pilot.pause()
        seen["east"] = (canvas.pan, screen_text(app))
        seen["sizes"] = (canvas.canvas.width, canvas.size.width)
    return seen


def test_arrows_on_the_edges_say_where_the_map_goes_on():
    seen = run(edges(next(p for p in bundled_campaigns() if p.stem == "baltic-flashpoint")))
    width, shown = seen["sizes"]
    assert width > shown  # the largest zoom does not fit 80 columns
    (pan, text), (pan_east, text_east) = seen["west"], seen["east"]
    assert pan.x == 0 and "»" in text and "«" not in text  # more to the east only
    assert pan_east.x > 0 and "«" in text_east  # panned east: more to the west
