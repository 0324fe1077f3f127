"""Hot-seat privacy: during one human's turn, nothing private of another human is on
screen — not in any tab, not scrolled away, not on the hand-off screen."""

from __future__ import annotations

from wargame.tui.app import WargameApp
from wargame.tui.scenario import DEMO

from .helpers import (TAB_KEYS, choose_action, commit_forces, dom_text, end_turn, pick, run,
                      screen_name, screen_text, wait_for_turn, wait_until)

NORTH_SECRET = "north-secret-plan"
WEST_SECRET = "west-secret-plan"


async def everything_shown(pilot) -> str:
    """The text of every tab as shown, plus every text the screen holds."""
    seen = []
    for key in TAB_KEYS:
        await pilot.press(key)
        await pilot.pause()
        seen.append(screen_text(pilot.app))
        seen.append(dom_text(pilot.app.screen))
    return "\n".join(seen)


async def write(pilot, recipient_index: int, text: str) -> None:
    """c: choose one recipient with space, type, Enter."""
    await pilot.press("c")
    await wait_until(pilot, lambda: screen_name(pilot.app) == "MessageScreen")
    await pilot.press(*["down"] * recipient_index, "space", "tab", *text, "enter")
    await wait_until(pilot, lambda: screen_name(pilot.app) == "GameScreen")


async def two_humans(pilot) -> None:
    """Setup by keys: Northland (the default human) and Westland (row 3) both human."""
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("shift+tab", "shift+tab")  # Start -> seed -> governments (hint says so)
    await pilot.press("down", "down", "h")  # Westland: Player 2
    await pilot.press("tab", "tab", "enter")  # -> seed -> Start
    await pilot.pause()


async def hotseat_game():
    app = WargameApp(DEMO)
    found = {}
    # notifications on (run_test turns them off): a toast is on screen too
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await two_humans(pilot)
        assert await wait_for_turn(pilot) == "HandoffScreen"
        found["handoff"] = screen_text(app)
        assert "Pass the keyboard to the Government of Northland" in found["handoff"]
        await pilot.press("enter")
        await wait_for_turn(pilot)
        # Northland, round 1: a message, and a démarche to Eastmark (private to both),
        # then a second message and the turn ended at once: "Message sent" is still up
        await write(pilot, 0, NORTH_SECRET)  # recipients: Eastmark first
        found["north1"] = await everything_shown(pilot)
        await choose_action(pilot, "demarche")
        await pick(pilot, "east")
        await wait_until(pilot, lambda: "1. Démarche → Eastmark" in screen_text(app))
        await write(pilot, 0, "bye")
        assert "Message sent" in screen_text(app)
        await end_turn(pilot)
        assert await wait_for_turn(pilot) == "HandoffScreen"
        found["handoff2"] = screen_text(app)
        await pilot.press("enter")
        await wait_for_turn(pilot)
        assert app.screen.nation == "west"
        found["west1"] = await everything_shown(pilot)
        await choose_action(pilot, "demarche")
        await pick(pilot, "north")
        await write(pilot, 1, WEST_SECRET)  # to Eastmark (Northland is first)
        await end_turn(pilot)
        # round 2: every turn of each human until both have given orders
        done = set()
        while len(done) < 2:
            kind = await wait_for_turn(pilot)
            if kind == "HandoffScreen":
                found.setdefault("handoffs", []).append(screen_text(app))
                await pilot.press("enter")
                continue
            nation = app.screen.nation
            found.setdefault(f"{nation}2", "")
            found[f"{nation}2"] += await everything_shown(pilot)
            if app.session.game.phase == "orders":
                done.add(nation)
            await end_turn(pilot)
    return found


def test_hot_seat_keeps_each_government_private():
    found = run(hotseat_game())
    north_demarche = "Northland delivers a démarche to Eastmark"
    west_demarche = "Westland delivers a démarche to Northland"
    # each sees its own private items (so the test is not vacuous) ...
    assert NORTH_SECRET in found["north1"]
    assert north_demarche in found["north2"]
    assert WEST_SECRET in found["west2"]
    assert west_demarche in found["north2"]  # delivered to Northland: it knows
    # ... and never the other human's
    for secret in (NORTH_SECRET, north_demarche):
        assert secret not in found["west1"]
        assert secret not in found["west2"]
    assert WEST_SECRET not in found["north2"]  # a message to Eastmark only
    for text in (found["handoff"], found["handoff2"], *found["handoffs"]):
        for secret in (NORTH_SECRET, WEST_SECRET, north_demarche, west_demarche,
                       "Ordered:", "Message sent", "Démarche"):
            assert secret not in text
        assert "Pass the keyboard to the Government of" in text
    assert "Message sent" not in found["west1"]  # Northland's notification is gone


