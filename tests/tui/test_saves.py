"""Autosave each round, ctrl+s, and Load game — through wargame.saves."""

from __future__ import annotations

import pytest

from wargame.tui.app import WargameApp
from wargame.tui.scenario import DEMO

from .helpers import end_turn, run, screen_name, screen_text, wait_for_turn, wait_until

pytest.importorskip("wargame.saves")


async def play_two_rounds():
    app = WargameApp(DEMO)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("enter", "enter")
        for _ in range(2):
            await wait_for_turn(pilot)
            await end_turn(pilot)
        await wait_for_turn(pilot)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "Saved:" in screen_text(app))
        return app.session.game.round


async def load_from_title():
    app = WargameApp(DEMO)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "enter")  # Load game
        await wait_until(pilot, lambda: screen_name(app) == "PickScreen")
        listed = screen_text(app)
        await pilot.press("enter")
        await wait_for_turn(pilot)
        remembered = {p.memory.done for g in app.session.computers.groups
                      for p in g.policies.values()}
        return listed, app.session.game.round, app.screen.nation, screen_text(app), remembered


def test_autosave_ctrl_s_and_load_game(saves_folder):
    round_ = run(play_two_rounds())
    assert round_ == 3
    files = sorted(p.name for p in saves_folder.glob("*.json"))
    assert files, "an autosave after each round"
    listed, loaded_round, nation, shown, remembered = run(load_from_title())
    assert "Demo crisis" in listed and "round 3" in listed and "as Northland" in listed
    # the computer players remember the rounds played before the save (and the first
    # view's latest news is taken in when they next decide)
    assert remembered == {loaded_round - 1}
    assert (loaded_round, nation) == (3, "north")
    assert "Round 3/12" in shown


async def open_file(path):
    app = WargameApp(load=str(path))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_turn(pilot)
        return app.session.game.round


async def open_broken(path):
    app = WargameApp(load=str(path))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_until(pilot, lambda: "Not loaded" in screen_text(app))
        return screen_name(app)


def test_run_with_a_save_file_plays_on_and_a_bad_file_is_one_line(saves_folder, tmp_path):
    run(play_two_rounds())
    path = max(saves_folder.glob("*.json"), key=lambda p: p.stat().st_mtime)
    assert run(open_file(path)) == 3
    bad = tmp_path / "not-a-save.json"
    bad.write_text("{}")
    assert run(open_broken(bad)) == "TitleScreen"


