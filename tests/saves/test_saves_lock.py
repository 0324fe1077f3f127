"""One writer per game: two processes playing on from one save both keep their game
(the second is saved under a new name and says so), a killed process's lock is gone
with it, and a process removes only the temporary files of processes that ended."""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from saveplay import play

from wargame.core import Game, demo_world
from wargame.saves import builtin, list_saves, load_save, save_game, take_notice
from wargame.saves.commands import open_for_play

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="flock and SIGKILL")

HERE = str(Path(__file__).resolve().parent)
PLAYER = """
import json, random, sys, time
sys.path.insert(0, {here!r})
from saveplay import steps
from wargame.saves import load_save, save_game
from wargame.saves.journal import record
loaded = load_save({path!r})
print("loaded", flush=True)
sys.stdin.readline()  # both have loaded the same save before either saves
game = loaded.game
last = None
for _ in steps(game, random.Random({seed}), rounds=2):
    last = save_game(game)
notice = record(game).take_notice()
print(json.dumps({{"path": str(last), "inputs": len(game.inputs), "notice": notice}}),
      flush=True)
if {hold}:
    time.sleep(60)
"""


def _start(path: Path, seed: int, hold: bool = False) -> subprocess.Popen:
    code = PLAYER.format(here=HERE, path=str(path), seed=seed, hold=hold)
    # saves belong beside the loaded file; were one to go to the default folder, it
    # would land in this test's "elsewhere" folder and the test would not find it
    env = {**os.environ, "WARGAME_SAVES_DIR": str(path.parent.parent / "elsewhere")}
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "loaded", proc.stderr.read()
    return proc


def _first_save(folder: Path) -> Path:
    game = Game(demo_world(), 5)
    play(game, random.Random(5), rounds=2)
    return save_game(game, builtin("demo", rounds=12), folder)


def test_two_processes_playing_on_from_one_save_both_keep_their_game(tmp_path):
    folder = tmp_path / "saves"
    start = _first_save(folder)
    procs = [_start(start, seed) for seed in (1, 2)]
    for p in procs:  # let both play at once
        p.stdin.write("go\n")
        p.stdin.flush()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=60)
        assert p.returncode == 0 and "Traceback" not in err, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    paths = [Path(r["path"]) for r in results]
    assert paths[0] != paths[1], "both processes wrote the same game"
    for r in results:  # each game is there, with every input its process played
        assert len(load_save(r["path"]).game.inputs) == r["inputs"]
    games = {i.game_id for i in list_saves(folder)}
    assert len(games) == 2
    # the one that lost the race says so, naming its new game
    told = [r for r in results if r["notice"]]
    assert len(told) == 1, results
    assert Path(told[0]["path"]).name.split("_round-")[0] in told[0]["notice"]


def test_a_killed_process_leaves_the_game_free(tmp_path):
    folder = tmp_path / "saves"
    start = _first_save(folder)
    holder = _start(start, 1, hold=True)
    holder.stdin.write("go\n")
    holder.stdin.flush()
    mine = json.loads(holder.stdout.readline())
    loaded = load_save(mine["path"])
    assert "another wargame (process" in loaded.elsewhere
    assert str(holder.pid) in loaded.elsewhere
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    assert load_save(mine["path"]).elsewhere == ""
    game = loaded.game
    play(game, random.Random(9), rounds=1)
    path = loaded.save()
    # the same game goes on under its own name: nobody holds it, nobody saved it since
    assert path.name.split("_round-")[0] == Path(mine["path"]).name.split("_round-")[0]


def test_loading_an_older_backup_and_playing_on_keeps_the_newer_game(tmp_path):
    folder = tmp_path / "saves"
    game = Game(demo_world(), 5)
    save_game(game, builtin("demo", rounds=12), folder)
    for _ in range(3):
        play(game, random.Random(1), rounds=1)
        newest = save_game(game)
    newest_bytes = newest.read_bytes()
    backup = sorted((folder / "backups").glob("*.json"))[0]
    old = load_save(backup)
    play(old.game, random.Random(2), rounds=1)
    path = old.save()
    assert path != newest and newest.read_bytes() == newest_bytes
    assert load_save(path).game.inputs == old.game.inputs
    from wargame.saves.journal import record

    assert "saved it after it was opened here" in record(old.game).take_notice()


