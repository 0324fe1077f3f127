"""Worlds built in Python: a small demo world for tests, and generated worlds.

Campaign files are the normal way to describe a world; these exist so the core
can be tested and measured without the campaign loader.
"""

from __future__ import annotations

import random

from .errors import WorldError
from .model import (
    Clause,
    ClauseKind,
    DeclineCost,
    Institution,
    Nation,
    Objective,
    ObjectiveKind as K,
    Personality,
    Scope,
    Strength,
    World,
)
from .rules import Consensus, ConsensusMinusOne, PartiesRule, QualifiedMajority, Unanimity


MAX_STATES = 2000
"""The most states a generated world may have (the world has 193 countries; 2000
measures how the engine grows, benchmarks/simulate.py)."""
MAX_ROUNDS = 100_000
"""The most rounds a built-in world may be given."""


def _bounded(name: str, value, low: int, high: int) -> int:
    """``value`` if it is an int from ``low`` to ``high``; else :class:`WorldError`
    (a save names a built-in world's arguments, and a save is never trusted)."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        shown = repr(value) if len(repr(value)) <= 20 else f"{repr(value)[:20]}..."
        raise WorldError(f"{name} must be a whole number from {low} to {high}, not {shown}")
    return value


def demo_world(rounds: int = 12) -> World:
    """Six states, an alliance with a treaty area, a council with vetoes, a union.

    ``north`` is a large revisionist power; ``east`` a small alliance member on its
    border; ``west`` and ``centre`` its allies; ``isle`` an alliance member whose
    islands lie outside the treaty area; ``south`` a neutral trading partner.
    """
    _bounded("rounds", rounds, 1, MAX_ROUNDS)
    nations = (
        Nation("north", "Northland", "europe", military=300, economy=1800, defence_spending=4.0,
               support=65, resolve=70, nuclear=True, credibility=50,
               trade={"centre": 0.3, "west": 0.1, "south": 0.35, "east": 0.05},
               objectives=(Objective(K.GAIN_TERRITORY, 10, "east", 10),
                           Objective(K.AVOID_WAR, 5), Objective(K.LOW_COSTS, 3, threshold=8)),
               personality=Personality(aggression=0.8, risk_tolerance=0.7, loyalty=0.3)),
        Nation("east", "Eastmark", "europe", military=20, economy=40, defence_spending=2.5,
               support=60, resolve=80, credibility=60,
               trade={"north": 0.3, "centre": 0.4, "west": 0.2},
               objectives=(Objective(K.KEEP_TERRITORY, 10), Objective(K.AVOID_WAR, 5))),
        Nation("west", "Westland", "north_america", military=500, economy=25000,
               defence_spending=3.4, support=55, nuclear=True, credibility=70,
               trade={"centre": 0.2, "south": 0.2, "north": 0.01},
               objectives=(Objective(K.ALLIANCE_CREDIBLE, 6, "pact"),
                           Objective(K.AGGRESSOR_WITHDRAWS, 6, "north"))),
        Nation("centre", "Centralia", "europe", military=60, economy=4000, defence_spending=1.5,
               support=60, credibility=55,
               trade={"north": 0.08, "west": 0.25, "east": 0.05, "south": 0.1},
               objectives=(Objective(K.LOW_COSTS, 6, threshold=2), Objective(K.AVOID_WAR, 6)),
               personality=Personality(free_riding=0.8, multilateralism=0.9)),
        Nation("isle", "Islay", "south_atlantic", military=40, economy=3000,
               defence_spending=2.2, support=60, credibility=60,
               trade={"west": 0.3, "centre": 0.3},
               objectives=(Objective(K.KEEP_TERRITORY, 8),)),
        Nation("south", "Southia", "asia", military=80, economy=2000, defence_spending=1.8,
               support=60, credibility=50, trade={"north": 0.4, "west": 0.3},
               objectives=(Objective(K.LOW_COSTS, 5, threshold=1),)),
    )
    pact = Institution(
        "pact", "Northern Pact", ("west", "centre", "east", "isle"), Consensus(),
        clauses=(
            Clause("art4", ClauseKind.CONSULTATION, "Art. 4"),
            Clause("art5", ClauseKind.COLLECTIVE_DEFENCE, "Art. 5",
                   strength=Strength.AS_IT_DEEMS_NECESSARY,
                   decline_costs=DeclineCost(credibility=20, alliance_credibility=8)),
        ),
        scope=Scope(("europe", "north_america")),
        credibility=65,
    )
    council = Institution(
        "council", "Security Council", ("west", "north", "south", "centre", "isle"),
        QualifiedMajority(required=3, veto=("west", "north"),
                          parties=PartiesRule.CHAPTER_VI_ONLY),
        clauses=(
            Clause("art41", ClauseKind.SANCTIONS, "Art. 41", binding=True,
                   decline_costs=DeclineCost(credibility=5, alliance_credibility=3)),
            Clause("art42", ClauseKind.USE_OF_FORCE, "Art. 42", requires_sanctions_tried=True),
            Clause("pko", ClauseKind.PEACEKEEPING, "Peacekeeping"),
        ),
        credibility=50,
    )
    union = Institution(
        "union", "Union", ("centre", "east", "isle"), Unanimity(),
        clauses=(Clause("restrictive", ClauseKind.SANCTIONS, "Restrictive measures",
                        binding=True),),
        credibility=55,
    )
    forum = Institution(
        "forum", "Security Forum", ("north", "east", "west", "centre", "isle", "south"),
        ConsensusMinusOne(), clauses=(Clause("suspend", ClauseKind.SUSPENSION, "Prague"),),
        credibility=40,
    )
    return World("Demo crisis", nations, (pact, council, union, forum), rounds_limit=rounds,
                 start_tensions=(("north", "east", 30.0),),
                 briefing="Northland masses forces on Eastmark's border.")


def generated_world(n: int, seed: int = 0, rounds: int = 12) -> World:
    """A world of ``n`` states with sparse trade (about 8 partners each) and alliances.

    Used by benchmarks and property tests; deterministic from ``seed``.
    """
    _bounded("n", n, 1, MAX_STATES)
    _bounded("rounds", rounds, 1, MAX_ROUNDS)
    _bounded("seed", seed, -(10 ** 100), 10 ** 100)
    rng = random.Random(seed)
    ids = [f"s{i:03d}" for i in range(n)]
    regions = ["europe", "asia", "africa", "americas", "oceania"]
    nations = []
    for i, ident in enumerate(ids):
        partners = rng.sample([p for p in ids if p != ident], min(8, n - 1))
        weights = [rng.random() for _ in partners]
        total = sum(weights) / 0.8  # 80% of trade with these partners
        nations.append(Nation(
            ident, f"State {i}", regions[i % len(regions)],
            military=rng.uniform(5, 400), economy=rng.uniform(10, 5000),
            defence_spending=rng.uniform(0.8, 4.0), support=rng.uniform(40, 80),
            credibility=rng.uniform(30, 80),
            trade={p: w / total for p, w in zip(partners, weights)},
            objectives=(Objective(K.KEEP_TERRITORY, 5), Objective(K.AVOID_WAR, 5)),
        ))
    insts = []
    # alliances of a fixed size, and their number in proportion to n, so that each
    # state belongs to about as many alliances at every size: growth measures n
    size = min(16, n)
    for k in range(max(1, n // 12)):
        members = tuple(sorted(rng.sample(ids, min(size, n))))
        insts.append(Institution(
            f"alliance{k}", f"Alliance {k}", members, Consensus(),
            clauses=(Clause("consult", ClauseKind.CONSULTATION),
                     Clause("defend", ClauseKind.COLLECTIVE_DEFENCE,
                            strength=list(Strength)[k % 3])),
            scope=Scope(tuple(rng.sample(regions, 3)))))
    council = tuple(sorted(rng.sample(ids, min(15, n))))
    insts.append(Institution(
        "council", "Council", council,
        QualifiedMajority(required=min(9, len(council)), veto=council[:min(5, len(council))]),
        clauses=(Clause("sanctions", ClauseKind.SANCTIONS),
                 Clause("force", ClauseKind.USE_OF_FORCE, requires_sanctions_tried=True),
                 Clause("pko", ClauseKind.PEACEKEEPING))))
    return World(f"Generated world of {n}", tuple(nations), tuple(insts), rounds_limit=rounds)
