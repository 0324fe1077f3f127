"""Burden sharing: what each alliance member puts in against what it gets out.

For every institution with a collective-defence or consultation clause:

- **contribution** = defence spending this round (GDP x spending %) plus what the
  member has put in during the game: forces deployed to allies, aid, the cost of
  sanctions it bore, losses fighting for others, peacekeepers, extra spending;
- **benefit** = the member's share of the alliance's GDP: what the alliance
  protects (Olson and Zeckhauser, "An Economic Theory of Alliances", 1966);
- **protection received** (shown, not part of the rule): allied forces deployed
  on its soil, and a tenth of the forces of each ally that honoured an
  obligation to assist it.

A member is a **free rider** when its share of contributions is below
``FREE_RIDER_RATIO`` (three quarters) of its share of the alliance's GDP *and*
it spends a smaller share of its GDP on defence than the alliance as a whole
does. A front-line state that receives allied troops is not a free rider for
that: what counts is what it puts in for what it is worth, and a small member
that spends above the alliance's rate carries its part even when an ally's
deployments to defend it make its share of contributions look small. Two kinds of member are never
labelled, and their row says why (``exempt``):

- a member that **attacked** another state in the game — struck first in a
  quarrel (from the log), or holds another's land (the state) — what it spent
  was for its own war, not the alliance, so its contribution and its GDP are left
  out of the alliance's totals and its row shows no shares. A victim that strikes
  back at its attacker is not one;

- a member that was itself the **victim of an armed attack** in the game: it pays
  in land, lives and costs that no column measures. The state records the victims
  it still knows of (attacked this round, land occupied, or owed assistance under
  a clause); a caller with the game's log passes the others (``attacked``);
- a member whose share of the alliance's GDP is under ``MIN_BENEFIT_SHARE`` (1%):
  its shares are a few tenths of a percent, where one ally's deployment or a
  rounding moves the ratio across three quarters, so the rule means nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .membership import members as current
from .model import ClauseKind, World
from .perworld import per_world
from .plain import positional
from .events import Kind
from .state import GameState, Status

# read once: in Python 3.11 each ``Kind.ARMED_ATTACK`` in a function goes through
# EnumType.__getattr__'s hook (hundreds of instructions); these loops read the whole log
ARMED_ATTACK = Kind.ARMED_ATTACK

FREE_RIDER_RATIO = 0.75
MIN_BENEFIT_SHARE = 0.01  # below 1% of the alliance's GDP the 3/4 rule is rounding noise
ATTACKED = "attacked"  # exempt: itself the victim of an armed attack
ATTACKER = "attacker, not counted"  # exempt and left out: it attacked another state
TOO_SMALL = "too small"  # exempt: under MIN_BENEFIT_SHARE of the alliance's GDP
HELP_SHARE = 0.1  # of a helper's forces, counted as protection per obligation honoured


@dataclass(frozen=True)
class BurdenRow:
    nation: str
    spending: float  # % of GDP now
    contribution: float  # billions (spending this round + contributions so far)
    contribution_share: float  # of the alliance's total, 0..1
    benefit_share: float  # share of the alliance's GDP, 0..1
    protection: float  # protection received (forces)
    ratio: float  # contribution share / benefit share
    free_rider: bool
    exempt: str = ""  # why the rule was not applied: ATTACKED, TOO_SMALL, or ""


_row = positional(BurdenRow)  # BurdenRow(*values), made at once: every public view


def victims(state: GameState) -> set[str]:
    """States the state itself shows as victims of an armed attack: victims of a
    conflict (:mod:`conflicts`), under attack now, with land occupied, or owed
    assistance (an obligation arises only from one)."""
    out = {c.victim for c in state.conflicts}
    out.update(state.under_attack)
    out.update(v for (_, v), share in state.occupation.items() if share > 0)
    out.update(ob.beneficiary for ob in state.obligations
               if ob.action == "assist" and ob.beneficiary)
    return out


def attackers(state: GameState) -> set[str]:
    """States the state itself shows as attackers: the attackers of record of every
    conflict (:mod:`conflicts`), and those holding another's land."""
    out = {c.attacker for c in state.conflicts}
    out.update(o for (o, _), share in state.occupation.items() if share > 0)
    return out


def first_strikes(log, known: dict | None = None) -> dict[frozenset, str]:
    """Who struck first in each pair of states that fought, from the log (``known``:
    the pairs read from an earlier part of it, updated and returned). A lawful use of
    force (self-defence, treaty defence, at a victim's request, authorised: the
    event's ref is "lawful") never makes its author the first striker."""
    first = dict(known or {})
    for e in log:
        if e.kind is ARMED_ATTACK and e.actor and e.target and e.ref != "lawful":
            first.setdefault(frozenset((e.actor, e.target)), e.actor)
    return first


