"""The objective a revisionist can hold against a rival alliance: alliance_discredited."""

from __future__ import annotations

import textwrap

import pytest

from wargame.campaign import load_campaign
from wargame.core import Game
from wargame.core.model import ObjectiveKind
from wargame.core.scoring import met

CAMPAIGN = """\
format: 1
title: Discredit
briefing: Two states and a pact.
states:
  red: {name: Red, region: east, military: 300, economy: 500, defence_spending: 3,
        objectives: [{kind: alliance_discredited, target: pact, points: 5}]}
  blue: {name: Blue, region: west, military: 50, economy: 400, defence_spending: 2,
         objectives: [{kind: keep_territory, points: 5}]}
  green: {name: Green, region: west, military: 80, economy: 400, defence_spending: 2,
          objectives: [{kind: alliance_credible, target: pact, points: 5}]}
institutions:
  pact:
    name: Pact
    members: [blue, green]
    decides_by: consensus
    credibility: 60
    clauses:
      - {id: art5, kind: collective_defence, strength: as_it_deems_necessary}
"""


@pytest.mark.parametrize("change, discredited", [(-0.1, True), (0.0, False), (5.0, False)])
def test_discredited_means_less_credible_than_at_the_start(tmp_path, change, discredited):
    path = tmp_path / "c.yaml"
    path.write_text(textwrap.dedent(CAMPAIGN), encoding="utf-8")
    world = load_campaign(path).world
    game = Game(world, 1)
    game.state.institutions["pact"].credibility += change
    red = world.nation["red"].objectives[0]
    green = world.nation["green"].objectives[0]
    assert red.kind is ObjectiveKind.ALLIANCE_DISCREDITED
    assert met(world, game.state, "red", red) is discredited
    assert met(world, game.state, "green", green) is (not discredited)
