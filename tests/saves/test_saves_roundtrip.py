"""Save -> load gives the same game: same state hash, same log, and it plays on the same."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings, strategies as st
from saveplay import play, steps

from wargame.campaign import campaigns_dir, load_campaign
from wargame.core import Game, demo_world, generated_world
from wargame.saves import builtin, load_save, save_game
from wargame.saves.document import parse, unpack
from wargame.saves.journal import SNAPSHOT_EVERY

WORLDS = {
    "demo": (demo_world(rounds=10), builtin("demo", rounds=10)),
    "gen12": (generated_world(12, seed=5, rounds=10), builtin("generated", n=12, seed=5,
                                                              rounds=10)),
}


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(world=st.sampled_from(sorted(WORLDS)), seed=st.integers(0, 10_000),
       choices=st.integers(0, 10_000),
       save_at=st.sets(st.integers(0, 150), min_size=1, max_size=6))
def test_random_games_saved_and_loaded_give_the_same_state_hash(tmp_path_factory, world,
                                                                seed, choices, save_at):
    folder = tmp_path_factory.mktemp("saves")
    w, source = WORLDS[world]
    game = Game(w, seed)
    rng = random.Random(choices)
    checked = 0
    for i, _ in enumerate(steps(game, rng)):
        if i in save_at:
            path = save_game(game, source, folder)
            loaded = load_save(path)
            assert loaded.game.state_hash() == game.state_hash(), f"step {i}"
            assert loaded.game.log == game.log
            assert loaded.game.inputs == game.inputs
            assert loaded.notices == ()
            checked += 1
    path = save_game(game, source, folder)
    loaded = load_save(path)
    assert loaded.game.state_hash() == game.state_hash()
    assert loaded.game.over == game.over


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), choices=st.integers(0, 10_000), stop=st.integers(5, 90))
def test_a_loaded_game_plays_on_exactly_like_the_original(tmp_path_factory, seed, choices,
                                                          stop):
    folder = tmp_path_factory.mktemp("saves")
    w, source = WORLDS["demo"]
    game = Game(w, seed)
    rng = random.Random(choices)
    for i, _ in enumerate(steps(game, rng)):
        if i == stop:
            break
    loaded = load_save(save_game(game, source, folder)).game
    state = rng.getstate()
    play(game, rng)
    rng.setstate(state)
    play(loaded, rng)
    assert loaded.state_hash() == game.state_hash()
    assert loaded.log == game.log


def _doc(path):
    return parse(path, path.read_bytes())


def test_autosaves_and_one_cold_save_record_the_same_game(tmp_path, demo_game):
    w, source = WORLDS["demo"]
    # autosave after every round: the journal sees every round start
    game = Game(w, 5)
    play(game, random.Random(5), each=lambda g, step: step == "resolve"
         and save_game(g, source, tmp_path / "auto"))
    auto = _doc(save_game(game, source, tmp_path / "auto"))
    # one save at the end of a replayed copy: the journal must replay to fill in
    cold_game = Game.replay(w, 5, game.inputs)
    cold = _doc(save_game(cold_game, source, tmp_path / "cold"))
    for key in ("rounds", "inputs", "seed", "campaign"):
        assert auto[key] == cold[key], key
    assert auto["status"] == cold["status"]
    assert [(s["round"], s["hash"], s["input"]) for s in auto["snapshots"]] == \
        [(s["round"], s["hash"], s["input"]) for s in cold["snapshots"]]
    rounds = [s["round"] for s in auto["snapshots"] if not s.get("end")]
    assert all(r % SNAPSHOT_EVERY == 0 for r in rounds[:-1])
    assert [unpack(p["zlib"]) for p in auto["log"]] == [unpack(p["zlib"]) for p in cold["log"]]
    assert len(auto["rounds"]) == game.round
    for rec in auto["rounds"]:  # the hash at each round start is the replayed one
        assert Game.replay(w, 5, game.inputs, to_round=rec["round"]).state_hash() == rec["hash"]


def test_loading_at_a_round_gives_the_game_at_the_start_of_that_round(tmp_path):
    w, source = WORLDS["gen12"]
    game = play(Game(w, 8), random.Random(8))
    path = save_game(game, source, tmp_path)
    for n in (1, 2, 5, 6, 7, game.round):
        loaded = load_save(path, round=n)
        expected = Game.replay(w, 8, game.inputs, to_round=n)
        assert loaded.game.round == n and loaded.game.phase == "briefing"
        assert loaded.game.state_hash() == expected.state_hash()
        assert loaded.game.log == expected.log
        assert loaded.branch_round == n


def test_saving_a_loaded_game_continues_its_file_and_keeps_backups(tmp_path):
    w, source = WORLDS["demo"]
    game = Game(w, 2)
    rng = random.Random(2)
    play(game, rng, rounds=2)
    first = save_game(game, source, tmp_path)
    loaded = load_save(first)
    play(loaded.game, rng, rounds=1)
    second = loaded.save()
    assert second.parent == tmp_path
    assert second.name.split("_round-")[0] == first.name.split("_round-")[0]
    assert second != first and not first.exists()
    backups = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert backups == [first.stem + "_save-1.json"]
    assert _doc(second)["game"]["save"] == 2
    assert load_save(second).game.state_hash() == loaded.game.state_hash()


def test_a_campaign_game_embeds_its_campaign_and_loads_from_the_copy(tmp_path):
    path = campaigns_dir() / "tutorial.yaml"
    mine = tmp_path / "my-campaign.yaml"
    mine.write_bytes(path.read_bytes())
    campaign = load_campaign(mine)
    game = play(Game(campaign.world, 4), random.Random(4), rounds=3)
    saved = save_game(game, campaign, tmp_path / "saves")
    doc = json.loads(saved.read_text(encoding="utf-8"))
    assert doc["campaign"]["data"] == path.read_text(encoding="utf-8")
    assert doc["campaign"]["title"] == campaign.title
    assert saved.name.startswith("my-campaign_")
    loaded = load_save(saved)
    assert loaded.notices == ()
    assert loaded.campaign.title == campaign.title
    assert loaded.game.state_hash() == game.state_hash()


@dataclass(frozen=True)
class Scenario:  # what the TUI holds: a key (a path, or "demo") and a world
    key: str
    world: object


def test_sources_the_interfaces_have(tmp_path):
    world = demo_world()
    game = play(Game(world, 1), random.Random(1), rounds=1)
    p = save_game(game, Scenario("demo", world), tmp_path)
    assert p.name.startswith("demo_") and load_save(p).game.state_hash() == game.state_hash()
    c = campaigns_dir() / "tutorial.yaml"
    campaign = load_campaign(c)
    game = play(Game(campaign.world, 1), random.Random(1), rounds=1)
    p = save_game(game, Scenario(str(c), campaign.world), tmp_path)
    assert p.name.startswith("tutorial_") and load_save(p).title == campaign.title
    game2 = Game(campaign.world, 2)
    p2 = save_game(game2, str(c), tmp_path)
    assert load_save(p2).game.state_hash() == game2.state_hash()
