"""Files and folders: atomic writes, readable names, three backups, the default folder,
listing, and what happens when the folder cannot be written."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from saveplay import play

from wargame.core import Game, demo_world
from wargame.saves import (ENV_VAR, SaveWriteError, builtin, default_saves_dir, list_saves,
                           load_save, save_game)
from wargame.saves import atomic, folders
from wargame.saves.journal import record

SOURCE = builtin("demo", rounds=12)


def _game(seed: int = 1) -> tuple[Game, random.Random]:
    return Game(demo_world(), seed), random.Random(seed)


def test_file_names_say_campaign_date_round_and_outcome(folder):
    game, rng = _game()
    path = save_game(game, SOURCE, folder)
    parts = path.stem.split("_")
    assert parts[0] == "demo" and parts[-1] == "round-01"
    assert len(parts[1]) == 10 and parts[1][4] == "-"  # 2025-03-14
    assert len(parts[2]) == 4 and parts[2].isdigit()  # 1405
    play(game, rng)
    path = save_game(game, folder=folder)
    assert path.name.endswith(f"_round-{game.round:02d}_{game.outcome}.json")
    assert [p.name for p in folder.glob("*.json")] == [path.name]


def test_the_last_three_versions_are_kept_as_backups(folder):
    game, rng = _game()
    saved = []
    for _ in range(6):
        play(game, rng, rounds=1)
        saved.append(save_game(game, SOURCE, folder))
    backups = sorted((folder / "backups").iterdir(), key=lambda p: p.name)
    assert [p.name for p in backups] == [f"{saved[i].stem}_save-{i + 1}.json"
                                         for i in (2, 3, 4)]
    for b, round_ in zip(backups, (4, 5, 6)):
        assert load_save(b).game.round == round_
    # two saves in the same round: the first is kept as a backup of the same name
    game.send_message("north", ["east"], "hello")
    again = save_game(game, folder=folder)
    assert again == saved[-1]
    assert (folder / "backups" / f"{again.stem}_save-6.json").exists()
    assert len(list((folder / "backups").iterdir())) == 3


def test_saving_twice_with_nothing_new_writes_nothing(folder):
    game, _ = _game()
    path = save_game(game, SOURCE, folder)
    mtime = path.stat().st_mtime_ns
    assert save_game(game, folder=folder) == path
    assert path.stat().st_mtime_ns == mtime
    assert not (folder / "backups").exists()


def test_two_games_started_in_the_same_minute_get_different_names(folder):
    a, _ = _game(1)
    b, _ = _game(2)
    pa, pb = save_game(a, SOURCE, folder), save_game(b, SOURCE, folder)
    assert pa != pb
    assert load_save(pa).game.seed == 1 and load_save(pb).game.seed == 2


def test_meta_comes_back_and_the_first_line_is_a_readable_header(folder):
    game, _ = _game()
    seats = {"players": {"north": "Ana", "east": ""}, "difficulty": "hard"}
    path = save_game(game, SOURCE, folder, meta=seats)
    assert load_save(path).meta == seats
    first = path.read_bytes().split(b"\n", 1)[0]
    head = json.loads(first[:-1] + b"}")
    assert head["format_version"] == 2 and head["status"]["round"] == 1
    assert head["meta"] == seats and "python_version" in head and "wargame_version" in head
    [info] = list_saves(folder)
    assert info.meta == seats and info.round == 1 and info.title == head["title"]
    assert "round 1" in info.describe()
    assert " — Ana (north) — " in info.describe()  # who played tells games apart


@pytest.mark.parametrize("meta,shown", [
    ({"players": {"estonia": "You"}, "state_names": {"estonia": "Estonia"}}, "as Estonia"),
    ({"players": {"estonia": "Ana", "latvia": "Ben"},
      "state_names": {"estonia": "Estonia", "latvia": "Latvia"}}, "Ana (Estonia), Ben (Latvia)"),
    ({"players": {"north": "Ana"}}, "Ana (north)"),
    ({}, ""), ({"players": "garbage"}, ""),
])
def test_a_save_is_listed_with_who_played(meta, shown):
    from wargame.saves.folders import SaveInfo

    assert SaveInfo(Path("x.json"), meta=meta).players() == shown


def test_atomic_write_keeps_the_old_file_until_the_new_one_is_complete(tmp_path, monkeypatch):
    path = tmp_path / "x.json"
    atomic.write_atomic(path, b"old")

    def boom(*a, **k):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic.write_atomic(path, b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]  # no temporary file left


def test_a_folder_that_cannot_be_written_is_one_clear_line(tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    game, _ = _game()
    with pytest.raises(SaveWriteError) as info:
        save_game(game, SOURCE, blocker / "saves")
    text = str(info.value)
    assert "\n" not in text and "could not be saved" in text and "the game is still running" \
        in text


def test_default_folder_order(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert default_saves_dir(tmp_path / "x") == tmp_path / "x"  # --saves-dir
    assert default_saves_dir(None, env={ENV_VAR: str(tmp_path / "env")}) == tmp_path / "env"
    root = folders.checkout_root()
    if root is not None:  # running from the checkout
        assert default_saves_dir(None, cwd=root / "docs", env={}) == root / "saves"
        outside = default_saves_dir(None, cwd=tmp_path, env={})
        assert outside == folders.user_data_dir() / "saves"
        assert "wargame" in str(outside)


def test_the_environment_variable_reaches_save_game(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "from-env"))
    game, _ = _game()
    assert save_game(game, SOURCE).parent == tmp_path / "from-env"


def test_listing_shows_one_entry_per_game_newest_first_and_skips_temporaries(folder):
    g1, r1 = _game(1)
    g2, r2 = _game(2)
    for _ in range(2):
        play(g1, r1, rounds=1)
        save_game(g1, SOURCE, folder)
    play(g2, r2, rounds=1)
    save_game(g2, SOURCE, folder)
    (folder / ".demo_x.json.123-abc.tmp").write_text("{")
    infos = list_saves(folder)
    assert len(infos) == 2 and all(i.ok for i in infos)
    assert {i.round for i in infos} == {3, 2}
    assert list_saves(folder / "nowhere") == []


def test_saving_from_two_threads_at_once_is_safe(folder):
    import threading

    game, rng = _game()
    play(game, rng, rounds=2)
    record(game, SOURCE)
    errors = []

    def save():
        try:
            save_game(game, folder=folder)
        except Exception as exc:  # pragma: no cover - the test fails with it
            errors.append(exc)
    threads = [threading.Thread(target=save) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    [info] = list_saves(folder)
    assert load_save(info.path).game.state_hash() == game.state_hash()


def test_saves_imports_no_user_interface_library():
    code = ("import sys, wargame.saves, wargame.saves.commands, wargame.saves.reporting; "
            "print(' '.join(sorted(m for m in ('textual', 'rich') if m in sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""


def test_only_the_saves_package_writes_game_files():
    root = Path(__file__).resolve().parents[2] / "wargame"
    for path in root.rglob("*.py"):
        if "saves" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        assert "os.replace(" not in text and "fsync" not in text, path


def test_simulate_names_its_games_and_shares_one_source(tmp_path):
    import pickle

    from wargame.campaign import DEFAULT_CAMPAIGN
    from wargame.saves import source_of

    source = pickle.loads(pickle.dumps(source_of(DEFAULT_CAMPAIGN)))  # to worker processes
    from wargame.campaign import load_campaign

    world = load_campaign(DEFAULT_CAMPAIGN).world
    paths = [save_game(play(Game(world, i), random.Random(i), rounds=1), source, tmp_path,
                       name=f"run-5_game-{i:04d}") for i in range(3)]
    assert [p.name for p in paths] == [f"run-5_game-{i:04d}_round-02.json" for i in range(3)]
    assert all(load_save(p).title == source.title for p in paths)
