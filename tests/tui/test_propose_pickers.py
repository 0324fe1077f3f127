"""Pickers offer what the core allows, in a useful order, and say what they ask.

The tutorial, as Belmark: Ardenia (tension 16) claims Belport; Corvia is Belmark's
ally in the Harbour Compact (consultation and defence clauses only); the Council
of Four can sanction and mandate peacekeeping.
"""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from wargame.tui.app import WargameApp

from .helpers import (choose_action, dom_text, pick, run, screen_name, screen_text,
                      wait_for_turn, wait_until)


def tutorial() -> str:
    campaign = pytest.importorskip("wargame.campaign")
    return str(next(p for p in campaign.bundled_campaigns() if p.name == "tutorial.yaml"))


async def start(pilot) -> None:
    await pilot.press("enter")  # New game
    await pilot.pause()
    await pilot.press("enter")  # Start
    await wait_for_turn(pilot)


def picked_ids(app) -> list[str]:
    return [o.id for o in app.screen.query_one("#pick", OptionList).options]


async def pick_by_space(pilot, choice_id: str) -> None:
    await wait_until(pilot, lambda: screen_name(pilot.app) == "PickScreen")
    index = picked_ids(pilot.app).index(choice_id)
    await pilot.press("home", *["down"] * index, "space")
    await pilot.pause()


# ------------------------------------------------------------ orders
async def table_resolution():
    app = WargameApp(tutorial())
    seen = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        await choose_action(pilot, "table_resolution")
        await pick(pilot, "compact")
        await wait_until(pilot, lambda: screen_name(app) == "PickScreen")
        seen["compact"] = picked_ids(app)
        seen["compact screen"] = dom_text(app.screen)  # the dialog's own texts
        await pilot.press("escape")
        await pilot.pause()
        await choose_action(pilot, "table_resolution")
        await pick(pilot, "council")
        await wait_until(pilot, lambda: screen_name(app) == "PickScreen")
        seen["council"] = picked_ids(app)
        await pick(pilot, "peacekeeping")
        await wait_until(pilot, lambda: screen_name(app) == "PickScreen")
        seen["peacekeeping"] = screen_text(app)
        await pick(pilot, "ardenia")
        await wait_until(pilot, lambda: screen_name(app) == "GameScreen")
        await pilot.pause()
        seen["ordered"] = screen_text(app)
        seen["orders"] = app.session.game.orders_of("belmark")
    return seen


def test_a_draft_offers_only_the_measures_its_institution_can_take():
    seen = run(table_resolution())
    # the Compact has no sanctions, force or peacekeeping clause: none is offered
    assert seen["compact"] == ["statement", "condemn", "ceasefire"]
    assert "sanctions" not in seen["compact screen"]
    assert "Table a resolution in Harbour Compact: what would the draft decide?" in \
        seen["compact screen"]
    assert "sanctions" in seen["council"] and "peacekeeping" in seen["council"]
    assert "use_of_force" not in seen["council"] and "suspend" not in seen["council"]
    # the target prompt says what the state is for this measure
    assert "a peacekeeping mission in which state?" in seen["peacekeeping"]
    assert "The place: the mission serves in this state" in seen["peacekeeping"]
    assert "Refused" not in seen["ordered"]
    [order] = seen["orders"]
    assert (order.institution, order.measure, order.target) == \
        ("council", "peacekeeping", "ardenia")


async def target_orders():
    app = WargameApp(tutorial())
    seen = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        await pilot.press("2")
        await pilot.pause()
        seen["body"] = dom_text(app.screen)
        for action in ("support_statement", "aid_victim", "condemn", "demarche"):
            await choose_action(pilot, action)
            await wait_until(pilot, lambda: screen_name(app) == "PickScreen")
            seen[action] = picked_ids(app)
            seen[action + " screen"] = screen_text(app)
            await pilot.press("escape")
            await pilot.pause()
        # Enter, Enter: the first target offered for a statement of support
        await choose_action(pilot, "support_statement")
        await wait_until(pilot, lambda: screen_name(app) == "PickScreen")
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "GameScreen")
        await pilot.pause()
        seen["supported"] = screen_text(app)
    return seen


def test_friendly_actions_list_friends_first_and_hostile_ones_the_adversary():
    seen = run(target_orders())
    assert seen["support_statement"][0] == "corvia"  # the ally, not Ardenia
    assert seen["support_statement"][-1] == "ardenia"  # the most tense comes last
    assert "allies and friends first" in seen["support_statement screen"]
    assert "Corvia tension with you 0 · your ally" in seen["support_statement screen"]
    assert seen["aid_victim"][0] == "corvia"
    assert seen["condemn"][0] == "ardenia"
    assert seen["demarche"][0] == "ardenia"
    assert "Statement of support → Corvia" in seen["supported"]
    assert "not now · " in seen["body"]  # the actions not possible now, in their places