def attackers_in(log) -> set[str]:
    """Every state that struck first in a quarrel in the game's log (a victim that
    strikes back is not one)."""
    return set(first_strikes(log).values())


def attacked_in(log) -> set[str]:
    """Every state that was the victim of an armed attack in the game's log (the
    state alone forgets an attack once the fighting stops)."""
    return {e.target for e in log if e.kind is ARMED_ATTACK and e.target}


def exemption(nation: str, benefit_share: float, attacked: set[str]) -> str:
    if nation in attacked:
        return ATTACKED
    if benefit_share < MIN_BENEFIT_SHARE:
        return TOO_SMALL
    return ""


def burden_sharing(world: World, state: GameState, attacked=(),
                   attacking=()) -> dict[str, tuple[BurdenRow, ...]]:
    """Each alliance's rows. ``attacked`` and ``attacking``: more victims and makers of
    armed attacks (from the log) than the state still shows."""
    return _rows(_inputs(world, state, attacked, attacking))


class Tables(Mapping):
    """:func:`burden_sharing`'s rows, worked out when first read: what they are made
    from is copied now (a few numbers a member), the rows only if someone reads them
    (views carry them for every government; computer players never read them)."""

    __slots__ = ("_inputs", "_made")

    def __init__(self, world: World, state: GameState, attacked=(), attacking=()):
        self._inputs = _inputs(world, state, attacked, attacking)
        self._made: dict | None = None

    def _all(self) -> dict[str, tuple[BurdenRow, ...]]:
        if self._made is None:
            self._made = _rows(self._inputs)
        return self._made

    def __getitem__(self, inst: str) -> tuple[BurdenRow, ...]:
        return self._all()[inst]

    def __iter__(self):
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __repr__(self) -> str:
        return f"Tables({self._all()!r})"


def _inputs(world: World, state: GameState, attacked, attacking) -> tuple:
    """Everything :func:`_rows` reads, copied from the state: (victims, attackers,
    (alliance, its members) each, member -> (GDP, spending %, contributions so far,
    its deployments), the kept obligations as (institution, beneficiary, the
    debtor's forces))."""
    nations = state.nations
    per = tuple((inst, current(world, state, inst)) for inst in _alliances(world))
    numbers = {}
    for _, members in per:
        for m in members:
            if m not in numbers:
                n = nations[m]
                numbers[m] = (n.economy, n.spending, n.contribution, tuple(n.deployed.items()))
    kept = tuple((ob.institution, ob.beneficiary, nations[ob.debtor].military)
                 for ob in state.obligations if ob.status is Status.KEPT)
    return (victims(state) | set(attacked), attackers(state) | set(attacking), per,
            numbers, kept)


def _rows(inputs: tuple) -> dict[str, tuple[BurdenRow, ...]]:
    hit, hitters, per, numbers, kept = inputs
    out: dict[str, tuple[BurdenRow, ...]] = {}
    for inst, members in per:
        ns = [numbers[m] for m in members]  # (economy, spending, contribution, deployed)
        contrib = [e * sp / 100 + c for e, sp, c, _ in ns]
        protect = dict.fromkeys(members, 0.0)
        for m, n in zip(members, ns):
            for host, forces in n[3]:
                if host in protect and host != m:
                    protect[host] += forces
        for where, beneficiary, military in kept:
            if where == inst and beneficiary in protect:
                protect[beneficiary] += military * HELP_SHARE
        counted = [k for k, m in enumerate(members) if m not in hitters]
        total_c = sum(contrib[k] for k in counted) or 1.0
        total_g = sum(ns[k][0] for k in counted) or 1.0
        rate = sum(ns[k][0] * ns[k][1] for k in counted) / total_g  # % of GDP
        rows = []
        for m, n, c in zip(members, ns, contrib):
            if m in hitters:
                rows.append(_row(m, n[1], c, 0.0, 0.0, protect[m],
                                 float("inf"), False, ATTACKER))
                continue
            benefit = n[0] / total_g
            c_share = c / total_c
            ratio = c_share / benefit if benefit > 0 else float("inf")
            exempt = exemption(m, benefit, hit)
            rider = ratio < FREE_RIDER_RATIO and n[1] < rate and not exempt
            rows.append(_row(m, n[1], c, c_share, benefit, protect[m],
                             ratio, rider, exempt))
        out[inst] = tuple(rows)
    return out


_ALLIANCES: dict[int, tuple] = {}


def _alliances(world: World) -> tuple[str, ...]:
    """The institutions with a collective-defence or consultation clause, in order."""
    return per_world(_ALLIANCES, world, lambda w: tuple(
        i.id for i in w.institutions
        if i.has(ClauseKind.COLLECTIVE_DEFENCE) or i.has(ClauseKind.CONSULTATION)))
