"""What a new player found in a real terminal, asserted on screen."""

from __future__ import annotations

from wargame.tui.app import WargameApp
from wargame.tui.scenario import DEMO

from .helpers import (choose_action, commit_forces, dom_text, end_turn, pick, run,
                      screen_name, screen_text, wait_for_turn, wait_until)

BALTIC = None  # the default campaign: Baltic Flashpoint, 28 states


async def baltic_80x24():
    app = WargameApp(BALTIC)
    seen = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        seen["setup"] = screen_text(app)
        await pilot.press("tab")
        seen["tab"] = app.focused.id
        await pilot.press("shift+tab", "enter")
        await wait_for_turn(pilot)
        seen["game"] = screen_text(app)
        await pilot.press("c")
        await wait_until(pilot, lambda: screen_name(app) == "MessageScreen")
        seen["message"] = screen_text(app)
        await pilot.press("down", "space")
        seen["toggled"] = screen_text(app)
        await pilot.press("a")
        seen["allies"] = screen_text(app)
        await pilot.press("tab", *"Hold", "escape")  # typed text: Escape asks first
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        seen["discard?"] = screen_text(app)
        await pilot.press("n")
        await wait_until(pilot, lambda: screen_name(app) == "MessageScreen")
        seen["kept"] = app.screen.query_one("#text").value
        await pilot.press("escape", "y")
        await wait_until(pilot, lambda: screen_name(app) == "GameScreen")
        await pilot.press("2")
        await pilot.pause()
        seen["orders"] = screen_text(app)
        await choose_action(pilot, "deploy_to_ally")
        await wait_until(pilot, lambda: screen_name(app) == "PickScreen")
        seen["picker"] = screen_text(app)
    return seen


def test_at_80x24_the_dialogs_your_numbers_and_details_fit():
    seen = run(baltic_80x24())
    assert "28 states · 7 institutions · 10 rounds" in seen["setup"]
    assert "Tab: campaign → your state → governments → seed → Start" in seen["setup"]
    # the first ten of the 24 governments are listed without scrolling
    for state in ("Estonia", "Poland", "France", "United Kingdom", "United States"):
        assert state in seen["setup"], state
    assert seen["tab"] == "campaigns"  # from Start, Tab goes round to the first field
    for word in ("military", "support", "cred.", "terr. 100%", "nothing owed"):
        assert word in seen["game"], word
    msg = seen["message"]
    assert "Space toggles" in msg and "all allies" in msg
    assert "[ ] Latvia" in msg and "Send" in msg and "Your message" in msg
    assert "[x] Lithuania" in seen["toggled"] and "[ ] Latvia" in seen["toggled"]
    assert "[x] Latvia" in seen["allies"]  # Latvia is Estonia's ally (NATO, EU)
    assert "Discard this message? It has not been sent." in seen["discard?"]
    assert seen["kept"] == "Hold"
    assert "Risk:" in seen["orders"] and "Targets:" in seen["orders"]
    assert "Enter or Space chooses · Escape cancels" in seen["picker"]
    assert "tripwire" in seen["picker"]  # the deploy description, whole


async def baltic_120x40():
    app = WargameApp(BALTIC)
    seen = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await wait_for_turn(pilot)
        seen["game"] = screen_text(app)
        await pilot.press("5")
        await pilot.pause()
        seen["states"] = screen_text(app)
        await pilot.press("8")
        await pilot.pause()
        seen["ledger"] = dom_text(app.screen)
        while app.screen.view_.round < 5:
            await end_turn(pilot)
            await wait_for_turn(pilot)
        await pilot.press("7")
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        seen["news_end"] = screen_text(app)
    return seen


def test_at_120x40_regions_gauge_words_burden_and_all_the_news():
    seen = run(baltic_120x40())
    assert "north africa" in seen["states"] and "horn of africa" in seen["states"]
    assert "38 incident" in seen["game"] or "38 inc." in seen["game"]
    assert "free rider" in seen["ledger"] and "below 3/4 of share" in seen["ledger"]
    assert "Round 1 of 10" in seen["news_end"]  # the oldest round is reachable


async def demo_orders():
    app = WargameApp(DEMO)
    seen = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await wait_for_turn(pilot)
        seen["briefing"] = dom_text(app.screen)
        await choose_action(pilot, "invasion")
        await pick(pilot, "east")
        await wait_until(pilot, lambda: "how much of your forces" in screen_text(app))
        seen["forces"] = screen_text(app)
        await commit_forces(pilot, "0.5")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        seen["war"] = screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        seen["orders_after_no"] = list(app.session.game.orders_of("north"))
        for action, target in (("support_statement", "west"), ("condemn", "east"),
                               ("raise_readiness", "")):
            await choose_action(pilot, action)
            if target:
                await pick(pilot, target)
        seen["three"] = len(app.session.game.orders_of("north"))
        await choose_action(pilot, "offer_mediation")
        seen["fourth"] = (screen_name(app), screen_text(app))
    return seen


