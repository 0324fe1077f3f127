"""win_probability (how a computer player weighs a battle) is the midpoint rule for
P(attack x U > defence x U'), U and U' uniform on combat's FACTOR: its points are
worked out once per number of steps and the zeros it used to add skipped, and every
result is the same float as the plain rule's (a difference in the last bit could
change a decision, and the golden games with it)."""

from hypothesis import given, strategies as st

from wargame.ai.estimate import win_probability
from wargame.core.combat import FACTOR


def plain(attack: float, defence: float, steps: int = 24) -> float:
    if defence <= 0:
        return 1.0
    if attack <= 0:
        return 0.0
    lo, hi = FACTOR
    r = attack / defence
    total = 0.0
    for i in range(steps):
        x = lo + (hi - lo) * (i + 0.5) / steps
        total += min(1.0, max(0.0, (r * x - lo) / (hi - lo)))
    return total / steps


strength = st.floats(min_value=0.0, max_value=5000.0, allow_nan=False)


@given(strength, strength, st.sampled_from([24, 1, 7, 100]))
def test_the_same_float_as_the_midpoint_rule(attack, defence, steps):
    assert win_probability(attack, defence, steps) == plain(attack, defence, steps)


@given(strength, st.floats(min_value=0.01, max_value=5000.0))
def test_nearly_equal_strengths_are_a_toss_up_and_far_stronger_is_sure(attack, defence):
    p = win_probability(attack, defence)
    assert 0.0 <= p <= 1.0
    if attack >= defence * FACTOR[1] / FACTOR[0] * 1.001:  # beyond the edge's rounding
        assert p == 1.0
    if attack * FACTOR[1] * 1.001 <= defence * FACTOR[0]:
        assert p == 0.0


def test_a_table_of_odds():
    assert abs(win_probability(100.0, 100.0) - 0.5) < 1e-9
    assert win_probability(0.0, 100.0) == 0.0
    assert win_probability(100.0, 0.0) == 1.0
    assert 0.5 < win_probability(110.0, 100.0) < 1.0
    assert 0.0 < win_probability(90.0, 100.0) < 0.5


@given(st.floats(min_value=0.01, max_value=5000.0), st.sampled_from([24, 1, 7, 100]),
       st.floats(min_value=-1e-6, max_value=1e-6), st.booleans())
def test_battles_at_the_edge_of_sure_or_hopeless_are_the_plain_rules_floats(
        defence, steps, nudge, sure):
    """A battle answered from its first or last point alone (sure, or hopeless) is
    the plain rule's float, also a hair either side of that edge."""
    lo, hi = FACTOR
    ratio = hi / lo if sure else lo / hi
    attack = defence * ratio * (1.0 + nudge)
    assert win_probability(attack, defence, steps) == plain(attack, defence, steps)
