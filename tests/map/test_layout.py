"""Where states sit: the campaign's places kept, the rest placed, never two in one
cell, the same on every run, and every state reachable with the arrow keys."""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wargame.campaign import load_campaign
from wargame.campaign.bundled import bundled_campaigns
from wargame.core import MapSpec, WorldError, demo_world, generated_world
from wargame.map.layout import layout, neighbour

BUNDLED = {p.stem: load_campaign(p).world for p in bundled_campaigns()}


def reachable(lay, start: str) -> set[str]:
    """States reached from ``start`` with the four arrow keys alone."""
    seen, todo = {start}, [start]
    while todo:
        here = todo.pop()
        for d in ("left", "right", "up", "down"):
            there = neighbour(lay, here, d)
            if there not in seen:
                seen.add(there)
                todo.append(there)
    return seen


def assert_sound(world, lay) -> None:
    assert set(lay.places) == set(world.ids)
    assert len(set(lay.places.values())) == len(world.ids), "two states share a cell"
    assert min(c for c, _ in lay.places.values()) == 0
    assert min(r for _, r in lay.places.values()) == 0
    for sid in world.ids:
        assert reachable(lay, sid) == set(world.ids), f"arrows from {sid} miss states"


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_every_bundled_campaign_places_every_state_by_hand(name):
    world = BUNDLED[name]
    assert set(world.map.places) == set(world.ids)
    lay = layout(world)
    assert_sound(world, lay)


def test_hand_placed_neighbours_sit_side_by_side():
    lay = layout(BUNDLED["baltic-flashpoint"]).places
    # the three Baltic states north to south in one column, Russia east of Estonia
    assert lay["estonia"][0] == lay["latvia"][0] == lay["lithuania"][0]
    assert lay["estonia"][1] < lay["latvia"][1] < lay["lithuania"][1]
    assert lay["russia"] == (lay["estonia"][0] + 1, lay["estonia"][1])
    assert lay["usa"][0] < lay["uk"][0] < lay["germany"][0] < lay["russia"][0] \
        < lay["china"][0]
    pacific = layout(BUNDLED["pacific-strait"]).places
    assert pacific["china"][0] < pacific["taiwan"][0]  # the strait: Taiwan east of China
    assert pacific["taiwan"][1] < pacific["philippines"][1] < pacific["australia"][1]


def test_the_automatic_layout_is_the_same_on_every_run_and_groups_regions():
    world = generated_world(60, seed=3)
    first = layout(world)
    assert layout(generated_world(60, seed=3)).places == first.places
    assert_sound(world, first)
    # a region is one block: its states' columns form one run without other regions
    by_region: dict[str, list] = {}
    for n in world.nations:
        by_region.setdefault(n.region, []).append(first.places[n.id])
    boxes = {r: (min(c for c, _ in cs), max(c for c, _ in cs), min(r_ for _, r_ in cs),
                 max(r_ for _, r_ in cs)) for r, cs in by_region.items()}
    for region, (c0, c1, r0, r1) in boxes.items():
        for n in world.nations:
            c, r = first.places[n.id]
            if n.region != region:
                assert not (c0 <= c <= c1 and r0 <= r <= r1), (n.id, region)


def test_a_campaign_without_a_map_still_gets_one_and_partial_places_are_kept():
    world = BUNDLED["baltic-flashpoint"]
    bare = replace(world, map=MapSpec())
    assert_sound(bare, layout(bare))
    some = {k: world.map.places[k] for k in ("estonia", "latvia", "russia")}
    partial = replace(world, map=MapSpec(places=MappingProxyType(some),
                                         borders=world.map.borders))
    lay = layout(partial)
    assert_sound(partial, lay)
    # shifted together, the given three keep their relative places
    e, la, r = (lay.places[k] for k in ("estonia", "latvia", "russia"))
    assert (la[0] - e[0], la[1] - e[1]) == (0, 1) and (r[0] - e[0], r[1] - e[1]) == (1, 0)
    # a state left out goes next to states it borders (Lithuania: Latvia, Russia,
    # Belarus, Poland), as close to all of them as the free cells allow
    lith = lay.places["lithuania"]
    touching = [b for a, b in world.map.borders if a == "lithuania"] + \
        [a for a, b in world.map.borders if b == "lithuania"]
    near = [t for t in touching
            if max(abs(lith[0] - lay.places[t][0]), abs(lith[1] - lay.places[t][1])) == 1]
    assert len(near) >= 2, near


def test_the_world_refuses_two_states_in_one_cell():
    world = demo_world()
    a, b = world.ids[:2]
    with pytest.raises(WorldError, match="both at column 0, row 0"):
        replace(world, map=MapSpec(places=MappingProxyType({a: (0, 0), b: (0, 0)})))
    with pytest.raises(WorldError, match="two different states"):
        replace(world, map=MapSpec(borders=((a, a),)))


@settings(max_examples=25, deadline=None)
@given(n=st.integers(2, 70), seed=st.integers(0, 10_000))
def test_any_generated_world_gets_a_sound_layout(n, seed):
    world = generated_world(n, seed=seed)
    assert_sound(world, layout(world))