def test_acts_of_war_ask_first_and_a_fourth_order_is_refused_at_once():
    seen = run(demo_orders())
    war = seen["war"]
    assert "Invasion: how much of your forces?" in seen["forces"]
    assert "75% (the default) · about 225 of 300 at home" in seen["forces"]
    assert "50% · about 150" in seen["forces"] and "100% · about 300" in seen["forces"]
    assert "Invasion against Eastmark" in war and "act of war" in war
    assert "It commits 50% of your available forces (about 150 of 300)" in " ".join(
        war.split())
    assert "covered by Art. 5 of Northern Pact" in war
    assert "Security Council could sanction you" in war and "block it yourself" in war
    assert seen["orders_after_no"] == []  # "no" gives no order
    assert seen["three"] == 3
    name, screen = seen["fourth"]
    assert name == "GameScreen"  # no target picker
    assert "Refused:" in screen and "3 of 3" in screen
    assert "gain territory" not in seen["briefing"]  # objectives in words


def test_uncast_votes_are_counted_where_you_vote():
    from types import SimpleNamespace as NS

    from wargame.tui.screens.orders import uncast_votes

    inst = [NS(id="a", member=True, suspended=()), NS(id="b", member=False, suspended=())]
    drafts = (NS(institution="a", votes={}), NS(institution="a", votes={"me": "yes"}),
              NS(institution="b", votes={}))
    view = NS(nation="me", institutions=inst, drafts=drafts)
    assert uncast_votes(view) == 1


def test_help_says_how_saving_works():
    from wargame.tui.screens.help import how_to_play

    text = how_to_play()
    assert "ctrl+s" in text and "when the saves module" not in text


async def propose_and_counter():
    from wargame.core.terms import Term, TermKind

    app = WargameApp(BALTIC)
    seen = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await wait_for_turn(pilot)
        await pilot.press("p")
        await wait_until(pilot, lambda: screen_name(app) == "ProposeScreen")
        await pilot.press("r")
        await pick(pilot, "usa")
        await pilot.press("t")
        for choice in ("estonia", "raise_spending"):
            await pick(pilot, choice)
        await wait_until(pilot, lambda: screen_name(app) == "PickScreen")
        seen["levels"] = [o.id for o in app.screen.query_one("#pick").options]
        await pilot.press("escape")  # out of reach levels are not offered at all
        await wait_until(pilot, lambda: screen_name(app) == "ProposeScreen")
        await pilot.press("t")
        for choice in ("usa", "deploy", "estonia"):
            await pick(pilot, choice)
        await pilot.press("p")
        await wait_until(pilot, lambda: screen_name(app) == "GameScreen")
        game = app.session.game
        seen["mine"] = [p.terms for p in game.view("estonia").proposals]
        await pilot.press("4")  # only Estonia's own proposal: y, n, k are shown off
        await pilot.pause()
        seen["own only"] = [app.screen.check_action(a, ()) for a in ("yes", "no", "counter")]
        pid = game.propose("latvia", ["estonia"], [Term("estonia", TermKind.AID, "latvia")])
        app.screen.reload()
        await pilot.press("2")  # the palette's Counter from the Orders tab: to the Inbox
        await pilot.press("ctrl+p", *"Counter a proposal", "enter")
        await wait_until(pilot, lambda: app.screen.mode == "inbox")
        await pilot.pause()
        await pilot.press("k")
        await wait_until(pilot, lambda: screen_name(app) == "ProposeScreen")
        seen["counter"] = screen_text(app)
        await pilot.press("t")
        for choice in ("latvia", "raise_spending", "3.5"):
            await pick(pilot, choice)
        await pilot.press("p")
        await wait_until(pilot, lambda: screen_name(app) == "GameScreen")
        seen["answered"] = next(p for p in game.view("estonia").proposals if p.id == pid)
        seen["counter terms"] = next(p for p in game.view("estonia").proposals
                                     if p.counter_of == pid).terms
    return seen


def test_propose_typed_terms_see_refusals_and_counter_from_the_inbox():
    seen = run(propose_and_counter())
    # Estonia spends 3.43%: in one round 0.5 more at most (3.9%, to a tenth of a
    # point); nothing at or below now
    assert seen["levels"] == ["3.5", "3.9"]
    assert [t.kind.value for terms in seen["mine"] for t in terms] == ["deploy"]
    assert seen["own only"] == [None, None, None]
    assert "Counter p2" in seen["counter"]
    assert "1. Estonia sends aid to Latvia" in seen["counter"]  # its terms, to change
    assert [t.kind.value for t in seen["counter terms"]] == ["aid", "raise_spending"]
    assert seen["answered"].status.value != "open"  # a counter rejects the proposal


