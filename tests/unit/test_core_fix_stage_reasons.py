"""The reason given when the crisis changes stage says what happened this round."""

import pytest

from wargame.core import Game, Kind, Order, demo_world, machine
from wargame.core.machine import Facts


def at_orders(stage, **sanctioning):
    game = Game(demo_world(), seed=1)
    game.state.stage = stage
    for sender, on in sanctioning.items():
        game.state.nations[sender].sanctioning.update(on)
    game.advance(); game.advance()
    return game


def stage_news(events):
    return [e.text for e in events if e.kind is Kind.STAGE_CHANGED]


SANCTIONS_CASES = [
    # (sanctions in force before the round, orders, what the news says)
    # Westland's targeted sanctions cover 0.1 x 0.3 = 3% of Northland's trade: in force,
    # but below the 5% that holds the sanctions stage; the news must not say "lifted"
    ({"west": {"north": 0.3}}, [],
     "The crisis moves from sanctions to tension (the sanctions still in force cover only "
     "3% of Northland's trade, less than the 5% that keeps a crisis in the sanctions stage)."),
    ({"west": {"north": 0.3}}, [Order("west", "lift_sanctions", "north")],
     "The crisis moves from sanctions to tension (sanctions lifted)."),
    ({}, [], "The crisis moves from sanctions to tension (no sanctions in force)."),
]


@pytest.mark.parametrize("before,orders,news", SANCTIONS_CASES,
                         ids=["in-force-but-thin", "lifted", "none"])
def test_leaving_the_sanctions_stage_says_why(before, orders, news):
    game = at_orders("sanctions", **before)
    if orders:
        game.submit_orders("west", orders)
    changes = stage_news(game.resolve())
    assert changes == [news]
    # the stage named in the news is the stage the game is in (tests/property parse)
    assert changes[0].rstrip(")").split(" to ")[-1].split(" (")[0] == game.stage
    if before:
        assert game.state.nations["west"].sanctioning == ({} if orders else before["west"])


def test_consultations_held_this_round_keep_the_consultation_stage():
    game = at_orders("consultation")
    game.state.tension = {("east", "north"): 8.0}  # below the tension mark (12)
    game.state.escalation = 8.0
    game.submit_orders("east", [Order("east", "request_consultation", institution="pact")])
    events = game.resolve()
    assert any(e.kind is Kind.CONSULTATION_OPENED for e in events)
    assert stage_news(events) == []  # the members met: consultation has not closed
    assert game.stage == "consultation"
    game.advance(); game.advance()
    assert stage_news(game.resolve()) == [
        "The crisis moves from consultation to tension (no consultations this round, and the "
        "crisis level is below 12)."]
    assert game.stage == "tension"


@pytest.mark.parametrize("facts,trigger,dest", [
    (Facts(level=5, quiet_rounds=1, consultation=True), None, "consultation"),
    (Facts(level=5, quiet_rounds=1), "consultation_closed", "tension"),
])
def test_machine_consultation_closes_only_without_consultations(facts, trigger, dest):
    class Model:
        stage, phase = "consultation", "briefing"

    m = Model()
    assert machine.step(m, facts) == trigger
    assert m.stage == dest
