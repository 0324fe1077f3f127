"""public_power (a state's strength as every government sees it) is the engine's
combat.power for a state with nothing deployed abroad and no garrisons: it is worked
out from the public numbers without building a NationState, and must give the same
float (a difference in the last bit could change a computer player's decision, and
the golden games with it)."""

import pytest
from hypothesis import given, strategies as st

from wargame.ai.estimate import public_power
from wargame.core.combat import power
from wargame.core.state import NationState
from wargame.core.view import PublicNation

numbers = st.floats(min_value=-10.0, max_value=5000.0, allow_nan=False)
readiness = st.integers(min_value=0, max_value=2)


def public(military: float, ready: int) -> PublicNation:
    return PublicNation("est", "Estonia", "baltic", military, 40.0, 2.0, 60.0, 55.0,
                        100.0, ready, False)


def engine(military: float, ready: int) -> float:
    """combat.power of the state the public numbers describe, nothing away."""
    return power(NationState("est", military, 40.0, 2.0, 60.0, 55.0, 100.0, ready))


@given(numbers, readiness)
def test_the_same_float_as_the_engines_power(military, ready):
    assert public_power(public(military, ready)) == engine(military, ready)


@given(numbers, readiness, readiness)
def test_at_another_readiness_the_same_float_as_the_engines(military, ready, other):
    assert public_power(public(military, ready), other) == engine(military, other)


def test_a_table_of_strengths():
    assert public_power(public(100.0, 0)) == 100.0
    assert public_power(public(100.0, 2)) == pytest.approx(135.0)  # mobilised: x1.35
    assert public_power(public(100.0, 0), 1) == pytest.approx(115.0)
    assert public_power(public(0.0, 2)) == 0.0
    assert public_power(public(-5.0, 1)) == 0.0  # never below nothing
