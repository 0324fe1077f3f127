"""No bundled inject says what the state of play contradicts.

Each inject's premises (data/inject_premises.yaml, written from the words of its
news) must hold whenever it fires, in every game the computer plays under many
seeds. The campaign's own `when` conditions are what make that true; this test is
the reader who checks the news against the situation.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from wargame.ai.runner import ComputerPlayers
from wargame.campaign import bundled_campaigns, load_campaign
from wargame.campaign.build import condition
from wargame.core import Game

PREMISES = yaml.safe_load((Path(__file__).parent / "data" / "inject_premises.yaml")
                          .read_text(encoding="utf-8"))
CAMPAIGNS = {p.stem: p for p in bundled_campaigns()}
SEEDS = {"baltic-flashpoint": 24, "abyssinia-1935": 40, "pacific-strait": 24, "tutorial": 40,
         "korea-1950": 24}


def _tuple(item: dict) -> tuple:
    (test, value), = item.items()
    return (test, _tuple(value)) if test == "not" else (test, value)


def test_every_bundled_inject_has_its_premises_written_down():
    assert set(PREMISES) == set(CAMPAIGNS)
    for name, path in CAMPAIGNS.items():
        ids = [i.id for i in load_campaign(path).world.injects]
        assert sorted(PREMISES[name]) == sorted(ids), name


@pytest.mark.parametrize("name", sorted(CAMPAIGNS))
def test_no_inject_fires_where_its_words_would_be_false(name):
    campaign = load_campaign(CAMPAIGNS[name])
    world = campaign.world
    premises = {i: [condition(_tuple(c)) for c in conds]
                for i, conds in PREMISES[name].items()}
    fired_with_premises = 0
    for seed in range(SEEDS[name]):
        game = Game(world, seed)
        players = ComputerPlayers(world, seed, policies=dict(campaign.policies))
        while not game.over:
            before = len(game.state.fired)
            players.play_round(game)
            for inject in game.state.fired[before:]:
                broken = [c for c in premises[inject] if not c.holds(game.state)]
                assert not broken, (f"{name}, seed {seed}, round {game.state.round}: "
                                    f"'{inject}' fired although {broken[0]} does not hold")
                fired_with_premises += bool(premises[inject])
    assert fired_with_premises, "no inject with a premise ever fired: nothing was checked"
