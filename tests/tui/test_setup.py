"""The setup screen by keys: choosing a campaign, and where a new player starts."""

from __future__ import annotations

from wargame.tui.app import WargameApp

from .helpers import run, screen_text, wait_for_turn


async def choose_tutorial_by_keys():
    app = WargameApp()
    seen = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # New game
        await pilot.pause()
        seen["first"] = screen_text(app)
        options = app.screen.options
        index = next(i for i, c in enumerate(options) if c.key.endswith("tutorial.yaml"))
        # Start -> seed -> seats -> your state -> list
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "shift+tab")
        assert app.focused.id == "campaigns"
        await pilot.press("home", *["down"] * index)
        await pilot.pause()
        seen["tutorial"] = screen_text(app)
        await pilot.press("enter")  # chosen: on to Start
        await pilot.pause()
        seen["focused"] = app.focused.id
        await pilot.press("enter")  # Start
        seen["turn"] = await wait_for_turn(pilot)
        seen["title"] = app.session.scenario.title
    return seen


def test_a_new_player_is_shown_the_tutorial_and_enter_enter_starts_it():
    seen = run(choose_tutorial_by_keys())
    assert "New to the game? Choose the Tutorial" in seen["first"]
    assert "New to the game?" not in seen["tutorial"]  # it is the one shown
    assert "Four invented states" in seen["tutorial"]
    assert seen["focused"] == "start"
    assert seen["turn"] in ("GameScreen", "HandoffScreen")
    assert seen["title"].startswith("Tutorial")


async def named_on_the_command_line():
    from wargame.campaign.bundled import find_campaign

    app = WargameApp(str(find_campaign("tutorial")), to_setup=True)  # wargame play tutorial
    seen = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        seen["first"] = type(app.screen).__name__
        seen["shown"] = screen_text(app)
        await pilot.press("enter")  # Start: one key
        seen["turn"] = await wait_for_turn(pilot)
        seen["title"] = app.session.scenario.title
        await pilot.press("ctrl+p", *"New game", "enter")
        await pilot.pause()
        await pilot.press("escape")  # from the setup screen, Escape: the title screen
        await pilot.pause()
        seen["back"] = type(app.screen).__name__
    return seen


def test_a_campaign_named_on_the_command_line_opens_on_its_setup():
    seen = run(named_on_the_command_line())
    assert seen["first"] == "SetupScreen"
    assert "Four invented states" in seen["shown"]
    assert seen["turn"] in ("GameScreen", "HandoffScreen")
    assert seen["title"].startswith("Tutorial")
    assert seen["back"] == "TitleScreen"


async def enter_in_the_seed():
    app = WargameApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # New game
        await pilot.pause()
        await pilot.press("shift+tab")  # Start -> seed
        assert app.focused.id == "seed"
        await pilot.press("ctrl+a", "ctrl+k", *"42", "enter")  # "Enter begins" here too
        kind = await wait_for_turn(pilot)
        return kind, app.session.seed


def test_enter_in_the_seed_field_starts_with_that_seed():
    assert run(enter_in_the_seed()) in (("GameScreen", 42), ("HandoffScreen", 42))


async def choose_your_state_at_80x24():
    app = WargameApp()
    seen = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # New game: Baltic Flashpoint, 24 states
        await pilot.pause()
        seen["first"] = screen_text(app)
        # the campaign list has the focus after one shift+tab from... start: Tab order
        # campaign -> your state: one Tab from the campaign list
        app.screen.query_one("#campaigns").focus()
        await pilot.press("tab")
        seen["focused"] = app.focused.id
        await pilot.press("enter")  # the list of states opens
        await pilot.pause()
        await pilot.press("down", "enter")  # Latvia, under Estonia
        await pilot.pause()
        seen["chosen"] = screen_text(app)
        seen["seats"] = [(s.nation, s.player) for s in app.screen.seats if s.human]
        app.screen.query_one("#start").focus()
        await pilot.press("enter")
        await wait_for_turn(pilot)
        seen["nation"] = app.screen.nation
    return seen


def test_your_state_is_chosen_in_sight_and_the_governments_fit_80x24():
    seen = run(choose_your_state_at_80x24())
    assert "You play Estonia" in " ".join(seen["first"].split())
    rows = [line for line in seen["first"].splitlines() if "computer, normal" in line]
    assert len(rows) >= 11  # of 24 states (the rest scroll): was about 6
    assert seen["focused"] == "play-as"
    assert "You play Latvia" in " ".join(seen["chosen"].split())
    assert seen["seats"] == [("latvia", "You")]  # Estonia went to the computer
    latvia = next(line for line in seen["chosen"].splitlines() if "Latvia " in line
                  and "europe" in line)
    assert "You" in latvia
    assert seen["nation"] == "latvia"
