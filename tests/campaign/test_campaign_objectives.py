"""Objectives read as goals, in words that match what is scored."""

from __future__ import annotations

import pytest

from wargame.campaign import campaigns_dir, load_campaign
from wargame.core.model import ObjectiveKind as K
from wargame.core.scoring import describe

OURS = ("baltic-flashpoint.yaml", "pacific-strait.yaml", "abyssinia-1935.yaml")
# a goal is an instruction to the player: it starts with what to do
VERBS = ("Lose", "Keep", "See", "Make", "Do", "Show", "Let", "Be", "Take", "Hold")


def _objectives(name):
    c = load_campaign(campaigns_dir() / name)
    for n in c.world.nations:
        for o in n.objectives:
            yield n, o, describe(c.world, o)


@pytest.mark.parametrize("name", OURS)
def test_every_objective_text_is_a_goal(name):
    for n, o, text in _objectives(name):
        if o.text:
            goal = text.split(": ", 1)[-1] if text.startswith("An empire") else text
            assert (goal[:1].upper() + goal[1:]).startswith(VERBS), \
                f"{name}: {n.name}: {text!r} is not a goal"


@pytest.mark.parametrize("name", OURS)
def test_avoid_war_is_worded_as_how_the_crisis_ends(name):
    """avoid_war is met when the crisis does not END in war, even after an attack: its
    words must not promise 'no war' with anyone."""
    for n, o, text in _objectives(name):
        if o.kind is K.AVOID_WAR and o.text:
            assert "end" in text and not text.startswith("No war"), (n.name, text)


def test_the_playtest_examples():
    texts = {(n.id, o.kind): t for name in OURS for n, o, t in _objectives(name)}
    assert texts["japan", K.KEEP_TERRITORY] == \
        "Lose none of your territory: Yonaguni is only 110 km from Taiwan."
    assert texts["russia", K.AVOID_WAR].startswith(
        "Do not let the crisis end in all-out war with NATO")