def test_the_handoff_says_whose_turn_of_how_many_and_what_the_last_round_brought():
    found = run(hotseat_game())

    def flat(screen: str) -> str:  # the box's text as one line, wrapping undone
        return " ".join(" ".join(line.strip(" █▀▄") for line in screen.splitlines()).split())

    first, second = flat(found["handoff"]), flat(found["handoff2"])
    assert "Turn 1 of 2 in this phase." in first and "Round 1 is over" not in first
    assert "Turn 2 of 2 in this phase." in second
    assert "After this turn the computer governments decide and the round is resolved" \
        in second
    round2 = flat(found["handoffs"][0])
    assert "Round 1 is over." in round2 and "Headlines" in round2
    # the headlines are public: nothing private of either government
    for secret in (NORTH_SECRET, WEST_SECRET, "démarche"):
        assert secret not in round2


async def names_then_new_game():
    """Setup by keys: Northland named Ana, Westland named Ben; then New game."""
    app = WargameApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")  # New game: the default campaign
        await pilot.pause()
        setup = app.screen
        setup.query_one("#campaigns").highlighted = next(
            i for i, c in enumerate(setup.options) if c.key == DEMO)
        await pilot.pause()
        await pilot.press("shift+tab", "shift+tab", "enter")  # name the first state
        await wait_until(pilot, lambda: screen_name(app) == "NameScreen")
        await pilot.press("ctrl+a", "ctrl+k", *"Ana", "enter")
        await pilot.press("down", "down", "enter")  # Westland
        await wait_until(pilot, lambda: screen_name(app) == "NameScreen")
        await pilot.press(*"Ben", "enter")
        await pilot.pause()
        await pilot.press("tab", "tab", "enter")  # -> seed -> Start
        await wait_until(pilot, lambda: screen_name(app) in ("HandoffScreen", "GameScreen"))
        app.action_new_game()  # what 'n' on the end screen does
        await wait_until(pilot, lambda: screen_name(app) == "SetupScreen")
        await pilot.pause()
        return screen_text(app)


def test_a_new_game_offers_the_last_campaign_and_players_again():
    text = run(names_then_new_game())
    assert "Demo crisis" in text
    rows = [line for line in text.splitlines() if "Ana" in line or "Ben" in line]
    assert any("Northland" in r and "Ana" in r for r in rows), text
    assert any("Westland" in r and "Ben" in r for r in rows), text


async def one_human_in_diplomacy():
    """Westland (Ana) alone votes on a draft in round 1's diplomacy (the Northern Pact);
    Southland (Ben), not a member, has nothing there. The turns: Ana, Ana again for
    orders, then Ben."""
    from wargame.core.state import Draft
    from wargame.tui.scenario import load_scenario
    from wargame.tui.session import Seat, Session

    scenario = load_scenario(DEMO)
    seats = [Seat(n, {"west": "Ana", "south": "Ben"}.get(n, "")) for n in scenario.world.ids]
    session = Session(scenario, seats, scenario.seed)
    session.game.state.drafts.append(Draft("d1", "pact", "centre", "condemn", "north", 1))
    app = WargameApp(DEMO)
    seen = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.start_session(session)
        for _ in range(4):
            kind = await wait_for_turn(pilot)
            screen = app.screen
            seen.append((kind, getattr(screen, "nation", ""), session.game.phase))
            if kind == "HandoffScreen":
                await pilot.press("enter")
            else:
                await end_turn(pilot)
            await pilot.pause()
    return seen


def test_no_hand_off_when_the_same_government_plays_on():
    seen = run(one_human_in_diplomacy())
    assert seen[:4] == [("HandoffScreen", "", "diplomacy"), ("GameScreen", "west", "diplomacy"),
                        ("GameScreen", "west", "orders"), ("HandoffScreen", "", "orders")]


