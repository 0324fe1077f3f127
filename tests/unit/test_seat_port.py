"""The seat port the screens read: a local seat says its phase as a host does, and the
public campaign carries what the screens draw (the ladder, trade ties)."""

import json

import pytest

from wargame.campaign import load_campaign
from wargame.core import Game
from wargame.net import codec, schema
from wargame.text.port import LocalSeat, PublicCampaign


@pytest.fixture(scope="module")
def tutorial():
    return load_campaign("campaigns/tutorial.yaml")


def test_the_public_campaign_carries_the_ladder_and_every_trade_tie(tutorial):
    world = tutorial.world
    pc = PublicCampaign.of(world, tutorial.title)
    back = codec.decode_campaign(json.loads(json.dumps(codec.encode_campaign(pc))))
    for c in (pc, back):
        assert c.ladder == world.ladder
        assert {n: dict(c.trade[n]) for n in c.ids} == {n.id: dict(n.trade)
                                                        for n in world.nations}


def test_a_local_seat_reports_its_phase_in_the_hosts_status_shape(tutorial):
    game = Game(tutorial.world, tutorial.seed)
    game.advance()  # the briefing: into the diplomacy phase
    seat = LocalSeat(game, "belmark")
    msg = schema.check(schema.make("status", status=dict(seat.status)), "server")
    assert (msg["status"]["round"], msg["status"]["phase"]) == (1, "diplomacy")
    assert seat.status["turn_over"] is False and seat.status["role"] == "speaker"


@pytest.mark.parametrize("moves, over_after", [
    (0, True),   # ended in this phase: over
    (1, False),  # the game moved to the next phase: a new turn
])
def test_a_turn_ended_on_a_local_seat_holds_for_its_phase_only(tutorial, moves, over_after):
    game = Game(tutorial.world, tutorial.seed)
    game.advance()
    seat = LocalSeat(game, "belmark")
    assert seat.end_turn() == ""
    for _ in range(moves):
        game.advance()
    assert seat.status["turn_over"] is over_after
    assert seat.status["ended"] == (["belmark"] if over_after else [])
