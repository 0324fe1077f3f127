"""A war as a player sees it: the share of forces chosen for an invasion, the land
held and its garrison, and the forces left at home, on screen."""

from __future__ import annotations

from wargame.tui.app import WargameApp
from wargame.tui.scenario import DEMO

from .helpers import (choose_action, commit_forces, end_turn, pick, run, screen_name,
                      screen_text, start_solo, wait_for_turn, wait_until)


async def invade_with_everything():
    app = WargameApp(DEMO)  # the demo world: you govern Northland
    seen = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await start_solo(pilot)
        await choose_action(pilot, "invasion")
        await pick(pilot, "east")
        await commit_forces(pilot, "1")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("y")
        await pilot.pause()
        seen["orders"] = screen_text(app)
        await end_turn(pilot)
        await wait_for_turn(pilot)
        await pilot.press("6")
        await pilot.pause()
        seen["treaties"] = screen_text(app)
        seen["game"] = app.session.game
    return seen


def test_the_war_is_on_screen_with_the_forces_it_took():
    seen = run(invade_with_everything())
    assert "Invasion → Eastmark · 100% of your forces" in seen["orders"]
    game = seen["game"]
    garrison = game.state.nations["north"].garrisons["east"]
    text = " ".join(seen["treaties"].split())
    assert "War and forces" in text
    assert "Northland attacked Eastmark in round 1 (the attacker of record)" in text
    assert f"Northland holds 25% of Eastmark (garrison {garrison:.0f})" in text
    # everything it had went in: none of its forces is at home
    assert f"forces 0/{game.state.nations['north'].military:.0f} home" in text
