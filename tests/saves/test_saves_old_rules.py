"""Saves made under the rules before issue 11 (the ladder's events, ally tension,
ceasefire demands as provisional measures, `binds`): `fixtures/old-rules-*.json` are
the fixtures as `make_fixtures.py` wrote them then, kept unchanged.

A format-2 save holds snapshots and the state's shape: under another shape it loads
from its snapshot, with a notice, and plays on under the new rules. A format-1 save
has no snapshot and no shape, so it is replayed and its hashes checked: under new
rules it is refused in one line that says the rules changed, never with a traceback.
If a later change of the core makes the format-2 save refuse too, that refusal must
still be one line (``SaveError``): change the first test to say so."""

from __future__ import annotations

import subprocess
import sys

import pytest
from saveplay import FIXTURES, digest

from wargame.saves import ReplayMismatch, load_save

OLD_V1 = FIXTURES / "old-rules-v1-tutorial.json"
OLD_V2 = FIXTURES / "old-rules-v2-tutorial.json"


def test_an_old_rules_format_2_save_loads_from_its_snapshot_and_plays_on():
    before = digest(OLD_V2)
    loaded = load_save(OLD_V2)
    assert any("another shape; it is loaded without checking its state hashes" in n
               for n in loaded.notices), loaded.notices
    game = loaded.game
    assert (game.round, game.phase) == (4, "orders")
    game.resolve()  # the round is played under the new rules
    assert game.round == 5 or game.over
    assert digest(OLD_V2) == before


def test_an_old_rules_format_1_save_is_refused_in_one_line_that_says_why():
    before = digest(OLD_V1)
    with pytest.raises(ReplayMismatch) as err:
        load_save(OLD_V1)
    line = str(err.value)
    assert "\n" not in line
    assert "old-rules-v1-tutorial.json" in line
    # it was written by wargame 0.1.0, before the rules of issue 11 (version 0.2.0)
    assert "does not replay the same with wargame 0.2.0" in line
    assert "open it with wargame 0.1.0" in line
    assert "the file was not changed" in line
    assert digest(OLD_V1) == before


@pytest.mark.parametrize("fixture", [OLD_V1, OLD_V2], ids=["v1", "v2"])
def test_the_commands_never_show_a_traceback_for_an_old_rules_save(fixture):
    for argv in (["replay", "--quiet", str(fixture)], ["report", str(fixture)]):
        run = subprocess.run([sys.executable, "-m", "wargame", *argv], capture_output=True,
                             text=True, timeout=120)
        assert "Traceback" not in run.stdout + run.stderr, run.stderr
        assert run.returncode in (0, 1, 2)
        if run.returncode:
            last = run.stderr.strip().splitlines()[-1]
            assert fixture.name in last and "does not replay the same" in last

