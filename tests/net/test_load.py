"""30 protocol clients join Baltic Flashpoint and play a round (loopback only, bounded)."""

from __future__ import annotations

import threading

from wargame.net.client import RemoteSeat

from helpers import hosting, key, play_turn

CLIENTS = 30


def test_thirty_clients_join_baltic_flashpoint_and_play_a_round(tmp_path):
    with hosting("baltic-flashpoint", tmp_path) as run:
        host = run.host
        nations = list(host.seats)
        assert 20 <= len(nations) < CLIENTS  # every seat taken, some by two clients
        seats = [RemoteSeat.join(run.url, host.seats[nations[i % len(nations)]].code,
                                 f"s{i}") for i in range(CLIENTS)]
        try:
            assert sum(len(s.conns) for s in host.seats.values()) == CLIENTS
            speakers = [s for s in seats if s.role == "speaker"]
            assert len(speakers) == len(nations)
            run.call(host.start)
            errors: list[BaseException] = []

            def play(seat):
                try:
                    for _ in range(2):  # diplomacy and orders
                        play_turn(seat, timeout=60)
                except BaseException as exc:  # noqa: BLE001 - reported below
                    errors.append(exc)
            threads = [threading.Thread(target=play, args=(s,)) for s in speakers]
            for t in threads:
                t.start()
            for t in threads:
                t.join(90)
            assert not errors, errors[0]
            for s in seats:  # every client, advisers too, has the next round's view
                assert s.link.wait(lambda lk, s=s: key(s) == (2, "diplomacy"), 30)
                assert s.view().round == 2
            orders = [e for e in host.game.inputs if e["verb"] == "orders"]
            assert {e["nation"] for e in orders} == set(nations)
        finally:
            for s in seats:
                s.close()
