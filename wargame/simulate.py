"""`wargame simulate`: computer-vs-computer games, headless, and what they add up to.

Every state is played by its policy (:mod:`wargame.ai`); game ``i`` of a run
with seed ``S`` has the seed ``sub_seed(S, "game", i)``, so a run is repeatable:
the same campaign, seed, number of games, difficulty and policy give the same
output byte for byte, whatever the number of processes or machines (records are
summed in game order). With ``--jobs 1`` games are played in this process; with
more (the default: one per core) they run on a Dask ``LocalCluster`` of that many
worker processes, and with ``--scheduler tcp://HOST:PORT`` on an existing Dask
cluster (:mod:`wargame.analysis.execute`: batches of games, a bounded window of
them in flight, results streamed back). A Rich progress bar is drawn on standard
error when it is a terminal, then a table of outcomes is printed — or, with
``--json``, one JSON document.

The CLI calls :func:`run` with its parsed arguments::

    from wargame.simulate import run
    sys.exit(run(args, sys.stdout))
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .ai import Difficulty, GameRecord, UnknownPolicy, available, get, play_game, sub_seed
from .core.model import World

DEFAULT_GAMES = 100
TABLE_WIDTH = 100  # fixed width when not drawing on a terminal: repeatable output
ENDINGS = ("resolved", "settled", "frozen", "war", "unfinished")


class SimulateError(Exception):
    """A problem with the arguments or the campaign: one line for the user."""


# --------------------------------------------------------------- parameters
@dataclass(frozen=True)
class Params:
    campaign: str | None = None  # a campaign file; None: the bundled default
    games: int = DEFAULT_GAMES
    seed: int | None = None  # None: the campaign's seed
    json: bool = False
    jobs: int | None = None  # None: every core
    difficulty: str = Difficulty.NORMAL.value
    policy: str | None = None  # one policy for every state; None: the campaign's / default
    save_dir: str | None = None  # write every finished game there as a save
    explain: bool = False  # play game 0 only and print why each decision was taken
    scheduler: str | None = None  # tcp://HOST:PORT of a Dask cluster to play on

    @classmethod
    def of(cls, args: Any) -> "Params":
        """From an ``argparse.Namespace`` (or any object with these attributes)."""
        if isinstance(args, cls):
            return args
        get_ = (args.get if isinstance(args, dict) else lambda k, d=None: getattr(args, k, d))
        games = get_("games")
        return cls(campaign=get_("campaign"), games=DEFAULT_GAMES if games is None else games,
                   seed=get_("seed"), json=bool(get_("json", False)), jobs=get_("jobs"),
                   difficulty=get_("difficulty") or Difficulty.NORMAL.value,
                   policy=get_("policy"), save_dir=get_("save_dir"),
                   explain=bool(get_("explain", False)), scheduler=get_("scheduler"))


@dataclass(frozen=True)
class Source:
    """Where the world comes from; picklable, so each worker loads its own copy."""

    campaign: str | None = None

    def load(self) -> tuple[World, int, str, dict[str, str]]:
        """(world, campaign seed, title, policy per state named by the campaign)."""
        try:
            from .campaign import DEFAULT_CAMPAIGN, CampaignErrors, load_campaign
        except ImportError:  # the campaign loader is not there: the demo world
            if self.campaign:
                raise SimulateError("this installation cannot read campaign files") from None
            from .core.worlds import demo_world
            w = demo_world()
            return w, 0, w.title, {}
        try:
            c = load_campaign(self.campaign or DEFAULT_CAMPAIGN)
        except CampaignErrors as exc:
            raise SimulateError(str(exc)) from None
        except OSError as exc:
            raise SimulateError(f"{self.campaign}: {exc.strerror or exc}") from None
        return c.world, int(getattr(c, "seed", 0) or 0), c.title, dict(
            getattr(c, "policies", None) or {})

    def data(self) -> tuple[str, bytes]:
        """(name, bytes) of the campaign file, for workers that load it themselves."""
        from .campaign import DEFAULT_CAMPAIGN

        path = Path(self.campaign or DEFAULT_CAMPAIGN)
        try:
            return str(path), path.read_bytes()
        except OSError as exc:
            raise SimulateError(f"{path}: {exc.strerror or exc}") from None


# --------------------------------------------------------------- running games

@dataclass(frozen=True)
class Saver:
    """Writes each finished game as a save (``--save-dir``); picklable for workers."""

    folder: str
    source: Any  # wargame.saves.WorldSource, made once per run
    seed: int

    def __call__(self, index: int) -> Callable[[Any], None]:
        from .saves import save_game

        name = f"sim-{self.seed}_game-{index:04d}"
        return lambda game: save_game(game, self.source, self.folder, name=name,
                                      meta={"simulate": {"seed": self.seed, "game": index}})


def _play_one(world: World, seed: int, i: int, policies, difficulty: str,
              saver: "Saver | None") -> GameRecord:
    return play_game(world, game_seed(seed, i), policies, difficulty,
                     finished=saver(i) if saver else None)


def _default() -> str:
    from .campaign import DEFAULT_CAMPAIGN

    return str(DEFAULT_CAMPAIGN)


def game_seed(seed: int, index: int) -> int:
    """The seed of game ``index`` in a run with ``seed``."""
    return sub_seed(seed, "game", index) % (2 ** 63)


GC_GAMES = 20
"""Games played in bulk (in this process, over every batch) between two collections
of garbage."""


class BulkPlay:
    """What :func:`bulk_play` hands its loop: call :meth:`played` after each game."""

    games = 0  # played in bulk in this process

    def played(self) -> None:
        BulkPlay.games += 1
        if BulkPlay.games % GC_GAMES == 0:
            gc.collect()


_BULK = {"depth": 0, "was_on": True}  # plays in bulk under way in this process
_BULK_LOCK = threading.Lock()


@contextmanager
def bulk_play() -> Iterator[BulkPlay]:
    """Play games in bulk with the automatic garbage collector off, collecting every
    :data:`GC_GAMES` games instead, and with what existed before (the world, the
    loaded code) frozen, so that no collection walks it again.

    A game makes no reference cycles (a collection after a 2,000-state game finds
    nothing unreachable), so the automatic collections found nothing, yet each walked
    the young objects and what they hold: a view holds a dict of every state, so in
    a large world their cost grew as the square of its size (0.1 s of a 0.8 s
    2,000-state game). Collecting every few games still frees whatever cycle a
    future change may make, with the memory it holds bounded by those games.

    The collector is the process's: when several threads play at once (a Dask
    worker with several threads), the first to start turns it off and the last to
    finish turns it back on."""
    with _BULK_LOCK:
        if _BULK["depth"] == 0:
            _BULK["was_on"] = gc.isenabled()
            gc.disable()
            gc.freeze()
        _BULK["depth"] += 1
    try:
        yield BulkPlay()
    finally:
        with _BULK_LOCK:
            _BULK["depth"] -= 1
            if _BULK["depth"] == 0:
                gc.unfreeze()
                if _BULK["was_on"]:
                    gc.enable()


def play_games(source: Source, world: World, games: int, seed: int,
               policies: dict[str, str] | str, difficulty: str, jobs: int = 1,
               tick: Callable[[int], None] | None = None,
               started: Callable[[], None] | None = None,
               saver: Saver | None = None,
               scheduler: str | None = None) -> list[GameRecord]:
    """Play ``games`` games; records in game order.

    ``jobs`` 1 without ``scheduler``: here, one after the other. Otherwise on Dask
    (a ``LocalCluster`` of ``jobs`` worker processes, or the cluster at
    ``scheduler``), in batches (:mod:`wargame.analysis.execute`). ``tick(k)`` is
    called as ``k`` more games finish; ``started()`` once the workers are up (start
    a progress display's thread only then).
    """
    jobs = max(1, min(jobs, games))
    if jobs == 1 and not scheduler:
        if started:
            started()
        out = []
        with bulk_play() as bulk:
            for i in range(games):
                out.append(_play_one(world, seed, i, policies, difficulty, saver))
                bulk.played()
                if tick:
                    tick(1)
        return out
    from .analysis import execute

    name, text = source.data()
    work = execute.batches([(0, name, text)], games, seed, policies, difficulty,
                           saver=saver)
    found: dict[int, GameRecord] = {}
    for _, i, rec in execute.run(work, jobs, scheduler, tick, started):
        found[i] = rec
    return [found[i] for i in range(games)]


def _cluster_error(exc: Exception, scheduler: str | None) -> str:
    from .textsafe import one_line

    where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
    return one_line(f"cannot play on {where}: {exc}")


# --------------------------------------------------------------- summing up
def _r(x: float, nd: int = 3) -> float:
    return round(float(x), nd)


def summarise(records: Sequence[GameRecord], world: World) -> dict:
    """What a batch of games adds up to (plain data: the JSON document's body)."""
    n = len(records)
    outcomes = {e: 0 for e in ENDINGS}
    for rec in records:
        outcomes[rec.outcome] = outcomes.get(rec.outcome, 0) + 1
    outcomes = {k: v for k, v in outcomes.items() if v or k != "unfinished"}
    peaks = sorted(rec.peak for rec in records)
    attacked = [rec for rec in records if rec.attacks]
    obl = {k: sum(rec.obligations.get(k, 0) for rec in records)
           for k in ("kept", "declined", "lapsed", "open")}
    com = {k: sum(rec.commitments.get(k, 0) for rec in records)
           for k in ("kept", "broken", "open")}
    answered = obl["kept"] + obl["declined"]
    states = {}
    for nat in world.nations:
        i = nat.id
        scores = [rec.scores[i] for rec in records]
        states[i] = {
            "name": nat.name,
            "score": _r(statistics.fmean(scores)) if n else 0.0,
            "possible": records[0].possible[i] if n else 0,
            "attacked_in": _r(sum(i in rec.attackers() for rec in records) / n) if n else 0.0,
            "kept": sum(rec.kept.get(i, 0) for rec in records),
            "declined": sum(rec.declined.get(i, 0) for rec in records),
            "contribution": _r(statistics.fmean(rec.contributions[i] for rec in records))
            if n else 0.0,
            "escalation": _r(statistics.fmean(rec.pushed[i] for rec in records)) if n else 0.0,
        }
    return {
        "games": n,
        "outcomes": outcomes,
        "war_rate": _r(outcomes.get("war", 0) / n) if n else 0.0,
        "attack_rate": _r(len(attacked) / n) if n else 0.0,
        "first_attack_round": _r(statistics.fmean(rec.attacks[0][0] for rec in attacked))
        if attacked else None,
        "escalation_peak": {
            "mean": _r(statistics.fmean(peaks)) if n else 0.0,
            "median": _r(statistics.median(peaks)) if n else 0.0,
            "p90": _r(peaks[min(n - 1, int(0.9 * n))]) if n else 0.0,
            "max": _r(peaks[-1]) if n else 0.0,
        },
        "rounds": _r(statistics.fmean(rec.rounds for rec in records)) if n else 0.0,
        "obligations": dict(obl, kept_share=_r(obl["kept"] / answered) if answered else None),
        "commitments": com,
        "policy_errors": sum(len(rec.errors) for rec in records),
        "states": states,
    }


# --------------------------------------------------------------- output
def _table(doc: dict, out: IO[str]) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from .textsafe import one_line, unwrap

    tty = out.isatty()
    style = box.HEAVY_HEAD if tty else box.ASCII2  # plain ASCII in files and pipes
    # Rich writes its own escape codes (colour, on a terminal), so it gets the stream
    # itself; text from the campaign reaches it only as Text (never markup), each
    # string through one_line (no control character, no line break)
    con = Console(file=unwrap(out), width=None if tty else TABLE_WIDTH, force_terminal=tty,
                  no_color=not tty, highlight=False, emoji=False, soft_wrap=False,
                  markup=False)
    s = doc["summary"]
    n = s["games"]
    con.print(Text(one_line(f"{doc['campaign']}: {n} games, seed {doc['seed']}, difficulty "
                            f"{doc['difficulty']}, policy {doc['policy']}")))
    t = Table(title="Outcomes", title_justify="left", box=style)
    t.add_column("ending")
    t.add_column("games", justify="right")
    t.add_column("share", justify="right")
    for k, v in s["outcomes"].items():
        t.add_row(Text(one_line(k)), str(v), f"{100 * v / n:.1f}%")
    con.print(t)
    peak = s["escalation_peak"]
    obl, com = s["obligations"], s["commitments"]
    first = s["first_attack_round"]
    t = Table(title="Crisis", title_justify="left", show_header=False, box=style)
    t.add_column("what")
    t.add_column("value", justify="right")
    t.add_row("war rate (games ending in war)", f"{100 * s['war_rate']:.1f}%")
    t.add_row("games with an armed attack", f"{100 * s['attack_rate']:.1f}%")
    t.add_row("first armed attack, mean round", "-" if first is None else f"{first:.1f}")
    t.add_row("escalation peak: mean / median / p90 / max",
              f"{peak['mean']:.1f} / {peak['median']:.1f} / {peak['p90']:.1f} / "
              f"{peak['max']:.1f}")
    t.add_row("rounds played, mean", f"{s['rounds']:.1f}")
    share = obl["kept_share"]
    t.add_row("obligations kept / declined / lapsed",
              f"{obl['kept']} / {obl['declined']} / {obl['lapsed']}"
              + ("" if share is None else f" ({100 * share:.0f}% kept)"))
    t.add_row("commitments kept / broken", f"{com['kept']} / {com['broken']}")
    if s["policy_errors"]:
        t.add_row("illegal orders or votes from policies", str(s["policy_errors"]))
    con.print(t)
    t = Table(title="States", title_justify="left", box=style)
    for col, just in (("state", "left"), ("mean score", "right"), ("attacks in", "right"),
                      ("kept", "right"), ("declined", "right"), ("contribution", "right"),
                      ("escalation", "right")):
        t.add_column(col, justify=just)
    for i, st in s["states"].items():
        t.add_row(Text(one_line(st["name"])), f"{st['score']:.1f} / {st['possible']}",
                  f"{100 * st['attacked_in']:.0f}%", str(st["kept"]), str(st["declined"]),
                  f"{st['contribution']:.1f}", f"{st['escalation']:.1f}")
    con.print(t)
    con.print("attacks in: share of games in which the state launched an armed attack; "
              "contribution: burden-sharing contributions (deployments, aid, spending, "
              "sanctions costs, losses beside allies); escalation: escalation its own "
              "orders added, per game.", soft_wrap=True)


def _progress(err: IO[str], total: int):
    """A transient Rich progress bar on ``err`` if it is a terminal, else nothing."""
    if not (hasattr(err, "isatty") and err.isatty()):
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, \
        TimeRemainingColumn

    from .textsafe import unwrap

    prog = Progress(TextColumn("simulating"), BarColumn(), MofNCompleteColumn(),
                    TimeRemainingColumn(), console=Console(file=unwrap(err)),
                    transient=True)
    return prog


def run(args: Any, out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    """``wargame simulate``: returns the exit status (0 ok, 2 bad arguments/campaign)."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        p = Params.of(args)
        if p.games < 1:
            raise SimulateError("--games must be at least 1")
        if p.jobs is not None and p.jobs < 1:
            raise SimulateError("--jobs must be at least 1")
        try:
            difficulty = Difficulty.parse(p.difficulty).value
        except ValueError as exc:
            raise SimulateError(str(exc)) from None
        source = Source(p.campaign)
        world, campaign_seed, title, named = source.load()
        seed = campaign_seed if p.seed is None else p.seed
        policies: dict[str, str] | str = p.policy or {n: named.get(n, "default")
                                                      for n in world.ids}
        for name in ([policies] if isinstance(policies, str) else
                     list(dict.fromkeys(policies.values()))):
            try:
                get(name)
            except UnknownPolicy as exc:
                raise SimulateError(str(exc)) from None
        saver = None
        if p.save_dir:
            from .saves import source_of

            try:
                os.makedirs(p.save_dir, exist_ok=True)
            except OSError as exc:
                raise SimulateError(f"cannot use --save-dir {p.save_dir}: "
                                    f"{exc.strerror or exc}") from None
            saver = Saver(p.save_dir, source_of(p.campaign or _default()), seed)
    except SimulateError as exc:
        print(f"wargame simulate: {exc}", file=err)
        return 2
    if p.explain:
        from .ai.explain import explain_game

        out.write(explain_game(world, game_seed(seed, 0), policies, difficulty))
        return 0
    jobs = p.jobs or os.cpu_count() or 1
    bar = _progress(err, p.games)
    started = time.perf_counter()
    try:
        if bar is not None:
            task = bar.add_task("games", total=p.games)
            try:
                records = play_games(source, world, p.games, seed, policies, difficulty,
                                     jobs, tick=lambda k: bar.advance(task, k),
                                     started=bar.start, saver=saver, scheduler=p.scheduler)
            finally:
                bar.stop()
        else:
            records = play_games(source, world, p.games, seed, policies, difficulty, jobs,
                                 saver=saver, scheduler=p.scheduler)
    except SimulateError as exc:
        print(f"wargame simulate: {exc}", file=err)
        return 2
    except OSError as exc:  # no Dask scheduler at that address, and the like
        print(f"wargame simulate: {_cluster_error(exc, p.scheduler)}", file=err)
        return 2
    elapsed = time.perf_counter() - started
    doc = {
        "campaign": title,
        "seed": seed,
        "difficulty": difficulty,
        "policy": policies if isinstance(policies, str) else (
            "default" if set(policies.values()) == {"default"} else policies),
        "summary": summarise(records, world),
        "games": [{"index": i, "seed": rec.seed, "outcome": rec.outcome,
                   "rounds": rec.rounds, "peak": _r(rec.peak),
                   "attacks": [list(a) for a in rec.attacks], **rec.war_dict(),
                   "votes": list(rec.votes)}
                  for i, rec in enumerate(records)],
    }
    if p.json:
        from .jsontext import indented  # json.dumps(indent=2)'s text, faster

        out.write(indented(doc) + "\n")
    else:
        _table(doc, out)
    if bar is not None:  # timing is for people, never part of the (repeatable) output
        n = min(jobs, p.games)
        where = (f"on the Dask cluster at {p.scheduler}" if p.scheduler else
                 "in this process" if n == 1 else f"on {n} local Dask workers")
        from .textsafe import one_line

        print(one_line(f"{p.games} games in {elapsed:.1f} s ({p.games / elapsed:.1f} "
                       f"games/s, {where})"), file=err)
    return 0


__all__ = ["Params", "SimulateError", "Source", "available", "game_seed", "play_games",
           "run", "summarise"]
