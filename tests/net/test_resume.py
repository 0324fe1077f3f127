"""kill -9 on the host mid-round, then `wargame host --resume SAVE`: nothing accepted is lost."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from wargame.core import Order
from wargame.net.client import RemoteSeat

from helpers import key, play_turn

ROOT = Path(__file__).resolve().parents[2]


def _start(args: list[str], folder: Path) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "wargame", "host", *args, "--headless",
                             "--port", "0", "--saves-dir", str(folder)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        m = re.search(r"Listening on (\S+)", line)
        if m:
            return proc, m.group(1)
        if not line and proc.poll() is not None:
            break
    proc.kill()
    raise AssertionError("the host did not start")


def _codes(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text().splitlines():
        m = re.match(r"(\S{4}-\S{4})\s+.*\((\w+)\)$", line)
        if m:
            out[m.group(2)] = m.group(1)
    return out


def test_a_host_killed_mid_round_comes_back_with_every_accepted_order(tmp_path):
    codes_file = tmp_path / "codes.txt"
    proc, url = _start(["tutorial", "--codes", str(codes_file), "--start-after", "2"],
                       tmp_path)
    try:
        codes = _codes(codes_file)
        a = RemoteSeat.join(url, codes["belmark"], "Ann")
        b = RemoteSeat.join(url, codes["ardenia"], "Bob")
        for _ in range(2):  # round 1: diplomacy and orders
            play_turn(a), play_turn(b)
        assert a.link.wait(lambda lk: key(a) == (2, "diplomacy"), 20)
        play_turn(a), play_turn(b)
        assert a.link.wait(lambda lk: key(a) == (2, "orders"), 20)
        given = [Order("belmark", "raise_readiness")]
        assert a.give_orders(given) == ""  # accepted: it must survive the kill
        assert a.message(["ardenia"], "Stand down, please.") == ""
        assert a.end_turn() == ""  # belmark's turn is over, ardenia's is not
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    a.close(), b.close()
    saves = sorted(p for p in tmp_path.glob("*_round-*.json"))
    assert saves, list(tmp_path.iterdir())
    proc, url = _start(["--resume", str(saves[-1])], tmp_path)
    try:
        a = RemoteSeat.join(url, codes["belmark"], "Ann")  # the same codes
        b = RemoteSeat.join(url, codes["ardenia"], "Bob")
        assert key(a) == (2, "orders")
        assert a.orders() == given
        assert a.status["turn_over"] and not b.status["turn_over"]
        assert any(m.text == "Stand down, please." for m in b.view().messages)
        assert play_turn(b)
        assert a.link.wait(lambda lk: key(a) == (3, "diplomacy"), 20)
        assert any("Raise readiness" in e.text for e in a.public_news() if e.round == 2)
        a.close(), b.close()
    finally:
        proc.terminate()
        proc.wait(10)
