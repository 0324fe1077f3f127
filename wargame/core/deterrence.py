"""What deterrence looked like when it failed: for each armed attack, read from the
game's log, the allied forces stationed in the victim (a tripwire) and the
collective-defence clauses that covered it.

Forces are counted as sent: each deployment adds its strength to the host, a
state's withdrawal (standing down) brings all of its forces home; losses in an
earlier battle are not taken off (the log does not say whose forces where).
Coverage is membership and the treaty area, as :func:`clauses.collective_defence`
tests them, on the world as the campaign wrote it with the joins and departures the
log records (``Kind.MEMBERSHIP``: value 1 joined, -1 left); a suspension is not
counted.
"""

from __future__ import annotations

from dataclasses import dataclass

from .events import Event, Kind
from .model import ClauseKind, World


@dataclass(frozen=True)
class Attack:
    round: int
    attacker: str
    victim: str
    stationed: tuple[tuple[str, float], ...]  # (ally, forces sent) to the victim before it
    covered_by: tuple[tuple[str, str], ...]  # (institution, clause label)
    outside: tuple[str, ...] = ()  # alliances it is in whose treaty area leaves it out


def first_attacks(world: World, log: list[Event]) -> list[Attack]:
    """The first armed attack of each attacker on each victim, with what stood in
    its way."""
    stationed: dict[tuple[str, str], float] = {}  # (owner, host) -> forces
    seen: set[tuple[str, str]] = set()
    moved: dict[tuple[str, str], bool] = {}  # (state, institution) -> a member now
    out = []
    for e in log:
        if e.visible_to:
            continue
        if e.kind is Kind.MEMBERSHIP and e.value:
            moved[(e.actor, e.institution)] = e.value > 0
        elif e.kind is Kind.DEPLOYMENT and e.actor and e.target:
            key = (e.actor, e.target)
            stationed[key] = stationed.get(key, 0.0) + e.value
        elif e.kind is Kind.WITHDRAWAL and e.actor:
            for key in [k for k in stationed if k[0] == e.actor]:
                del stationed[key]
        elif e.kind is Kind.ARMED_ATTACK and e.actor and e.target \
                and (e.actor, e.target) not in seen:
            seen.add((e.actor, e.target))
            there = tuple((o, f) for (o, h), f in stationed.items()
                          if h == e.target and o != e.actor and f > 0)
            out.append(Attack(e.round, e.actor, e.target, there,
                              *_coverage(world, e.target, moved)))
    return out


def _coverage(world: World, victim: str, moved: dict | None = None):
    region = world.nation[victim].region
    covered, outside = [], []
    moved = moved or {}
    for inst in world.institutions:
        if not moved.get((victim, inst.id), victim in inst.members):
            continue
        clauses = inst.clauses_of(ClauseKind.COLLECTIVE_DEFENCE)
        if clauses and inst.scope.covers(region):
            covered += [(inst.id, c.label) for c in clauses]
        elif clauses:
            outside.append(inst.id)
    return tuple(covered), tuple(outside)