async def proposal_to_a_human():
    """A private proposal to Northland (Ana) gives no diplomacy turn: who takes a turn
    is seen by the whole table. Ana answers it in her orders turn."""
    from wargame.core.terms import Term
    from wargame.tui.scenario import load_scenario
    from wargame.tui.session import Seat, Session

    scenario = load_scenario(DEMO)
    seats = [Seat(n, {"north": "Ana", "west": "Ben"}.get(n, "")) for n in scenario.world.ids]
    session = Session(scenario, seats, scenario.seed)
    pid = session.game.propose("east", ["north"], [Term("east", "no_attack", "north")])
    app = WargameApp(DEMO)
    async with app.run_test(size=(120, 40)) as pilot:
        app.start_session(session)
        await wait_for_turn(pilot)
        handoff = (session.game.phase, "Government of Northland" in screen_text(app))
        await pilot.press("enter")
        await wait_for_turn(pilot)
        await pilot.press("4", "y")  # accept, in the orders turn
        await pilot.pause()
        status = next(p for p in session.game.state.proposals if p.id == pid).status.value
    return handoff, status


def test_a_private_proposal_gives_no_diplomacy_turn_and_is_answered_with_orders():
    handoff, status = run(proposal_to_a_human())
    assert handoff == ("orders", True)
    assert status == "accepted"


async def long_handoff():
    from pathlib import Path

    from textual.app import App

    import wargame.tui.app as app_module
    from wargame.tui.screens.play import HandoffScreen

    details = "\n".join(f"• headline {i} of a busy round" for i in range(30)) + \
        "\nTurn 2 of 2 in this phase."

    class One(App):
        CSS_PATH = str(Path(app_module.__file__).with_name(WargameApp.CSS_PATH))
        get_css_variables = WargameApp.get_css_variables  # $text-dim and the others

        def on_mount(self) -> None:
            self.push_screen(HandoffScreen("Ardenia", "Cid", 3, "orders", details))

    app = One()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        box = app.screen.query_one("#handoff")
        fits = box.region.y >= 0 and box.region.bottom <= 24
        first = screen_text(app)
        await pilot.press("end")
        await pilot.pause()
        return fits, first, screen_text(app)


def test_a_long_hand_off_fits_the_terminal_and_scrolls_to_its_end():
    fits, first, last = run(long_handoff())
    assert fits
    assert "Pass the keyboard to the Government of Ardenia" in first
    assert "Turn 2 of 2" not in first and "Turn 2 of 2 in this phase." in last


async def end_turn_with_a_proposal_waiting():
    from wargame.core.terms import Term
    from wargame.tui.scenario import load_scenario
    from wargame.tui.session import Seat, Session

    scenario = load_scenario(DEMO)
    seats = [Seat(n, "You" if n == "north" else "") for n in scenario.world.ids]
    session = Session(scenario, seats, scenario.seed)
    session.game.propose("east", ["north"], [Term("east", "no_attack", "north")])
    app = WargameApp(DEMO)
    async with app.run_test(size=(100, 30)) as pilot:
        app.start_session(session)
        assert await wait_for_turn(pilot) == "GameScreen"
        await pilot.press("e")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        asked = screen_text(app)
        await pilot.press("n")  # no: back to the turn, the proposal still open
        await wait_until(pilot, lambda: screen_name(app) == "GameScreen")
        return asked, session.game.phase


def test_ending_a_turn_with_a_proposal_unanswered_asks_first():
    asked, phase = run(end_turn_with_a_proposal_waiting())
    assert "1 proposal(s) await your answer" in asked
    assert phase == "orders"  # a private proposal gives no diplomacy turn of its own


async def invasion_then_handoff():
    """The tutorial, Belmark and Ardenia human; Ardenia invades in round 1."""
    from .test_end_debrief import tutorial

    app = WargameApp(tutorial())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("shift+tab", "shift+tab", "down", "h", "tab", "tab", "enter")
        while app.session.game.round == 1:
            kind = await wait_for_turn(pilot)
            if kind == "HandoffScreen":
                await pilot.press("enter")
            elif app.screen.nation == "ardenia" and app.session.game.phase == "orders":
                await choose_action(pilot, "invasion")
                await pick(pilot, "belmark")
                await commit_forces(pilot)
                await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
                await pilot.press("y")
                await pilot.pause()
                await end_turn(pilot)
            else:
                await end_turn(pilot)
            await pilot.pause()
        assert await wait_for_turn(pilot) == "HandoffScreen"
        return screen_text(app)


