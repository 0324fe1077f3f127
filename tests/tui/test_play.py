"""Play whole games through key presses only, as a new player would."""

from __future__ import annotations

import pytest

from wargame.tui.app import WargameApp
from wargame.tui.scenario import DEMO

from .helpers import end_turn, choose_action, pick, run, screen_name, screen_text, wait_for_turn


def tutorial() -> str:
    campaign = pytest.importorskip("wargame.campaign")
    return str(next(p for p in campaign.bundled_campaigns() if p.name == "tutorial.yaml"))


async def play_to_the_end(campaign: str, size=(120, 40)) -> tuple[WargameApp, str, int]:
    """Enter, Enter: a solo game. Each orders turn: one order, then end the turn."""
    app = WargameApp(campaign)
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter")  # New game
        await pilot.pause()
        assert screen_name(app) == "SetupScreen"
        await pilot.press("enter")  # Start game (the button has the focus)
        turns = 0
        while (kind := await wait_for_turn(pilot)) != "EndScreen":
            assert turns < 60, "the game does not end"
            if kind == "HandoffScreen":
                await pilot.press("enter")
                continue
            turns += 1
            game = app.session.game
            if game.phase == "orders" and turns % 2:
                await choose_action(pilot, "support_statement")
                await pick(pilot, game.world.ids[-1])
                assert "Statement of support →" in screen_text(app)
            await end_turn(pilot)
            await pilot.pause()
        text = screen_text(app)
        return app, text, turns


@pytest.mark.parametrize("campaign", [DEMO, "tutorial"])
def test_a_solo_game_plays_to_its_end_by_keys(campaign):
    key = tutorial() if campaign == "tutorial" else campaign
    app, text, turns = run(play_to_the_end(key))
    assert turns >= 2
    assert "Game over" in text
    assert "Scores" in text
    assert any(word in text for word in ("resolved", "settled", "frozen", "war"))


def test_the_end_screen_has_the_debrief():
    app, text, _ = run(play_to_the_end(DEMO, size=(120, 80)))
    for heading in ("Escalation over the rounds", "Rungs of the ladder crossed",
                    "Obligations kept and declined", "Burden sharing", "Turning points"):
        assert heading in text
    assert "You" in text  # the human's row in the scores
