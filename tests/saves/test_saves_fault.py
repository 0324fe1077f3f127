"""Fault test: a process saving a game is killed with SIGKILL at random moments, many
times over; after every kill the previous save loads, and it is at least as recent as
the last save the process reported finished. Each new process carries the game on
from the newest save, as a class would after a crash."""

from __future__ import annotations

import os
import random
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from saveplay import steps

from wargame.core import Game, generated_world
from wargame.saves import builtin, list_saves, load_save, save_game

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "win32",
                                reason="needs fork and SIGKILL")

WORLD = generated_world(30, seed=1, rounds=10_000)
SOURCE = builtin("generated", n=30, seed=1, rounds=10_000)
KILLS = 80


def _child(folder: Path, out: int, seed: int) -> None:
    """Carry the game on from the newest save, saving after every input, forever."""
    try:
        found = [i for i in list_saves(folder) if i.ok]
        if found:
            game = load_save(found[0].path).game
        else:
            game = Game(WORLD, 1)
            save_game(game, SOURCE, folder)
        os.write(out, f"ready {len(game.inputs)}\n".encode())
        for _ in steps(game, random.Random(seed), talk=0.5):
            save_game(game, folder=folder)
            os.write(out, f"saved {len(game.inputs)}\n".encode())
    finally:
        os._exit(0)


def _read_all(fd: int, wait_first: bool) -> list[str]:
    data = b""
    if wait_first:  # until the child is ready (it has loaded the game)
        while b"ready" not in data:
            r, _, _ = select.select([fd], [], [], 30)
            assert r, "the child never got ready"
            chunk = os.read(fd, 65536)
            assert chunk, "the child died before it was ready"
            data += chunk
        return data.decode().split()
    while True:
        chunk = os.read(fd, 65536)
        if not chunk:
            return data.decode().split()
        data += chunk


def _check(folder: Path, reported: int, everything: bool) -> None:
    infos = list_saves(folder, everything=True)
    assert infos, "no save at all"
    assert all(i.ok for i in infos), [i.error for i in infos if not i.ok]
    newest = max(infos, key=lambda i: i.save)
    game = load_save(newest.path).game
    assert len(game.inputs) >= reported, "a finished save was lost"
    if everything:
        for i in infos:
            load_save(i.path)
        for backup in (folder / "backups").glob("*.json"):
            load_save(backup)


def _warm_up(tmp: Path) -> None:
    """Import everything the child will use before forking (a child must not need the
    import lock, which another thread of this process might hold at the fork)."""
    game = Game(WORLD, 1)
    path = save_game(game, SOURCE, tmp)
    list_saves(tmp)
    load_save(path)


def test_sigkill_at_random_moments_never_loses_the_previous_save(tmp_path):
    import threading

    _warm_up(tmp_path / "warm-up")
    others = [t.name for t in threading.enumerate() if t is not threading.current_thread()]
    print(f"threads besides this one at the fork: {others}")
    folder = tmp_path / "saves"
    rng = random.Random(2024)
    reported = 0
    killed_mid_save = 0
    started = time.monotonic()
    for i in range(KILLS):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            os.close(r)
            _child(folder, w, seed=i)
        os.close(w)
        try:
            words = _read_all(r, wait_first=True)
            time.sleep(rng.uniform(0, 0.06))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            words += _read_all(r, wait_first=False)
        finally:
            os.close(r)
        saves = [int(words[j + 1]) for j, word in enumerate(words) if word == "saved"]
        if saves:
            reported = max(reported, saves[-1])
        if any(p.name.endswith(".tmp") for p in folder.iterdir()):
            killed_mid_save += 1
        _check(folder, reported, everything=(i % 10 == 9))
    assert reported > 0
    assert time.monotonic() - started < 60
    # temporary files of killed saves are cleaned by the next save of the game
    assert len([p for p in folder.iterdir() if p.name.endswith(".tmp")]) <= 1
    # three backups; a fourth only if the last kill fell between a move and the pruning
    assert len(list((folder / "backups").glob("*.json"))) <= 4
    print(f"{KILLS} kills, {killed_mid_save} of them in the middle of writing a file, "
          f"{reported} inputs saved")


CHILD = """
import os, random, sys
sys.path.insert(0, {here!r})
from saveplay import steps
from wargame.core import Game, generated_world
from wargame.saves import builtin, list_saves, load_save, save_game
folder = {folder!r}
found = [i for i in list_saves(folder) if i.ok]
if found:
    game = load_save(found[0].path).game
else:
    game = Game(generated_world(30, seed=1, rounds=10000), 1)
    save_game(game, builtin("generated", n=30, seed=1, rounds=10000), folder)
print("ready", len(game.inputs), flush=True)
for _ in steps(game, random.Random({seed})):
    save_game(game, folder=folder)
    print("saved", len(game.inputs), flush=True)
"""


def test_sigkill_of_a_separate_python_process(tmp_path):
    """The same with real ``python`` processes (a few: each one starts in ~0.3 s)."""
    folder = tmp_path / "saves"
    here = str(Path(__file__).resolve().parent)
    rng = random.Random(7)
    reported = 0
    for i in range(5):
        code = CHILD.format(here=here, folder=str(folder), seed=i)
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        assert proc.stdout.readline().startswith("ready"), proc.stderr.read()
        time.sleep(rng.uniform(0.01, 0.15))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
        assert "Traceback" not in err
        # a kill can cut the last line short: count only whole "saved N" lines
        saves = [int(m.group(1)) for m in re.finditer(r"^saved (\d+)\n", out, re.M)]
        if saves:
            reported = max(reported, saves[-1])
        _check(folder, reported, everything=True)
    assert reported > 0
