"""Replay checks the campaign saved in a save against the record (the world's
fingerprint), and against the instructor's own copy with --campaign; new saves never
replace a file they were not allowed to, and nothing but regular files is written."""

from __future__ import annotations

import hashlib
import io
import json
import os
from argparse import Namespace
from pathlib import Path

import pytest
from conftest import V2, digest

from wargame.saves import SaveError, SaveWriteError, branch_save, load_save, replay_save
from wargame.saves.commands import run
from wargame.saves.reporting import write_report

TUTORIAL = Path(__file__).resolve().parents[2] / "campaigns" / "tutorial.yaml"


@pytest.fixture
def fresh(tmp_path) -> Path:
    """The v2 fixture saved again by this wargame: it records the world's fingerprint."""
    return load_save(V2).save(tmp_path / "saves")


def _edit_campaign(path: Path, old: str, new: str, checksum: bool = True) -> None:
    doc = json.loads(path.read_text())
    camp = doc["campaign"]
    assert old in camp["data"]
    camp["data"] = camp["data"].replace(old, new, 1)
    if checksum:
        camp["sha256"] = hashlib.sha256(camp["data"].encode()).hexdigest()
    path.write_text(json.dumps(doc))


def _replay(save: Path, campaign: Path | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    args = Namespace(command="replay", save=str(save), saves_dir=None, to_round=None,
                     quiet=False, campaign=str(campaign) if campaign else None)
    return run(args, out, err), out.getvalue(), err.getvalue()


def test_a_new_save_records_the_fingerprint_and_replay_checks_it(fresh):
    assert isinstance(json.loads(fresh.read_text())["world"], str)
    code, out, err = _replay(fresh)
    assert code == 0 and "and the campaign checked against the record: all match" in out


def test_an_edited_campaign_with_its_checksum_recomputed_is_caught(fresh):
    _edit_campaign(fresh, "points: 8", "points: 64")
    before = digest(fresh)
    res = replay_save(fresh)
    assert "not the one the game was played on" in res.problem
    code, out, err = _replay(fresh)
    assert code == 1 and "all match" not in out
    assert digest(fresh) == before


def test_a_comment_added_to_the_campaign_copy_changes_no_fingerprint(fresh):
    _edit_campaign(fresh, "states:", "# a comment\nstates:")
    assert replay_save(fresh).ok


def test_replay_against_the_teachers_copy(fresh, tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_bytes(TUTORIAL.read_bytes().replace(b"states:", b"# my copy\nstates:", 1))
    code, out, _ = _replay(fresh, mine)
    assert code == 0 and "(the same as" in out
    # the fingerprint recomputed too: only the teacher's copy can tell
    _edit_campaign(fresh, "points: 8", "points: 64")
    doc = json.loads(fresh.read_text())
    from wargame.campaign.source import fingerprint

    doc["world"] = fingerprint(doc["campaign"]["data"].encode())
    fresh.write_text(json.dumps(doc))
    assert replay_save(fresh).ok  # a determined editor fools the built-in checks...
    code, out, err = _replay(fresh, mine)
    assert code == 1 and out == ""  # ... not the teacher's copy: refused, nothing replayed
    assert len(err.splitlines()) == 1 and "differs from" in err


def test_campaign_check_of_a_built_in_world_save_is_one_line(tmp_path):
    from wargame.core import Game, demo_world
    from wargame.saves import builtin, save_game

    path = save_game(Game(demo_world(), 1), builtin("demo", rounds=12), tmp_path)
    with pytest.raises(SaveError, match="built-in world"):
        replay_save(path, campaign=TUTORIAL)


def test_branch_never_replaces_the_save_it_branches(fresh):
    before = digest(fresh)
    for force in (False, True):
        with pytest.raises(SaveWriteError, match="being branched"):
            branch_save(fresh, 2, fresh, force=force)
    assert digest(fresh) == before


def test_branch_onto_another_save_needs_force_and_keeps_it(fresh, tmp_path):
    other = tmp_path / "other.json"
    other.write_bytes(V2.read_bytes())
    with pytest.raises(SaveWriteError, match="--force"):
        branch_save(fresh, 2, other)
    assert other.read_bytes() == V2.read_bytes()
    new = branch_save(fresh, 2, other, force=True)
    assert new == other and load_save(other).game.round == 2
    assert (tmp_path / "backups" / "other_replaced-1.json").read_bytes() == V2.read_bytes()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_report_is_never_written_over_a_named_pipe(tmp_path):
    pipe = tmp_path / "out.md"
    os.mkfifo(pipe)
    with pytest.raises(SaveWriteError, match="named pipe"):
        write_report(V2, pipe, force=True)
    assert pipe.is_fifo()
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]  # no temporary file left


def test_a_report_replaces_an_earlier_report_but_not_a_save(tmp_path):
    earlier = tmp_path / "r.html"
    earlier.write_text("<p>old</p>")
    write_report(V2, earlier)
    assert "<svg" in earlier.read_text()
    save = tmp_path / "s.md"
    save.write_bytes(V2.read_bytes())  # a save, whatever its name says
    with pytest.raises(SaveWriteError, match="wargame save"):
        write_report(V2, save)
    assert save.read_bytes() == V2.read_bytes()


def test_a_save_of_another_state_shape_saved_again_replays_clean(tmp_path):
    """An older wargame's save (its state had another shape, so its hashes are not
    this engine's) is loaded, played on and saved again: the new file records hashes
    of this engine, never the old ones under the new shape, so replay finds no
    difference where there is none."""
    old = tmp_path / "old.json"
    doc = json.loads(V2.read_text())
    doc["state_shape"] = "0" * 12  # as an older engine's save says, with its own hashes
    for part in ("rounds", "snapshots"):
        for rec in doc[part]:
            rec["hash"] = hashlib.sha256(rec["hash"].encode()).hexdigest()[:16]
    doc["status"]["hash"] = "f" * 16
    old.write_text(json.dumps(doc))
    loaded = load_save(old)
    assert any("another shape" in n for n in loaded.notices)
    again = loaded.save(tmp_path / "saves")
    res = replay_save(again)
    assert res.ok, res.problem
    assert res.checked >= 3
