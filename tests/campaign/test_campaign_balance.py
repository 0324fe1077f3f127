"""Baltic Flashpoint rewards playing: an Estonia that does nothing scores clearly less
than one the default computer player plays, and not every state gets full marks."""

from __future__ import annotations

from statistics import mean

import pytest

from wargame.ai import ComputerPlayers
from wargame.campaign import campaigns_dir, load_campaign
from wargame.core import Game

GAMES = 16


def _play(campaign, seed: int, estonia: str):
    world = campaign.world
    policies = {n: dict(campaign.policies).get(n, "default") for n in world.ids}
    policies["estonia"] = estonia
    game = Game(world, seed)
    players = ComputerPlayers(world, seed, policies=policies)
    while not game.over:
        players.play_round(game)
    return game.scores()


@pytest.fixture(scope="module")
def games():
    campaign = load_campaign(campaigns_dir() / "baltic-flashpoint.yaml")
    return {policy: [_play(campaign, 100 + i, policy) for i in range(GAMES)]
            for policy in ("passive", "default")}


def test_doing_nothing_scores_clearly_less_than_playing(games):
    passive = [s["estonia"].total for s in games["passive"]]
    played = [s["estonia"].total for s in games["default"]]
    possible = games["passive"][0]["estonia"].possible
    assert mean(played) - mean(passive) >= 4, (mean(passive), mean(played))
    assert max(passive) < possible  # a passive Estonia never gets full marks
    assert max(played) == possible  # and the game can be won


def test_not_every_state_gets_full_marks(games):
    for scores in games.values():
        russia = [s["russia"] for s in scores]
        assert any(s.total < s.possible for s in russia)
