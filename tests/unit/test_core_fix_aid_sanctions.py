"""Aid to a state you sanction is refused, in the same order set as across rounds."""

import pytest

from wargame.core import Game, IllegalOrder, Order, demo_world


def at_orders(stage="tension"):
    game = Game(demo_world(), seed=1)
    game.state.stage = stage
    game.advance()
    game.advance()
    return game


AID = Order("west", "aid_victim", "north")
CASES = [
    # (orders in the order given, the order refused)
    ([Order("west", "targeted_sanctions", "north"), AID], AID),
    ([AID, Order("west", "trade_embargo", "north")], Order("west", "trade_embargo", "north")),
    ([AID, Order("west", "condemn", "east"), Order("west", "financial_sanctions", "north")],
     Order("west", "financial_sanctions", "north")),
]


@pytest.mark.parametrize("orders,refused", CASES, ids=["sanction-then-aid", "aid-then-sanction",
                                                       "with-another-order-between"])
def test_aid_and_sanctions_on_one_state_in_one_round_are_refused(orders, refused):
    game = at_orders()
    with pytest.raises(IllegalOrder, match="you cannot aid Northland while you sanction it") as e:
        game.submit_orders("west", orders)
    assert e.value.order == refused
    assert game.orders_of("west") == []


def test_aid_to_one_state_and_sanctions_on_another_are_fine():
    game = at_orders()
    game.submit_orders("west", [Order("west", "aid_victim", "east"),
                                Order("west", "targeted_sanctions", "north")])
    assert len(game.orders_of("west")) == 2


def test_refusal_matches_the_one_across_rounds():
    game = at_orders()
    game.submit_orders("west", [Order("west", "targeted_sanctions", "north")])
    game.resolve()
    game.advance(); game.advance()
    with pytest.raises(IllegalOrder, match="you cannot aid Northland while you sanction it"):
        game.submit_orders("west", [AID])
