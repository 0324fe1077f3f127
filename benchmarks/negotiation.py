"""How long does a busy diplomacy phase take?

Every state makes one proposal to a neighbour (deploy / sanction / spending terms),
every recipient answers, and every member votes in two institutions: the
193-seat general assembly (simple majority) and a 15-seat council with vetoes.
The phase then closes (drafts and institution proposals are decided).

Target (issue 4): 193 states in under 50 ms. Figures are medians of repeated
runs, printed beside a reference measured in the same run (a fixed pure-Python
loop), so they can be compared across machines.

    python benchmarks/negotiation.py [--repeat N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from dataclasses import replace

from _common import fixed_work  # noqa: E402  (puts the repository on sys.path)
from wargame.core import (  # noqa: E402
    Clause,
    ClauseKind,
    Game,
    IllegalOrder,
    Institution,
    SimpleMajority,
    generated_world,
)
from wargame.core.terms import Term, TermKind  # noqa: E402

SIZES = (10, 30, 100, 193)
TARGET_S = 0.050


def reference() -> float:
    t0 = time.perf_counter()
    fixed_work()
    return time.perf_counter() - t0


def world_with_assembly(n: int):
    w = generated_world(n, seed=3)
    assembly = Institution("assembly", "General Assembly", w.ids, SimpleMajority(),
                           clauses=(Clause("sanctions", ClauseKind.SANCTIONS, binding=False),))
    return replace(w, institutions=w.institutions + (assembly,))


def one_phase(world, seed: int) -> tuple[float, int, int]:
    """Time one diplomacy phase; return (seconds, proposals made, votes cast)."""
    game = Game(world, seed)
    game.state.stage = "incident"
    rng = random.Random(seed)
    # two drafts to vote on: tabled last round, as in play
    for inst in ("assembly", "council"):
        members = world.institution[inst].members
        target = next(i for i in world.ids if i not in members[:1])
        game.state.drafts.append(_draft(len(game.state.drafts) + 1, inst, members[0], target,
                                        game.round))
    game.advance()  # to diplomacy
    ids = world.ids
    t0 = time.perf_counter()
    made = votes = 0
    for i, a in enumerate(ids):
        b = ids[(i + 1) % len(ids)]
        kind = rng.choice((TermKind.SANCTION, TermKind.RAISE_SPENDING, TermKind.DEPLOY))
        term = (Term(a, kind, value=game.state.nations[a].spending + 0.5)
                if kind is TermKind.RAISE_SPENDING else Term(a, kind, b))
        try:
            game.propose(a, [b], [term, Term(b, TermKind.SANCTION, ids[(i + 2) % len(ids)])])
            made += 1
        except IllegalOrder:
            pass
    for p in list(game.state.proposals):
        game.answer(p.to[0], p.id, rng.choice(("accept", "reject")))
    for d in game.drafts():
        for m in world.institution[d.institution].members:
            game.vote(m, d.id, rng.choice(("yes", "no", "abstain")))
            votes += 1
    game.advance()  # close diplomacy: decide drafts and institution proposals
    return time.perf_counter() - t0, made, votes


def _draft(k, inst, by, target, rnd):
    from wargame.core.state import Draft

    return Draft(id=f"d{k}", institution=inst, by=by, measure="sanctions", target=target,
                 tabled=rnd, votes={by: "yes"})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=15, help="runs per size (default 15)")
    args = ap.parse_args()
    ref = statistics.median(reference() for _ in range(5))
    print(f"reference: fixed pure-Python work {1000 * ref:.2f} ms (REF, as in every benchmark)")
    print(f"{'states':>7} {'phase ms':>9} {'x REF':>7} {'proposals':>10} {'votes':>6}")
    results = {}
    for n in SIZES:
        world = world_with_assembly(n)
        runs = [one_phase(world, s) for s in range(args.repeat)]
        t = statistics.median(r[0] for r in runs)
        results[n] = t
        print(f"{n:>7} {1000 * t:>9.2f} {t / ref:>7.2f} {runs[0][1]:>10} {runs[0][2]:>6}")
    big = results[SIZES[-1]]
    ok = big < TARGET_S
    print(f"target: a {SIZES[-1]}-state diplomacy phase under {1000 * TARGET_S:.0f} ms: "
          f"{1000 * big:.2f} ms -> {'MET' if ok else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
