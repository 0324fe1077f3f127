"""Orders are refused with a reason a player can act on."""

import pytest

from wargame.core import Game, IllegalOrder, Order, PhaseError, demo_world
from wargame.core.legal import options


def at_orders(stage="tension", **state):
    game = Game(demo_world(), seed=1)
    game.state.stage = stage
    for k, v in state.items():
        setattr(game.state, k, v)
    game.advance()
    game.advance()
    return game


REFUSED = [
    # (stage, order, reason substring)
    ("peace", Order("north", "invasion", "east"), "not possible in the peace stage"),
    ("tension", Order("north", "invasion", "north"), "cannot target your own state"),
    ("tension", Order("north", "invasion"), "needs a target state"),
    ("tension", Order("north", "invasion", "atlantis"), "no state 'atlantis'"),
    ("tension", Order("north", "launch_rockets", "east"), "no action 'launch_rockets'"),
    ("tension", Order("north", "mobilise", "east"), "takes no target"),
    ("tension", Order("north", "deploy_to_ally", "east"), "is not your ally"),
    ("tension", Order("north", "request_consultation", institution="pact"),
     "not a member of Northern Pact"),
    ("tension", Order("south", "call_meeting", institution="pact"), "cannot take enforcement"),
    ("tension", Order("east", "call_meeting", institution="pact"), "cannot take enforcement"),
    ("tension", Order("west", "request_consultation", institution="council"),
     "has no consultation clause"),
    ("tension", Order("west", "defend_ally", "east"), "not under armed attack"),
    ("tension", Order("west", "lift_sanctions", "north"), "impose no sanctions"),
    ("tension", Order("west", "accept_ceasefire", "north"), "not possible in the tension stage"),
    ("incident", Order("west", "accept_ceasefire", "north"), "has not proposed a ceasefire"),
    ("incident", Order("west", "propose_ceasefire", "north"), "no dispute"),
    ("tension", Order("west", "contribute_peacekeepers", "east"), "no institution has mandated"),
    ("tension", Order("west", "stand_down"), "nothing to stand down"),
    ("tension", Order("west", "table_resolution", "north", "council", "use_of_force"),
     "must try sanctions"),
    ("tension", Order("west", "table_resolution", "north", "council", "blame"),
     "unknown measure 'blame'"),
    ("tension", Order("west", "table_resolution", "north", "pact", "sanctions"),
     "has no sanctions clause"),
    ("tension", Order("west", "table_resolution", "north", "pact", "suspend"),
     "has no suspension clause"),
    ("tension", Order("west", "table_resolution", "south", "union", "sanctions"),
     "not a member of Union"),
    ("tension", Order("west", "request_consultation", "north", "pact"),
     "names no state, only an institution"),
    ("tension", Order("west", "table_resolution", "west", "council", "sanctions"),
     "a draft for sanctions against your own state"),
    ("tension", Order("west", "table_resolution", "west", "council", "condemn"),
     "a draft for condemnation against your own state"),
]


@pytest.mark.parametrize("stage,order,reason", REFUSED, ids=[r[2] for r in REFUSED])
def test_refused_with_reason(stage, order, reason):
    game = at_orders(stage)
    with pytest.raises(IllegalOrder, match=reason.replace("(", r"\(").replace("'", "'")):
        game.submit_orders(order.nation, [order])
    assert game.orders_of(order.nation) == []


def test_sanctions_twice_and_readiness_limits():
    game = at_orders()
    game.submit_orders("west", [Order("west", "trade_embargo", "north")])
    game.resolve()
    game.advance(); game.advance()
    with pytest.raises(IllegalOrder, match="already impose sanctions"):
        game.submit_orders("west", [Order("west", "targeted_sanctions", "north")])
    game.submit_orders("west", [Order("west", "lift_sanctions", "north")])


@pytest.mark.parametrize("orders,reason", [
    ([Order("west", "raise_readiness")] * 2, "the same order twice"),
    ([Order("west", "raise_readiness"), Order("west", "mobilise")], "one readiness change"),
    ([Order("west", "condemn", t) for t in ("north", "south", "east", "isle")], "at most 3"),
    ([Order("west", "targeted_sanctions", "north"), Order("west", "trade_embargo", "north")],
     "one kind of sanctions"),
    ([Order("north", "invasion", "east")], "cannot be given by west"),
])
def test_orders_checked_together(orders, reason):
    game = at_orders()
    with pytest.raises(IllegalOrder, match=reason):
        game.submit_orders("west", orders)


def test_wrong_phase_is_refused():
    game = Game(demo_world(), seed=1)
    with pytest.raises(PhaseError, match="only in the orders phase; this is the briefing"):
        game.submit_orders("west", [])
    with pytest.raises(PhaseError, match="only in the diplomacy phase"):
        game.vote("west", "d1", "yes")


def test_options_are_exactly_the_legal_orders():
    game = at_orders("armed_conflict")
    game.state.under_attack = {"east": ["north"]}
    for nation in game.world.ids:
        for opt in options(game.world, game.state, nation):
            targets = opt.targets or ("",)
            insts = opt.institutions or ("",)
            if opt.measures:
                continue  # drafts: measure legality depends on the institution's clauses
            for t in targets:
                for i in insts:
                    game.check(Order(nation, opt.action.id, t, i))  # must not raise
    west = {o.action.id: o for o in options(game.world, game.state, "west")}
    assert west["defend_ally"].targets == ("east",)
    north = {o.action.id: o for o in options(game.world, game.state, "north")}
    assert "defend_ally" not in north  # the attacker cannot defend its victim


def test_any_state_may_bring_a_dispute_to_the_council():
    # UN Charter Art. 35: Eastmark is no member of the Council but may call a meeting
    game = at_orders()
    game.submit_orders("east", [Order("east", "call_meeting", institution="council")])
    opts = {o.action.id: o for o in game.legal_actions("east")}
    assert "council" in opts["call_meeting"].institutions
