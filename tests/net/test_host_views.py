"""The host encodes a government's view once per game input; what it sends is always
the view as it is now (a stale view would show a player the wrong game)."""

from __future__ import annotations

from wargame.core import Order
from wargame.net import codec

from helpers import make_host


def test_the_view_sent_is_always_the_current_one(tmp_path):
    host = make_host("tutorial", tmp_path)
    game = host.game

    def fresh():
        for n in game.world.ids:
            assert host.view_data(n) == codec.encode_view(game.view(n)), n

    fresh()
    host.start()
    fresh()
    belmark = host.local["belmark"]
    assert belmark.message(["ardenia"], "Stand down.") == ""  # straight to the game
    seen = codec.decode_view(host.view_data("ardenia")).messages
    assert [m.text for m in seen] == ["Stand down."]  # not the view cached before it
    fresh()
    host.end_phase("none")  # to the orders phase
    fresh()
    opt = next(o for o in belmark.view().options if o.targets)
    order = Order("belmark", opt.action.id, opt.targets[0])
    assert belmark.give_orders([order]) == ""
    fresh()
    host.news("The harbour master resigns.", ())
    fresh()
    host.end_phase("computer")  # resolved: round 2
    assert game.round == 2
    fresh()


def test_a_view_is_encoded_once_while_nothing_is_accepted(tmp_path, monkeypatch):
    host = make_host("tutorial", tmp_path)
    host.start()
    calls = []
    real = codec.encode_view
    monkeypatch.setattr(codec, "encode_view", lambda v: calls.append(v) or real(v))
    first = host.view_data("belmark")
    host.end_turn("belmark")  # a turn ended: no game input, every client asks again
    assert host.view_data("belmark") is first and len(calls) == 1
    host.news("A storm closes the harbour.", ())  # an input: encoded anew
    assert host.view_data("belmark") is not first and len(calls) == 2