def test_temporary_files_of_a_running_process_are_left_alone(tmp_path):
    folder = tmp_path / "saves"
    game = Game(demo_world(), 5)
    first = save_game(game, builtin("demo", rounds=12), folder)
    game_id = first.name.split("_round-")[0]
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    try:
        alive_tmp = folder / f".{game_id}_round-01.json.{sleeper.pid}-abc123.tmp"
        dead_tmp = folder / f".{game_id}_round-01.json.{dead.pid}-abc123.tmp"
        for p in (alive_tmp, dead_tmp):
            p.write_bytes(b"half a save")
        play(game, random.Random(1), rounds=1)
        save_game(game)
        assert alive_tmp.read_bytes() == b"half a save"
        assert not dead_tmp.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_a_game_whose_lock_file_was_replaced_by_a_link_is_saved_as_a_new_game(tmp_path):
    folder = tmp_path / "saves"
    game = Game(demo_world(), 5)
    first = save_game(game, builtin("demo", rounds=12), folder)
    game_id = first.name.split("_round-")[0]
    target = tmp_path / "elsewhere.txt"
    target.write_text("not wargame's")
    loaded = load_save(first)
    del game
    lock_file = folder / f".{game_id}.lock"
    if lock_file.exists():
        lock_file.unlink()
    os.symlink(target, lock_file)
    play(loaded.game, random.Random(1), rounds=1)
    path = loaded.save()
    assert not path.name.startswith(game_id + "_round")
    assert "lock file is not a regular file" in take_notice(loaded.game)
    assert target.read_text() == "not wargame's"
    assert first.exists()


def test_play_on_a_game_open_elsewhere_says_who_has_it(tmp_path):
    folder = tmp_path / "saves"
    start = _first_save(folder)
    holder = _start(start, 1, hold=True)
    try:
        holder.stdin.write("go\n")
        holder.stdin.flush()
        mine = json.loads(holder.stdout.readline())
        err = io.StringIO()
        loaded = open_for_play(mine["path"], err)
        assert loaded is not None
        lines = err.getvalue().splitlines()
        assert len(lines) == 1 and f"process {holder.pid}" in lines[0], lines
        assert "new game" in lines[0]
    finally:
        holder.kill()
        holder.wait()


@contextlib.contextmanager
def _holding(folder: Path):
    """A child process that played on from a fresh save and holds its game: yields
    (the child, its latest save); afterwards the saves it had made must be as they
    were, beside exactly one new one."""
    holder = _start(_first_save(folder), 1, hold=True)
    try:
        holder.stdin.write("go\n")
        holder.stdin.flush()
        theirs = Path(json.loads(holder.stdout.readline())["path"])
        before = {p.name: p.read_bytes() for p in folder.glob("*.json")}
        yield holder, theirs
        after = {p.name: p.read_bytes() for p in folder.glob("*.json")}
        assert {n: b for n, b in after.items() if n in before} == before
        assert len(after) == len(before) + 1
    finally:
        holder.kill()
        holder.wait()


def test_the_full_screen_game_says_who_has_the_game_and_saves_a_new_one(tmp_path):
    from wargame.tui import saving

    with _holding(tmp_path / "saves") as (holder, theirs):
        session, notices = saving.load(theirs)
        assert any(f"process {holder.pid}" in n for n in notices), notices
        line = saving.autosave(session)
        assert "was not saved over" in line and "new game" in line


def test_the_text_game_says_it_saved_a_new_game(tmp_path):
    with _holding(tmp_path / "saves") as (holder, theirs):
        env = {**os.environ, "WARGAME_SAVES_DIR": str(tmp_path / "elsewhere")}
        done = subprocess.run([sys.executable, "-m", "wargame", "play", "--text", "--load",
                               str(theirs)], input="1\nquit\n", capture_output=True,
                              text=True, env=env, timeout=60)
        assert done.returncode == 0, done.stderr
        assert f"process {holder.pid}" in done.stderr  # said when the game was loaded
        assert "was not saved over" in done.stdout and "new game" in done.stdout
