"""A corpus of broken saves: each gives one clear line naming the file and what to do,
never a traceback, and leaves the file byte for byte as it was."""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from saveplay import V1, V2, digest
from saveplay import play

from wargame.campaign import campaigns_dir, load_campaign
from wargame.core import Game
from wargame.saves import (CampaignUnreadable, DamagedSave, NewerSave, NotASave,
                           ReplayMismatch, SaveError, SaveMissing, list_saves, load_save,
                           replay_save)
from wargame.saves.commands import main as command

GOOD = V2.read_bytes()


def doc() -> dict:
    return json.loads(GOOD)


def dump(d: dict) -> bytes:
    return json.dumps(d).encode()


def _campaign_changed(d):
    d["campaign"]["data"] = d["campaign"]["data"].replace("Belport", "Belgrad")
    return d


def _campaign_unreadable(d):
    import hashlib

    d["campaign"]["data"] = "title: [unclosed\n"
    d["campaign"]["sha256"] = hashlib.sha256(b"title: [unclosed\n").hexdigest()
    return d


def _tamper_input(d):
    # a different order early on, and no caches: the replay cannot give the record
    for entry in d["inputs"]:
        if entry["verb"] == "orders" and entry["orders"]:
            entry["orders"] = []
            break
    d["snapshots"], d["log"] = [], []
    return d


def _tamper_final_hash(d):
    d["status"]["hash"] = "0123456789abcdef"
    return d


def _drop_input(d):
    d["inputs"].pop()
    return d


