"""A battle report names each state once: a state whose tripwire fights and that also
comes to the victim's defence is one ally, with its losses summed."""

from wargame.core import Game, Order, demo_world


def to_orders(g: Game) -> None:
    while g.phase != "orders":
        g.advance()


def test_an_ally_fighting_twice_over_is_named_once():
    g = Game(demo_world(), seed=1)
    to_orders(g)
    g.submit_orders("west", [Order("west", "deploy_to_ally", "east")])
    g.resolve()
    to_orders(g)
    g.submit_orders("north", [Order("north", "invasion", "east")])
    g.resolve()
    to_orders(g)
    before = g.state.nations["west"].military
    g.submit_orders("north", [Order("north", "invasion", "east")])
    g.submit_orders("west", [Order("west", "defend_ally", "east")])
    g.resolve()
    text = [e.text for e in g.log if e.kind.value == "engagement"][-1]
    assert "with Westland (" in text and text.count("Westland") == 2  # ally, losses
    lost = float(text.split("Westland ")[-1].rstrip("."))
    assert abs(lost - (before - g.state.nations["west"].military)) < 1.0
