"""How fast is the rules core on worlds of 10 to 193 states?

Run from the repository root::

    python benchmarks/engine.py            # full run (well under a minute)
    python benchmarks/engine.py --quick    # a few seconds, for a smoke test
    python benchmarks/engine.py --profile  # also break down where the 193-state time goes

For each generated world (``generated_world(n, seed=0)``) it plays several short
games in which every state gives 1-3 random legal orders a round, and measures
with ``time.perf_counter``, per round:

* ``legal``   - ``game.legal_actions(state)`` for every state, in the orders phase;
* ``submit``  - building the random orders (``game.check`` on each candidate)
  and ``game.submit_orders`` for every state (for information);
* ``resolve`` - one ``game.resolve()`` with all those orders.

It reports the median over the rounds, the growth exponent between successive
sizes, log(t2/t1)/log(n2/n1), next to the exponent n log n would give, and
whether the target is met: a 193-state round resolved in under 20 ms, growing no
faster than n log n. A fixed amount of pure-Python work is timed in the same run
as a reference, and every figure is also given as a multiple of it, so runs on
different machines can be compared. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import gc
import io
import math
import os
import pstats
import random
import statistics
import sys
import time

from _common import ROOT, fixed_work  # noqa: E402  (puts the repository on sys.path)

try:
    from wargame.core import Game, IllegalOrder, Order, generated_world
    from wargame.core.state import GameState
except ImportError as exc:  # e.g. run with a Python that lacks the dependencies
    sys.exit(f"cannot import the engine ({exc}); run with the project's virtualenv: "
             ".venv/bin/python benchmarks/engine.py (after .venv/bin/pip install -e .)")

SIZES = (10, 30, 100, 193)
TARGET_SIZE = 193
TARGET_ROUND_S = 0.020  # one 193-state round resolved in under 20 ms
TARGET_REF = 1.5  # ... and in at most 1.5 x REF, the machine-independent form
WORLD_SEED = 0


# ---------------------------------------------------------------- references


def _median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def references(repeat: int) -> tuple[float, float]:
    """(fixed pure-Python work, deep copy of the fresh 193-state GameState), seconds."""
    fixed_work()  # warm up
    loop = _median_time(fixed_work, repeat)
    state = GameState.start(generated_world(TARGET_SIZE, WORLD_SEED))
    copy.deepcopy(state)
    deep = _median_time(lambda: copy.deepcopy(state), repeat)
    return loop, deep


# ------------------------------------------------------------ random orders
def random_orders(game: Game, nation: str, options, rng: random.Random) -> list[Order]:
    """1-3 random orders built from the legal options; illegal ones are skipped."""
    if not options:
        return []
    chosen: list[Order] = []
    keys: set[tuple] = set()
    for _ in range(rng.randint(1, 3)):
        opt = rng.choice(options)
        target = rng.choice(opt.targets) if opt.targets else ""
        inst = rng.choice(opt.institutions) if opt.institutions else ""
        measure = rng.choice(opt.measures) if opt.measures else ""
        order = Order(nation, opt.action.id, target=target, institution=inst, measure=measure)
        try:
            game.check(order)
        except IllegalOrder:
            continue
        if order.key() not in keys:
            keys.add(order.key())
            chosen.append(order)
    return chosen


def submit(game: Game, nation: str, orders: list[Order]) -> int:
    """Submit ``orders``, dropping any the rules refuse in combination; return the count."""
    while True:
        try:
            game.submit_orders(nation, orders)
            return len(orders)
        except IllegalOrder as exc:  # e.g. two readiness changes in one round
            bad = exc.order if exc.order in orders else orders[-1]
            orders = [o for o in orders if o is not bad]


# ------------------------------------------------------------------- timing
class Sample:
    def __init__(self) -> None:
        self.legal: list[float] = []
        self.submit: list[float] = []
        self.resolve: list[float] = []
        self.orders = 0
        self.targets = 0  # option targets listed by legal_actions, all states
        self.games = 0
        self.stages: dict[str, int] = {}
        self.by_round: dict[int, list[float]] = {}  # game round -> resolve times
        self.mix: dict[str, int] = {}  # effect kind -> orders given (the order mix)


def play_round(game: Game, rng: random.Random, sample: Sample | None,
               profilers: dict[str, cProfile.Profile] | None = None) -> None:
    """One round from briefing to the next briefing, timing the orders phase."""
    while game.phase != "orders":
        game.advance()  # briefing -> diplomacy (drafts voted) -> orders
    ids = game.world.ids

    prof = profilers or {}
    gc.collect()
    if "legal" in prof:
        prof["legal"].enable()
    t0 = time.perf_counter()
    options = {n: game.legal_actions(n) for n in ids}
    t1 = time.perf_counter()
    if "legal" in prof:
        prof["legal"].disable()

    gc.collect()
    t2 = time.perf_counter()
    given = 0
    mix: dict[str, int] = {}
    for n in ids:
        given += submit(game, n, random_orders(game, n, options[n], rng))
    for n in ids:  # what was given, by effect kind (not timed: after t3 below)
        for o in game.orders_of(n):
            e = game.world.actions[o.action].effect.value
            mix[e] = mix.get(e, 0) + 1
    t3 = time.perf_counter()
    listed = sum(len(o.targets) for opts in options.values() for o in opts)

    stage, number = game.stage, game.round
    gc.collect()
    if "resolve" in prof:
        prof["resolve"].enable()
    t4 = time.perf_counter()
    game.resolve()
    t5 = time.perf_counter()
    if "resolve" in prof:
        prof["resolve"].disable()

    if sample is not None:
        sample.legal.append(t1 - t0)
        sample.submit.append(t3 - t2)
        sample.resolve.append(t5 - t4)
        sample.orders += given
        sample.targets += listed
        sample.stages[stage] = sample.stages.get(stage, 0) + 1
        sample.by_round.setdefault(number, []).append(t5 - t4)
        for e, k in mix.items():
            sample.mix[e] = sample.mix.get(e, 0) + k


def measure(n: int, games: int, rounds: int,
            profilers: dict[str, cProfile.Profile] | None = None,
            warmup: bool = True) -> Sample:
    """Play ``games`` x ``rounds`` timed rounds on the n-state world.

    A game that ends early (random orders often end in war) is replaced by a new
    one with the next seed, so every size gets the same number of timed rounds.
    """
    world = generated_world(n, WORLD_SEED)
    sample = Sample()
    seed = 0
    if warmup:  # one round, not timed (imports, caches, first-call costs)
        play_round(Game(world, seed=10_000), random.Random(10_000), None)
    for _ in range(games):
        seed += 1
        game, rng = Game(world, seed=seed), random.Random(seed)
        sample.games += 1
        played = 0
        while played < rounds:
            if game.over:
                seed += 1
                game, rng = Game(world, seed=seed), random.Random(seed)
                sample.games += 1
            play_round(game, rng, sample, profilers)
            played += 1
    return sample


# ----------------------------------------------------------------- profile
# The steps adjudicate.resolve() calls, by the names it imported them under.
STEPS = ("_pay", "_news", "_diplomacy", "consultations", "table_drafts", "_posture",
         "change_sanctions", "aid", "blockade_and_cyber", "resolve_attacks", "_ceasefires",
         "collective_defence", "settle_obligations", "apply_sanctions", "_escalate",
         "_support")
# Helpers inside the two obligation steps (wargame/core/clauses.py), timed separately.
INNER = ("_honours", "_oblige")


def step_breakdown(n: int, games: int, rounds: int):
    """Time each step of adjudicate.resolve() with one wrapper per call.

    The wrappers are put on the adjudicate and clauses modules at run time and
    taken off afterwards; no engine file is changed. Inner helpers (``INNER``)
    are keyed ``clauses.<name>``; their time is also inside their caller's.
    Returns (seconds per step, calls per step, total resolve seconds, rounds).
    """
    from wargame.core import adjudicate, clauses

    world = generated_world(n, WORLD_SEED)
    play_round(Game(world, seed=10_000), random.Random(10_000), None)  # warm-up
    targets = [(adjudicate, name, name) for name in STEPS]
    targets += [(clauses, name, f"clauses.{name}") for name in INNER if hasattr(clauses, name)]
    targets = [t for t in targets if hasattr(t[0], t[1])]  # steps renamed since: skip them
    spent = {key: 0.0 for _, _, key in targets}
    calls = {key: 0 for _, _, key in targets}
    saved = [(mod, name, getattr(mod, name)) for mod, name, _ in targets]

    def wrap(key, fn):
        def timed(*a, **kw):
            t0 = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                spent[key] += time.perf_counter() - t0
                calls[key] += 1
        return timed

    for (mod, name, fn), (_, _, key) in zip(saved, targets):
        setattr(mod, name, wrap(key, fn))
    try:
        s = measure(n, games, rounds, warmup=False)
    finally:
        for mod, name, fn in saved:
            setattr(mod, name, fn)
    return spent, calls, sum(s.resolve), len(s.resolve)


def profile(games: int, rounds: int) -> None:
    n = TARGET_SIZE
    spent, calls, total, count = step_breakdown(n, games, rounds)
    print()
    print(f"where a {n}-state resolve spends its time ({count} rounds, step wrappers, "
          "no profiler)")
    print(f"{'step (adjudicate.resolve calls)':<34} {'ms/round':>9} {'share':>6} "
          f"{'calls/round':>11}")
    steps = {k: v for k, v in spent.items() if not k.startswith("clauses.")}
    for name, t in sorted(steps.items(), key=lambda kv: -kv[1]):
        if t / total >= 0.005:
            print(f"{name:<34} {1000 * t / count:9.3f} {100 * t / total:5.1f}% "
                  f"{calls[name] / count:11.0f}")
    for name in INNER:
        key = f"clauses.{name}"
        print(f"{'  of which ' + key:<34} {1000 * spent[key] / count:9.3f} "
              f"{100 * spent[key] / total:5.1f}% {calls[key] / count:11.0f}")
    rest = total - sum(steps.values())
    print(f"{'(rest: events, machine, injects)':<34} {1000 * rest / count:9.3f} "
          f"{100 * rest / total:5.1f}%")
    print(f"{'total game.resolve()':<34} {1000 * total / count:9.3f} 100.0%")

    profs = {"legal": cProfile.Profile(), "resolve": cProfile.Profile()}
    measure(n, games, rounds, profs, warmup=False)
    for what, title in (("resolve", "game.resolve()"),
                        ("legal", "game.legal_actions() for all states")):
        print()
        print(f"cProfile of {title}, {n} states, {games} x {rounds} rounds "
              "(the profiler inflates call-heavy code; compare with the table above)")
        out = io.StringIO()
        stats = pstats.Stats(profs[what], stream=out)
        stats.strip_dirs().sort_stats("tottime").print_stats(12)
        stats.sort_stats("cumulative").print_stats(15)
        text = out.getvalue()
        print("\n".join(line for line in text.splitlines()
                        if line.strip() and "List reduced" not in line
                        and "Ordered by" not in line))


# ------------------------------------------------------------------ report
def exponent(t1: float, t2: float, n1: int, n2: int) -> float:
    return math.log(t2 / t1) / math.log(n2 / n1)


def nlogn_exponent(n1: int, n2: int) -> float:
    return math.log((n2 * math.log(n2)) / (n1 * math.log(n1))) / math.log(n2 / n1)


def ms(t: float) -> str:
    return f"{1000 * t:9.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="a short run (fewer rounds)")
    ap.add_argument("--profile", action="store_true",
                    help=f"break down game.resolve() on the {TARGET_SIZE}-state world by "
                         "step, then cProfile resolve and legal_actions")
    ap.add_argument("--games", type=int, help="games per size (default 5, quick 1)")
    ap.add_argument("--rounds", type=int, help="timed rounds per game (default 6, quick 3)")
    args = ap.parse_args(argv)
    games = args.games or (1 if args.quick else 5)
    rounds = args.rounds or (3 if args.quick else 6)
    started = time.perf_counter()

    print("wargame engine benchmark")
    print(f"python {sys.version.split()[0]} on {sys.platform}; "
          f"{games} game(s) x {rounds} timed round(s) per size; world seed {WORLD_SEED}; "
          "medians of per-round times")
    loop, deep = references(5 if args.quick else 11)
    print()
    print(f"reference (REF): fixed pure-Python loop   {ms(loop)} ms")
    print(f"also:            deepcopy {TARGET_SIZE}-state GameState {ms(deep)} ms"
          f"  = {deep / loop:6.2f} REF")
    print()

    results: dict[int, tuple[float, float, float]] = {}
    samples: dict[int, Sample] = {}
    header = (f"{'states':>6}  {'legal ms':>9} {'x REF':>7}  {'submit ms':>9} {'x REF':>7}  "
              f"{'resolve ms':>10} {'x REF':>7}  {'res max':>9}  {'rounds':>6} {'games':>5} "
              f"{'orders/rd':>9}")
    print("per-round medians (legal = legal_actions for ALL states; resolve = game.resolve())")
    print(header)
    print("-" * len(header))
    for n in SIZES:
        s = samples[n] = measure(n, games, rounds)
        lg, sb, rs = (statistics.median(s.legal), statistics.median(s.submit),
                      statistics.median(s.resolve))
        results[n] = (lg, sb, rs)
        print(f"{n:>6}  {ms(lg)} {lg / loop:7.2f}  {ms(sb)} {sb / loop:7.2f}  "
              f"{ms(rs):>10} {rs / loop:7.2f}  {ms(max(s.resolve))}  {len(s.resolve):>6} "
              f"{s.games:>5} {s.orders / len(s.resolve):9.1f}")
    print()
    print("per size: option targets listed by legal_actions (all states) per round, and")
    print("the crisis stage at each timed round (random orders escalate fast)")
    for n in SIZES:
        s = samples[n]
        print(f"{n:>6}  {s.targets / len(s.resolve):9.0f} targets/round  "
              + ", ".join(f"{k} {v}" for k, v in sorted(s.stages.items())))
    print()
    mix = samples[TARGET_SIZE].mix
    total = sum(mix.values()) or 1
    print(f"{TARGET_SIZE}-state order mix (orders given in the timed rounds, by effect; "
          "every order commits its action's default share of forces):")
    print("  " + ", ".join(f"{e} {100 * k / total:.1f}%"
                           for e, k in sorted(mix.items(), key=lambda ek: -ek[1])))
    print()
    big_by_round = samples[TARGET_SIZE].by_round
    print(f"{TARGET_SIZE}-state resolve median by round of the game (ms): " + ", ".join(
        f"r{k} {1000 * statistics.median(v):.1f}" for k, v in sorted(big_by_round.items())))
    print()

    print("growth exponents, log(t2/t1)/log(n2/n1)  (1 = linear, 2 = quadratic)")
    gh = f"{'n1 -> n2':>11}  {'legal':>7}  {'resolve':>7}  {'n log n':>7}"
    print(gh)
    print("-" * len(gh))
    worst_resolve_excess = -math.inf
    worst_legal_excess = -math.inf
    for n1, n2 in zip(SIZES, SIZES[1:]):
        el = exponent(results[n1][0], results[n2][0], n1, n2)
        er = exponent(results[n1][2], results[n2][2], n1, n2)
        ref = nlogn_exponent(n1, n2)
        worst_resolve_excess = max(worst_resolve_excess, er - ref)
        worst_legal_excess = max(worst_legal_excess, el - ref)
        print(f"{n1:>4} -> {n2:<4}  {el:7.2f}  {er:7.2f}  {ref:7.2f}")
    print()

    big = results[TARGET_SIZE][2]
    time_ok = big < TARGET_ROUND_S and big / loop <= TARGET_REF
    growth_ok = worst_resolve_excess <= 0
    print(f"target: a {TARGET_SIZE}-state round (game.resolve()) in under "
          f"{1000 * TARGET_ROUND_S:.0f} ms, growing no faster than n log n")
    print(f"  {TARGET_SIZE}-state resolve: {1000 * big:.3f} ms = {big / loop:.2f} x REF "
          f"(targets: under {1000 * TARGET_ROUND_S:.0f} ms and at most {TARGET_REF:g} x REF) "
          f"-> {'MET' if time_ok else 'NOT MET'}")
    print(f"  resolve growth: worst step exceeds n log n by {worst_resolve_excess:+.2f} -> "
          f"{'MET' if growth_ok else 'NOT MET'}")
    print(f"  legal growth (for information): worst step exceeds n log n by "
          f"{worst_legal_excess:+.2f} -> "
          f"{'within n log n' if worst_legal_excess <= 0 else 'grows faster than n log n'}"
          " (listing every state's targets is n x n by its output size; one state's list is"
          " linear)")
    print(f"  overall: {'MET' if time_ok and growth_ok else 'NOT MET'}")

    if args.profile:
        profile(games, rounds)

    print(f"(benchmark took {time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
