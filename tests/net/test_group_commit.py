"""Group commit: an answer leaves the host only once its input is on disk, and the
inputs that arrive together share one fsync (the journal's cost in a network round)."""

from __future__ import annotations

import json
import threading
import time

from wargame.core import Order
from wargame.net import schema
from wargame.net.client import RemoteSeat
from wargame.net.server import _newest
from wargame.saves import appendlog

from helpers import hosting, key

SLOW = 0.3  # seconds an fsync takes in these tests: inputs pile up behind it


def test_orders_given_together_are_answered_after_one_shared_sync(tmp_path, monkeypatch):
    with hosting("tutorial", tmp_path) as run:
        host = run.host
        path = host.journal.path
        on_disk: list[int] = []  # after each fsync: journal lines surely on disk

        def slow_fsync(fd):
            lines = path.read_text(encoding="utf-8").count("\n")  # flushed before it
            time.sleep(SLOW)
            os_fsync(fd)
            on_disk.append(lines)

        os_fsync = appendlog.fsync
        monkeypatch.setattr(appendlog, "fsync", slow_fsync)
        seats = [RemoteSeat.join(run.url, s.code, n) for n, s in host.seats.items()]
        try:
            run.call(host.start)
            for s in seats:
                assert s.link.wait(lambda lk, s=s: key(s) == (1, "diplomacy"), 20)
                assert s.end_turn() == ""
            for s in seats:
                assert s.link.wait(lambda lk, s=s: key(s) == (1, "orders"), 20)
            before = len(on_disk)
            answered: dict[str, tuple[str, int]] = {}

            def give(seat):
                opt = next(o for o in seat.view().options if o.targets)
                error = seat.give_orders([Order(seat.nation, opt.action.id,
                                                opt.targets[0])])
                answered[seat.nation] = (error, max(on_disk, default=0))
            threads = [threading.Thread(target=give, args=(s,)) for s in seats]
            for t in threads:
                t.start()
            for t in threads:
                t.join(30)
            lines = path.read_text(encoding="utf-8").splitlines()
            for nation, (error, synced) in answered.items():
                assert error == ""
                at = next(i for i, line in enumerate(lines, 1)
                          if json.loads(line).get("e", {}).get("verb") == "orders"
                          and json.loads(line)["e"].get("nation") == nation)
                assert at <= synced, f"{nation}'s answer left before its input was on disk"
            assert len(answered) == len(seats) == 4
            assert len(on_disk) - before < len(seats)  # fewer syncs than inputs
        finally:
            for s in seats:
                s.close()


def test_a_status_is_dropped_only_when_a_newer_one_follows_before_any_reply():
    def text(kind, **fields):
        return schema.dump(schema.make(kind, **fields))
    s1, s2, s3 = (text("status", status={"n": n}) for n in (1, 2, 3))
    c1, c2 = text("changed", version=1), text("changed", version=2)
    reply = text("reply", id=4, error="", data=None)
    batch = [(0, t) for t in (s1, c1, s2, c2, reply, s3, None)]
    # the reply still comes after the status sent before it; the close stays last
    assert _newest(batch) == [s2, c2, reply, s3, None]


def test_a_host_that_cannot_sync_its_journal_answers_nothing_it_did_not_record(
        tmp_path, monkeypatch):
    with hosting("tutorial", tmp_path) as run:
        host = run.host
        seat = RemoteSeat.join(run.url, host.seats["belmark"].code, "Ann")
        try:
            run.call(host.start)
            assert seat.link.wait(lambda lk: key(seat) == (1, "diplomacy"), 20)

            def failing(fd):
                raise OSError(5, "Input/output error")
            monkeypatch.setattr(appendlog, "fsync", failing)
            said = seat.message(["ardenia"], "Stand down.")
            assert said.startswith("the connection to the host is lost"), said
            assert seat.link.wait(lambda lk: lk.closed, 10)
        finally:
            seat.close()
