"""The exact codec: state, events and random source round-trip bit for bit, the fast
hash equals the core's, and a game restored from a snapshot plays on exactly as the
original does."""

from __future__ import annotations

import json
import random
from dataclasses import asdict

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from saveplay import play, steps

from wargame.core import Game, demo_world, generated_world
from wargame.core.events import Event, Kind
from wargame.saves import codec

WORLDS = {"demo": demo_world(rounds=10), "gen12": generated_world(12, seed=5, rounds=10)}


def through_json(data):
    return json.loads(json.dumps(data))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(world=st.sampled_from(sorted(WORLDS)), seed=st.integers(0, 10_000),
       choices=st.integers(0, 10_000), stop=st.integers(0, 120))
def test_state_round_trips_exactly_and_hash_matches_core(world, seed, choices, stop):
    game = Game(WORLDS[world], seed)
    for i, _ in enumerate(steps(game, random.Random(choices))):
        if i == stop:
            break
    data = through_json(codec.encode_state(game.state))
    back = codec.decode_state(data)
    assert asdict(back) == asdict(game.state)
    # same types too: an int that became a float would print differently
    assert json.dumps(codec.encode_state(back)) == json.dumps(codec.encode_state(game.state))
    assert codec.fast_state_hash(back, game.rng) == game.state_hash()
    assert codec.game_hash(game) == game.state_hash()


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 10_000), choices=st.integers(0, 10_000),
       at=st.integers(1, 9))
def test_restored_game_plays_on_exactly_like_the_original(seed, choices, at):
    world = WORLDS["demo"]
    game = Game(world, seed)
    rng = random.Random(choices)
    play(game, rng, rounds=at - 1)  # now at the start of round `at` (or over)
    if game.over:
        return
    restored = codec.restore_game(
        world, seed, codec.decode_state(through_json(codec.encode_state(game.state))),
        codec.decode_rng(through_json(codec.encode_rng(game.rng))),
        codec.decode_events(through_json(codec.encode_events(game.log))),
        list(game.inputs))
    assert restored.state_hash() == game.state_hash()
    assert restored.log == game.log
    # the same further inputs to both: identical games, event for event
    state = rng.getstate()
    play(game, rng)
    rng.setstate(state)
    play(restored, rng)
    assert restored.state_hash() == game.state_hash()
    assert restored.log == game.log
    assert restored.inputs == game.inputs


def test_events_round_trip_even_with_separator_characters():
    events = [
        Event(1, Kind.ACTION, "plain", actor="a", target="b", value=0.1 + 0.2),
        Event(2, Kind.INJECT, "has \x1f unit and \x1e record separators", ref="x"),
        Event(2, Kind.INTELLIGENCE, "", visible_to=("a", "b")),
        Event(3, Kind.GAME_OVER, "ünïcode ✓ \"quotes\" \\ back", value=3),
        Event(3, Kind.PRIVATE_ACTION, "odd id", visible_to=("we\x1eird",)),
    ]
    back = codec.decode_events(through_json(codec.encode_events(events)))
    assert back == events
    assert [type(e.value) for e in back] == [type(e.value) for e in events]
    assert codec.decode_events(through_json(codec.encode_events([]))) == []


def test_direct_event_building_equals_the_constructor():
    rows = codec.encode_events([Event(4, Kind.ACTION, "x", "a", "b", "i", 2.5, "r", ("a",))])
    e = codec.decode_events(through_json(rows))[0]
    assert e == Event(4, Kind.ACTION, "x", "a", "b", "i", 2.5, "r", ("a",))
    assert hash(e) == hash(Event(4, Kind.ACTION, "x", "a", "b", "i", 2.5, "r", ("a",)))
    with pytest.raises(Exception):
        e.text = "frozen still"


def test_random_source_round_trips():
    rng = random.Random(99)
    rng.random()
    rng.gauss(0, 1)  # leaves a cached gauss value in the state
    back = codec.decode_rng(through_json(codec.encode_rng(rng)))
    assert [back.random() for _ in range(5)] == [rng.random() for _ in range(5)]
    assert back.gauss(0, 1) == rng.gauss(0, 1)


@pytest.mark.parametrize("bad", [
    {"round": "one"},
    [],
    None,
])
def test_bad_state_data_is_a_snapshot_error(bad):
    game = Game(WORLDS["demo"], 1)
    data = codec.encode_state(game.state)
    if isinstance(bad, dict):
        data.update(bad)
        data["nations"] = {"north": {"id": "north"}}  # lacks required fields
    else:
        data = bad
    with pytest.raises(codec.SnapshotError):
        codec.decode_state(through_json(data))


def test_unknown_field_is_refused_and_missing_defaulted_field_is_filled():
    game = Game(WORLDS["demo"], 1)
    data = through_json(codec.encode_state(game.state))
    data["surprise"] = 1
    with pytest.raises(codec.SnapshotError, match="surprise"):
        codec.decode_state(data)
    data = through_json(codec.encode_state(game.state))
    del data["fired"]  # a field with a default: an older snapshot might lack it
    assert codec.decode_state(data).fired == []


def test_state_shape_is_stable_and_short():
    assert codec.state_shape() == codec.state_shape()
    assert len(codec.state_shape()) == 12
