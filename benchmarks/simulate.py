"""How fast `wargame simulate` plays (issue 17): games/min, the speed-up against an
earlier commit measured in the same run, and how a game's cost grows with the world.

    .venv/bin/python benchmarks/simulate.py                 # full run, about 7 minutes
    .venv/bin/python benchmarks/simulate.py --quick         # fewer games, a minute or two
    .venv/bin/python benchmarks/simulate.py --baseline HEAD~3 --games2 3000
    .venv/bin/python benchmarks/simulate.py --instructions 3   # and count instructions

What it measures, every figure in the same run:

1. **One process.** Baltic Flashpoint games played in one process (the loop
   `simulate --jobs 1` runs), timed without Python's start-up by the process's CPU
   time (less disturbed by other work on the machine than the wall clock, which is
   printed too): games/s and games/min, for this tree and for the baseline commit (checked out with `git worktree add` in
   a temporary folder, removed afterwards). The two are timed alternately, twice
   each, and the better of each pair kept, so that other work on the machine hurts
   both alike. The speed-up is their ratio.
2. **Two jobs.** The whole command `wargame simulate --games N --jobs 2 --json`,
   wall clock from start to exit, on this tree (a Dask LocalCluster of two worker
   processes) and on the baseline (its own way of using two processes), alternately,
   twice each (`--runs2`), the better of each kept and every run printed: as in 1.,
   other work on the machine hurts both alike, and a run slowed by it does not stand
   for the code. The cluster's start-up is timed alone too, beside a
   ProcessPoolExecutor's, to show what it adds to a short run.
3. **Growth.** One game of `generated_world(n)` for n = 1000 and 2000 states, played
   as `simulate --games 1` plays it (the first game of a fresh process, the world
   built beforehand); the best of three processes each (`--growth-runs`), by CPU
   time, the two sizes run alternately so that a drift of the machine's speed slows
   both alike. The exponent is log2(t(2000) / t(1000)); n log n allows
   log2(2 ln 2000 / ln 1000) = 1.138. Every run is printed, and the exponent of the
   medians beside it.
4. **Instructions** (with `--instructions N` and valgrind installed): the
   instructions one game executes in each tree, counted by callgrind: a speed-up
   figure that other work on the machine does not disturb; and the growth exponent
   counted the same way (one game of 1000 and of 2000 states, less building the
   world), which shows the work itself apart from the memory's effects.
5. **Same output** (printed first): `simulate --games 5 --json` from both trees,
   compared byte for byte (the golden test, tests/ai/test_golden.py, checks many
   more games).

Targets (MET / NOT MET): at least 5 times the baseline's games/s in one process; at
least 2,000 games/min with two jobs; growth no worse than n log n.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common  # noqa: E402

BASELINE = "4cf8c18"  # main before issue 17's speed work
SPEEDUP_TARGET = 5.0
PER_MIN_TARGET = 2000.0
NLOGN = math.log2(2 * math.log(2000) / math.log(1000))

# one process: play N Baltic games as `simulate --jobs 1` does; print games/s
ONE = r"""
import sys, time
from wargame.simulate import Source, game_seed, play_games
source = Source(None)
world = source.load()[0]
n = int(sys.argv[1])
play_games(source, world, 2, 99, "default", "normal", 1)  # warm up
t, c = time.perf_counter(), time.process_time()
play_games(source, world, n, 1, "default", "normal", 1)
print(n / (time.process_time() - c), n / (time.perf_counter() - t))
"""

# instructions: play N Baltic games (N = 0: start-up alone), under valgrind
PLAY = r"""
import sys
from wargame.simulate import Source, play_games
source = Source(None)
world = source.load()[0]
play_games(source, world, int(sys.argv[1]), 1, "default", "normal", 1)
"""

# growth: one game of a generated world, as `simulate --games 1` plays it (the first
# game in a fresh process: nothing cached from an earlier game); print CPU seconds
GROW = r"""
import sys, time
from wargame.core.worlds import generated_world
from wargame.simulate import Source, play_games
world = generated_world(int(sys.argv[1]))
t = time.process_time()
play_games(Source(None), world, 1, 1, "default", "normal", 1)
print(time.process_time() - t)
"""

# growth, counted: build generated_world(n), then play one game of it (argv[2] 1) or not (0)
GROW_COUNT = r"""
import sys
from wargame.core.worlds import generated_world
from wargame.simulate import Source, play_games
world = generated_world(int(sys.argv[1]))
if int(sys.argv[2]):
    play_games(Source(None), world, 1, 1, "default", "normal", 1)
"""

# start-up of two workers that can play: a Dask LocalCluster, and a process pool
STARTUP = r"""
import logging, time
from concurrent.futures import ProcessPoolExecutor
import multiprocessing as mp

def ready():
    import wargame.analysis.execute  # what a worker imports to play
    return 1

