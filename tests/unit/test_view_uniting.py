"""Uniting for Peace in the views: a council shows the matters blocked by a veto and
those it referred to an assembly; the assembly shows the matters referred to it.
Each is listed once, in the order the drafts were tabled, whatever other drafts
(other bodies, other measures, undecided or failed without a veto) lie between."""

from __future__ import annotations

import pytest

from wargame.campaign import load_campaign
from wargame.campaign.bundled import find_campaign
from wargame.core import Game
from wargame.core.state import Draft


@pytest.fixture(scope="module")
def world():
    return load_campaign(find_campaign("korea-1950")).world


def draft(k, institution, measure, target, decided=True, adopted=False, reason=""):
    return Draft(f"d{k}", institution, "usa", measure, target, 1, decided=decided,
                 adopted=adopted, reason=reason)


# (drafts as (institution, measure, target, decided, adopted, reason),
#  the council's blocked, the council's referred, the assembly's referred)
CASES = [
    ([], (), (), ()),
    # vetoed sanctions block the matter; a failed vote without a veto does not
    ([("unsc", "sanctions", "north_korea", True, False, "vetoed by ussr"),
      ("unsc", "condemn", "prc", True, False, "not enough votes")],
     ("north_korea",), (), ()),
    # an adopted referral lists the matter for both bodies; an open one does not
    ([("unsc", "sanctions", "prc", True, False, "vetoed by ussr"),
      ("unsc", "refer", "prc", True, True, ""),
      ("unsc", "refer", "north_korea", False, False, "")],
     ("prc",), ("prc",), ("prc",)),
    # two vetoes on one matter list it once, in the order first tabled
    ([("unsc", "use_of_force", "prc", True, False, "vetoed by ussr"),
      ("unsc", "sanctions", "north_korea", True, False, "vetoed by ussr"),
      ("unsc", "sanctions", "prc", True, False, "vetoed by uk"),
      ("unsc", "refer", "north_korea", True, True, ""),
      ("unsc", "refer", "north_korea", True, True, "")],
     ("prc", "north_korea"), ("north_korea",), ("north_korea",)),
    # another body's vetoes and referrals are not the council's
    ([("sino_soviet", "statement", "usa", True, False, "vetoed by prc"),
      ("unga", "refer", "usa", True, True, "")],
     (), (), ()),
]


@pytest.mark.parametrize("drafts, blocked, referred, to_assembly", CASES)
def test_council_and_assembly_show_blocked_and_referred_matters(world, drafts, blocked,
                                                                referred, to_assembly):
    game = Game(world, seed=1)
    game.state.drafts.extend(draft(k, *d) for k, d in enumerate(drafts))
    insts = {i.id: i for i in game.view("india").institutions}
    assert insts["unsc"].blocked == blocked
    assert insts["unsc"].referred == referred
    assert insts["unga"].referred == to_assembly
    assert insts["unga"].blocked == ()
    assert insts["sino_soviet"].blocked == insts["sino_soviet"].referred == ()