def test_the_example_of_an_impossible_target_is_the_state_you_quarrel_with():
    from wargame.campaign import load_campaign
    from wargame.core import Game
    from wargame.text.port import LocalSeat
    from wargame.tui.screens.orders import unavailable

    game = Game(load_campaign(tutorial()).world, seed=7)
    game.state.stage = "incident"
    while game.phase != "orders":
        game.advance()
    why = {name: reason for _, name, reason in unavailable(
        LocalSeat(game, "belmark"), game.view("belmark"))}
    assert why["Accept a ceasefire"] == ("no state is a legal target now (e.g. Ardenia has "
                                         "not proposed a ceasefire to you)")
    assert "(e.g. you impose no sanctions on Ardenia)" in why["Lift sanctions"]
    # an action that helps its target takes the example of a friend
    assert "in Corvia" in why["Contribute peacekeepers"]


# ------------------------------------------------------------ proposals
async def proposal():
    app = WargameApp(tutorial())
    seen = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        await pilot.press("p")
        await wait_until(pilot, lambda: screen_name(app) == "ProposeScreen")
        seen["help"] = screen_text(app)
        await pilot.press("r")
        await pick_by_space(pilot, "corvia")  # Space chooses, as in the message dialog
        await wait_until(pilot, lambda: screen_name(app) == "ProposeScreen")
        seen["to"] = screen_text(app)
        # deploy: only Belmark's allies are offered
        await pilot.press("t")
        await pick(pilot, "belmark")
        await wait_until(pilot, lambda: screen_name(app) == "PickScreen")
        seen["kinds"] = picked_ids(app)
        seen["kinds screen"] = screen_text(app)
        await pick(pilot, "deploy")
        await wait_until(pilot, lambda: screen_name(app) == "PickScreen")
        seen["deploy"] = picked_ids(app)
        await pick(pilot, "corvia")
        # a pledge, then the same pledge again
        for _ in range(2):
            await wait_until(pilot, lambda: screen_name(app) == "ProposeScreen")
            await pilot.press("t")
            await pick(pilot, "belmark")
            await pick(pilot, "no_attack")
            await pick(pilot, "ardenia")
        await wait_until(pilot, lambda: screen_name(app) == "ProposeScreen")
        seen["twice"] = screen_text(app)
        # a draft in the Compact: no sanctions offered
        await pilot.press("t")
        await pick(pilot, "corvia")
        await pick(pilot, "support_resolution")
        await pick(pilot, "compact")
        await wait_until(pilot, lambda: screen_name(app) == "PickScreen")
        seen["measures"] = picked_ids(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: screen_name(app) == "ProposeScreen")
        # remove the highlighted (first) term, not the last one
        await pilot.press("home", "minus")
        await pilot.pause()
        seen["removed"] = screen_text(app)
        seen["terms"] = [t.kind.value for t in app.screen.terms]
        # Escape with a term in it asks first; "no" keeps the proposal as it was
        await pilot.press("escape")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        seen["discard?"] = screen_text(app)
        await pilot.press("n")
        await wait_until(pilot, lambda: screen_name(app) == "ProposeScreen")
        seen["kept"] = [t.kind.value for t in app.screen.terms]
        await pilot.press("escape")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("y")
        await wait_until(pilot, lambda: screen_name(app) == "GameScreen")
        seen["proposals"] = list(app.session.game.state.proposals)
    return seen


def test_the_proposal_dialog_offers_feasible_terms_once_each():
    seen = run(proposal())
    assert "- or Delete removes the highlighted one" in seen["help"]
    assert "−" not in seen["help"]  # no Unicode minus for a key
    assert "To: Corvia" in seen["to"]
    # Belmark sanctions no one and holds no land: it cannot promise to undo either
    assert "lift_sanctions" not in seen["kinds"] and "withdraw" not in seen["kinds"]
    assert "Not possible for Belmark now: lift sanctions" in seen["kinds screen"]
    # said of no bystander: not "(e.g. Belmark imposes no sanctions on Ardenia)"
    assert "lift sanctions (Belmark sanctions no" in seen["kinds screen"]
    assert "withdraw (Belmark holds no other state's land)" in seen["kinds screen"]
    assert seen["deploy"] == ["corvia"]  # Ardenia and Dunmore are not allies
    assert "Refused: Belmark does not attack Ardenia: this term is already in" in seen["twice"]
    assert seen["twice"].count("Belmark does not attack Ardenia") == 2  # the list + refusal
    assert seen["measures"] == ["statement", "condemn", "ceasefire"]
    assert seen["terms"] == ["no_attack"]
    assert "1. Belmark does not attack Ardenia" in seen["removed"]
    assert "deploys forces to Corvia" not in seen["removed"]
    assert "Discard this proposal and its 1 term? It has not been sent." in seen["discard?"]
    assert seen["kept"] == ["no_attack"]
    assert seen["proposals"] == []  # discarded, never sent


