"""A real host on 127.0.0.1 and real clients: play, privacy, refusals, the instructor."""

from __future__ import annotations

import asyncio
import json
import time

import pytest

from wargame.core import Game, Order
from wargame.net.client import JoinRefused, Link, RemoteSeat

from helpers import hosting, key, play_turn


@pytest.fixture
def tutorial(tmp_path):
    with hosting("tutorial", tmp_path) as run:
        yield run


def _join(run, nation, name="", **kw) -> RemoteSeat:
    return RemoteSeat.join(run.url, run.host.seats[nation].code, name or nation, **kw)


def test_two_humans_and_the_computer_play_the_tutorial_to_the_end(tutorial):
    run = tutorial
    a, b = _join(run, "belmark", capture=True), _join(run, "ardenia", capture=True)
    run.call(run.host.start)
    turns = 0
    while play_turn(a) | play_turn(b):
        turns += 1
        assert turns < 40
    host_game = run.host.game
    assert host_game.over and a.status["over"] and b.status["over"]
    assert a.view().outcome == host_game.outcome
    assert a.score() == host_game.scores()["belmark"]
    # the journal and the inputs replay to the very same game
    again = Game.replay(host_game.world, host_game.seed, host_game.inputs)
    assert again.state_hash() == host_game.state_hash()
    # the human orders were played: both governments gave orders in round 1
    given = {e["nation"] for e in host_game.inputs if e["verb"] == "orders"}
    assert {"belmark", "ardenia", "corvia", "dunmore"} <= given
    # every frame each client received holds none of the other seats' secrets
    _no_secrets_of_others(run.host.game, {"belmark": a, "ardenia": b})
    a.close(), b.close()


def _no_secrets_of_others(game: Game, clients: dict) -> None:
    world = game.world
    mine = {}
    for n in world.ids:
        public, private = game.seen_by(n)
        known = {e.text for e in public} | {e.text for e in private}
        mine[n] = known
    for n, seat in clients.items():
        frames = "\n".join(seat.link.frames)
        own_goal = next(o.text for o in world.nation[n].objectives if o.text)
        assert json.dumps(own_goal)[1:-1] in frames, n  # the capture sees the seat's own
        for other in world.nations:
            if other.id == n:
                continue
            secrets = [other.briefing.strip()] + [o.text for o in other.objectives if o.text]
            _, private = game.seen_by(other.id)
            secrets += [e.text for e in private]
            own = {o.text for o in world.nation[n].objectives} | mine[n] | {
                world.nation[n].briefing.strip()}
            for secret in secrets:
                if secret and secret not in own:
                    assert json.dumps(secret)[1:-1] not in frames, (n, other.id, secret)


def test_a_wrong_code_is_refused_and_the_next_wrong_one_waits_longer(tutorial):
    with pytest.raises(JoinRefused, match="opens no government"):
        RemoteSeat.join(tutorial.url, "AAAA-AAAA")
    t = time.monotonic()
    with pytest.raises(JoinRefused):
        RemoteSeat.join(tutorial.url, "BBBB-BBBB")
    assert time.monotonic() - t >= 0.4  # slowed down: 0.25 s before and after, at least
    assert any("wrong join code" in line for line in tutorial.host.lines)
    seat = _join(tutorial, "corvia")  # the right code still works, and resets the count
    assert seat.nation == "corvia"
    seat.close()


def test_a_seat_cannot_be_claimed_from_another(tutorial):
    run = tutorial
    a = _join(run, "belmark")
    run.call(run.host.start)
    assert a.link.wait(lambda lk: lk.status.get("phase") == "diplomacy", 10)
    # a second code on the same connection is refused
    error, _ = a.link.request("hello", code=run.host.seats["ardenia"].code, name="thief")
    assert "seated already" in error
    assert a.nation == "belmark" and not run.host.seats["ardenia"].conns
    # orders in another state's name are refused by the host
    assert a.end_turn() == ""
    assert a.link.wait(lambda lk: lk.status.get("phase") == "orders", 10)
    opt = next(o for o in a.view().options if not o.targets)
    error = a.give_orders([Order("ardenia", opt.action.id)])
    assert "cannot be given by belmark" in error
    assert run.host.game.orders_of("ardenia") != [Order("ardenia", opt.action.id)]
    a.close()


