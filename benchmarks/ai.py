"""How fast do computer-played states decide, and how many games a second does simulate play?

Run from the repository root::

    .venv/bin/python benchmarks/ai.py            # full run, about a minute
    .venv/bin/python benchmarks/ai.py --quick    # a few seconds, for a smoke test

1. **Deciding one round.** For each generated world (``generated_world(n, seed)``,
   n = 10, 30, 100, 193) it plays short games in which every state is computer
   played (default policy, normal difficulty). Each round, in the orders phase,
   it times for *every* state:

   * ``views``  - ``game.view(state)``: what the state may see (the rules core's
     work, including its legal options);
   * ``decide`` - ``policy.orders(view)``: the policy's own work;
   * ``total``  - both: the time for all computer-played states to decide a round.

   Medians over the timed rounds; growth exponents ``log(t2/t1)/log(n2/n1)``
   between sizes next to n log n's; the verdict against the targets (30 states
   under 30 ms, 193 under 300 ms, growth no worse than n log n). The ``calm``
   worlds are ``generated_world`` as it is (every state has default personality);
   the ``hot`` ones make every tenth state an aggressor (aggression 0.8) that wants
   a quarter of a neighbour's territory, so rounds have threats, attacks,
   obligations and drafts.
2. **Games per second** of ``wargame simulate`` on the default campaign, in one
   process and in one process per core (process start-up included).

A fixed amount of pure-Python work (the same ``REF`` as benchmarks/engine.py) is
timed in the same run and every time is also given in ``x REF``, to compare
machines. Nothing is written to disk.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import math
import os
import random
import statistics
import sys
import time

from _common import ROOT, fixed_work  # noqa: E402  (puts the repository on sys.path)

try:
    from wargame.ai import ComputerPlayers
    from wargame.core import Game, generated_world
    from wargame.core.model import Objective, ObjectiveKind, Personality
    from wargame.simulate import Source, play_games
except ImportError as exc:
    sys.exit(f"cannot import wargame ({exc}); run with the project's virtualenv: "
             ".venv/bin/python benchmarks/ai.py")

SIZES = (10, 30, 100, 193)
TARGETS = {30: 0.030, 193: 0.300}




def reference(repeat: int = 7) -> float:
    fixed_work()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fixed_work()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def hot(world):
    """Every tenth state an aggressor that wants a quarter of a neighbour."""
    rng = random.Random(1)
    ids = list(world.ids)
    nations = []
    for k, n in enumerate(world.nations):
        if k % 10 == 3:
            victim = ids[(k + 1 + rng.randrange(3)) % len(ids)]
            n = dataclasses.replace(
                n, personality=Personality(aggression=0.8, risk_tolerance=0.7, loyalty=0.3),
                objectives=n.objectives + (Objective(ObjectiveKind.GAIN_TERRITORY, 10, victim,
                                                     25),))
        nations.append(n)
    return dataclasses.replace(world, nations=tuple(nations))


def decide_rounds(world, seeds, rounds):
    """Per timed round: (views s, decide s, total s, stage). Warm-up round untimed."""
    out = []
    for seed in seeds:
        game = Game(world, seed)
        players = ComputerPlayers(world, seed)
        for rnd in range(rounds + 1):
            if game.over:
                break
            game.advance()
            players.vote(game)
            game.advance()
            gc.collect()
            views = decide = 0.0
            for n, policy in players.policies.items():
                t0 = time.perf_counter()
                view = game.view(n)
                t1 = time.perf_counter()
                orders = policy.orders(view)
                t2 = time.perf_counter()
                views += t1 - t0
                decide += t2 - t1
                game.submit_orders(n, orders)
            if rnd:
                out.append((views, decide, views + decide, game.stage))
            game.resolve()
    return out


def growth(sizes, times):
    rows = []
    for (n1, t1), (n2, t2) in zip(zip(sizes, times), list(zip(sizes, times))[1:]):
        exp = math.log(t2 / t1) / math.log(n2 / n1) if t1 > 0 and t2 > 0 else float("nan")
        nlogn = math.log((n2 * math.log(n2)) / (n1 * math.log(n1))) / math.log(n2 / n1)
        rows.append((n1, n2, exp, nlogn))
    return rows


def bench_decide(quick: bool, ref: float) -> bool:
    seeds = (0,) if quick else (0, 1)
    rounds = 3 if quick else 6
    ok = True
    for label, make in (("calm", lambda n: generated_world(n, seed=0)),
                        ("hot", lambda n: hot(generated_world(n, seed=0)))):
        print(f"\nDeciding one round, {label} generated worlds "
              f"({len(seeds)} game(s) x {rounds} timed rounds per size; medians)")
        print(f"{'states':>6} {'views ms':>9} {'decide ms':>10} {'total ms':>9} "
              f"{'total xREF':>10} {'max ms':>8} {'per state us':>12}  stages")
        totals, decides = [], []
        for n in SIZES:
            rows = decide_rounds(make(n), seeds, rounds)
            v = statistics.median(r[0] for r in rows)
            d = statistics.median(r[1] for r in rows)
            t = statistics.median(r[2] for r in rows)
            stages = sorted({r[3] for r in rows})
            totals.append(t)
            decides.append(d)
            print(f"{n:>6} {1e3 * v:>9.2f} {1e3 * d:>10.2f} {1e3 * t:>9.2f} {t / ref:>10.2f} "
                  f"{1e3 * max(r[2] for r in rows):>8.2f} {1e6 * t / n:>12.1f}  "
                  f"{', '.join(stages)}")
        print("growth exponents (total | decide)   vs n log n")
        for (n1, n2, e, nl), (_, _, e2, _) in zip(growth(SIZES, totals), growth(SIZES, decides)):
            print(f"   {n1:>3} -> {n2:<3}  {e:5.2f} | {e2:5.2f}          {nl:5.2f}")
        for n, limit in TARGETS.items():
            t = totals[SIZES.index(n)]
            met = t < limit
            ok &= met
            print(f"target: {n} states decide in under {1e3 * limit:.0f} ms: "
                  f"{1e3 * t:.1f} ms -> {'MET' if met else 'NOT MET'}")
        g = growth(SIZES, totals)[-1]
        met = g[2] <= g[3]
        ok &= met
        print(f"target: deciding a round (views and policies) grows no worse than n log n "
              f"(100 -> 193: {g[2]:.2f} vs {g[3]:.2f}) -> {'MET' if met else 'NOT MET'}")
    return ok


def bench_simulate(quick: bool) -> None:
    games = 16 if quick else 60
    cores = os.cpu_count() or 1
    source = Source(None)
    world, seed, title, _ = source.load()
    print(f"\nGames per second of simulate on the default campaign ({title}, "
          f"{len(world.nations)} states, {games} games)")
    for jobs in dict.fromkeys((1, cores)):
        t0 = time.perf_counter()
        records = play_games(source, world, games, seed, "default", "normal", jobs)
        dt = time.perf_counter() - t0
        rounds = sum(r.rounds for r in records)
        print(f"   {jobs} process(es): {games / dt:6.1f} games/s  ({dt:.2f} s, "
              f"{1e3 * dt / rounds:.2f} ms per round)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer rounds and games")
    ap.add_argument("--no-simulate", action="store_true", help="skip the games/s part")
    a = ap.parse_args()
    ref = reference()
    print(f"REF (fixed pure-Python work): {1e3 * ref:.2f} ms; Python "
          f"{sys.version.split()[0]}, {os.cpu_count()} core(s)")
    ok = bench_decide(a.quick, ref)
    if not a.no_simulate:
        bench_simulate(a.quick)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
