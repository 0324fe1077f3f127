"""Deterrence when it failed, read from the log: the forces stationed in the victim
are the ones the state held there when the attack came."""

import pytest

from wargame.core import Game, Order, demo_world
from wargame.core.deterrence import first_attacks


def to_orders(g: Game) -> None:
    while g.phase != "orders":
        g.advance()


def play(rounds: list[dict[str, list[Order]]]) -> tuple[Game, dict]:
    """Play the given orders round by round; note each state's deployments just
    before the last round resolves."""
    g = Game(demo_world(), seed=1)
    before = {}
    for i, orders in enumerate(rounds):
        to_orders(g)
        if i == len(rounds) - 1:
            before = {n: dict(s.deployed) for n, s in g.state.nations.items()}
        for nation, given in orders.items():
            g.submit_orders(nation, given)
        g.resolve()
    return g, before


CASES = [
    ("a tripwire", [{"west": [Order("west", "deploy_to_ally", "east")]},
                    {"north": [Order("north", "invasion", "east")]}],
     "east", ["west"], [("pact", "Art. 5")], ()),
    ("no tripwire", [{"north": [Order("north", "invasion", "east")]}],
     "east", [], [("pact", "Art. 5")], ()),
    ("forces brought home first", [{"west": [Order("west", "deploy_to_ally", "east")]},
                                   {"west": [Order("west", "stand_down")]},
                                   {"north": [Order("north", "invasion", "east")]}],
     "east", [], [("pact", "Art. 5")], ()),
    ("outside the treaty area", [{"north": [Order("north", "limited_strike", "isle")]}],
     "isle", [], [], ("pact",)),
]


@pytest.mark.parametrize("case,rounds,victim,allies,covered,outside", CASES,
                         ids=[c[0] for c in CASES])
def test_what_stood_in_the_way_of_an_attack(case, rounds, victim, allies, covered, outside):
    g, before = play(rounds)
    [a] = first_attacks(g.world, g.log)
    assert (a.attacker, a.victim) == ("north", victim)
    assert [o for o, _ in a.stationed] == allies
    for o, forces in a.stationed:
        assert forces == pytest.approx(before[o][victim])
    assert list(a.covered_by) == covered and a.outside == outside


def test_only_the_first_attack_on_a_victim_is_listed():
    g, _ = play([{"north": [Order("north", "invasion", "east")]},
                 {"north": [Order("north", "invasion", "east")]}])
    assert [(a.round, a.victim) for a in first_attacks(g.world, g.log)] == [(1, "east")]
