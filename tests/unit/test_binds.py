"""Whom a binding decision binds (`Institution.binds`, `model.bound_by`)."""

import dataclasses

import pytest

from wargame.core import Binds, BindsKind, WorldError, demo_world
from wargame.core.model import bound_by


def council(binds: Binds):
    world = demo_world()
    insts = tuple(dataclasses.replace(i, binds=binds) if i.id == "council" else i
                  for i in world.institutions)
    world = dataclasses.replace(world, institutions=insts)
    return world, world.institution["council"]


@pytest.mark.parametrize("binds,votes,bound", [
    (Binds(), {}, ("north", "west", "centre", "isle", "south")),  # its members
    (Binds(BindsKind.ALL), {}, ("north", "east", "west", "centre", "isle", "south")),
    (Binds(BindsKind.STATES, ("south", "east")), {}, ("east", "south")),  # world order
    (Binds(BindsKind.INSTITUTION, ("union",)), {}, ("east", "centre", "isle")),
    (Binds(BindsKind.YES_VOTERS), {"west": "yes", "south": "abstain", "isle": "yes",
                                   "centre": "no"}, ("west", "isle")),
])
def test_bound_by_each_kind(binds, votes, bound):
    world, inst = council(binds)
    assert bound_by(world, inst, votes) == bound


@pytest.mark.parametrize("binds,message", [
    (Binds(BindsKind.STATES, ("atlantis",)), "council: binds atlantis, which is not a state"),
    (Binds(BindsKind.STATES, ()), "council: binds lists no state"),
    (Binds(BindsKind.INSTITUTION, ("un",)), "which is not an institution"),
    (Binds(BindsKind.ALL, ("north",)), "binds all takes no ids"),
])
def test_a_world_refuses_binds_that_name_nothing(binds, message):
    with pytest.raises(WorldError, match=message):
        council(binds)


def test_the_bundled_councils_bind_the_un_members_of_each_campaign():
    from wargame.campaign import load_campaign
    from wargame.campaign.bundled import find_campaign

    baltic = load_campaign(find_campaign("baltic-flashpoint")).world
    assert bound_by(baltic, baltic.institution["unsc"]) == baltic.ids
    pacific = load_campaign(find_campaign("pacific-strait")).world
    assert bound_by(pacific, pacific.institution["unsc"]) == tuple(
        n for n in pacific.ids if n != "taiwan")  # not a UN member since GA Res. 2758
    league = load_campaign(find_campaign("abyssinia-1935")).world.institution["league"]
    abyssinia = load_campaign(find_campaign("abyssinia-1935")).world
    assert set(bound_by(abyssinia, league)) == set(league.members)  # not Germany, the USA