def test_out_of_phase_requests_are_refused_and_the_game_goes_on(tutorial):
    run = tutorial
    a = _join(run, "belmark")
    opt_order = Order("belmark", "raise_readiness")
    assert "not started" in a.give_orders([opt_order])  # before the start
    run.call(run.host.start)
    assert a.link.wait(lambda lk: lk.status.get("phase") == "diplomacy", 10)
    assert "orders phase" in a.give_orders([opt_order])  # orders in diplomacy
    assert a.end_turn() == ""
    assert a.link.wait(lambda lk: lk.status.get("phase") == "orders", 10)
    assert "only in the diplomacy phase" in a.vote("d99", "yes")
    assert a.give_orders([opt_order]) == ""
    assert run.host.game.orders_of("belmark") == [opt_order]
    a.close()


def test_malformed_and_oversized_frames_are_refused_and_the_game_is_unharmed(tutorial):
    run = tutorial
    a, b = _join(run, "belmark"), _join(run, "ardenia")
    run.call(run.host.start)
    assert a.link.wait(lambda lk: lk.status.get("phase") == "diplomacy", 10)
    before = list(run.host.game.inputs)
    a.link.send_raw("this is not json {")
    a.link.send_raw(json.dumps({"v": 3, "type": "orders", "id": 5, "orders": "all"}))
    a.link.send_raw(b"\x00\x01binary")
    assert a.link.wait(lambda lk: len(lk.refusals) >= 2, 5)
    assert any("JSON" in r for r in a.link.refusals)
    error, _ = a.link.request("orders", orders=[{"nation": "belmark", "action": 7}])
    assert "malformed" in error
    # ten megabytes in one frame: the host closes that connection
    try:
        a.link.send_raw("x" * (10 * 1024 * 1024))
    except ConnectionError:
        pass  # the host may close the connection before the frame is all sent
    assert a.link.wait(lambda lk: bool(lk.closed), 10)
    assert any("over 65536 bytes" in line or "closed" in line for line in run.host.lines)
    assert run.host.game.inputs == before
    # the game goes on: the other government plays, and belmark rejoins with its code
    assert b.end_turn() == ""
    a2 = _join(run, "belmark")
    assert a2.role == "speaker" and a2.end_turn() == ""
    assert a2.link.wait(lambda lk: lk.status.get("phase") == "orders", 10)
    a2.close(), b.close()


def test_a_shared_seat_has_one_speaker_and_advisers(tutorial):
    run = tutorial
    first, second = _join(run, "corvia", "Ann"), _join(run, "corvia", "Bob")
    assert first.role == "speaker"
    assert second.link.wait(lambda lk: lk.status.get("role") == "adviser", 5)
    run.call(run.host.start)
    assert second.link.wait(lambda lk: lk.status.get("phase") == "diplomacy", 10)
    assert "only your delegation's speaker (Ann)" in second.end_turn()
    assert second.view() == first.view()  # the team sees the same
    first.close()  # the speaker leaves: the adviser who joined first speaks now
    assert second.link.wait(lambda lk: lk.status.get("role") == "speaker", 5)
    assert second.end_turn() == ""
    second.close()


