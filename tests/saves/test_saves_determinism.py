"""Replay determinism: the same save replays to the same event log and state hash in
processes with different PYTHONHASHSEED values (set and dict orders would show)."""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest
from saveplay import V2
from saveplay import play

from wargame.campaign import DEFAULT_CAMPAIGN, load_campaign
from wargame.core import Game
from wargame.saves import save_game

SEEDS = ("0", "1", "4242", "random")


def _replay(path, hashseed: str) -> str:
    env = dict(os.environ, PYTHONHASHSEED=hashseed)
    run = subprocess.run([sys.executable, "-m", "wargame.saves.commands", "replay", str(path)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.fixture(scope="module")
def campaign_save(tmp_path_factory):
    """A game on the default campaign played by the computer players (AI inputs)."""
    folder = tmp_path_factory.mktemp("saves")
    campaign = load_campaign(DEFAULT_CAMPAIGN)
    game = Game(campaign.world, campaign.seed)
    try:
        from wargame.ai.runner import ComputerPlayers
    except ImportError:  # the computer players are not there: random legal play
        play(game, random.Random(1))
    else:
        players = ComputerPlayers(campaign.world, campaign.seed)
        while not game.over:
            players.play_round(game)
    return save_game(game, campaign, folder), game.state_hash()


def test_replay_is_the_same_whatever_the_hash_seed(campaign_save):
    path, final = campaign_save
    outputs = {seed: _replay(path, seed) for seed in SEEDS}
    first = outputs[SEEDS[0]]
    for seed, out in outputs.items():
        assert out == first, f"PYTHONHASHSEED={seed} replays differently"
    assert first.strip().splitlines()[-1] == f"state hash {final}"
    assert "all match" in first


def test_the_fixture_replays_the_same_whatever_the_hash_seed():
    outs = {_replay(V2, seed) for seed in ("0", "77")}
    assert len(outs) == 1
