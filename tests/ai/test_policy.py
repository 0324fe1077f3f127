"""The policy interface, the registry, determinism and the one-step estimates."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from importlib.metadata import EntryPoint

import pytest

from wargame import ai
from wargame.ai import registry
from wargame.ai.base import Difficulty, Policy, policy_rng, sub_seed
from wargame.ai.choice import OrderSet
from wargame.ai.estimate import expected_response, win_probability
from wargame.ai.runner import ComputerPlayers, play_game
from wargame.core import Game, Order, demo_world, generated_world
from wargame.core.actions import Effect


def orders_phase(game: Game) -> None:
    while game.phase != "orders":
        game.advance()


# ------------------------------------------------------------------ determinism
def test_sub_seeds_are_stable_and_do_not_use_hash():
    # a fixed value: Python's salted hash() would change it from run to run
    assert sub_seed(7, "ai", "north") == sub_seed(7, "ai", "north")
    assert sub_seed(7, "ai", "north") == 15419333516599097277
    assert sub_seed(7, "ai", "north") != sub_seed(7, "ai", "east")
    assert sub_seed(7, "ai", "north") != sub_seed(8, "ai", "north")
    assert policy_rng(7, "north").random() == policy_rng(7, "north").random()


def test_sub_seeds_are_stable_across_interpreters():
    code = "from wargame.ai import sub_seed; print(sub_seed(7, 'ai', 'north'))"
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env={"PYTHONHASHSEED": str(h)}, check=True).stdout
            for h in (1, 2)}
    assert runs == {f"{sub_seed(7, 'ai', 'north')}\n"}


def test_the_same_seed_plays_the_same_game():
    w = demo_world()
    a, b = Game(w, 5), Game(w, 5)
    for g in (a, b):
        players = ComputerPlayers(w, 5)
        while not g.over:
            players.play_round(g)
    assert a.inputs == b.inputs
    assert a.state_hash() == b.state_hash()
    assert play_game(w, 5) == play_game(w, 5)


def test_a_recorded_game_replays_from_its_inputs():
    w = demo_world()
    g = Game(w, 11)
    players = ComputerPlayers(w, 11)
    while not g.over:
        players.play_round(g)
    assert Game.replay(w, 11, g.inputs).state_hash() == g.state_hash()


def test_a_policy_decides_from_its_view_not_from_other_states_secrets(variants):
    with_personality = variants.with_personality
    # other states' personalities are private: changing them must not change
    # what Northland decides from the same view
    w1 = demo_world()
    w2 = with_personality(with_personality(w1, "west", loyalty=0.0, free_riding=1.0),
                          "east", aggression=1.0)
    game = Game(w1, 3)
    orders_phase(game)
    view = game.view("north")
    p1 = ai.make("default", w1, "north", 3)
    p2 = ai.make("default", w2, "north", 3)
    assert p1.orders(view) == p2.orders(view)


# ------------------------------------------------------------------ registry
def test_the_fixed_registry():
    assert ai.available()[:3] == ["default", "random", "passive"]
    assert ai.get("default") is ai.DefaultPolicy
    with pytest.raises(ai.UnknownPolicy, match="unknown policy 'nope'.*default"):
        ai.get("nope")


class Cautious(Policy):
    name = "cautious"

    def orders(self, view):
        return []


def test_third_party_policies_register_through_entry_points(monkeypatch):
    eps = [EntryPoint("cautious", f"{__name__}:Cautious", registry.GROUP),
           EntryPoint("default", f"{__name__}:Cautious", registry.GROUP)]
    monkeypatch.setattr(registry, "entry_points",
                        lambda group: [e for e in eps if e.group == group])
    assert "cautious" in ai.available()
    policy = ai.make("cautious", demo_world(), "north", 1)
    assert isinstance(policy, Cautious)
    # a third party never replaces a built-in policy
    assert ai.get("default") is ai.DefaultPolicy
    record = play_game(demo_world(), 1, policies={"north": "cautious"})
    assert "north" not in record.attackers()


def test_difficulty_names():
    assert Difficulty.parse("HARD") is Difficulty.HARD
    with pytest.raises(ValueError, match="easy, normal, hard"):
        Difficulty.parse("brutal")


@pytest.mark.parametrize("difficulty", list(Difficulty))
def test_every_difficulty_plays_legal_games(difficulty):
    for seed in range(5):
        assert play_game(demo_world(), seed, difficulty=difficulty).errors == ()


@pytest.mark.parametrize("policy", ["random", "passive"])
def test_baseline_policies_play_legal_games(policy):
    for seed in range(5):
        assert play_game(demo_world(), seed, policies=policy).errors == ()


def test_computer_plays_the_other_states_of_a_human_game():
    w = demo_world()
    game = Game(w, 2)
    players = ComputerPlayers(w, 2, nations=[n for n in w.ids if n != "east"])
    assert "east" not in players.policies
    while not game.over:
        game.advance()
        players.vote(game)
        game.advance()
        game.submit_orders("east", [])  # the human sits this round out
        players.give_orders(game)
        game.resolve()
    assert players.errors == []


def test_a_generated_world_of_193_states_plays_a_round_legally():
    w = generated_world(193, seed=0)
    game = Game(w, 0)
    players = ComputerPlayers(w, 0)
    for _ in range(2):
        players.play_round(game)
    assert players.errors == []


# ------------------------------------------------------------------ orders together
def test_order_set_applies_the_engine_rules_for_orders_together():
    w = demo_world()
    game = Game(w, 1)
    orders_phase(game)
    view = game.view("north")
    s = OrderSet(view, w.orders_per_round)
    assert s.add(s.option(Effect.READINESS, magnitude=1))
    assert not s.add(s.option(Effect.READINESS, magnitude=2))  # one readiness change
    assert s.add(s.option(Effect.SANCTION), target="east")
    assert not s.add(s.option(Effect.SANCTION, strongest=True), target="east")
    assert not s.add(s.option(Effect.INVADE), target="north")  # not a legal target
    assert s.add(s.option(Effect.CONDEMN), target="east")
    assert s.full() and not s.add(s.option(Effect.DEMARCHE), target="east")
    game.submit_orders("north", s.orders)  # the engine agrees
    assert game.orders_of("north") == s.orders == [
        Order("north", "raise_readiness"), Order("north", "targeted_sanctions", "east"),
        Order("north", "condemn", "east")]


@pytest.mark.parametrize("nation", ["estonia", "russia", "usa", "guyana"])
def test_order_set_finds_the_options_of_each_effect_as_the_view_lists_them(nation):
    """OrderSet keeps one option per effect and lists only the effects several
    actions share (sanctions, readiness, exercises): each effect's options are the
    view's, in its order; option() the weakest or strongest that takes the target."""
    from wargame.campaign import load_campaign
    from wargame.campaign.bundled import find_campaign

    w = load_campaign(find_campaign("baltic-flashpoint")).world
    game = Game(w, 3)
    orders_phase(game)
    view = game.view(nation)
    s = OrderSet(view, w.orders_per_round, w)
    shared = 0
    for effect in Effect:
        plain = [o for o in view.options if o.action.effect is effect]
        assert s.options(effect) == plain, effect
        shared += len(plain) > 1
        weakest_first = sorted(plain, key=lambda o: (o.action.magnitude, o.action.escalation,
                                                      o.action.id))
        for target in ("", "russia", "estonia"):
            fits = [o for o in weakest_first if not target or target in o.targets]
            assert s.option(effect, target=target) == (fits[0] if fits else None)
            assert s.option(effect, target=target, strongest=True) == (
                fits[-1] if fits else None)
    assert shared  # some effect has several options here (the case worth checking)


