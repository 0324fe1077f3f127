"""The views a host sends are written from shared pieces and sent as patches; what a
client ends up holding is exactly the government's view, byte for byte."""

from __future__ import annotations

import json
import random

from hypothesis import HealthCheck, given, settings, strategies as st

from wargame.campaign import load_campaign
from wargame.core import Game
from wargame.core.randomplay import random_orders
from wargame.net import codec, schema
from wargame.net.client import RemoteSeat
from wargame.net.viewtext import ViewTexts, difference, message

from helpers import hosting

CAMPAIGNS = ("tutorial", "baltic-flashpoint", "korea-1950", "abyssinia-1935",
             "pacific-strait")
_LOADED: dict = {}


def _campaign(name):
    if name not in _LOADED:
        _LOADED[name] = load_campaign(f"campaigns/{name}.yaml")
    return _LOADED[name]


def _positions(name: str, seed: int, rounds: int):
    """A game of random orders, at the start of each phase."""
    c = _campaign(name)
    g = Game(c.world, seed)
    rng = random.Random(seed)
    yield g
    for _ in range(rounds):
        g.advance()
        yield g  # diplomacy
        g.advance()
        yield g  # orders
        for n in g.world.ids:
            g.submit_orders(n, random_orders(g.world, g.state, n, rng))
        g.resolve()
        if g.over:
            break
        yield g


def _whole(g: Game, nation: str) -> str:
    return schema.dump(schema.make("view", view=codec.encode_view(g.view(nation))))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(CAMPAIGNS), seed=st.integers(0, 10_000))
def test_a_view_written_from_shared_pieces_is_the_view_dumped_whole(name, seed):
    texts = ViewTexts()
    for g in _positions(name, seed, 3):
        for n in g.world.ids:
            got = message("view", texts.fields(len(g.inputs), n, lambda: g.view(n)))
            assert got == _whole(g, n), (name, seed, g.round, g.phase, n)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(CAMPAIGNS), seed=st.integers(0, 10_000))
def test_a_client_patching_its_view_holds_the_view_of_the_moment(name, seed):
    """Each phase the client is pushed the fields that differ from what it holds;
    applying them gives the whole view, and nothing unchanged is sent again."""
    texts = ViewTexts()
    held: dict[str, dict] = {}  # nation -> the view the client holds
    sent: dict[str, dict] = {}  # nation -> the field texts it was last pushed
    for g in _positions(name, seed, 3):
        for n in g.world.ids:
            now = texts.fields(len(g.inputs), n, lambda: g.view(n))
            if n not in sent:
                msg = json.loads(message("view", now))
                held[n] = msg["view"]
            else:
                patch = difference(now, sent[n])
                msg = json.loads(message("patch", patch))
                assert schema.check(msg, "server")["type"] == "patch"
                unchanged = [f for f in patch if sent[n][f] == now[f]]
                assert not unchanged, unchanged
                held[n] = {**held[n], **msg["view"]}
            sent[n] = now
            assert held[n] == json.loads(_whole(g, n))["view"], (name, g.round, g.phase, n)
            assert codec.decode_view(held[n]) == g.view(n)


def test_a_phase_change_sends_a_patch_and_the_remote_view_is_the_game_view(tmp_path):
    with hosting("tutorial", tmp_path) as run:
        host, game = run.host, run.host.game
        seats = {n: RemoteSeat.join(run.url, host.seats[n].code, n, capture=True)
                 for n in ("belmark", "ardenia")}
        try:
            run.call(host.start)
            for s in seats.values():
                assert s.link.wait(lambda k: k.status.get("phase") == "diplomacy", 10)
            run.call(host.end_phase, "none")  # to the orders phase: a patch each
            for n, s in seats.items():
                assert s.link.wait(lambda k: (k.view_data or {}).get("phase") == "orders", 10)
                kinds = [json.loads(f)["type"] for f in s.link.frames]
                assert kinds.count("view") == 1 and "patch" in kinds, kinds
                patch = json.loads([f for f in s.link.frames if '"type":"patch"' in f][-1])
                assert "options" in patch["view"] and "briefing" not in patch["view"]
                assert s.view() == run.call(game.view, n)
        finally:
            for s in seats.values():
                s.close()
