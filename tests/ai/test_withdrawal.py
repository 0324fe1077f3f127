"""Computer players give notice of withdrawal rarely and for a cause: an aggressor a
body has turned on (here the League condemns Japan, as its Assembly did on 24 February
1933), where the treaty allows withdrawal; never a victim or a bystander."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from wargame.ai.default import DefaultPolicy
from wargame.campaign import load_campaign
from wargame.core import Game, Order, Personality

WORLD = Path(__file__).parents[1] / "scenarios" / "worlds" / "league-manchuria.yaml"


def _world(multilateralism: float):
    world = load_campaign(WORLD).world
    japan = replace(world.nation["japan"], personality=Personality(
        aggression=0.9, multilateralism=multilateralism, risk_tolerance=0.8))
    return replace(world, nations=tuple(japan if n.id == "japan" else n
                                        for n in world.nations))


def _condemned_japan(world, seed: int) -> Game:
    """Round 2's orders phase: Japan has invaded China and the League has condemned it."""
    game = Game(world, seed=seed)
    game.state.stage, game.state.escalation = "incident", 30.0
    game.advance()
    game.advance()
    game.submit_orders("japan", [Order("japan", "invasion", target="china")])
    game.submit_orders("uk", [Order("uk", "table_resolution", target="japan",
                                    institution="league", measure="condemn")])
    game.resolve()
    game.advance()
    for n in ("france", "italy", "germany"):
        game.vote(n, "d1", "yes")
    game.advance()
    assert any(d.adopted for d in game.state.drafts)
    return game


def _gives_notice(world, nation: str, seed: int) -> bool:
    game = _condemned_japan(world, seed)
    policy = DefaultPolicy(world, nation, random.Random(seed))
    return any(o.action == "give_notice" for o in policy.orders(game.view(nation)))


@pytest.mark.parametrize("seed", range(4))
def test_an_aggressor_that_cares_little_for_the_league_gives_notice(seed):
    assert _gives_notice(_world(multilateralism=0.1), "japan", seed)


@pytest.mark.parametrize("seed", range(4))
def test_a_victim_and_a_bystander_never_give_notice(seed):
    world = _world(multilateralism=0.1)
    assert not _gives_notice(world, "china", seed)
    assert not _gives_notice(world, "uk", seed)


def test_an_aggressor_that_values_the_league_seldom_gives_notice():
    world = _world(multilateralism=0.95)
    assert sum(_gives_notice(world, "japan", seed) for seed in range(8)) <= 2
