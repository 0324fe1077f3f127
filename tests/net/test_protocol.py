"""What crosses the wire: views round-trip exactly; the schema refuses what it does not list."""

import json
import random

import pytest

from wargame.campaign import load_campaign
from wargame.core import Game
from wargame.core.events import Event
from wargame.core.randomplay import random_orders
from wargame.net import codec, schema
from wargame.text.port import PublicCampaign


def _games():
    for name, rounds in (("tutorial", 3), ("baltic-flashpoint", 2)):
        c = load_campaign(f"campaigns/{name}.yaml")
        g = Game(c.world, c.seed)
        rng = random.Random(5)
        yield name, g
        for _ in range(rounds):
            g.advance()
            yield name, g  # diplomacy
            g.advance()
            yield name, g  # orders
            for n in g.world.ids:
                g.submit_orders(n, random_orders(g.world, g.state, n, rng))
            g.resolve()
            if g.over:
                break
        yield name, g


def test_every_view_round_trips_exactly_through_json():
    seen = 0
    for name, g in _games():
        for n in g.world.ids[:6]:
            v = g.view(n)
            back = codec.decode_view(json.loads(schema.dump(
                schema.make("view", view=codec.encode_view(v))))["view"])
            assert back == v, (name, n, g.round, g.phase)
            seen += 1
    assert seen > 40


def test_the_public_campaign_round_trips_and_holds_no_objectives():
    c = load_campaign("campaigns/tutorial.yaml")
    pc = PublicCampaign.of(c.world, c.title)
    data = codec.encode_campaign(pc)
    assert codec.decode_campaign(json.loads(json.dumps(data))) == pc
    text = json.dumps(data)
    for n in c.world.nations:
        for obj in n.objectives:
            assert not obj.text or obj.text not in text
        assert n.briefing.strip()[:60] not in text


@pytest.mark.parametrize("data, why", [
    ({"v": 3, "type": "view"}, "wrong shape"),
    ({"nation": "x"}, "missing fields"),
    ({"round": "one", "kind": "inject", "text": "t"}, "a string for an int"),
])
def test_decoding_refuses_data_of_the_wrong_shape(data, why):
    with pytest.raises(codec.CodecError):
        codec.decode(Event, data)


@pytest.mark.parametrize("msg, words", [
    ("not json", "JSON"),
    ("[1, 2]", "object"),
    ('{"v": 1, "type": "hello", "id": 0, "code": "x", "name": ""}', "version"),
    ('{"v": 3, "type": "launch", "id": 1}', "unknown message type"),
    ('{"v": 3, "type": "vote", "id": 1, "draft": "d1"}', "'vote' is missing"),
    ('{"v": 3, "type": "vote", "id": 1, "draft": "d1", "vote": "yes", "as": "x"}',
     "unknown field"),
    ('{"v": 3, "type": "vote", "id": "1", "draft": "d1", "vote": "yes"}', "wrong type"),
    ('{"v": 3, "type": "get", "id": 1, "what": "secrets"}', "nothing called"),
    ('{"v": 3, "type": "message", "id": 1, "to": [], "text": "' + "x" * 3000 + '"}',
     "longer than"),
])
def test_the_schema_refuses_bad_client_messages_with_the_reason(msg, words):
    with pytest.raises(schema.SchemaError, match=words):
        schema.parse(msg, "client")


def test_a_valid_message_passes_on_both_sides():
    assert schema.parse('{"v":3,"type":"end_turn","id":3}', "client")["id"] == 3
    with pytest.raises(schema.SchemaError):  # a client message is not a server one
        schema.parse('{"v":3,"type":"end_turn","id":3}', "server")
    with pytest.raises(schema.SchemaError, match="status"):
        schema.check(schema.make("status", status={"round": 1}), "server")


@pytest.mark.parametrize("change, ok", [
    ({}, True),
    ({"humans": [["belmark"]]}, False),  # a list where a state's id goes
    ({"ended": [{"x": 1}]}, False),
    ({"players": {"belmark": 7}}, False),
    ({"players": {"belmark": "Ann [b]"}}, True),  # a name is any text
])
def test_a_status_names_states_and_players_as_text(change, ok):
    """A hostile host cannot hand the client's screens a status whose state lists
    hold something else than names (the message dialog would fail on them)."""
    status = {"round": 1, "phase": "diplomacy", "stage": "tension", "over": False,
              "started": True, "paused": False, "deadline": None, "ended": ["corvia"],
              "humans": ["belmark"], "players": {}, "role": "speaker",
              "turn_over": False, "version": 3, "note": "", **change}
    msg = schema.make("status", status=status)
    if ok:
        assert schema.check(msg, "server") is msg
    else:
        with pytest.raises(schema.SchemaError, match="names"):
            schema.check(msg, "server")


def test_the_game_starts_without_the_network_library():
    import subprocess
    import sys

    code = ("import sys, wargame.cli, wargame.textplay, wargame.tui.app; "
            "wargame.cli._parser(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('aiohttp', 'textual_serve', 'aiohttp_jinja2', 'jinja2') "
            "or m.startswith(('wargame.net.server', 'wargame.net.client', 'wargame.net.web'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
