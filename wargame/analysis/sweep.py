"""`wargame sweep`: the same games under every combination of campaign values.

``wargame sweep CAMPAIGN --vary PATH=V1,V2 [--vary ...] --games N --seed S`` plays
N computer games of each variant (:mod:`.variants`). Game ``i`` of every variant
is played with the same seed (common random numbers: a difference between
variants comes from the variant, not from luck), whatever machine or process
played it. It prints a table of the metrics per variant and a chart of one
(``--metric``), and writes one row per game with ``--out FILE.csv`` (or
``.parquet``) and a report with charts with ``--html FILE.html``.
"""

from __future__ import annotations

import csv
import io
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from . import execute
from .variants import SweepError, Variant, parse_vary, variants

METRICS = {
    "attack_rate": "share of games with an armed attack",
    "invasion_rate": "share of games in which an invasion took land",
    "held_rate": "share of games ending with land held by an occupier",
    "war_rate": "share of games ending in general war",
    "resolved_rate": "share of games ending resolved or settled",
    "kept": "obligations kept a game",
    "declined": "obligations declined a game",
    "peak": "highest crisis level, mean",
}
OUTCOMES = ("resolved", "settled", "frozen", "war", "unfinished")


@dataclass(frozen=True)
class Params:
    campaign: str
    vary: tuple[str, ...]
    games: int = 20
    seed: int = 0
    jobs: int = 1
    scheduler: str | None = None
    difficulty: str = "normal"
    metric: str = "attack_rate"
    out: str | None = None
    html: str | None = None


def row(variant: Variant, game: int, rec) -> dict[str, Any]:
    """One game as one row: the variant's values, then what happened."""
    r: dict[str, Any] = {path: value for path, value in variant.values}
    r.update(variant=variant.index, game=game, seed=rec.seed, outcome=rec.outcome,
             rounds=rec.rounds, attack=int(bool(rec.attacks)), invasion=int(bool(rec.taken)),
             held=int(bool(rec.held_at_end)), war=int(rec.outcome == "war"),
             peak=round(rec.peak, 3), kept=rec.obligations.get("kept", 0),
             declined=rec.obligations.get("declined", 0))
    for state, score in sorted(rec.scores.items()):
        r[f"score_{state}"] = score
    return r


def summary(rows: list[dict]) -> dict[str, float]:
    n = len(rows) or 1
    out = {
        "games": len(rows),
        "attack_rate": sum(r["attack"] for r in rows) / n,
        "invasion_rate": sum(r["invasion"] for r in rows) / n,
        "held_rate": sum(r["held"] for r in rows) / n,
        "war_rate": sum(r["war"] for r in rows) / n,
        "resolved_rate": sum(r["outcome"] in ("resolved", "settled") for r in rows) / n,
        "kept": sum(r["kept"] for r in rows) / n,
        "declined": sum(r["declined"] for r in rows) / n,
        "peak": statistics.fmean(r["peak"] for r in rows) if rows else 0.0,
    }
    for o in OUTCOMES:
        out[f"share_{o}"] = sum(r["outcome"] == o for r in rows) / n
    return out


def prepare(p: Params) -> list[Variant]:
    """Check the arguments and build every variant, before any game is played."""
    if p.games < 1:
        raise SweepError("--games must be at least 1")
    if p.jobs < 1:
        raise SweepError("--jobs must be at least 1")
    if p.metric not in METRICS:
        raise SweepError(f"--metric {p.metric!r}: choose one of {', '.join(METRICS)}")
    path = Path(p.campaign)
    if not path.is_file():
        raise SweepError(f"{p.campaign}: no such campaign file")
    for out, kinds in ((p.out, (".csv", ".parquet")), (p.html, (".html",))):
        if out and not out.endswith(kinds):
            raise SweepError(f"{out}: name a {' or '.join(kinds)} file")
        if out:
            _regular_or_absent(out)
    return variants(path, [parse_vary(v) for v in p.vary])


def sweep(p: Params, vs: list[Variant] | None = None, tick=None,
          started=None) -> tuple[list[Variant], list[dict]]:
    """Play every variant's games; rows sorted by (variant, game)."""
    vs = vs if vs is not None else prepare(p)
    path = Path(p.campaign)
    work = execute.batches([(v.index, str(path), v.text) for v in vs], p.games, p.seed,
                           "default", p.difficulty)
    found = {}
    for key, game, rec in execute.run(work, p.jobs, p.scheduler, tick, started):
        found[(key, game)] = row(vs[key], game, rec)
    return vs, [found[k] for k in sorted(found)]


