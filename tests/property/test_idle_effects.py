"""The effects a phase's options skip at once (wargame.core.offers._idle: no ceasefire
offered, nobody under attack, no land held...) are effects no state may order then:
in any state random play reaches, every order with an idle effect, by any state, on
any target, is refused by the rules' check."""

from hypothesis import HealthCheck, given, settings, strategies as st

from wargame.core import Order, demo_world, generated_world
from wargame.core.actions import Effect
from wargame.core.errors import IllegalOrder
from wargame.core.legal import check
from wargame.core.offers import _SPARSE, _idle

from positions import orders_phase

WORLDS = {"demo": demo_world(rounds=8), "gen10": generated_world(10, seed=2, rounds=8)}


def allowed(world, state, effect: Effect) -> list[Order]:
    """Every order with ``effect`` the rules allow now, by any state."""
    out = []
    for spec in world.actions.values():
        if spec.effect is not effect:
            continue
        for nation in world.ids:
            for target in ("",) + world.ids:
                order = Order(nation, spec.id, target)
                try:
                    check(world, state, order)
                except IllegalOrder:
                    continue
                out.append(order)
    return out


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(WORLDS)), st.integers(0, 10 ** 6), st.integers(1, 7))
def test_an_idle_effect_has_no_legal_order(name, seed, rounds):
    world = WORLDS[name]
    game = orders_phase(world, seed, rounds)
    if game.over:
        return
    idle = _idle(world, game.state)
    assert idle <= _SPARSE
    for effect in idle:
        assert allowed(world, game.state, effect) == [], effect


def test_at_the_start_the_fighting_effects_are_idle_and_once_attacked_defence_is_not():
    world = WORLDS["demo"]
    game = orders_phase(world, 1, 0)
    idle = _idle(world, game.state)
    # nobody is under attack, holds land or has offered a ceasefire yet
    assert {Effect.DEFEND, Effect.LIBERATE, Effect.ACCEPT_CEASEFIRE,
            Effect.NON_RECOGNITION} <= idle
    assert allowed(world, game.state, Effect.DEFEND) == []
    # once a state is under attack, defence is no longer idle, and some state may defend it
    victim, attacker = world.ids[0], world.ids[1]
    game.state.under_attack[victim] = [attacker]
    assert Effect.DEFEND not in _idle(world, game.state)
    assert any(o.target == victim for o in allowed(world, game.state, Effect.DEFEND))