# ------------------------------------------------------------------ estimates
def test_win_probability_follows_the_ratio_of_strengths():
    assert win_probability(100, 100) == pytest.approx(0.5, abs=0.01)
    assert win_probability(100, 60) > 0.99
    assert win_probability(60, 100) < 0.01
    assert win_probability(110, 100) > win_probability(105, 100) > 0.5


def test_the_expected_united_response_rests_on_credibility_and_the_clause(variants):
    weak_alliance = variants.weak_alliance
    def response(world):
        game = Game(world, 0)
        view = game.view("north")
        pos = {n.id: i for i, n in enumerate(world.nations)}
        ipos = {i.id: k for k, i in enumerate(world.institutions)}
        return expected_response(world, lambda i: view.institutions[ipos[i]],
                                 lambda n: view.states[pos[n]], "east", "north")

    credible = response(demo_world())
    weak = response(weak_alliance(demo_world()))
    low_cred = response(weak_alliance(demo_world(), credibility=65.0))
    assert credible > 4 * weak
    assert credible > low_cred > weak  # the clause matters, and so does credibility
    # an attack outside the treaty area meets no alliance
    w = demo_world()
    w2 = dataclasses.replace(w, nations=tuple(
        dataclasses.replace(n, region="asia") if n.id == "east" else n for n in w.nations))
    assert response(w2) < credible / 3


