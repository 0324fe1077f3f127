"""Fuzzing the loader: whatever a file holds, loading it gives a game or one SaveError
line, never another exception, and never changes the file."""

from __future__ import annotations

import json

from saveplay import V2, digest
from hypothesis import HealthCheck, given, settings, strategies as st

from wargame.saves import SaveError, list_saves, load_save, replay_save

GOOD = V2.read_bytes()
DOC = json.loads(GOOD)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10**6) | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=3),
    max_leaves=8)


def _paths(d, prefix=()):
    """Every (path) to a value inside the document, the big caches excepted."""
    if isinstance(d, dict):
        for k, v in d.items():
            yield prefix + (k,)
            if k not in ("data",):
                yield from _paths(v, prefix + (k,))
    elif isinstance(d, list):
        for i, v in enumerate(d[:6]):
            yield prefix + (i,)
            yield from _paths(v, prefix + (i,))


PATHS = list(_paths(DOC))


def _load_everything(path):
    before = digest(path)
    try:
        loaded = load_save(path)
    except SaveError as exc:
        assert "\n" not in str(exc) and path.name in str(exc)
    else:  # what loads can be played on and saved again
        again = loaded.save(path.parent / "again")
        assert load_save(again).game.state_hash() == loaded.game.state_hash()
    try:
        replay_save(path)
    except SaveError:
        pass
    try:
        load_save(path, round=2)
    except SaveError:
        pass
    list_saves(path.parent)
    assert digest(path) == before


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(where=st.sampled_from(PATHS), value=json_values, drop=st.booleans())
def test_any_value_anywhere_loads_or_says_why(tmp_path_factory, where, value, drop):
    doc = json.loads(GOOD)
    parent = doc
    for key in where[:-1]:
        parent = parent[key]
    if drop and isinstance(parent, dict):
        del parent[where[-1]]
    else:
        parent[where[-1]] = value
    path = tmp_path_factory.mktemp("fuzz") / "f_round-04.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    _load_everything(path)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, len(GOOD)), flips=st.lists(
    st.tuples(st.integers(0, len(GOOD) - 1), st.integers(0, 255)), max_size=4))
def test_any_bytes_load_or_say_why(tmp_path_factory, cut, flips):
    data = bytearray(GOOD[:cut] if cut % 3 == 0 else GOOD)
    for pos, byte in flips:
        if pos < len(data):
            data[pos] = byte
    path = tmp_path_factory.mktemp("fuzz") / "b_round-04.json"
    path.write_bytes(bytes(data))
    _load_everything(path)