CASES = {
    # name: (bytes, exception, fragment of the message)
    "truncated": (GOOD[: len(GOOD) // 2], DamagedSave, "truncated"),
    "truncated at the end": (GOOD[:-3], DamagedSave, "truncated"),
    "empty": (b"", DamagedSave, "empty"),
    "only spaces": (b"  \n ", DamagedSave, "empty"),
    "corrupt in the middle": (GOOD[:300] + b"\x00#!garbage" + GOOD[310:], DamagedSave,
                              "corrupt"),
    "bad utf-8 inside": (GOOD[:200] + b"\xff\xfe" + GOOD[202:], DamagedSave, "UTF-8"),
    "binary": (bytes(random.Random(1).randrange(256) for _ in range(4000)), NotASave,
               "not a wargame save"),
    "other json": (b'{"hello": "world"}', NotASave, "no 'format_version'"),
    "json list": (b"[1, 2, 3]", NotASave, "a list"),
    "json of another format": (b'{"format": "geojson", "format_version": 1}', NotASave,
                               "'geojson'"),
    "plain text": (b"Dear diary, today we saved the Baltic.\n", NotASave, "not JSON"),
    "a campaign": ((campaigns_dir() / "tutorial.yaml").read_bytes(), NotASave,
                   "campaign file, not a save"),
    "newer format": (dump({**doc(), "format_version": 3, "wargame_version": "9.0"}),
                     NewerSave, "newer wargame"),
    "format version not a number": (dump({**doc(), "format_version": "two"}), DamagedSave,
                                    "format_version"),
    "an input missing": (dump(_drop_input(doc())), DamagedSave, "inputs"),
    "inputs not a list": (dump({**doc(), "inputs": {"a": 1}}), DamagedSave, "inputs"),
    "no campaign": (dump({k: v for k, v in doc().items() if k != "campaign"}), DamagedSave,
                    "campaign"),
    "campaign copy damaged": (dump(_campaign_changed(doc())), DamagedSave,
                              "copy of the campaign"),
    "campaign copy unreadable": (dump(_campaign_unreadable(doc())), CampaignUnreadable,
                                 "can no longer read the campaign"),
    "unknown built-in world": (dump({**doc(), "campaign": {"kind": "builtin", "title": "x",
                                                           "name": "atlantis", "args": {}}}),
                               CampaignUnreadable, "atlantis"),
    "replay differs": (dump(_tamper_input(doc())), ReplayMismatch, "does not replay the same"),
    "final hash differs": (dump(_tamper_final_hash(doc())), ReplayMismatch,
                           "does not replay the same"),
}
TODO = {  # what the line tells the user to do
    DamagedSave: ("backup", "load another save"),
    NotASave: ("choose a .json file", "wargame play"),
    NewerSave: ("update wargame",),
    CampaignUnreadable: ("open it with the wargame version",),
    ReplayMismatch: ("wargame branch", "open it with wargame"),
}


@pytest.fixture(params=sorted(CASES))
def case(request, tmp_path):
    data, exc, fragment = CASES[request.param]
    path = tmp_path / "saves" / "broken_round-03.json"
    path.parent.mkdir()
    path.write_bytes(data)
    return path, exc, fragment


def _one_line(text: str, path: Path) -> None:
    assert "\n" not in text.strip(), text
    assert path.name in text, text
    assert "Traceback" not in text


def test_each_broken_save_gives_one_clear_line_and_is_left_untouched(case):
    path, exc, fragment = case
    before, mtime = digest(path), path.stat().st_mtime_ns
    with pytest.raises(exc) as info:
        load_save(path)
    message = str(info.value)
    _one_line(message, path)
    assert fragment in message
    assert any(t in message for t in TODO[exc]), message
    assert digest(path) == before and path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # nothing written


def test_the_commands_say_it_in_one_line_with_exit_code_2(case, capsys):
    path, exc, fragment = case
    before = digest(path)
    for argv in (["replay", str(path)], ["report", str(path)],
                 ["branch", str(path), "--round", "2"]):
        code = command(argv)
        out, err = capsys.readouterr()
        if exc is ReplayMismatch and argv[0] == "replay":
            assert code == 1  # the replay runs, and says where it differs
            assert out.strip().splitlines()[-1].startswith("state hash ")
        elif exc is ReplayMismatch and argv[0] == "branch" and code == 0:
            # branching before the round that differs is just what the message offers
            new = [p for p in path.parent.iterdir() if p != path]
            assert len(new) == 1 and "from-r02" in new[0].name, out
            new[0].unlink()
            continue
        else:
            assert code == 2, (argv, out, err)
        _one_line(err, path)
        assert err.startswith(f"wargame {argv[0]}: ")
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_listing_a_folder_with_broken_saves_names_them(case):
    path, exc, fragment = case
    before = digest(path)
    [info] = list_saves(path.parent)
    if exc in (ReplayMismatch, CampaignUnreadable) or fragment == "copy of the campaign":
        assert info.ok  # the listing reads the first line only; loading tells the rest
    else:
        assert not info.ok and fragment in info.error
    assert digest(path) == before


def test_no_traceback_from_a_real_process(tmp_path):
    path = tmp_path / "cut.json"
    path.write_bytes(GOOD[:1000])
    for argv in (["replay", str(path)], ["report", str(path)], ["saves", "--saves-dir",
                                                               str(tmp_path)]):
        run = subprocess.run([sys.executable, "-m", "wargame.saves.commands", *argv],
                             capture_output=True, text=True, timeout=60)
        assert "Traceback" not in run.stderr + run.stdout
    assert run.returncode == 0 and "cut.json" in run.stdout  # the listing names it
    run = subprocess.run([sys.executable, "-m", "wargame.saves.commands", "replay",
                          str(path)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "truncated" in run.stderr


def test_a_missing_file_and_a_folder(tmp_path):
    with pytest.raises(SaveMissing, match="no such file"):
        load_save(tmp_path / "nope.json")
    with pytest.raises(SaveMissing, match="folder"):
        load_save(tmp_path)


def test_a_damaged_save_names_its_newest_backup(tmp_path):
    folder = tmp_path / "saves"
    campaign = load_campaign(campaigns_dir() / "tutorial.yaml")
    game = Game(campaign.world, 1)
    rng = random.Random(1)
    from wargame.saves import save_game

    for _ in range(3):
        play(game, rng, rounds=1)
        path = save_game(game, campaign, folder)
    path.write_bytes(path.read_bytes()[:500])
    with pytest.raises(DamagedSave) as info:
        load_save(path)
    newest = sorted((folder / "backups").iterdir())[-1]
    assert newest.name in str(info.value)
    assert load_save(newest).game.round == game.round - 1


def test_a_replay_mismatch_offers_the_last_good_round_and_it_works(tmp_path):
    path = tmp_path / "t_round-04.json"
    d = doc()
    # the second round's orders changed: the record is good up to the start of round 2
    resolves = [i for i, e in enumerate(d["inputs"]) if e["verb"] == "resolve"]
    for i in range(resolves[0] + 1, resolves[1]):
        if d["inputs"][i]["verb"] == "orders":
            d["inputs"][i]["orders"] = []
    d["snapshots"], d["log"] = [], []
    path.write_bytes(dump(d))
    with pytest.raises(ReplayMismatch) as info:
        load_save(path)
    assert info.value.good_round == 2 and info.value.bad_round == 3
    assert f"--round {info.value.good_round}" in str(info.value)
    res = replay_save(path)
    assert not res.ok and res.good_round == 2 and "round 3" in res.problem
    branch = load_save(path, round=2)  # what the message offers
    assert branch.game.round == 2 and branch.branch_round == 2


def test_a_damaged_snapshot_is_rebuilt_by_replay_and_said(tmp_path):
    d = doc()
    for s in d["snapshots"]:
        s["zlib"] = s["zlib"][:-8] + "AAAAAAA="
    path = tmp_path / "s_round-04.json"
    path.write_bytes(dump(d))
    loaded = load_save(path)
    assert any("snapshot in it is damaged" in n for n in loaded.notices)
    assert loaded.game.state_hash() == doc()["status"]["hash"]
    d = doc()
    d["log"][0]["zlib"] = "not base64 at all!"
    path.write_bytes(dump(d))
    loaded = load_save(path)
    assert any("fast-loading data is damaged" in n for n in loaded.notices)
    assert loaded.game.state_hash() == doc()["status"]["hash"]


def test_a_newer_save_is_never_touched_even_by_saving_a_game_beside_it(tmp_path):
    path = tmp_path / "future_round-01.json"
    path.write_bytes(dump({**doc(), "format_version": 99}))
    before = digest(path)
    [info] = list_saves(tmp_path)
    assert "newer wargame" in info.error
    from wargame.saves import save_game

    campaign = load_campaign(campaigns_dir() / "tutorial.yaml")
    save_game(Game(campaign.world, 1), campaign, tmp_path)
    assert digest(path) == before


def test_older_format_is_migrated_in_memory_with_a_notice(fixture_copy):
    path = fixture_copy(V1)
    before = digest(path)
    loaded = load_save(path)
    assert any("older wargame (save format 1)" in n for n in loaded.notices)
    assert loaded.game.state_hash() == json.loads(V1.read_text())["final_hash"]
    assert digest(path) == before


def test_a_campaign_file_that_changed_or_went_away_uses_the_saved_copy(tmp_path):
    src = campaigns_dir() / "tutorial.yaml"
    mine = tmp_path / "class.yaml"
    mine.write_bytes(src.read_bytes())
    campaign = load_campaign(mine)
    game = play(Game(campaign.world, 6), random.Random(6), rounds=3)
    from wargame.saves import save_game

    path = save_game(game, campaign, tmp_path / "saves")
    before = digest(path)
    mine.write_text(mine.read_text(encoding="utf-8").replace("Ardenia", "Arcadia"),
                    encoding="utf-8")
    loaded = load_save(path)
    assert loaded.game.state_hash() == game.state_hash()
    [note] = loaded.notices
    assert "class.yaml has changed since this game was saved" in note and path.name in note
    assert loaded.game.world.nation["ardenia"].name == "Ardenia"  # the saved copy
    os.remove(mine)
    [note] = load_save(path).notices
    assert "class.yaml is no longer there" in note
    assert digest(path) == before


def test_notices_reach_the_user_on_standard_error(tmp_path, fixture_copy):
    path = fixture_copy(V1)
    out, err = io.StringIO(), io.StringIO()
    from wargame.saves.commands import add_parsers, run
    import argparse

    parser = argparse.ArgumentParser()
    add_parsers(parser.add_subparsers(dest="command"))
    assert run(parser.parse_args(["replay", str(path), "--quiet"]), out, err) == 0
    assert "older wargame" in err.getvalue()
    assert out.getvalue().startswith("state hash ")


def test_save_errors_are_one_line_even_with_newlines_in_the_cause(tmp_path):
    e = SaveError(tmp_path / "x.json", "first\nsecond", "do\nthis")
    assert "\n" not in str(e) and str(e).endswith("do this")


def test_a_campaign_edited_before_the_first_save_is_flagged_not_fatal(tmp_path):
    from wargame.saves import save_game

    mine = tmp_path / "c.yaml"
    mine.write_bytes((campaigns_dir() / "tutorial.yaml").read_bytes())
    campaign = load_campaign(mine)
    game = play(Game(campaign.world, 2), random.Random(2), rounds=2)
    mine.write_text(mine.read_text(encoding="utf-8").replace("Ardenia", "Arcadia"),
                    encoding="utf-8")  # edited while the game ran, before its first save
    path = save_game(game, campaign, tmp_path / "saves")
    loaded = load_save(path)
    assert loaded.game.state_hash() == game.state_hash()  # from its snapshot
    assert any("not quite the one it was played on" in n for n in loaded.notices)


def test_a_game_id_cannot_send_the_next_save_elsewhere(tmp_path):
    d = doc()
    d["game"]["id"] = "../../escaped"
    path = tmp_path / "saves" / "x_round-04.json"
    path.parent.mkdir()
    path.write_bytes(dump(d))
    again = load_save(path).save()
    assert again.parent == path.parent and "escaped" in again.name
    assert not (tmp_path.parent / "escaped_round-04.json").exists()
