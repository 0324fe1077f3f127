"""Layout: at 80x24 (usable) and 120x40 (readable) nothing essential is cut off."""

from __future__ import annotations

import pytest

from wargame.core import IllegalOrder, Order
from wargame.tui.app import WargameApp
from wargame.tui.scenario import DEMO

from .helpers import run, screen_text, wait_for_turn

SIZES = [(80, 24), (100, 30), (120, 40)]


def fully_visible(app, selector: str) -> bool:
    """The widget is displayed and its whole region lies inside the terminal."""
    widget = app.screen.query_one(selector)
    region = widget.region
    return (widget.display and region.width > 0 and region.height > 0
            and region.right <= app.size.width and region.bottom <= app.size.height)


async def screens_at(size):
    app = WargameApp(DEMO)
    shots = {}
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        shots["title"] = screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        shots["setup"] = screen_text(app)
        assert fully_visible(app, "#start")
        assert fully_visible(app, "#seats")
        await pilot.press("enter")
        assert await wait_for_turn(pilot) == "GameScreen"
        for selector in ("#status", "#gauge", "#chart", "#tabs", "Footer"):
            assert fully_visible(app, selector), selector
        shots["briefing"] = screen_text(app)
        await pilot.press("2")
        await pilot.pause()
        assert fully_visible(app, "#head")
        assert fully_visible(app, "#list")
        assert app.screen.query_one("#list").region.height >= 4
        shots["orders"] = screen_text(app)
        screen = app.screen  # three orders given: the head grows, the details still show
        game, me = app.session.game, screen.nation
        given = []
        for opt in game.legal_actions(me):
            if len(given) == 3:
                break
            order = Order(me, opt.action.id, target=opt.targets[0] if opt.targets else "",
                          institution=opt.institutions[0] if opt.institutions else "",
                          measure=opt.measures[0] if opt.measures else "")
            try:
                game.submit_orders(me, given + [order])
            except IllegalOrder:
                continue
            given.append(order)
        screen.show_mode()
        await pilot.press("end")
        await pilot.pause()
        shots["three orders"] = screen_text(app)
        await pilot.press("5")
        await pilot.pause()
        shots["states"] = screen_text(app)
    return shots


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_essential_panels_fit(size):
    shots = run(screens_at(size))
    assert "New game" in shots["title"] and "Quit" in shots["title"]
    assert "Start game" in shots["setup"] and "Northland" in shots["setup"]
    brief = shots["briefing"]
    assert "Round 1/12" in brief
    assert "Escalation" in brief
    assert "tension" in brief  # the first threshold under the gauge
    for tab in ("1 Briefing", "2 Orders", "3 Votes", "4 Inbox", "5 States", "6 Treaties",
                "7 News", "8 Ledger"):
        assert tab in brief, tab
    assert "End turn" in brief  # the footer
    orders = shots["orders"]
    assert "Your orders (0 of 3)" in orders
    assert "risk" in orders  # risk in words
    assert "Northland (you)" in shots["states"]
    three = shots["three orders"]
    assert "Your orders (3 of 3)" in three
    # the highlighted action's details: the last of the catalogue, not possible now
    assert "Request assistance (Art. 51) is not possible now" in three


def test_wide_screens_show_your_numbers():
    shots = run(screens_at((120, 40)))
    assert "credibility" in shots["briefing"]
    assert "readiness" in shots["briefing"]


async def orders_list_at(size):
    from wargame.campaign.bundled import find_campaign

    from .helpers import start_solo

    app = WargameApp(str(find_campaign("baltic-flashpoint")))
    seen = {}
    async with app.run_test(size=size) as pilot:
        await start_solo(pilot)
        await pilot.press("2")
        await pilot.pause()
        listing = app.screen.query_one("#list")
        names = [app.session.game.world.actions[o.id].name for o in listing.options]
        seen["names"], seen["rows"] = names, []
        for i in range(len(names)):  # every row in turn, as the arrow keys reach it
            if i:
                await pilot.press("down")
                await pilot.pause()
            seen["rows"].append(screen_text(app))
        seen["list fits"] = fully_visible(app, "#list")
    return seen


@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_orders_list_scrolls_to_every_action_and_its_details_show(size):
    seen = run(orders_list_at(size))
    assert seen["list fits"]
    assert len(seen["names"]) >= 20  # every action of the campaign
    for name, shown in zip(seen["names"], seen["rows"]):
        lines = shown.splitlines()
        row = [i for i, line in enumerate(lines) if line.strip().startswith(name + " ")]
        details = [i for i, line in enumerate(lines) if line.strip().startswith(name + ":")
                   or line.strip().startswith(name + " is not possible now")]
        assert row, (name, shown)  # the highlighted row is on screen (the list scrolled)
        assert details and details[0] < len(lines) - 1, (name, shown)  # and what it is
