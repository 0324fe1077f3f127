"""One-step lookahead with the engine's own pure functions, from public numbers.

An engagement is estimated the way :mod:`wargame.core.combat` adjudicates it:
strength is :func:`~wargame.core.combat.power` (forces at home x readiness), the
defender fights at home (``HOME_ADVANTAGE``), states that come to its defence
bring the share a defence order commits by default (``EXPEDITION_SHARE``), forces deployed in the victim fight as a
tripwire, and each side's strength is multiplied by a random factor in
``FACTOR``. Other states' numbers come from their public view (deployments
abroad are unknown, so their forces count as all at home).

Deterrence: the expected *united response* to an attack on a state is the
strength of each state likely to come, times how likely it is to come, which
rests on the alliance's credibility, the strength of its collective-defence
clause and the member's own record (:func:`come_probability`).
"""

from __future__ import annotations

import dataclasses
import math

from ..core.actions import Effect
from ..core.combat import DEFAULT_FORCES, FACTOR, HOME_ADVANTAGE, power, taken
from ..core.model import ClauseKind, Strength, World
from ..core.state import NationState
from ..core.view import InstitutionView, PublicNation

STRENGTH_FACTOR = {
    Strength.AUTOMATIC: 1.0,
    Strength.AS_IT_DEEMS_NECESSARY: 0.75,
    Strength.CONSTITUTIONAL_PROCESSES: 0.55,
}
EXPEDITION_SHARE = DEFAULT_FORCES[Effect.DEFEND]
CONSULTATION_ONLY = 0.2  # allies by a consultation pact alone owe no help
CREDIBLE_MIDPOINT = 50.0
CREDIBLE_SPREAD = 6.0


def public_power(p: PublicNation, readiness: int | None = None) -> float:
    """:func:`combat.power` of a state from what everyone can see of it."""
    ns = NationState(p.id, p.military, p.economy, p.spending, p.support, p.credibility,
                     p.territory, p.readiness if readiness is None else readiness)
    return power(ns)


def own_power(me: NationState, readiness: int | None = None) -> float:
    """:func:`combat.power` of one's own state, at its readiness or another."""
    if readiness is None or readiness == me.readiness:
        return power(me)
    return power(dataclasses.replace(me, readiness=readiness, deployed=dict(me.deployed)))


def win_probability(attack: float, defence: float, steps: int = 24) -> float:
    """P(attack x U > defence x U') for independent U, U' uniform on FACTOR."""
    if defence <= 0:
        return 1.0
    if attack <= 0:
        return 0.0
    lo, hi = FACTOR
    r = attack / defence
    total = 0.0
    for i in range(steps):
        x = lo + (hi - lo) * (i + 0.5) / steps
        total += min(1.0, max(0.0, (r * x - lo) / (hi - lo)))
    return total / steps


def territory_taken(attack: float, defence: float, territory: float) -> float:
    """What an invasion that wins takes (combat's own formula, at the mean)."""
    return taken(attack, defence, territory)


def home_defence(victim: PublicNation) -> float:
    return public_power(victim) * HOME_ADVANTAGE


def believed(credibility: float) -> float:
    """How far a promise with this credibility (0-100) is believed: a logistic
    curve around 50 (``CREDIBLE_MIDPOINT``), so that an institution at 40 is
    little trusted and one at 65 mostly trusted, as deterrence theory has it
    (credibility works more like a threshold than a dial)."""
    return 1.0 / (1.0 + math.exp(-(credibility - CREDIBLE_MIDPOINT) / CREDIBLE_SPREAD))


def come_probability(inst: InstitutionView, strength: Strength | None,
                     member: PublicNation) -> float:
    """How likely ``member`` is to fight for an ally under ``inst``.

    ``strength`` is the collective-defence clause's, or None for a pact with a
    consultation clause only.
    """
    factor = STRENGTH_FACTOR[strength] if strength is not None else CONSULTATION_ONLY
    return believed(inst.credibility) * factor * (0.4 + 0.6 * member.credibility / 100.0)


def defenders(world: World, institutions, states, victim: str,
              attacker: str) -> dict[str, float]:
    """Each state likely to come to ``victim``'s defence -> probability it comes.

    ``institutions`` and ``states`` look up :class:`InstitutionView` and
    :class:`PublicNation` by id. A member counts once, under the institution
    most likely to bring it.
    """
    region = world.nation[victim].region
    out: dict[str, float] = {}
    for iid in world.member_of[victim]:
        inst = world.institution[iid]
        iv = institutions(iid)
        if victim in iv.suspended:
            continue
        cd = inst.clauses_of(ClauseKind.COLLECTIVE_DEFENCE)
        if cd and inst.scope.covers(region):
            strength = max((c.strength for c in cd), key=lambda s: STRENGTH_FACTOR[s])
        elif inst.has(ClauseKind.CONSULTATION) or cd:
            strength = None
        else:
            continue
        for m in inst.members:
            if m in (victim, attacker) or m in iv.suspended:
                continue
            p = come_probability(iv, strength, states(m))
            if p > out.get(m, 0.0):
                out[m] = p
    return out


def expected_response(world: World, institutions, states, victim: str, attacker: str,
                      expedition: bool = False) -> float:
    """The expected united response to an attack: strength x likelihood, summed.

    ``expedition`` counts what each would bring to one battle
    (``EXPEDITION_SHARE``); otherwise its whole strength, which is what a war
    against it would meet.
    """
    share = EXPEDITION_SHARE if expedition else 1.0
    return sum(public_power(states(m)) * share * p
               for m, p in defenders(world, institutions, states, victim, attacker).items())