def test_the_hand_off_puts_the_attack_first_among_the_headlines():
    screen = run(invasion_then_handoff())
    text = " ".join(" ".join(line.strip(" █▀▄") for line in screen.splitlines()).split())
    assert "Round 1 is over." in text
    heads = text[text.index("Round 1 is over."):]
    assert "• Ardenia invades Belmark." in heads and "climbs past" in heads
    assert heads.index("invades Belmark") < heads.index("climbs past")
    assert "How to play" not in heads  # the tips are in the briefing


async def typed_ahead():
    """Keys typed while the computer decides reach the next screen late: a hand-off
    and a new turn take only keys pressed after they appeared."""
    from textual import events

    app = WargameApp(DEMO)
    seen = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await two_humans(pilot)
        assert await wait_for_turn(pilot) == "HandoffScreen"
        handoff = app.screen
        for key in ("enter", "enter"):  # read before the hand-off was on screen
            stale = events.Key(key, "\r")
            stale.time = handoff.shown_at - 0.5
            app.post_message(stale)
        await pilot.pause(0.2)
        seen["after stale keys"] = screen_name(app)
        await pilot.press("enter")  # pressed now: the hand-off passes
        seen["after a fresh key"] = await wait_for_turn(pilot)
        turn = app.screen
        stale = events.Key("e", "e")
        stale.time = turn.shown_at - 0.5
        app.post_message(stale)
        await pilot.pause(0.2)
        seen["turn after a stale e"] = screen_name(app)
    return seen


def test_keys_typed_ahead_never_pass_a_hand_off_or_end_a_turn():
    seen = run(typed_ahead())
    assert seen["after stale keys"] == "HandoffScreen"
    assert seen["after a fresh key"] == "GameScreen"
    assert seen["turn after a stale e"] == "GameScreen"  # no end-turn question either


async def message_picker_in_hot_seat():
    app = WargameApp(DEMO)
    async with app.run_test(size=(120, 40)) as pilot:
        await two_humans(pilot)
        await wait_for_turn(pilot)
        await pilot.press("enter")  # the hand-off: Northland's turn
        await wait_for_turn(pilot)
        await pilot.press("c")
        await wait_until(pilot, lambda: screen_name(pilot.app) == "MessageScreen")
        return screen_text(app)


def test_the_hot_seat_message_picker_shows_who_is_human():
    shown = run(message_picker_in_hot_seat())
    rows = {name: row for row in shown.splitlines()
            for name in ("Westland", "Eastmark", "Southia") if f"[ ] {name}" in row}
    assert "human: Player 2" in rows["Westland"]
    assert "computer" in rows["Eastmark"] and "human" not in rows["Eastmark"]
    assert "computer" in rows["Southia"]


async def send_by_click():
    app = WargameApp(DEMO)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "enter")
        await wait_for_turn(pilot)
        await pilot.press("c")
        await wait_until(pilot, lambda: screen_name(pilot.app) == "MessageScreen")
        await pilot.press("space", "tab", *"hello")
        await pilot.click("#message-links", offset=(2, 0))  # the word "Send"
        await wait_until(pilot, lambda: screen_name(pilot.app) == "GameScreen")
        return [(m.recipients, m.text) for m in app.screen.view_.messages]


def test_the_message_dialog_sends_with_a_click_on_send():
    assert run(send_by_click()) == [(("east",), "hello")]


async def message_to_the_last_of_193():
    from wargame.core import generated_world
    from wargame.tui.scenario import Scenario
    from wargame.tui.session import default_seats

    world = generated_world(193)
    app = WargameApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.start_game(Scenario("generated", world.title, "", world, 1), default_seats(world), 1)
        await wait_until(pilot, lambda: screen_name(app) == "GameScreen"
                         and app.session.game.phase == "orders")
        await pilot.press("c")
        await wait_until(pilot, lambda: screen_name(app) == "MessageScreen")
        await pilot.press("end")  # the list holds every state, drawn first or a frame later
        await pilot.pause()
        last = world.nation[world.ids[-1]].name
        return last, screen_text(app), app.screen.query_one("#to").option_count


def test_with_193_states_the_message_dialog_reaches_the_last_state():
    last, shown, count = run(message_to_the_last_of_193())
    assert count == 192
    assert f"[ ] {last}" in shown
