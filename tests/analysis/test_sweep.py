"""wargame sweep: every combination of campaign values, the same seeds for every
variant, the same rows wherever the games ran, and bad paths refused first."""

from __future__ import annotations

import subprocess
import sys
from argparse import Namespace

import pytest

from wargame.analysis import sweep as sw
from wargame.analysis.variants import SweepError, parse_vary
from wargame.campaign import campaigns_dir

TUTORIAL = str(campaigns_dir() / "tutorial.yaml")
VARY = ("states.corvia.personality.loyalty=0,1",
        "institutions.compact.clauses.art5.strength=automatic,as_it_deems_necessary")


def args(**kw) -> Namespace:
    base = dict(campaign=TUTORIAL, vary=list(VARY), games=4, seed=3, jobs=1, scheduler=None,
                difficulty="normal", metric="attack_rate", out=None, html=None)
    base.update(kw)
    return Namespace(**base)


def test_every_combination_is_a_variant_and_game_i_has_the_same_seed_in_each():
    p = sw.Params(TUTORIAL, VARY, games=3, seed=3)
    vs, rows = sw.sweep(p)
    assert [v.values for v in vs] == [
        (("states.corvia.personality.loyalty", "0"),
         ("institutions.compact.clauses.art5.strength", "automatic")),
        (("states.corvia.personality.loyalty", "0"),
         ("institutions.compact.clauses.art5.strength", "as_it_deems_necessary")),
        (("states.corvia.personality.loyalty", "1"),
         ("institutions.compact.clauses.art5.strength", "automatic")),
        (("states.corvia.personality.loyalty", "1"),
         ("institutions.compact.clauses.art5.strength", "as_it_deems_necessary"))]
    assert len(rows) == 12
    seeds = {(r["variant"], r["game"]): r["seed"] for r in rows}
    for game in range(3):
        assert len({seeds[(v, game)] for v in range(4)}) == 1
    assert len({seeds[(0, g)] for g in range(3)}) == 3


def test_a_variant_changes_the_world_it_plays():
    from pathlib import Path

    from wargame.analysis.variants import variants
    from wargame.campaign import load_campaign

    vs = variants(Path(TUTORIAL), [parse_vary("states.corvia.personality.loyalty=0,1")])
    loyalty = [load_campaign(TUTORIAL, data=v.text).world.nation["corvia"].personality.loyalty
               for v in vs]
    assert loyalty == [0.0, 1.0]


def test_on_a_dask_local_cluster_the_rows_are_the_same_byte_for_byte(tmp_path):
    pytest.importorskip("dask.distributed")
    here, there = tmp_path / "here.csv", tmp_path / "there.csv"
    assert sw.run(args(out=str(here)), out=open(tmp_path / "a.txt", "w")) == 0
    assert sw.run(args(out=str(there), jobs=2), out=open(tmp_path / "b.txt", "w")) == 0
    assert here.read_bytes() == there.read_bytes()
    assert len(here.read_text().splitlines()) == 1 + 4 * 4


@pytest.mark.parametrize("vary, says", [
    ("states.nowhere.personality.loyalty=1", "no 'nowhere' there"),
    ("institutions.compact.clauses.art9.strength=automatic", "no item with id 'art9'"),
    ("states.corvia.personality.loyalty=7", "the campaign refuses it"),
    ("states.corvia.personality.loyalty", "write PATH=VALUE1,VALUE2"),
])
def test_a_bad_path_or_value_is_one_line_before_any_game(tmp_path, capsys, vary, says,
                                                         monkeypatch):
    played = []
    monkeypatch.setattr(sw.execute, "play_batch", lambda b: played.append(b) or [])
    out = tmp_path / "rows.csv"
    assert sw.run(args(vary=[vary], out=str(out))) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and says in err[0] and err[0].startswith("wargame sweep: --vary")
    assert not played and not out.exists()


def test_the_html_report_has_a_chart_per_metric_and_escapes_the_campaign(tmp_path):
    page = tmp_path / "r.html"
    assert sw.run(args(games=2, html=str(page)), out=open(tmp_path / "t.txt", "w")) == 0
    text = page.read_text(encoding="utf-8")
    assert text.count("<svg") == 5 and "<script" not in text
    assert "loyalty" in text and "share of games with an armed attack" in text


def test_the_game_never_imports_dask():
    code = ("import sys, wargame.cli, wargame.tui.app, wargame.simulate; "
            "print('dask' in sys.modules or 'distributed' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr


def test_parse_vary_reads_yaml_scalars():
    v = parse_vary("a.b=0.5,true,automatic")
    assert v.values == (0.5, True, "automatic") and v.texts == ("0.5", "true", "automatic")
    with pytest.raises(SweepError, match="empty value"):
        parse_vary("a.b=1,,2")


def test_rows_can_be_written_as_parquet(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "rows.parquet"
    assert sw.run(args(games=2, out=str(out)), out=open(tmp_path / "t.txt", "w")) == 0
    table = pq.read_table(out)
    assert table.num_rows == 8
    assert "states.corvia.personality.loyalty" in table.column_names


def test_rows_are_never_written_into_a_pipe(tmp_path, capsys):
    import os

    fifo = tmp_path / "rows.csv"
    os.mkfifo(fifo)
    assert sw.run(args(games=1, out=str(fifo)), out=open(tmp_path / "t.txt", "w")) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not a regular file" in err[0]