async def save_in_a_dialog_then_quit():
    from .helpers import choose_action

    app = WargameApp(DEMO)
    seen = {}
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("enter", "enter")
        await wait_for_turn(pilot)
        await choose_action(pilot, "raise_readiness")  # an order of this round
        await pilot.press("c")  # a dialog is open: ctrl+s still saves
        await wait_until(pilot, lambda: screen_name(app) == "MessageScreen")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "Saved:" in screen_text(app))
        await pilot.press("escape")
        app.clear_notifications()
        await pilot.press("ctrl+p", *"Save game", "enter")  # the palette's command too
        await wait_until(pilot, lambda: "Saved:" in screen_text(app))
        seen["palette"] = screen_text(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
    seen["exit"] = app.quit_message
    return seen


def test_ctrl_s_in_a_dialog_the_palette_and_ctrl_q_save_this_rounds_orders(saves_folder):
    from wargame.saves import list_saves, load_save

    seen = run(save_in_a_dialog_then_quit())
    assert "No game to save" not in seen["palette"]
    assert "Saved:" in seen["exit"] and "wargame play --load" in seen["exit"]
    newest = max(list_saves(saves_folder), key=lambda i: i.path.stat().st_mtime)
    game = load_save(newest.path).game
    assert [o.action for o in game.orders_of("north")] == ["raise_readiness"]


def test_a_screenshot_without_a_downloads_folder_goes_beside_the_saves(saves_folder,
                                                                        tmp_path, monkeypatch):
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_downloads_path", lambda: tmp_path / "nowhere")

    async def shoot():
        app = WargameApp(DEMO)
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.pause()
            app.action_screenshot()
            await wait_until(pilot, lambda: list((saves_folder / "screenshots").glob("*.svg")))
            await pilot.pause()
            return [n.message for n in app._notifications]

    notes = run(shoot())
    assert not any("Failed" in n for n in notes)


async def order_then_new_game_from_the_palette():
    from .helpers import choose_action

    app = WargameApp(DEMO)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("enter", "enter")
        await wait_for_turn(pilot)
        await choose_action(pilot, "raise_readiness")
        await pilot.press("ctrl+p", *"New game", "enter")
        await wait_until(pilot, lambda: screen_name(app) == "SetupScreen")
        await wait_until(pilot, lambda: "Saved:" in screen_text(app))
        return [n.message for n in app._notifications], app.session


def test_leaving_a_game_for_a_new_one_saves_it_first(saves_folder):
    from wargame.saves import list_saves, load_save

    notes, session = run(order_then_new_game_from_the_palette())
    assert any(n.startswith("Saved: ") and n.endswith("(Load game goes back to it)")
               for n in notes), notes
    assert session is None  # ctrl+s on the setup screen has no game to save
    newest = max(list_saves(saves_folder), key=lambda i: i.path.stat().st_mtime)
    assert [o.action for o in load_save(newest.path).game.orders_of("north")] == [
        "raise_readiness"]


def test_a_hot_seat_game_saved_mid_phase_goes_on_with_the_next_player(saves_folder):
    from wargame.tui import saving
    from wargame.tui.scenario import load_scenario
    from wargame.tui.session import Seat, Session

    scenario = load_scenario(DEMO)
    seats = [Seat(n, {"north": "Ana", "west": "Ben"}.get(n, "")) for n in scenario.world.ids]
    session = Session(scenario, seats, scenario.seed)
    step = session.next_step()
    while step.kind == "computer":  # round 1's diplomacy: no draft yet, no human turn
        session.play_computer()
        step = session.next_step()
    assert (step.kind, step.nation, step.phase) == ("turn", "north", "orders")
    session.end_turn("north")  # Ana is done; Ben's hand-off is on screen: ctrl+q
    text, ok = saving.save(session)
    assert ok, text
    loaded, _ = saving.load(text.removeprefix("Saved: "))
    step = loaded.next_step()
    assert (step.kind, step.nation) == ("turn", "west")  # Ben, not Ana again


async def q_on_the_game_screen():
    from textual.widgets import Input

    from .helpers import choose_action

    app = WargameApp(DEMO)
    seen = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "enter")
        await wait_for_turn(pilot)
        await choose_action(pilot, "raise_readiness")
        seen["footer"] = screen_text(app).splitlines()[-1]
        await pilot.press("c")  # typing in a field: q is a letter
        await wait_until(pilot, lambda: screen_name(app) == "MessageScreen")
        app.screen.query_one(Input).focus()
        await pilot.press("q")
        await pilot.pause()
        seen["typed"] = app.screen.query_one(Input).value
        seen["still"] = app.is_running
        await pilot.press("escape")  # the typed "q" is thrown away: asked first
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("y")
        await wait_until(pilot, lambda: screen_name(app) == "GameScreen")
        await pilot.press("q")
        await pilot.pause()
    seen["exit"] = app.quit_message
    return seen


def test_q_on_the_game_screen_quits_as_ctrl_q_does_but_types_in_a_field(saves_folder):
    from wargame.saves import list_saves, load_save

    seen = run(q_on_the_game_screen())
    assert "q Quit" in seen["footer"]
    assert seen["typed"] == "q" and seen["still"]
    assert "Saved:" in seen["exit"] and "wargame play --load" in seen["exit"]
    newest = max(list_saves(saves_folder), key=lambda i: i.path.stat().st_mtime)
    assert [o.action for o in load_save(newest.path).game.orders_of("north")] == \
        ["raise_readiness"]