def test_the_instructor_pauses_ends_a_phase_and_hands_seats_to_the_computer(tutorial):
    run, host = tutorial, tutorial.host
    a, b = _join(run, "belmark"), _join(run, "ardenia")
    run.call(host.start)
    assert a.link.wait(lambda lk: lk.status.get("phase") == "diplomacy", 10)
    run.call(host.pause, True)
    assert a.link.wait(lambda lk: lk.status.get("paused"), 5)
    assert "paused" in a.end_turn()
    run.call(host.pause, False)
    assert a.end_turn() == ""
    run.call(host.end_phase, "computer")  # ardenia never ended its turn
    assert b.link.wait(lambda lk: key(b) == (1, "orders"), 10)
    # ardenia to the computer: its orders are given at once, and the round needs only belmark
    run.call(host.hand, "ardenia", True)
    assert b.link.wait(lambda lk: lk.status.get("role") == "computer", 5)
    assert host.game.orders_of("ardenia")
    assert "handed your government to the computer" in b.end_turn()
    assert a.end_turn() == ""
    assert a.link.wait(lambda lk: key(a) == (2, "diplomacy"), 10)
    run.call(host.hand, "ardenia", False)
    assert b.link.wait(lambda lk: lk.status.get("role") == "speaker", 5)
    # a deadline ends the phase by itself
    run.call(host.set_deadline, "diplomacy", 0.5)
    assert a.link.wait(lambda lk: key(a) == (2, "orders"), 10)
    kinds = [e["t"] for e in map(json.loads, host.journal.path.read_text().splitlines())]
    for k in ("start", "pause", "seat", "clock", "end", "in"):
        assert k in kinds, k
    a.close(), b.close()


def test_injects_and_news_from_the_console_reach_the_right_governments(tutorial):
    from wargame.net.whole import console_command
    from wargame.net.host import Refused

    run, host = tutorial, tutorial.host
    a, b = _join(run, "belmark"), _join(run, "ardenia")
    run.call(host.start)
    assert a.link.wait(lambda lk: lk.status.get("phase") == "diplomacy", 10)
    run.call(console_command, host, "news belmark: Only for Belmark's eyes.")
    run.call(console_command, host, "news all: The harbour is fogged in.")
    inject = host.game.world.injects[0].id
    run.call(console_command, host, f"inject {inject}")
    assert a.link.wait(lambda lk: any("Only for Belmark" in e.text for e in a.view().private), 5)
    assert any("fogged" in e.text for e in b.public_news())
    assert not any("Only for Belmark" in e.text for e in b.view().private + b.view().news)
    with pytest.raises(Refused, match="no state"):
        run.call(console_command, host, "news narnia: hello")
    assert [e["verb"] for e in host.game.inputs[-3:]] == ["news", "news", "inject"]
    again = Game.replay(host.game.world, host.game.seed, host.game.inputs)
    assert again.state_hash() == host.game.state_hash()
    a.close(), b.close()


def test_text_that_is_not_unicode_is_refused_and_nobody_is_cut_off(tutorial):
    """A name or a message holding a lone surrogate (JSON can spell "\\ud800"; no
    UTF-8 text holds it) is refused with the reason; every other client goes on
    receiving the game (it used to kill their connections' writers silently)."""
    import aiohttp

    run = tutorial
    a = _join(run, "belmark")
    run.call(run.host.start)
    assert a.link.wait(lambda lk: lk.status.get("phase") == "diplomacy", 10)
    hello = ('{"v": 3, "type": "hello", "id": 0, "code": "%s", "name": "Eve\\ud800"}'
             % run.host.seats["ardenia"].code)

    async def attack():
        async with aiohttp.ClientSession() as session:
            ws = await session.ws_connect(run.url.replace("http", "ws") + "ws")
            await ws.send_str(hello)
            got = await ws.receive(timeout=10)
            await ws.close()
            return json.loads(got.data)
    refused = asyncio.run(attack())
    assert refused["type"] == "refused" and "lone surrogate" in refused["reason"]
    a.link.send_raw('{"v": 3, "type": "message", "id": 9, "to": ["ardenia"], '
                    '"text": "hi \\udc00"}')
    assert a.link.wait(lambda lk: any("lone surrogate" in r for r in lk.refusals), 5)
    assert not any(m.get("text", "").startswith("hi") for m in run.host.game.inputs
                   if isinstance(m, dict))
    assert a.end_turn() == ""  # the game goes on, and belmark still hears of it
    run.call(run.host.end_phase, "none")
    assert a.link.wait(lambda lk: lk.status.get("phase") == "orders", 10)
    a.close()
