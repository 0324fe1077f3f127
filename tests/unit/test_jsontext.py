"""wargame.jsontext.indented writes what json.dumps(indent=2, ensure_ascii=False) writes
(simulate --json's output depends on it, byte for byte)."""

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wargame.jsontext import indented

scalars = (st.none() | st.booleans() | st.integers() | st.text()
           | st.floats(allow_nan=True, allow_infinity=True))
keys = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=5)
                      | st.tuples(inner, inner)
                      | st.dictionaries(keys, inner, max_size=5), max_leaves=30)


@settings(max_examples=300)
@given(values)
def test_same_text_as_the_standard_library(obj):
    assert indented(obj) == json.dumps(obj, indent=2, ensure_ascii=False)


@pytest.mark.parametrize("obj", [
    {}, [], (), "", 0, -1, 1.5, math.inf, -math.inf, math.nan, True, False, None,
    {"é": ["ü", "\n", "\x00", "\u2028", '"']}, {1: 2, 2.5: True, False: None, None: 0},
    {"games": [{"index": 0, "attacks": [["russia", "estonia", 3]], "votes": []}]},
])
def test_edge_cases(obj):
    assert indented(obj) == json.dumps(obj, indent=2, ensure_ascii=False)


@pytest.mark.parametrize("obj", [{"a": object()}, [{1, 2}], {(1, 2): 3}, b"bytes"])
def test_what_json_refuses_it_refuses(obj):
    with pytest.raises(TypeError):
        json.dumps(obj, indent=2)
    with pytest.raises(TypeError):
        indented(obj)
