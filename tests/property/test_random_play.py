"""Random legal play never raises, keeps every number in range, and replays exactly."""

import os
import random
import subprocess
import sys

from hypothesis import HealthCheck, example, given, settings, strategies as st

from wargame.core import STAGES, Game, Kind, demo_world, generated_world
from wargame.core.randomplay import random_orders
from wargame.core.state import Status

WORLDS = {"demo": demo_world(rounds=10), "gen12": generated_world(12, seed=5, rounds=10)}


def play(world, seed, choices_seed, rounds=10, vote_rate=0.5):
    game = Game(world, seed)
    rng = random.Random(choices_seed)
    while not game.over and game.round <= rounds:
        game.advance()
        for d in game.drafts():
            for m in world.institution[d.institution].members:
                if rng.random() < vote_rate:
                    try:
                        game.vote(m, d.id, rng.choice(["yes", "no", "abstain"]))
                    except Exception as exc:  # suspended members may not vote
                        assert "suspended" in str(exc)
        game.advance()
        for n in world.ids:
            game.submit_orders(n, random_orders(world, game.state, n, rng))
        game.resolve()
        check_invariants(game)
    return game


def check_invariants(game):
    st = game.state
    assert st.stage in STAGES
    assert 0 <= st.escalation <= 100
    assert st.escalation == st.history[-1] or abs(st.escalation - st.history[-1]) < 1e-6 \
        or any(e.kind is Kind.INJECT for e in game.log)
    for key, v in st.tension.items():
        assert key[0] < key[1] and 0.5 <= v <= 100
    held = {}
    for (occupier, victim), share in st.occupation.items():
        assert occupier != victim and share >= 0
        held[victim] = held.get(victim, 0.0) + share
    for ns in st.nations.values():
        assert 0 <= ns.support <= 100 and 0 <= ns.credibility <= 100
        assert 0 <= ns.territory <= 100
        assert abs(ns.territory + held.get(ns.id, 0.0) - 100) < 1e-6  # land is conserved
        assert ns.military >= 0 and ns.economy > 0
        assert ns.readiness in (0, 1, 2) and ns.spending <= 10
        assert sum(ns.deployed.values()) <= ns.military + 1e-6 or ns.losses > 0
    for inst in st.institutions.values():
        assert 0 <= inst.credibility <= 100
    # forces: garrisons hold exactly the occupied land; nothing is away that is not there
    for ns in st.nations.values():
        for land, forces in ns.garrisons.items():
            assert forces > 0 and st.occupation.get((ns.id, land), 0.0) > 0
        assert sum(ns.deployed.values()) + sum(ns.garrisons.values()) <= ns.military + 1e-6
    for (occupier, land), share in st.occupation.items():
        if share > 0:
            assert st.nations[occupier].garrisons.get(land, 0.0) > 0
    # the casus foederis: an assistance duty arises only against an attacker of record
    conflicts = {(c.attacker, c.victim) for c in st.conflicts}
    for ob in st.obligations:
        if ob.action == "assist":
            assert (ob.against, ob.beneficiary) in conflicts
    for c in st.conflicts:
        assert c.attacker != c.victim and c.attacker not in c.side and c.victim not in c.side
    # the stage is where the last recorded stage change put it
    changes = [e for e in game.log if e.kind is Kind.STAGE_CHANGED]
    if changes:
        assert changes[-1].text.rstrip(")").split(" to ")[-1].split(" (")[0] == \
            st.stage.replace("_", " ")
    if st.stage in ("armed_conflict", "war"):
        assert any(e.kind is Kind.ARMED_ATTACK for e in game.log)
    # obligations: settled exactly once, none left open past its due round
    for ob in st.obligations:
        if ob.status is Status.OPEN:
            assert ob.due >= st.round if not game.over else ob.due > st.round - 1
        else:
            assert ob.settled >= ob.created
    # a vetoed or failed draft authorises nothing
    failed = {(d.institution, d.target) for d in st.drafts
              if d.decided and not d.adopted and d.measure == "sanctions"}
    passed = {(d.institution, d.target) for d in st.drafts if d.adopted and d.measure == "sanctions"}
    for inst in st.institutions.values():
        for t in inst.sanctions_on:
            assert (inst.id, t) in passed
    assert failed is not None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(world=st.sampled_from(sorted(WORLDS)), seed=st.integers(0, 2**32 - 1),
       choices=st.integers(0, 2**32 - 1))
# a state that attacked the south and later defended it against another was put on the
# south's side of its own conflict (found by this test; conflicts.join_side)
@example(world="demo", seed=0, choices=445097)
# an invasion by a remnant (0.3 of forces) against an empty home took land, and its
# garrison was raised to the least that holds land (0.5): forces out of nothing
@example(world="gen12", seed=0, choices=16991057)
def test_random_legal_play_keeps_invariants_and_replays(world, seed, choices):
    w = WORLDS[world]
    game = play(w, seed, choices)
    again = Game.replay(w, seed, game.inputs)
    assert again.state_hash() == game.state_hash()
    assert [e.to_dict() for e in again.log] == [e.to_dict() for e in game.log]


def test_replay_to_round_stops_at_that_round():
    w = WORLDS["demo"]
    game = play(w, 3, 4, rounds=6)
    partial = Game.replay(w, 3, game.inputs, to_round=3)
    assert partial.round == 3 and partial.phase == "briefing"
    assert len(partial.state.history) == 2


HASH_SCRIPT = """
import random
from wargame.core import Game, generated_world
from wargame.core.randomplay import random_orders
w = generated_world(20, seed=2, rounds=8)
g = Game(w, 11)
rng = random.Random(5)
while not g.over:
    g.advance(); g.advance()
    for n in w.ids:
        g.submit_orders(n, random_orders(w, g.state, n, rng))
    g.resolve()
print(g.state_hash())
"""


def test_same_hash_under_different_hash_seeds():
    hashes = set()
    for seed in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run([sys.executable, "-c", HASH_SCRIPT], env=env, capture_output=True,
                             text=True, check=True)
        hashes.add(out.stdout.strip())
    assert len(hashes) == 1, hashes
