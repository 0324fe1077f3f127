"""The Orders tab and its pickers, as a practised player uses them: every action in
the same place each round, and a target picker that says what is owed in words."""

from __future__ import annotations

from wargame.core import Game, Order
from wargame.tui.app import WargameApp
from wargame.tui.scenario import DEMO, load_scenario
from wargame.tui.session import Session, default_seats

from .helpers import (choose_action, dom_text, run, screen_name, screen_text, wait_for_turn,
                      wait_until)


def council_sanctions_adopted() -> Game:
    """The demo world, round 2's orders: the Security Council has adopted binding
    sanctions against Northland, so Westland is obliged to sanction it."""
    game = Game(load_scenario(DEMO).world, 1)
    while game.phase != "orders":
        game.advance()
    game.submit_orders("west", [Order("west", "table_resolution", "north", "council",
                                      "sanctions")])
    game.resolve()
    while game.phase != "diplomacy":
        game.advance()
    for member in ("west", "centre", "isle"):
        game.vote(member, "d1", "yes")
    game.advance()
    assert game.phase == "orders" and any(
        o.debtor == "west" and o.against == "north" for o in game.state.obligations)
    return game


async def play(game: Game, nation: str, size=(120, 40)):
    scenario = load_scenario(DEMO)
    app = WargameApp(DEMO)
    seen = {}
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.start_session(Session(scenario, default_seats(scenario.world, nation), 1,
                                  loaded=game))
        await wait_for_turn(pilot)
        seen["app"] = app
        await choose_action(pilot, "financial_sanctions")
        await wait_until(pilot, lambda: screen_name(app) == "PickScreen")
        seen["picker"] = screen_text(app)
        seen["dom"] = dom_text(app.screen)  # the dialog's texts, each whole
    return seen


def test_the_sanction_target_picker_says_what_you_are_obliged_to_do():
    seen = run(play(council_sanctions_adopted(), "west"))
    # the dialog's lines, between its borders, as one text (a long label wraps)
    inside = " ".join(row.split("▊", 1)[1].rsplit("▎", 1)[0].strip()
                      for row in seen["picker"].splitlines() if "▊" in row and "▎" in row)
    line = " ".join(inside.split()).split("Northland", 1)[1]
    assert "you are obliged to sanction it (Security Council, by round 3)" in line
    assert "an obligation of yours is against it" not in seen["picker"]
    assert "(obligations, then the most tense, first)" in seen["dom"]
    assert "Northland tension with you 1 · 1% of your trade · you are obliged to sanction " \
        "it (Security Council, by round 3)" in seen["dom"]


async def two_rounds():
    from .helpers import end_turn, pick

    scenario = load_scenario(DEMO)
    app = WargameApp(DEMO)
    seen = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.start_session(Session(scenario, default_seats(scenario.world, "west"), 1,
                                  loaded=council_sanctions_adopted()))
        for label in ("before", "after"):
            while True:
                await wait_for_turn(pilot)
                if app.session.game.phase == "orders":
                    break
                await end_turn(pilot)
            await pilot.press("2")
            await pilot.pause()
            listing = app.screen.query_one("#list")
            seen[label] = {"ids": [o.id for o in listing.options], "screen": screen_text(app),
                           "rows": {o.id: str(o.prompt) for o in listing.options}}
            # the practised player: Home, then as many downs as last round, Enter
            n = seen["before"]["ids"].index("aid_victim")
            await pilot.press("home", *["down"] * n, "enter")
            await wait_until(pilot, lambda: screen_name(app) == "PickScreen")
            seen[label]["picked"] = dom_text(app.screen)
            await pilot.press("escape")
            await wait_until(pilot, lambda: screen_name(app) == "GameScreen")
            if label == "before":  # sanctions: next round, lifting them is possible
                await choose_action(pilot, "financial_sanctions")
                await pick(pilot, "north")
                await wait_until(pilot, lambda: screen_name(app) == "GameScreen")
                await end_turn(pilot)
    return seen


def test_every_action_keeps_its_place_in_the_orders_list_from_round_to_round():
    seen = run(two_rounds())
    before, after = seen["before"], seen["after"]
    assert "not now" in before["rows"]["lift_sanctions"]  # not possible in round 2 ...
    assert "not now" not in after["rows"]["lift_sanctions"]  # ... possible in round 3
    assert before["ids"] == after["ids"]  # and no row moved for it
    lines = [[i for i, row in enumerate(s["screen"].splitlines()) if "Trade embargo" in row]
             for s in (before, after)]
    assert lines[0] == lines[1] and lines[0]  # on the same line of the screen
    # the same keys reach the same action in both rounds
    assert "Aid to the victim" in before["picked"] and "Aid to the victim" in after["picked"]
