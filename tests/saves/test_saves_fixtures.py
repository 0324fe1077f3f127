"""One fixture save per format version: each is recognised, migrated step by step to the
current version, and loads to the game it recorded."""

from __future__ import annotations

import json

import pytest
from saveplay import V1, V2, digest

from wargame.saves import FORMAT_VERSION, ReplayMismatch, load_save, replay_save
from wargame.saves.document import MIGRATIONS, check, parse, recognise

REGENERATE = ("the rules changed since the fixture was written: if that was on purpose, "
              "run 'python tests/saves/make_fixtures.py' and commit the fixtures")


def test_there_is_a_fixture_and_a_migration_for_every_older_version():
    for version in range(1, FORMAT_VERSION):
        assert version in MIGRATIONS
    found = {recognise(p, json.loads(p.read_text(encoding="utf-8")))
             for p in (V1, V2)}
    assert found == set(range(1, FORMAT_VERSION + 1))


def test_version_1_migrates_to_a_checked_version_2_document():
    raw = json.loads(V1.read_text(encoding="utf-8"))
    doc = parse(V1, V1.read_bytes())
    check(doc)
    assert doc["format_version"] == FORMAT_VERSION and doc["migrated_from"] == 1
    assert doc["campaign"]["data"] == raw["campaign_yaml"]
    assert doc["campaign"]["title"] == raw["campaign_title"]
    assert doc["status"]["hash"] == raw["final_hash"]
    assert [r["hash"] for r in doc["rounds"]] == [raw["hashes"][k] for k in
                                                  sorted(raw["hashes"], key=int)]
    # where each round starts: just after the previous round's resolve
    for r in doc["rounds"][1:]:
        assert raw["inputs"][r["input"] - 1]["verb"] == "resolve"
    assert doc["snapshots"] == [] and doc["log"] == []


@pytest.mark.parametrize("fixture", [V1, V2], ids=["v1", "v2"])
def test_each_fixture_loads_to_its_recorded_game(fixture):
    before = digest(fixture)
    try:
        loaded = load_save(fixture)
    except ReplayMismatch as exc:  # pragma: no cover - only after a change of the rules
        pytest.fail(f"{exc} -- {REGENERATE}")
    doc = parse(fixture, fixture.read_bytes())
    assert loaded.game.state_hash() == doc["status"]["hash"]
    assert loaded.game.round == 4 and loaded.game.phase == "orders"
    assert loaded.title.startswith("Tutorial")
    assert digest(fixture) == before


def test_the_version_2_fixture_replays_to_its_record():
    res = replay_save(V2)
    assert res.ok, f"{res.problem} -- {REGENERATE}"
    assert res.checked == 4 and res.final_hash == json.loads(
        V2.read_bytes().split(b"\n", 1)[0][:-1] + b"}")["status"]["hash"]


def test_a_loaded_old_save_is_saved_again_in_the_current_format(tmp_path, fixture_copy):
    loaded = load_save(fixture_copy(V1))
    path = loaded.save(tmp_path)
    doc = parse(path, path.read_bytes())
    assert doc["format_version"] == FORMAT_VERSION and "migrated_from" not in doc
    assert doc["snapshots"] and doc["log"]
    assert load_save(path).game.state_hash() == loaded.game.state_hash()
