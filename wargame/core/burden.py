"""Burden sharing: what each alliance member puts in against what it gets out.

For every institution with a collective-defence or consultation clause:

- **contribution** = defence spending this round (GDP x spending %) plus what the
  member has put in during the game: forces deployed to allies, aid, the cost of
  sanctions it bore, losses fighting for others, peacekeepers, extra spending;
- **benefit** = the member's share of the alliance's GDP (what the alliance
  protects; Olson and Zeckhauser, "An Economic Theory of Alliances", 1966),
  averaged with its share of the protection the alliance actually gave (allied
  forces deployed on its soil, and a tenth of the forces of each ally that
  honoured an obligation to assist it), when any was given.

A member is a **free rider** when its share of contributions is below
``FREE_RIDER_RATIO`` (three quarters) of its share of benefits.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import ClauseKind, World
from .state import GameState, Status

FREE_RIDER_RATIO = 0.75
HELP_SHARE = 0.1  # of a helper's forces, counted as protection per obligation honoured


@dataclass(frozen=True)
class BurdenRow:
    nation: str
    spending: float  # % of GDP now
    contribution: float  # billions (spending this round + contributions so far)
    contribution_share: float  # of the alliance's total, 0..1
    benefit_share: float  # 0..1
    ratio: float  # contribution share / benefit share
    free_rider: bool


def burden_sharing(world: World, state: GameState) -> dict[str, tuple[BurdenRow, ...]]:
    out: dict[str, tuple[BurdenRow, ...]] = {}
    for inst in world.institutions:
        if not (inst.has(ClauseKind.COLLECTIVE_DEFENCE) or inst.has(ClauseKind.CONSULTATION)):
            continue
        members = inst.members
        ns = {m: state.nations[m] for m in members}
        contrib = {m: ns[m].economy * ns[m].spending / 100 + ns[m].contribution for m in members}
        gdp = {m: ns[m].economy for m in members}
        protect = {m: 0.0 for m in members}
        for m in members:
            for host, forces in ns[m].deployed.items():
                if host in protect and host != m:
                    protect[host] += forces
        for ob in state.obligations:
            if (ob.institution == inst.id and ob.beneficiary in protect
                    and ob.status is Status.KEPT):
                protect[ob.beneficiary] += state.nations[ob.debtor].military * HELP_SHARE
        total_c = sum(contrib.values()) or 1.0
        total_g = sum(gdp.values()) or 1.0
        total_p = sum(protect.values())
        rows = []
        for m in members:
            benefit = gdp[m] / total_g
            if total_p > 0:
                benefit = (benefit + protect[m] / total_p) / 2
            c_share = contrib[m] / total_c
            ratio = c_share / benefit if benefit > 0 else float("inf")
            rows.append(BurdenRow(m, ns[m].spending, contrib[m], c_share, benefit, ratio,
                                  ratio < FREE_RIDER_RATIO))
        out[inst.id] = tuple(rows)
    return out