async def spending_levels():
    app = WargameApp(tutorial())
    seen = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        await pilot.press("p")
        await wait_until(pilot, lambda: screen_name(app) == "ProposeScreen")
        for due in (1, 3):
            await pilot.press("t")
            await pick(pilot, "belmark")
            await wait_until(pilot, lambda: screen_name(app) == "PickScreen")
            seen["kinds screen"] = screen_text(app)
            await pick(pilot, "raise_spending")
            await wait_until(pilot, lambda: screen_name(app) == "PickScreen")
            seen[due] = (picked_ids(app), screen_text(app))
            await pilot.press("escape")
            await wait_until(pilot, lambda: screen_name(app) == "ProposeScreen")
            await pilot.press("right_square_bracket", "right_square_bracket")
            await pilot.pause()
        seen["now"] = app.session.game.state.nations["belmark"].spending
    return seen


def test_spending_levels_are_the_ones_within_reach_and_kinds_read_once():
    seen = run(spending_levels())
    now = seen["now"]  # Belmark spends 2.4% of GDP
    ids, text = seen[1]
    levels = [float(v) for v in ids]
    assert levels and all(now < v <= now + 0.5 + 1e-9 for v in levels)
    assert f"Belmark spends {now:.1f}% now" in text
    assert "a later due round (] in the" in text and "reaches higher" in text
    far = [float(v) for v in seen[3][0]]
    assert now + 1.4 < max(far) <= now + 1.5 and min(far) > now
    # a kind of term reads once: not 'deploy deploy forces to a state'
    assert "Deploy forces to a state (an ally)" in seen["kinds screen"]
    assert "deploy deploy" not in seen["kinds screen"].lower()


async def doomed_draft(measure: str):
    app = WargameApp(tutorial())
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await choose_action(pilot, "table_resolution")
        await pick(pilot, "council")
        await wait_until(pilot, lambda: screen_name(app) == "PickScreen")
        await pick(pilot, measure)
        await wait_until(pilot, lambda: measure in screen_text(app).lower()
                         and "ardenia" in picked_ids(app))
        return screen_text(app)


def test_a_draft_no_vote_could_adopt_says_so_before_it_is_tabled():
    # the Council of Four: a joint statement on Ardenia (Chapter VI) leaves Ardenia and
    # Belmark, the parties, out of the vote, and two voters cannot make the three it needs
    text = run(doomed_draft("statement"))
    ardenia = next(line for line in text.splitlines() if "Ardenia" in line)
    assert "cannot pass: 2 of 3 required" in ardenia  # the reason wraps onto the next lines
    dunmore = next(line for line in text.splitlines() if "Dunmore" in line)
    assert "cannot pass" not in dunmore
    # a ceasefire demand is a provisional measure (UN Charter Art. 40): the parties
    # vote, so it can pass (if Ardenia, a veto holder, does not veto it)
    text = run(doomed_draft("ceasefire"))
    ardenia = next(line for line in text.splitlines() if "Ardenia" in line)
    assert "cannot pass" not in ardenia
    assert "cannot pass" not in dunmore


async def due_by():
    from .helpers import end_turn

    app = WargameApp(tutorial())
    seen = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        assert app.session.game.phase == "orders"
        await pilot.press("p")
        await wait_until(pilot, lambda: screen_name(app) == "ProposeScreen")
        await pilot.press("r")
        await pick_by_space(pilot, "corvia")  # a computer government: it answers later
        await wait_until(pilot, lambda: screen_name(app) == "ProposeScreen")
        await pilot.press("t")
        await pick(pilot, "belmark")
        await pick(pilot, "no_attack")
        await pick(pilot, "ardenia")
        await wait_until(pilot, lambda: screen_name(app) == "ProposeScreen")
        seen["composer"] = screen_text(app)
        await pilot.press("p")
        await wait_until(pilot, lambda: screen_name(app) == "GameScreen")
        await end_turn(pilot)
        await wait_for_turn(pilot)
        game = app.session.game
        seen["accepted"] = [p.status.value for p in game.state.proposals]
        await pilot.press("8")
        await pilot.pause()
        seen["ledger"] = screen_text(app)
    return seen


def test_the_composers_due_round_is_the_one_the_ledger_records():
    import re

    seen = run(due_by())
    said = re.search(r"due by the end of round (\d+)", seen["composer"])
    assert said, seen["composer"]
    assert "accepted in round 2 at the earliest" in seen["composer"]
    assert seen["accepted"][0] == "accepted"  # ours, by Corvia in round 2
    recorded = re.search(r"Belmark does not attack Ardenia by round (\d+)", seen["ledger"])
    assert recorded, seen["ledger"]
    assert said.group(1) == recorded.group(1) == "3"
