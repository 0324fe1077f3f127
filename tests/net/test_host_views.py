"""The host encodes a government's view once per game input; what it sends is always
the view as it is now (a stale view would show a player the wrong game)."""

from __future__ import annotations

from wargame.core import Order
from wargame.net import codec, schema
from wargame.net.viewtext import message

from helpers import make_host


def test_the_view_sent_is_always_the_current_one(tmp_path):
    host = make_host("tutorial", tmp_path)
    game = host.game

    def fresh():
        for n in game.world.ids:  # byte for byte what dumping the whole view writes
            whole = schema.make("view", view=codec.encode_view(game.view(n)))
            assert message("view", host.view_fields(n)) == schema.dump(whole), n

    fresh()
    host.start()
    fresh()
    belmark = host.local["belmark"]
    assert belmark.message(["ardenia"], "Stand down.") == ""  # straight to the game
    sent = schema.parse(message("view", host.view_fields("ardenia")), "server")
    seen = codec.decode_view(sent["view"]).messages
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
    real = host.game.view
    monkeypatch.setattr(host.game, "view", lambda n: calls.append(n) or real(n))
    first = host.view_fields("belmark")
    host.end_turn("belmark")  # a turn ended: no game input, every client asks again
    assert host.view_fields("belmark") is first and len(calls) == 1
    host.news("A storm closes the harbour.", ())  # an input: encoded anew
    assert host.view_fields("belmark") is not first and len(calls) == 2


class Inbox:
    """A connection that keeps what the host pushes to it."""

    def __init__(self):
        self.got: list[str] = []

    def push(self, msg) -> None:
        self.got.append(msg if isinstance(msg, str) else str(msg))

    def close(self, reason: str) -> None:
        self.got.append(f"closed: {reason}")

    def kinds(self) -> list[str]:
        import json

        out = [json.loads(m)["type"] for m in self.got if m.startswith("{")]
        self.got.clear()
        return out


def test_a_client_is_told_its_view_changed_only_when_the_game_took_an_input(tmp_path):
    host = make_host("tutorial", tmp_path)
    ann, bob = Inbox(), Inbox()
    host.join(host.seats["belmark"].code, ann)
    host.join(host.seats["ardenia"].code, bob)
    host.start()
    assert "view" in bob.kinds()  # the round's first view
    reply = host.request(ann, {"type": "message", "id": 1, "to": ["ardenia"],
                               "text": "Stand down."})
    assert reply["error"] == ""
    assert bob.kinds() == ["changed", "status"]  # an input: ask for the view again
    host.end_turn("belmark")  # no input: bob's view is as it was
    assert bob.kinds() == ["status"]
    host.set_deadline("orders", 300)  # the host's clock, not the game
    assert bob.kinds() == ["status"]


def _later(host) -> list:
    """Notes deferred as a server defers them; run them with ``for f in q: f()``."""
    queue: list = []
    host.soon = queue.append
    return queue


def _flush(queue) -> None:
    while queue:
        queue.pop(0)()


def test_a_reply_says_changed_for_an_input_the_client_was_not_told_of(tmp_path):
    """Another government acts, its note still waiting; our next request, of any kind,
    says our view may have changed (else the screen reads a stale view and never asks
    again), and the waiting note then skips us, told already."""
    import json

    host = make_host("tutorial", tmp_path)
    ann, bob = Inbox(), Inbox()
    host.join(host.seats["belmark"].code, ann)
    host.join(host.seats["ardenia"].code, bob)
    host.start()
    ann.kinds(), bob.kinds()
    queue = _later(host)
    assert host.request(bob, {"type": "message", "id": 1, "to": ["belmark"],
                              "text": "Stand down."})["changed"] is True
    reply = host.request(ann, {"type": "get", "id": 2, "what": "orders"})  # no input
    assert reply["error"] == "" and reply["changed"] is True
    assert host.request(ann, {"type": "get", "id": 3, "what": "orders"})["changed"] is False
    _flush(queue)
    assert ann.kinds() == ["status"] and bob.kinds() == ["status"]  # both told already
    view = json.loads(message("view", host.view_fields("belmark")))["view"]
    assert [m["text"] for m in view["messages"]] == ["Stand down."]


def test_a_request_that_ends_the_phase_keeps_the_patch_it_brought(tmp_path):
    """The last government to end its turn is pushed the new phase's patch; the reply
    does not then tell it to throw that view away and ask for it again."""
    host = make_host("tutorial", tmp_path)
    ann, bob = Inbox(), Inbox()
    host.join(host.seats["belmark"].code, ann)
    host.join(host.seats["ardenia"].code, bob)
    host.start()
    _later(host)
    assert host.request(ann, {"type": "end_turn", "id": 1})["changed"] is False
    ann.kinds(), bob.kinds()
    reply = host.request(bob, {"type": "end_turn", "id": 2})  # the phase moves on
    assert host.game.phase == "orders"
    assert reply["changed"] is False
    assert bob.kinds() == ["patch", "status"] and ann.kinds() == ["patch", "status"]