def test_ai_imports_no_user_interface():
    code = ("import sys, wargame.ai, wargame.ai.runner; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def _proposals(world, games: int):
    out = []
    for seed in range(games):
        game = Game(world, seed)
        players = ComputerPlayers(world, seed)
        while not game.over:
            players.play_round(game)
        out += game.state.proposals
    return out


def test_computer_governments_offer_deals_to_smaller_states():
    """A solo player governing a small state is offered deals, not only asked: the
    alliance's leading power offers forces for higher spending (Westland to
    Eastmark), and an aggressor under sanctions offers a sender a promise not to
    attack it if it lifts them (a wedge in the coalition)."""
    from wargame.core.terms import TermKind as T

    made = _proposals(demo_world(), 30)
    kinds = {(p.by, tuple(t.kind for t in p.terms), p.to) for p in made}
    assert ("west", (T.DEPLOY, T.RAISE_SPENDING), ("east",)) in kinds
    wedges = [p for p in made if p.by == "north"
              and [t.kind for t in p.terms] == [T.NO_ATTACK, T.LIFT_SANCTIONS]]
    assert wedges, "an aggressor under sanctions offers a wedge deal"
    for p in wedges:  # made to a state that sanctioned it, which the deal would undo
        assert p.terms[1].party == p.to[0] and p.terms[1].target == "north"


@pytest.mark.parametrize("to, term, named", [
    ("north", ("north", "no_attack", "east"), "Our part (Northland does not attack Eastmark)"),
    ("isle", ("isle", "deploy", "east"), "Our part (Islay deploys forces to Eastmark)"),
])
def test_a_rejected_proposal_is_explained_to_its_author_alone(to, term, named):
    from wargame.core.terms import Term

    world = demo_world()
    game = Game(world, seed=3)
    game.advance()
    pid = game.propose("east", [to], [Term(*term)])
    players = ComputerPlayers(world, 3, nations=[n for n in world.ids if n != "east"])
    players.answer(game)
    assert game.state.proposals[0].answers == {to: "reject"}
    [letter] = game.view("east").messages
    assert letter.sender == to
    assert letter.text.startswith(f"We reject proposal {pid}. {named}")
    assert all(not v.messages for n in world.ids if n not in ("east", to)
               for v in [game.view(n)])
    assert players.errors == []


def test_an_accepted_proposal_brings_no_explanation():
    from wargame.core.terms import Term

    world = demo_world()
    game = Game(world, seed=3)
    game.advance()
    # Westland, Eastmark's ally, is offered more Eastmark defence spending for nothing
    game.propose("east", ["west"], [Term("east", "raise_spending", value=3.0)])
    players = ComputerPlayers(world, 3, nations=["west"])
    players.answer(game)
    assert game.state.proposals[0].answers == {"west": "accept"}
    assert game.view("east").messages == ()


def _memory(policy) -> dict:
    m = policy.memory
    return {k: getattr(m, k) for k in ("done", "hostility", "attacks", "tripwires",
                                        "sanctions", "taken", "truces")}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_loaded_game_is_remembered_as_if_it_had_been_played(seed):
    """A policy built for a game read back from a save recalls every round it missed:
    its memory is the one the policy that played those rounds has."""
    world = demo_world()
    game = Game(world, seed=seed)
    played = ComputerPlayers(world, seed)
    for _ in range(6):
        if game.round != 2:
            played.play_round(game)
            continue
        # round 2 as play_round plays it, but Northland invades Eastmark
        game.advance()
        if game.phase == "diplomacy":
            played.answer(game)
            played.vote(game)
            game.advance()
        played.give_orders(game)
        game.submit_orders("north", [Order("north", "invasion", "east")])
        game.resolve()
    assert any(e.kind.value == "armed_attack" for e in game.log)
    fresh = ComputerPlayers(world, seed)
    assert all(p.memory.done == 0 for p in fresh.policies.values())
    fresh.recall(game)
    for n in world.ids:
        before = played.policies[n]
        before.memory.take_in(game.view(n))  # up to the same round
        assert _memory(fresh.policies[n]) == _memory(before), n
    assert fresh.policies["east"].memory.attacks.get(("north", "east")) == 2


def test_a_game_played_without_explanations_is_the_same_game():
    """``play_game`` keeps the reasons for the computer's decisions only when asked
    (``explained``): the game played, and its record, are the same either way, and
    players told not to explain keep no reasons (nor pile up their notes)."""
    w = demo_world()
    explained: list = []
    saved: list = []
    with_reasons = play_game(w, 7, explained=explained, finished=saved.append)
    without = play_game(w, 7, finished=saved.append)
    assert with_reasons == without
    assert saved[0].inputs == saved[1].inputs
    assert explained and all(len(x) == 5 and x[4] for x in explained)
    game = Game(w, 7)
    quiet = ComputerPlayers(w, 7, explain=False)
    while not game.over:
        quiet.play_round(game)
    assert quiet.explained == [] and quiet.why() == {}
    assert all(not getattr(p, "notes", None) for p in quiet.policies.values())
