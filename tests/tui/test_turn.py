"""A turn by keys: orders with refusals explained, tabling and voting, help, palette."""

from __future__ import annotations

from wargame.tui.app import WargameApp
from wargame.tui.scenario import DEMO

from .helpers import (end_turn, choose_action, dom_text, pick, run, screen_name, screen_text,
                      wait_for_turn, wait_until)


async def solo_as(pilot, row: int) -> None:
    """Setup by keys: the default human (row 0) becomes the computer, ``row`` human."""
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("shift+tab", "shift+tab", "h", *["down"] * row, "h")
    await pilot.press("tab", "tab", "enter")
    await wait_for_turn(pilot)


async def refusals():
    app = WargameApp(DEMO)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "enter")
        await wait_for_turn(pilot)
        await choose_action(pilot, "raise_readiness")
        await choose_action(pilot, "mobilise")
        shown = screen_text(app)
        orders = app.session.game.orders_of("north")
        everything = dom_text(app.screen)  # the Orders tab, scrolled or not
        await pilot.press("x")
        await pilot.pause()
        after = app.session.game.orders_of("north")
    return shown, orders, everything, after


def test_a_refused_order_shows_the_reason_and_x_takes_an_order_back():
    shown, orders, everything, after = run(refusals())
    assert "Refused: one readiness change a round" in shown
    assert [o.action for o in orders] == ["raise_readiness"]
    flat = " ".join(everything.split())  # the list's rows, names padded to one width
    assert "Accept a ceasefire not now · in the tension stage" in flat
    assert "Deploy forces to an ally not now · you have no ally" in flat
    assert after == []


async def table_and_vote():
    app = WargameApp(DEMO)
    seen = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await solo_as(pilot, 2)  # Westland
        assert app.screen.nation == "west"
        await choose_action(pilot, "table_resolution")
        await pick(pilot, "council")
        await pick(pilot, "sanctions")
        await pick(pilot, "north")
        seen["ordered"] = screen_text(app)
        await end_turn(pilot)
        await wait_for_turn(pilot)
        assert app.session.game.phase == "diplomacy"  # a draft to vote on: a turn
        await pilot.press("3")
        await pilot.pause()
        seen["draft"] = screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        seen["voted"] = screen_text(app)
        await end_turn(pilot)
        await wait_for_turn(pilot)
        assert app.session.game.phase == "orders"
        await pilot.press("3")
        await pilot.pause()
        seen["decided"] = screen_text(app)
    return seen


def test_table_a_draft_then_vote_and_see_the_result_with_its_reason():
    seen = run(table_and_vote())
    assert "Table a resolution in Security Council: sanctions against Northland" in seen["ordered"]
    assert "sanctions against Northland" in seen["draft"]
    assert "Votes are public as" in seen["draft"]  # hot-seat: said, not hidden
    assert "your vote: yes" in seen["voted"]
    decided = seen["decided"]
    line = next(row for row in decided.splitlines() if "ADOPTED" in row)  # the result
    assert "Security Council" in line and "Northland" in line and "sanctions" in line
    assert "yes: Westland" in decided and "abstained: Islay" in decided  # names, by vote
    if "NOT ADOPTED" in line:
        assert "veto" in line or "votes" in line  # the reason is given


async def help_palette_and_load():
    app = WargameApp(DEMO)
    seen = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")  # Load game
        await pilot.pause()
        seen["load"] = screen_text(app)
        await pilot.press("escape", "question_mark")
        await wait_until(pilot, lambda: "You govern one state" in screen_text(app))
        seen["help"] = screen_text(app)
        await pilot.press("escape", "up", "enter", "enter")
        await wait_for_turn(pilot)
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: screen_name(app) == "CommandPalette")
        await pilot.press(*"quit")
        await pilot.pause(0.3)
        seen["quit"] = screen_text(app)
        await pilot.press(*["backspace"] * 4, *"end turn")
        await pilot.pause(0.3)
        seen["palette"] = screen_text(app)
        await pilot.press("enter")
        # no orders given: the game asks first
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("y")
        await wait_until(pilot, lambda: app.session.game.round == 2
                         if hasattr(app.screen, "seat") else False)
        seen["round"] = app.session.game.round
    return seen


def test_help_load_notice_and_the_command_palette():
    seen = run(help_palette_and_load())
    assert "No saved game" in seen["load"] or "saves module" in seen["load"]
    assert "How to play" in seen["help"]
    assert "End turn" in seen["palette"]
    assert "a game in progress is saved" in seen["quit"]  # not Textual's "as soon as possible"
    assert "as soon as possible" not in seen["quit"]
    assert seen["round"] == 2


async def mouse():
    app = WargameApp(DEMO)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "enter")
        await wait_for_turn(pilot)
        tabs = app.screen.query_one("#tabs")
        column = tabs.render().plain.index("2 Orders") + 2
        await pilot.click("#tabs", offset=(column, 0))
        await pilot.pause()
        mode = app.screen.mode
        await pilot.click("#list", offset=(5, 0))  # the first action, clicked
        await wait_until(pilot, lambda: screen_name(app) == "PickScreen")
    return mode


def test_the_mouse_works_too():
    assert run(mouse()) == "orders"


async def quit_while_deciding():
    app = WargameApp(DEMO)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "enter")
        await wait_for_turn(pilot)
        await end_turn(pilot)  # end the turn: the computer gives its orders
        await wait_until(pilot, lambda: "deciding" in screen_text(app))
        shown = screen_text(app)
        await pilot.press("question_mark")  # the interface answers while it waits
        await wait_until(pilot, lambda: screen_name(app) == "HelpScreen")
    return shown


def test_the_computer_decides_in_a_worker_and_quitting_meanwhile_is_clean(monkeypatch):
    import time

    from wargame.tui.session import Session

    slow = Session.play_computer

    def play_computer(self):
        time.sleep(1.5)
        return slow(self)

    monkeypatch.setattr(Session, "play_computer", play_computer)
    shown = run(quit_while_deciding())  # leaving run_test while the thread runs: no error
    assert "The computer governments are deciding" in shown