async def own_mediation():
    app = WargameApp(DEMO)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await wait_for_turn(pilot)
        await choose_action(pilot, "offer_mediation")
        await pick(pilot, "east")
        await end_turn(pilot)
        await wait_for_turn(pilot)
        briefing = dom_text(app.screen)
        await pilot.press("7")
        await pilot.pause()
        return briefing, screen_text(app)


def test_your_own_mediation_is_in_the_briefing_and_the_news():
    briefing, news = run(own_mediation())
    line = "Northland: Offer mediation (Eastmark)."
    assert line in briefing and line in news


async def setup_as(nation: str):
    app = WargameApp(BALTIC, nation=nation)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        setup = screen_text(app)
        notes = [n.message for n in app._notifications]
        await pilot.press("enter")  # Start game
        await wait_for_turn(pilot)
        return setup, notes, screen_text(app)


def test_play_as_a_state_by_name_offers_it_first():
    """`wargame play --as poland` (or "Poland"): setup gives you Poland, Estonia is
    left to the computer, and the game starts as Poland."""
    setup, notes, game = run(setup_as("Poland"))
    lines = {line.split()[0]: line for line in setup.splitlines() if line.strip()}
    assert "You" in lines["Poland"] and "computer" in lines["Estonia"]
    assert notes == []
    assert game.lstrip().startswith("Poland · Round 1")


def test_play_as_an_unknown_state_says_so_and_keeps_the_default():
    setup, notes, game = run(setup_as("narnia"))
    assert any("There is no state 'narnia' in Baltic Flashpoint" in n for n in notes)
    assert game.lstrip().startswith("Estonia · Round 1")


async def switch_the_human():
    app = WargameApp(BALTIC)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("shift+tab", "shift+tab", "h", "down", "h")  # Estonia off, Latvia on
        await pilot.pause()
        return screen_text(app)


def test_a_lone_human_moved_to_another_state_is_still_you():
    lines = {line.split()[0]: line for line in run(switch_the_human()).splitlines()
             if line.strip()}
    assert "computer" in lines["Estonia"]
    assert "You" in lines["Latvia"] and "Player" not in lines["Latvia"]


async def end_with_no_orders():
    app = WargameApp(DEMO)
    seen = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "enter")
        await wait_for_turn(pilot)
        seen["hint"] = screen_text(app)
        await pilot.press("e")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        seen["asked"] = screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        seen["after_no"] = (screen_name(app), app.session.game.round)
        await pilot.press("c")
        await wait_until(pilot, lambda: screen_name(app) == "MessageScreen")
        seen["message"] = screen_text(app)
    return seen


def test_ending_a_turn_with_no_orders_asks_and_messages_say_who_reads_them():
    seen = run(end_with_no_orders())
    assert "You have given no orders this round" in seen["asked"]
    assert seen["after_no"] == ("GameScreen", 1)  # "no": still your turn
    assert "Computer governments do not read messages" in seen["message"]


async def setup_keys():
    app = WargameApp(BALTIC)
    seen = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "down")  # from Start, the arrows choose the campaign
        await pilot.pause()
        seen["focused"] = app.focused.id
        seen["about"] = str(app.screen.query_one("#about").content)
        seen["third"] = app.screen.cache[app.screen.options[2].key].title
        # back to Baltic Flashpoint, then (past your state) the governments
        await pilot.press("up", "up", "tab", "tab")
        await pilot.press("c")  # on your own seat: it stays yours, and says why
        await pilot.pause()
        seen["notes"] = [n.message for n in app._notifications]
        seen["screen"] = screen_text(app)
    return seen


def test_setup_arrows_choose_the_campaign_and_c_keeps_a_human_seat():
    seen = run(setup_keys())
    assert seen["focused"] == "campaigns"
    # two down from Baltic Flashpoint, the first in the list
    assert seen["about"].startswith(f"[b]{seen['third']}")
    assert seen["third"] != "Baltic Flashpoint"
    assert any("c sets a computer's difficulty" in n for n in seen["notes"])
    estonia = next(line for line in seen["screen"].splitlines()
                   if line.strip().startswith("Estonia"))
    assert "You" in estonia and "computer" not in estonia
    assert "Tutorial: The Harbour at Belport" in seen["screen"]  # one line, not two


async def humans_named_in_order():
    app = WargameApp(BALTIC)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        # Estonia is "You"; make Lithuania (row 3) human, then Latvia (row 2)
        await pilot.press("shift+tab", "shift+tab", "down", "down", "h", "up", "h")
        await pilot.pause()
        return screen_text(app)


def test_unnamed_players_are_numbered_in_the_order_they_play():
    lines = {line.split()[0]: line for line in run(humans_named_in_order()).splitlines()
             if line.strip()}
    assert "Player 1" in lines["Estonia"]
    assert "Player 2" in lines["Latvia"]
    assert "Player 3" in lines["Lithuania"]
