"""Limits on what a save may hold: cache parts and the whole log inflate only so far,
integers have at most 100 digits, the listing of a folder stops in time, built-in
worlds have bounded sizes, and the interface's meta comes back with sane types."""

from __future__ import annotations

import base64
import json
import zlib

import pytest
from conftest import V2, digest

from wargame.core.errors import WorldError
from wargame.core.worlds import MAX_STATES, generated_world
from wargame.saves import DamagedSave, list_saves, load_save, replay_save
from wargame.saves import folders
from wargame.saves.document import clean_meta, pack, unpack


def _blob(raw: bytes) -> str:
    return base64.b64encode(zlib.compress(raw)).decode()


def test_a_cache_part_inflates_only_up_to_its_limit():
    assert unpack(pack(list(range(10)))) == list(range(10))
    with pytest.raises(ValueError, match="inflates to more than 1 MB"):
        unpack(_blob(b" " * (1024 * 1024 + 1)), limit=1024 * 1024)
    with pytest.raises(ValueError, match="cut off"):
        unpack(base64.b64encode(zlib.compress(b"[1,2,3]")[:-4]).decode())
    with pytest.raises(ValueError, match="nested too deeply"):
        unpack(_blob(b"[" * 100_000 + b"]" * 100_000))


def test_a_log_bigger_than_the_whole_budget_is_rebuilt_by_replay(fixture_copy, monkeypatch):
    path = fixture_copy()
    monkeypatch.setattr("wargame.saves.load.MAX_LOG", 2000)  # smaller than this log
    loaded = load_save(path)
    assert "rebuilt by replaying" in loaded.notice
    assert len(loaded.game.log) == json.loads(V2.read_text())["status"]["events"]


@pytest.mark.parametrize("where", ["/seed", "/inputs/0/extra", "/meta/n", "/rounds/0/round"])
def test_an_integer_of_more_than_100_digits_anywhere_is_one_line(fixture_copy, where):
    path = fixture_copy()
    doc = json.loads(path.read_text())
    node = doc
    *parts, last = where.strip("/").split("/")
    for p in parts:
        node = node[int(p)] if isinstance(node, list) else node[p]
    node[int(last) if isinstance(node, list) else last] = 10 ** 101
    path.write_text(json.dumps(doc))
    before = digest(path)
    with pytest.raises(DamagedSave, match="102 digits"):
        replay_save(path)
    assert digest(path) == before


def test_a_listing_stops_after_its_file_limit_and_says_so(tmp_path, monkeypatch):
    for i in range(5):
        (tmp_path / f"g{i}_round-01.json").write_bytes(V2.read_bytes())
    monkeypatch.setattr(folders, "LIST_FILES", 3)
    infos = list_saves(tmp_path, everything=True)
    assert len([i for i in infos if i.ok]) == 3
    assert "the listing stopped after 3 files" in infos[-1].error


def test_a_listing_stops_in_time(tmp_path):
    for i in range(3):
        (tmp_path / f"g{i}_round-01.json").write_bytes(V2.read_bytes())
    infos = list_saves(tmp_path, everything=True, seconds=0)
    assert [i for i in infos if not i.ok and "stopped after 0 files" in i.error]


def test_built_in_worlds_have_bounded_sizes():
    assert len(generated_world(MAX_STATES).nations) == MAX_STATES
    for args in ({"n": MAX_STATES + 1}, {"n": 0}, {"n": "30"}, {"n": True},
                 {"n": 5, "rounds": 10 ** 9}, {"n": 5, "seed": 10 ** 200}):
        with pytest.raises(WorldError):
            generated_world(**args)


DEEP: list = [1]
for _ in range(20):
    DEEP = [DEEP]


def test_meta_of_odd_types_comes_back_with_the_types_interfaces_read():
    meta = clean_meta({"players": {"a": "Ana", "b": 5}, "state_names": 7,
                       "seats": [{"nation": "a", "player": "Ana"}, "x", {"nation": 3}],
                       "turns_done": {"round": "1", "phase": "orders", "nations": []},
                       "text_player": 5, "text_computer": ["a", 2], "mine": {"k": [1]},
                       "deep": DEEP})
    assert meta == {"players": {"a": "Ana"}, "seats": [{"nation": "a", "player": "Ana"}],
                    "text_computer": ["a"], "mine": {"k": [1]}}
    assert clean_meta([1, 2]) == {}

