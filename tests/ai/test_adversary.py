"""Issue 12, over small seeded batches: an aggressor that probes where deterrence looks
weak, defenders that defend, coalitions under an authorisation, votes on the merits,
no noise, and a reason for every decision. The 200-game figures are printed by
benchmarks/behaviour.py."""

from __future__ import annotations

import dataclasses
import importlib.util
import io
from pathlib import Path

import pytest

from wargame.ai import ComputerPlayers, play_game
from wargame.campaign import load_campaign
from wargame.campaign.bundled import find_campaign
from wargame.core import Game
from wargame.core.events import Kind
from wargame.simulate import game_seed

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).parent / "fixtures" / "authorised-coalition.yaml"
BUNDLED = ("baltic-flashpoint", "pacific-strait", "abyssinia-1935", "tutorial")


def _noise():
    spec = importlib.util.spec_from_file_location("_noise", ROOT / "benchmarks" / "_noise.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def campaign(name):
    return load_campaign(str(find_campaign(name)) if name in BUNDLED else name)


def games(name, n, replace=None, world=None, look=None):
    c = campaign(name)
    w = world or c.world
    policies = {s: (replace or {}).get(s, (c.policies or {}).get(s, "default")) for s in w.ids}
    return [play_game(w, game_seed(1, i), policies, "normal", finished=look) for i in range(n)]


def rate(records, attacker):
    return sum(any(a == attacker for _, a, _ in r.attacks) for r in records) / len(records)


@pytest.mark.parametrize("name", BUNDLED)
def test_built_in_policies_give_no_illegal_order_or_vote(name):
    errors = [e for r in games(name, 10) for e in r.errors]
    assert errors == []


def test_russia_probes_where_deterrence_looks_weak():
    default = rate(games("baltic-flashpoint", 12), "russia")
    no_us = rate(games("baltic-flashpoint", 12, {"usa": "passive"}), "russia")
    assert no_us >= default + 0.3, (default, no_us)
    assert rate(games("baltic-flashpoint", 12, {"russia": "passive"}), "russia") == 0.0


def test_taken_land_is_freed_and_some_allies_decline():
    recs = games("baltic-flashpoint", 16)
    took = [r for r in recs if any(o == "russia" for _, o, _, _ in r.taken)]
    assert took, "the batch needs an invasion"
    freed = [r for r in took if not any(o == "russia" for o, _, _ in r.held_at_end)]
    assert len(freed) * 2 >= len(took), (len(freed), len(took))
    assert any(r.obligations.get("declined") for r in recs)


def test_a_free_rider_declines_more_and_contributes_less():
    recs = games("baltic-flashpoint", 12, {"usa": "passive"})  # an attack in every game
    w = campaign("baltic-flashpoint").world
    hungary = sum(r.declined.get("hungary", 0) for r in recs)
    estonia_allies = ("latvia", "lithuania", "poland")  # loyal, free_riding 0.05-0.1
    loyal = sum(r.declined.get(m, 0) for r in recs for m in estonia_allies)
    assert hungary > loyal / len(estonia_allies), (hungary, loyal)
    gdp = {n.id: n.economy for n in w.nations}
    per_gdp = {m: sum(r.contributions[m] for r in recs) / gdp[m]
               for m in ("hungary", "poland")}
    assert per_gdp["hungary"] < per_gdp["poland"], per_gdp


def _coalition_facts(world, n):
    out = []
    for r_index in range(n):
        facts = {}

        def look(game, facts=facts):
            facts["auth"] = [e.round for e in game.log if e.kind is Kind.DRAFT_DECIDED
                             and e.value > 0 and e.target == "nordia"
                             and "force" in e.text.lower()]
            facts["held"] = game.state.occupation.get(("nordia", "kesh"), 0.0)
            facts["obliged"] = [ob for ob in game.state.obligations
                                if ob.beneficiary == "nordia"]
        c = campaign(str(FIXTURE))
        policies = {s: (c.policies or {}).get(s, "default") for s in world.ids}
        play_game(world, game_seed(1, r_index), policies, "normal", finished=look)
        out.append(facts)
    return out


def test_a_coalition_acts_under_the_authorisation_it_voted_for():
    world = campaign(str(FIXTURE)).world
    facts = _coalition_facts(world, 8)
    adopted = [f for f in facts if f["auth"]]
    assert len(adopted) >= 4
    assert all(f["held"] <= 0 for f in adopted)
    assert not any(f["obliged"] for f in facts)


def test_a_veto_holder_with_another_stance_and_ties_blocks_the_authorisation():
    """The stance decides votes, not aggression: Ostland made a sovereigntist trading
    partner of the occupier (legalism 0, interventionism 0, 30% of its trade) votes
    against force, and its no is a veto."""
    world = campaign(str(FIXTURE)).world
    nations = tuple(dataclasses.replace(
        n, trade={**n.trade, "nordia": 0.3},
        personality=dataclasses.replace(n.personality, stance=dataclasses.replace(
            n.personality.stance, legalism=0.0, interventionism=0.0)))
        if n.id == "ostland" else n for n in world.nations)
    facts = _coalition_facts(dataclasses.replace(world, nations=nations), 6)
    assert not any(f["auth"] for f in facts)


def test_the_stance_is_read_from_the_campaign():
    w = campaign(str(FIXTURE)).world
    assert w.nation["westmark"].personality.stance.legalism == 0.9
    assert w.nation["westmark"].personality.stance.interventionism == 0.8
    assert w.nation["kesh"].personality.stance.legalism == 0.5  # the default


def test_no_noise_in_baltic_flashpoint():
    noise = _noise()
    counts = []
    games("baltic-flashpoint", 10, look=lambda g: counts.append(noise.count(g)))
    for key in ("ceasefire_no_fight", "sanctions_no_cause", "condemn_partner",
                "broken_by_loyal"):
        assert sum(c[key] for c in counts) == 0, key
    assert max(c["consult_states_max"] for c in counts) <= 3


def test_every_order_says_why_in_one_line():
    c = campaign("baltic-flashpoint")
    game = Game(c.world, 5)
    players = ComputerPlayers(c.world, 5)
    for _ in range(4):
        players.play_round(game)
    orders = [e for e in game.inputs if e.get("verb") == "orders"]
    given = sum(len(e["orders"]) for e in orders)
    reasons = [x for x in players.explained if x[2] != "vote" and x[2] != "decision"]
    assert len(reasons) == given
    assert all(text and "\n" not in text for *_, text in players.explained)


def test_simulate_explain_prints_the_reasons_of_one_game():
    from wargame.simulate import run

    out = io.StringIO()
    assert run({"campaign": str(find_campaign("tutorial")), "seed": 3, "explain": True},
               out, io.StringIO()) == 0
    text = out.getvalue()
    assert "Round 1" in text and "Outcome:" in text
    assert "Ardenia:" in text


def test_the_debrief_shows_why_an_attack_was_launched():
    from wargame.tui.debrief import turning_points

    c = campaign("baltic-flashpoint")
    for i in range(12):
        game = Game(c.world, game_seed(1, i))
        players = ComputerPlayers(c.world, game_seed(1, i))
        while not game.over:
            players.play_round(game)
        if any(e.kind is Kind.ARMED_ATTACK for e in game.log):
            break
    else:
        pytest.skip("no attack in these seeds")
    text = turning_points(game, players.why())
    assert "why: invade" in text or "why: strike" in text