# ----------------------------------------------------------------- output
def _regular_or_absent(path: str) -> None:
    """Rows and reports are written only to a new file or over a regular one: never
    into a pipe, a device or a folder (checked before any game runs, and again)."""
    import os
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if not stat.S_ISREG(mode):
        raise SweepError(f"{path}: not a regular file (a pipe, a device or a folder): "
                         "name a new file")


def write_rows(rows: list[dict], out: str) -> None:
    """CSV, or Parquet for a .parquet file (needs pyarrow)."""
    _regular_or_absent(out)
    if out.endswith(".parquet"):
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise SweepError(f"{out}: writing Parquet needs pyarrow "
                             "(pip install pyarrow), or write .csv") from None
        pq.write_table(pa.Table.from_pylist(rows), out)
        return
    from ..saves.atomic import write_atomic

    write_atomic(Path(out), csv_text(rows).encode("utf-8"))


def csv_text(rows: list[dict]) -> str:
    buf = io.StringIO()
    if rows:
        w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return buf.getvalue()


def by_variant(vs: list[Variant], rows: list[dict]) -> list[tuple[Variant, dict]]:
    return [(v, summary([r for r in rows if r["variant"] == v.index])) for v in vs]


def table(p: Params, vs: list[Variant], rows: list[dict], out: IO[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    from ..textsafe import printable

    terminal = getattr(out, "isatty", lambda: False)()
    con = Console(file=out, width=None if terminal else 100, no_color=not terminal,
                  highlight=False, emoji=False)
    con.print(f"{printable(Path(p.campaign).name)}: {p.games} games a variant, seed {p.seed}, "
              f"{len(vs)} variant(s); game i of every variant has the same seed",
              markup=False)
    t = Table(show_edge=False, pad_edge=False)
    for path, _ in vs[0].values:
        t.add_column(printable(path.rsplit(".", 1)[-1]))
    for name in ("attack", "invasion", "held", "war", "resolved", "kept", "declined", "peak"):
        t.add_column(name, justify="right")
    for v, s in by_variant(vs, rows):
        t.add_row(*(printable(val) for _, val in v.values),
                  *(f"{100 * s[k]:.0f}%" for k in ("attack_rate", "invasion_rate",
                                                    "held_rate", "war_rate", "resolved_rate")),
                  f"{s['kept']:.1f}", f"{s['declined']:.1f}", f"{s['peak']:.1f}")
    con.print(t)
    con.print()
    con.print(chart(p.metric, by_variant(vs, rows)), markup=False)


def chart(metric: str, summaries: list[tuple[Variant, dict]], width: int = 40) -> str:
    """A bar chart of ``metric`` per variant, in plain characters."""
    values = [s[metric] for _, s in summaries]
    top = max(values + [1e-9])
    share = metric.endswith("_rate")
    labels = [v.label for v, _ in summaries]
    pad = max(len(x) for x in labels)
    lines = [f"{metric}: {METRICS[metric]}"]
    for label, x in zip(labels, values):
        bar = "█" * round(width * x / (1.0 if share else top))
        lines.append(f"{label:<{pad}}  {bar} {100 * x:.0f}%" if share
                     else f"{label:<{pad}}  {bar} {x:.2f}")
    return "\n".join(lines)


def run(args: Any, out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    p = Params(campaign=args.campaign, vary=tuple(args.vary or ()), games=args.games,
               seed=args.seed, jobs=args.jobs or 1, scheduler=args.scheduler,
               difficulty=args.difficulty, metric=args.metric, out=args.out,
               html=args.html)
    from ..saves.errors import SaveWriteError
    from .report import html_report

    try:
        vs = prepare(p)
        with _progress(err) as bar:
            task = bar.add_task("games", total=p.games * len(vs)) if bar else None
            vs, rows = sweep(p, vs, tick=(lambda k: bar.advance(task, k)) if bar else None)
        table(p, vs, rows, out)
        if p.out:
            write_rows(rows, p.out)
        if p.html:
            from ..saves.atomic import write_atomic

            write_atomic(Path(p.html), html_report(p, by_variant(vs, rows)).encode("utf-8"))
    except SweepError as exc:
        from ..textsafe import one_line

        print(f"wargame sweep: {one_line(str(exc))}", file=err)
        return 2
    except SaveWriteError as exc:
        print(f"wargame sweep: {exc}", file=err)
        return 2
    except OSError as exc:
        print(f"wargame sweep: {exc.filename or ''}: {exc.strerror or exc}", file=err)
        return 2
    return 0


class _NoBar:
    def __enter__(self):
        return None

    def __exit__(self, *a):
        return False


def _progress(err):
    if not getattr(err, "isatty", lambda: False)():
        return _NoBar()
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    return Progress(TextColumn("sweep"), BarColumn(), MofNCompleteColumn(),
                    console=Console(file=err), transient=True)
