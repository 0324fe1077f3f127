"""Rungs that require an event (`Rung.requires`) and the ceiling below them."""

import pytest

from wargame.core import DEFAULT_LADDER, Ladder, Rung, WorldError
from wargame.core.ladder import GENERAL_WAR, NUCLEAR_USE


def test_the_default_ladder_stops_conventional_acts_below_general_war():
    assert DEFAULT_LADDER.rung_for(GENERAL_WAR).level == 85
    assert DEFAULT_LADDER.rung_for(NUCLEAR_USE).level == 95
    assert DEFAULT_LADDER.ceiling() == 84 == DEFAULT_LADDER.war
    assert DEFAULT_LADDER.ceiling([GENERAL_WAR]) == 94  # nuclear use still needs its act
    assert DEFAULT_LADDER.ceiling([GENERAL_WAR, NUCLEAR_USE]) == 100
    assert DEFAULT_LADDER.rung_at(DEFAULT_LADDER.ceiling()).name == "Regional war"


def ladder(*rungs, war=80.0):
    return Ladder(rungs=(Rung(0, "peace", "Peace"), *rungs), tension=12, incident=38,
                  armed_attack=60, war=war)


def test_a_ladder_without_required_events_keeps_the_old_dial():
    assert ladder(Rung(85, "war", "War")).ceiling() == 100


@pytest.mark.parametrize("rungs,war,message", [
    ((Rung(85, "w", "War", requires="armageddon"),), 80, "not an event"),
    ((Rung(85, "w", "War", requires=GENERAL_WAR), Rung(90, "x", "X", requires=GENERAL_WAR)),
     80, "two rungs require the event 'general_war'"),
    ((Rung(84.5, "big", "Big war"), Rung(85, "w", "War", requires=GENERAL_WAR)), 80,
     "the rung below it must lie at or under that"),
    ((Rung(85, "w", "General war", requires=GENERAL_WAR),), 85,
     "the war mark (85) must be at most 84"),
])
def test_a_ladder_whose_events_cannot_work_is_refused(rungs, war, message):
    with pytest.raises(WorldError, match=message.replace("(", r"\(").replace(")", r"\)")):
        ladder(*rungs, war=war)


def test_a_world_cannot_start_above_the_ceiling():
    import dataclasses

    from wargame.core import demo_world

    with pytest.raises(WorldError, match="conventional escalation stops at 84"):
        dataclasses.replace(demo_world(), start_escalation=90.0)
    with pytest.raises(WorldError, match="start tension between north and east cannot be 88"):
        dataclasses.replace(demo_world(), start_tensions=(("north", "east", 88.0),))
