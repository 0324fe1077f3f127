"""Objectives about how the crisis ends are judged by how it ended: the crisis
machine's stage, or a campaign's own end condition (which sets the outcome only)."""

import pytest

from wargame.core import Game, demo_world
from wargame.core.model import Objective, ObjectiveKind as K
from wargame.core.scoring import met

CASES = [
    # (stage at the end, outcome, objective, met?)
    ("resolved", "resolved", K.CRISIS_RESOLVED, True),
    ("settlement", "settled", K.CRISIS_RESOLVED, True),
    ("consultation", "resolved", K.CRISIS_RESOLVED, True),  # a campaign's end: resolved
    ("consultation", "settled", K.CRISIS_RESOLVED, True),
    ("consultation", "frozen", K.CRISIS_RESOLVED, False),
    ("tension", "", K.CRISIS_RESOLVED, False),  # not over yet
    ("war", "war", K.AVOID_WAR, False),
    ("armed_conflict", "war", K.AVOID_WAR, False),  # a campaign's end: war
    ("armed_conflict", "frozen", K.AVOID_WAR, True),
    ("resolved", "resolved", K.AVOID_WAR, True),
]


@pytest.mark.parametrize("stage,outcome,kind,expected", CASES)
def test_ending_objectives(stage, outcome, kind, expected):
    game = Game(demo_world(), seed=1)
    game.state.stage, game.state.outcome = stage, outcome
    assert met(game.world, game.state, "west", Objective(kind, points=1)) is expected
