"""The orders a computer player builds with OrderSet are legal together, whatever it
tries to add and in whatever order: the engine accepts every set it ends with."""

from functools import lru_cache

from hypothesis import HealthCheck, given, settings, strategies as st

from wargame.ai.choice import OrderSet
from wargame.ai.runner import ComputerPlayers
from wargame.campaign import load_campaign
from wargame.campaign.bundled import find_campaign
from wargame.core import Game

NATIONS = ("estonia", "russia", "usa", "finland", "guyana")


@lru_cache(maxsize=None)
def baltic_at(rounds: int) -> Game:
    """A Baltic game at the orders phase after ``rounds`` rounds of computer play
    (later rounds bring attacks, occupied land and sanctions to clash with)."""
    world = load_campaign(find_campaign("baltic-flashpoint")).world
    game = Game(world, 11)
    players = ComputerPlayers(world, 11)
    for _ in range(rounds):
        players.play_round(game)
    while game.phase != "orders":
        game.advance()
    return game


attempt = st.tuples(st.integers(0, 99), st.integers(0, 99), st.integers(0, 9),
                    st.integers(0, 9), st.sampled_from([0.0, 0.1, 0.4, 0.7, 1.0, 1.5]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rounds=st.sampled_from([0, 3]), nation=st.sampled_from(NATIONS),
       attempts=st.lists(attempt, max_size=12))
def test_the_orders_an_order_set_keeps_are_legal_together(rounds, nation, attempts):
    game = baltic_at(rounds)
    view = game.view(nation)
    s = OrderSet(view, game.world.orders_per_round, game.world)
    for opt_i, target_i, inst_i, measure_i, forces in attempts:
        option = view.options[opt_i % len(view.options)]
        targets, insts = list(option.targets), option.institutions
        target = targets[target_i % len(targets)] if targets else ""
        inst = insts[inst_i % len(insts)] if insts else ""
        measure = option.measures[measure_i % len(option.measures)] if option.measures else ""
        before = list(s.orders)
        kept = s.add(option, target, inst, measure, forces)
        assert s.orders[:len(before)] == before  # an order chosen stays chosen
        assert len(s.orders) == len(before) + kept
        if kept:
            added = s.orders[-1]
            assert (added.action, added.target, added.institution, added.measure) == (
                option.action.id, target, inst, measure)
    assert len(s.orders) <= game.world.orders_per_round
    assert sum(o.forces for o in s.orders) <= 1.0 + 1e-9
    game.submit_orders(nation, s.orders)  # raises IllegalOrder if the set is not legal
    assert game.orders_of(nation) == s.orders