if __name__ == "__main__":
    t = time.perf_counter()
    from dask.distributed import Client, LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR,
                      scheduler_kwargs={"dashboard": False,
                                        "dashboard_address": "127.0.0.1:0"}) as cluster:
        with Client(cluster) as client:
            client.gather([client.submit(ready, pure=False) for _ in range(4)])
            up = time.perf_counter() - t
    dask = time.perf_counter() - t
    t = time.perf_counter()
    with ProcessPoolExecutor(2, mp_context=mp.get_context("fork")) as pool:
        [f.result() for f in [pool.submit(ready) for _ in range(4)]]
    pool_s = time.perf_counter() - t
    print(up, dask, pool_s)
"""


def _run(tree: str, args: list[str], code: str | None = None, timeout: float = 3600) -> str:
    env = dict(os.environ, PYTHONPATH=tree)
    cmd = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "wargame",
                                                           *args]
    done = subprocess.run(cmd, cwd=tree, env=env, capture_output=True, text=True,
                          timeout=timeout)
    if done.returncode:
        raise SystemExit(f"failed in {tree}: {' '.join(args)}\n{done.stderr[-2000:]}")
    return done.stdout


def _count(tree: str, code: str, *args: int) -> int:
    """Instructions the script ``code`` executes in ``tree``, counted by valgrind
    (callgrind): the same on a busy machine as on an idle one."""
    env = dict(os.environ, PYTHONPATH=tree)
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                           sys.executable, "-c", code, *map(str, args)], cwd=tree, env=env,
                          capture_output=True, text=True, timeout=3600)
    for line in done.stderr.splitlines():
        if "Collected" in line:
            return int(line.split()[-1])
    raise SystemExit(f"valgrind failed in {tree}:\n{done.stderr[-2000:]}")


def _instructions(tree: str, games: int) -> float:
    """Instructions a Baltic game: playing ``games`` games, less the start-up alone."""
    return (_count(tree, PLAY, games) - _count(tree, PLAY, 0)) / games


def _grow_instructions(tree: str, n: int) -> int:
    """Instructions one game of generated_world(n) executes (less building the world)."""
    return _count(tree, GROW_COUNT, n, 1) - _count(tree, GROW_COUNT, n, 0)


def _wall(tree: str, args: list[str]) -> float:
    t = time.perf_counter()
    _run(tree, args)
    return time.perf_counter() - t


def _baseline_tree(commit: str) -> str:
    folder = tempfile.mkdtemp(prefix="wargame-baseline-")
    shutil.rmtree(folder)
    subprocess.run(["git", "-C", _common.ROOT, "worktree", "add", "--detach", folder, commit],
                   check=True, capture_output=True)
    return folder


def _remove_tree(folder: str) -> None:
    subprocess.run(["git", "-C", _common.ROOT, "worktree", "remove", "--force", folder],
                   capture_output=True)
    shutil.rmtree(folder, ignore_errors=True)


def met(ok: bool) -> str:
    return "MET" if ok else "NOT MET"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--baseline", default=BASELINE, help=f"commit to compare with "
                    f"(default {BASELINE}, main before this work)")
    ap.add_argument("--games1", type=int, default=150, help="games in one process (150)")
    ap.add_argument("--games2", type=int, default=2400,
                    help="games of the two-job command, this tree (2400)")
    ap.add_argument("--games2-baseline", type=int, default=600,
                    help="games of the two-job command, baseline (600)")
    ap.add_argument("--runs2", type=int, default=2,
                    help="runs of the two-job command in each tree, the best kept (2)")
    ap.add_argument("--growth-runs", type=int, default=3,
                    help="fresh processes for each world size in the growth test (3)")
    ap.add_argument("--quick", action="store_true", help="60 / 600 / 200 games")
    ap.add_argument("--instructions", type=int, default=0, metavar="N",
                    help="also count the instructions of N games in each tree with "
                         "valgrind, unaffected by other work (about 10 s a game)")
    a = ap.parse_args()
    if a.quick:
        a.games1, a.games2, a.games2_baseline = 60, 600, 200
    here = _common.ROOT
    t = time.perf_counter()
    _common.fixed_work()
    ref = time.perf_counter() - t
    print(f"REF (fixed pure-Python work): {1000 * ref:.1f} ms; load average "
          f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores at the start")
    base = _baseline_tree(a.baseline)
    try:
        rev = subprocess.run(["git", "-C", base, "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True).stdout.strip()
        mine = subprocess.run(["git", "-C", here, "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True).stdout.strip()
        print(f"this tree: {mine} (plus any uncommitted changes); baseline: {rev}")

        same = (_run(here, ["simulate", "--games", "5", "--seed", "1", "--jobs", "1",
                            "--json"])
                == _run(base, ["simulate", "--games", "5", "--seed", "1", "--jobs", "1",
                               "--json"]))
        print(f"same output as the baseline (simulate --games 5 --seed 1 --json): "
              f"{'yes' if same else 'no'}" + ("" if same else
              " (the rules changed since the baseline: tests/ai/test_golden.py holds this "
              "tree's output to the golden files of tests/ai/golden/, made at the commit "
              "named there)"))

        print(f"\n1. One process, {a.games1} Baltic Flashpoint games (best of 2, "
              "alternating)")
        new1, old1 = [], []
        for _ in range(2):
            new1.append([float(x) for x in _run(here, [str(a.games1)], ONE).split()])
            old1.append([float(x) for x in _run(base, [str(a.games1)], ONE).split()])
        new1_, old1_ = max(x[0] for x in new1), max(x[0] for x in old1)
        speed = new1_ / old1_
        for name, best, runs in (("this tree", new1_, new1), ("baseline ", old1_, old1)):
            print(f"   {name}: {best:6.1f} games/s  {60 * best:7.0f} games/min by CPU time "
                  f"(runs: {', '.join(f'{x:.1f}' for x, _ in runs)}; by the wall clock: "
                  f"{', '.join(f'{y:.1f}' for _, y in runs)})")
        print(f"   speed-up: {speed:.2f}x   target >= {SPEEDUP_TARGET:g}x: "
              f"{met(speed >= SPEEDUP_TARGET)}")

        print(f"\n2. Two jobs: the whole `simulate --jobs 2 --json` command, wall clock "
              f"(best of {a.runs2}, alternating)")
        up, dask_total, pool = (float(x) for x in _run(here, [], STARTUP).split())
        print(f"   start-up of two workers ready to play: Dask LocalCluster {up:.1f} s "
              f"({dask_total:.1f} s with its shutdown); ProcessPoolExecutor {pool:.1f} s")
        new2, old2 = [], []
        for _ in range(a.runs2):  # alternating, as in 1.: other work slows both alike
            new2.append(_wall(here, ["simulate", "--games", str(a.games2), "--seed", "1",
                                     "--jobs", "2", "--json"]))
            old2.append(_wall(base, ["simulate", "--games", str(a.games2_baseline), "--seed",
                                     "1", "--jobs", "2", "--json"]))
        w_new, w_old = min(new2), min(old2)
        per_min = 60 * a.games2 / w_new
        old_min = 60 * a.games2_baseline / w_old
        print(f"   this tree: {a.games2} games in {w_new:.1f} s = {per_min:6.0f} games/min "
              f"(without the cluster's start-up: {60 * a.games2 / max(1e-9, w_new - up):.0f}; "
              f"runs: {', '.join(f'{60 * a.games2 / w:.0f}' for w in new2)})")
        print(f"   baseline:  {a.games2_baseline} games in {w_old:.1f} s = {old_min:6.0f} "
              f"games/min (runs: {', '.join(f'{60 * a.games2_baseline / w:.0f}' for w in old2)})")
        print(f"   speed-up with two jobs: {per_min / old_min:.2f}x")
        print(f"   target >= {PER_MIN_TARGET:,.0f} games/min with two jobs: "
              f"{met(per_min >= PER_MIN_TARGET)}")

        print(f"\n3. Growth: one game of generated_world(n), best of {a.growth_runs} fresh "
              "processes, the two sizes alternating")
        small, big = [], []
        for _ in range(a.growth_runs):  # alternating: a drift of the machine's speed
            small.append(float(_run(here, ["1000"], GROW)))  # slows both sizes alike
            big.append(float(_run(here, ["2000"], GROW)))
        t1, t2 = min(small), min(big)
        k = math.log2(t2 / t1)
        print(f"   1000 states: {t1:.2f} s   2000 states: {t2:.2f} s   exponent {k:.2f} "
              f"(n log n: {NLOGN:.3f}; n^2: 2)")
        print(f"   runs, 1000: {', '.join(f'{x:.2f}' for x in small)}; 2000: "
              f"{', '.join(f'{x:.2f}' for x in big)} (median exponent "
              f"{math.log2(statistics.median(big) / statistics.median(small)):.2f})")
        print(f"   growth no worse than n log n: {met(k <= NLOGN)}")
        summary = {"speedup_1": round(speed, 2), "games_per_min_2": round(per_min),
                   "exponent": round(k, 3), "same_output": same}
        if a.instructions and shutil.which("valgrind"):
            print(f"\n4. Instructions a game (valgrind), {a.instructions} Baltic games")
            i_new = _instructions(here, a.instructions)
            i_old = _instructions(base, a.instructions)
            print(f"   this tree: {i_new / 1e6:.0f} M   baseline: {i_old / 1e6:.0f} M   "
                  f"speed-up {i_old / i_new:.2f}x (target >= {SPEEDUP_TARGET:g}x: "
                  f"{met(i_old / i_new >= SPEEDUP_TARGET)})")
            summary["speedup_instructions"] = round(i_old / i_new, 2)
            g1, g2 = _grow_instructions(here, 1000), _grow_instructions(here, 2000)
            print(f"   growth, counted: one game of 1000 states {g1 / 1e9:.2f} G, of 2000 "
                  f"states {g2 / 1e9:.2f} G instructions: exponent {math.log2(g2 / g1):.2f} "
                  "(the work itself; the CPU-time exponent of 3. adds the memory's "
                  "slower answers as the world outgrows the caches)")
            summary["exponent_instructions"] = round(math.log2(g2 / g1), 3)
        print(f"\nload average {os.getloadavg()[0]:.2f} at the end: figures are noisy when "
              "others use the machine")
        print(json.dumps(summary))
    finally:
        _remove_tree(base)


if __name__ == "__main__":
    main()
