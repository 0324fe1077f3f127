"""The campaign's map section: places, coordinates and borders reach the world; a
wrong one is refused with its line and a hint."""

from __future__ import annotations

import textwrap

import pytest

from wargame.campaign import CampaignErrors, load_campaign

from .test_campaign_loader import BASE


def load(extra: str):
    return load_campaign("c.yaml", data=(BASE + textwrap.dedent(extra)).encode())


def refused(extra: str) -> str:
    with pytest.raises(CampaignErrors) as info:
        load(extra)
    return str(info.value)


def test_places_coordinates_and_borders_reach_the_world():
    world = load("""\
        map:
          states:
            red: {col: 2, row: 0, lat: 59.4, lon: 24.8}
            blue: {col: 0, row: 1}
          borders:
            - [red, blue]
        """).world
    assert dict(world.map.places) == {"red": (2, 0), "blue": (0, 1)}
    assert dict(world.map.coords) == {"red": (59.4, 24.8)}
    assert world.map.borders == (("red", "blue"),)


def test_no_map_is_an_empty_map():
    world = load("").world
    assert dict(world.map.places) == {} and world.map.borders == ()


@pytest.mark.parametrize("extra, message", [
    ("map:\n  states:\n    red: {col: 0, row: 0}\n    blue: {col: 0, row: 0}\n",
     "c.yaml:34:5: 'blue' and 'red' are both at col 0, row 0"),
    ("map:\n  states:\n    green: {col: 0, row: 0}\n",
     "c.yaml:33:5: 'green' is not a state in this campaign"),
    ("map:\n  states:\n    red: {col: 0, row: 0, lat: 10}\n",
     "'red' has a lat but no lon"),
    ("map:\n  states:\n    red: {col: -1, row: 0}\n", "'col' is -1, but must be from 0 to 99"),
    ("map:\n  states:\n    red: {row: 0}\n", "'col'"),
    ("map:\n  borders:\n    - [red, red]\n", "a border is between two different states"),
    ("map:\n  borders:\n    - [red, blue, red]\n", "a border is between two states, not 3"),
    ("map:\n  borders:\n    - [red, green]\n", "'green' is not a state in this campaign"),
])
def test_a_wrong_map_is_refused_with_its_place(extra, message):
    assert message in refused(extra)


def test_a_world_with_a_map_survives_pickling():
    import pickle

    from wargame.campaign import campaigns_dir

    world = load_campaign(campaigns_dir() / "baltic-flashpoint.yaml").world
    again = pickle.loads(pickle.dumps(world))
    assert dict(again.map.places) == dict(world.map.places)
    assert dict(again.map.coords) == dict(world.map.coords)
    assert again.map.borders == world.map.borders


def test_a_rung_without_its_name_is_reported_not_an_internal_error():
    text = BASE + textwrap.dedent("""\
        ladder:
          rungs:
            - {level: 0, id: peace, name: Peace}
            - {level: 90, id: war, requires: general_war}
          war: 80
        """)
    with pytest.raises(CampaignErrors) as info:
        load_campaign("c.yaml", data=text.encode())
    assert "internal error" not in str(info.value)
    assert "'name'" in str(info.value)
