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
from dataclasses import dataclass

from ..core.actions import Effect
from ..core.combat import DEFAULT_FORCES, FACTOR, HOME_ADVANTAGE, power, taken
from ..core.legal import READINESS_MULTIPLIER
from ..core.model import ClauseKind, Strength, World
from ..core.perworld import per_world
from ..core.state import NationState, Status
from ..core.view import InstitutionView, PublicNation
from .reading import war_memo

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
    """:func:`combat.power` of a state from what everyone can see of it, at its own
    readiness or ``readiness``: deployments abroad are unknown, so all its forces
    count as at home (what ``power`` gives for a state with nothing away; worked out
    here without making one)."""
    if readiness is None:
        readiness = p.readiness
    military = p.military  # max(0.0, military) without the call: the same float
    return (military if military > 0.0 else 0.0) * READINESS_MULTIPLIER[readiness]


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
    span = hi - lo
    xs = _POINTS.get(steps)
    if xs is None:
        xs = _POINTS[steps] = tuple(lo + span * (i + 0.5) / steps for i in range(steps))
    r = attack / defence
    if (r * xs[0] - lo) / span >= 1.0:  # the first point sure: every point is (most calls)
        return 1.0
    if (r * xs[-1] - lo) / span <= 0.0:  # the last point hopeless: every point is
        return 0.0
    total = 0.0
    sure = 0  # the points from the first whose chance is 1 on: every later one's is too
    for i, x in enumerate(xs):  # each point's chance, clamped to 0..1 (a 0 adds nothing)
        v = (r * x - lo) / span  # never less than the last point's (xs ascend, r > 0)
        if v >= 1.0:
            sure = steps - i
            break
        if v > 0.0:
            total += v
    for _ in range(sure):  # one by one, as the loop would have added them
        total += 1.0
    return total / steps


_POINTS: dict[int, tuple[float, ...]] = {}  # steps -> win_probability's points


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


_PACTS: dict[int, tuple] = {}


def _pacts(world: World) -> tuple:
    """(institution, the strength of its strongest collective-defence clause or None,
    whether it has a consultation clause) for each institution of ``world``, in its
    order: what :func:`defenders` reads of the treaties, once per world."""
    def make(w: World) -> tuple:
        out = []
        for inst in w.institutions:
            cd = inst.clauses_of(ClauseKind.COLLECTIVE_DEFENCE)
            strongest = max((c.strength for c in cd), key=lambda s: STRENGTH_FACTOR[s]) \
                if cd else None
            out.append((inst, strongest, inst.has(ClauseKind.CONSULTATION)))
        return tuple(out)
    return per_world(_PACTS, world, make)


def defenders(world: World, institutions, states, victim: str, attacker: str,
              memo: dict | None = None) -> dict[str, float]:
    """Each state likely to come to ``victim``'s defence -> probability it comes.

    ``institutions`` and ``states`` look up :class:`InstitutionView` and
    :class:`PublicNation` by id. A member counts once, under the institution
    most likely to bring it. ``memo`` (optional) keeps each pact's members and
    their chances for the next victim: only for lookups that never change (a
    reading's).
    """
    region = world.nation[victim].region
    out: dict[str, float] = {}
    for inst, cd, consults in _pacts(world):  # its institutions now (the view's members)
        iv = institutions(inst.id)
        if not iv.active(victim):
            continue
        if cd is not None and inst.scope.covers(region):
            strength = cd
        elif consults or cd is not None:
            strength = None
        else:
            continue
        comes = memo.get((inst.id, strength)) if memo is not None else None
        if comes is None:
            comes = _comes(iv, strength, states)
            if memo is not None:
                memo[inst.id, strength] = comes
        for m, p in comes:
            if m != victim and m != attacker and p > out.get(m, 0.0):
                out[m] = p
    return out


def _comes(iv: InstitutionView, strength: Strength | None, states) -> list[tuple[str, float]]:
    """(member, :func:`come_probability`) of each active member of ``iv``, in its
    order, with the institution's part worked out once for its members."""
    factor = STRENGTH_FACTOR[strength] if strength is not None else CONSULTATION_ONLY
    trust = believed(iv.credibility) * factor
    return [(m, trust * (0.4 + 0.6 * states(m).credibility / 100.0))
            for m in iv.members if iv.active(m)]


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


# ------------------------------------------------------------ forces on fronts
LIBERATION_SHARE = DEFAULT_FORCES[Effect.LIBERATE]
FRIEND_WITHOUT_TREATY = 0.5  # a friend without a treaty comes only if asked (Art. 51)
SHOWN_BASE = 0.6  # how far an ally that has shown nothing yet is believed
SHOWN_FULL = 5.0  # reassurance shown to the victim that makes a promise look meant
HOLD_STEEPNESS = 2.5


@dataclass(frozen=True)
class Coalition:
    """The expected answer to an attack on a victim, as an aggressor reads it."""

    later: float  # expected counter-offensive strength against a garrison
    full: float  # expected whole strength of those who would fight (the war it starts)
    friends: dict  # state -> probability it comes
    record: str  # one line: what the allies have shown and declined
    confidence: float = 0.0  # the chance of coming, weighted by each one's strength


def forces_at_home(view, nation: str) -> float:
    """A state's forces at home, from the public facts of war (``view.war``): its
    forces less those stationed abroad and holding land."""
    if nation != view.nation:  # another state: from the public numbers, shared by all
        return _at_home(view.states, view.war).get(nation, 0.0)
    mil = view.me.military
    away_ = sum(x.forces for x in view.war.stationed if x.owner == nation)
    away_ += sum(h.garrison for h in view.war.holdings if h.occupier == nation)
    return max(0.0, mil - away_)


# [(states, war facts, state -> forces at home)]: one tuple, replaced whole, so that
# a reader in another thread (a Dask worker's) never mixes two moments
_LAST_HOME: list = [None]


def _at_home(states, war) -> dict[str, float]:
    """:func:`forces_at_home` of every state in ``states`` (public numbers), worked
    out once for every government while the views share these tuples; the same sums
    in the same order. Read it; do not change it."""
    kept = _LAST_HOME[0]
    if kept is not None and kept[0] is states and kept[1] is war:
        return kept[2]
    stationed: dict[str, list[float]] = {}
    for x in war.stationed:
        stationed.setdefault(x.owner, []).append(x.forces)
    holding: dict[str, list[float]] = {}
    for h in war.holdings:
        holding.setdefault(h.occupier, []).append(h.garrison)
    out: dict[str, float] = {}
    for s in states:
        if s.id not in out:  # the first, as a search would find it
            away_ = sum(stationed.get(s.id, ()))
            away_ += sum(holding.get(s.id, ()))
            free = s.military - away_
            out[s.id] = free if free > 0.0 else 0.0  # max(0.0, free) without the call
    if type(states) is tuple and type(war.stationed) is tuple and \
            type(war.holdings) is tuple:  # immutable: safe to remember by identity
        _LAST_HOME[0] = (states, war, out)
    return out


def _home_power(r, nation: str) -> float:
    # state -> forces at home x readiness, once per reading (its view never changes)
    powers = r.memo.get("home power")
    if powers is None:
        powers = r.memo["home power"] = {}
    found = powers.get(nation)
    if found is None:
        found = powers[nation] = forces_at_home(r.view, nation) * \
            READINESS_MULTIPLIER[r.state(nation).readiness]
    return found


def stationed_in(view, host: str, besides: str = "") -> float:
    return sum(f for owner, f in _by_host(view.war).get(host, ()) if owner != besides)


def _by_host(war) -> dict[str, list[tuple[str, float]]]:
    """The forces stationed in each host, (owner, forces) in the facts' order: grouped
    once for every government while the views share the facts (:func:`war_memo`).
    Read it; do not change it."""
    memo = war_memo(war)
    by = memo.get("by host")
    if by is None:
        by = memo["by host"] = {}
        for x in war.stationed:
            by.setdefault(x.host, []).append((x.owner, x.forces))
    return by


def on_the_spot(r, victim: str, attacker: str, memory, foresight: bool = True) -> float:
    """What an attack on ``victim`` meets this round: its forces at home (x1.25), the
    forces stationed there (tripwires: only with foresight) and, when it is already
    fighting, the share its likely helpers would commit to its defence."""
    spot = _home_power(r, victim) * HOME_ADVANTAGE
    if foresight:
        spot += stationed_in(r.view, victim, attacker)
    if victim in r.attacked:
        for m, p in _helpers(r, victim, attacker, memory).items():
            spot += p * _home_power(r, m) * EXPEDITION_SHARE
    return spot


def hold_probability(garrison: float, counter: float) -> float:
    """How likely a garrison of this strength keeps its land against an expected
    counter-offensive of strength ``counter`` (1 with none to fear)."""
    if counter <= 0:
        return 1.0
    if garrison <= 0:
        return 0.0
    return 1.0 / (1.0 + (counter / garrison) ** HOLD_STEEPNESS)


_LAST_RECORDS: list = [None]  # [(obligations, debtor -> (kept, declined))], as _LAST_HOME


def _record(r, m: str) -> tuple[int, int]:
    """(obligations kept, declined) by ``m`` in the public ledger (counted once for
    every debtor and every government, while the views share the ledger's tuple)."""
    obligations = r.view.obligations
    kept_ = _LAST_RECORDS[0]
    if kept_ is None or kept_[0] is not obligations:
        by: dict[str, tuple[int, int]] = {}
        for ob in obligations:
            kept, declined = by.get(ob.debtor, (0, 0))
            by[ob.debtor] = (kept + (ob.status is Status.KEPT),
                             declined + (ob.status is Status.DECLINED))
        if type(obligations) is not tuple:  # a list may change: not remembered
            return by.get(m, (0, 0))
        kept_ = _LAST_RECORDS[0] = (obligations, by)
    return kept_[1].get(m, (0, 0))


def _helpers(r, victim: str, attacker: str, memory) -> dict[str, float]:
    """Each state that might fight for ``victim`` -> how likely, as the attacker reads
    it: treaty allies by their alliance's credibility and their own, friends without a
    treaty by the support they have shown; both scaled by what they have shown (the
    answer to probes) and cut by the obligations they have declined. Once per
    reading, victim and attacker (on_the_spot and coalition both ask): read it, do
    not change it."""
    key = ("helpers", victim, attacker)
    found = r.memo.get(key) if memory is r.memory else None
    if found is None:
        found = _find_helpers(r, victim, attacker, memory)
        if memory is r.memory:
            r.memo[key] = found
    return found


def _find_helpers(r, victim: str, attacker: str, memory) -> dict[str, float]:
    world = r.world
    pacts = r.memo.get("pacts")  # defenders' memo: the reading's pacts stay the same
    if pacts is None:
        pacts = r.memo["pacts"] = {}
    out = defenders(world, r.institution, r.state, victim, attacker, pacts)
    for m in memory.friends_of(victim):
        if m not in (victim, attacker) and m not in out:
            out[m] = FRIEND_WITHOUT_TREATY * believed(r.state(m).credibility)
    facts = _member_facts(r, attacker, memory)
    shown_to = memory.shown
    tripwires = {owner for owner, _ in _by_host(r.view.war).get(victim, ())}
    base, rest, full = SHOWN_BASE, SHOWN_REST, SHOWN_FULL
    found = {}
    for m, p in out.items():
        f = facts.get(m)
        if f is None:
            f = facts[m] = _facts_of(r, attacker, memory, m)
        mine, shown_any, declines, keeps, _, _, _ = f
        if mine:
            p *= 0.2  # its own allies seldom fight it
        shown = (shown_to.get((m, victim), 0.0) + shown_any) / full
        p = p * (base + rest * (shown if shown < 1.0 else 1.0)) * declines * keeps
        if p < 0.85 and m in tripwires:
            p = 0.85  # a tripwire: its forces fight there whatever it decides
        found[m] = p if p < 1.0 else 1.0  # (min and max without the calls: the same floats)
    return found


SHOWN_REST = 1 - SHOWN_BASE


def _member_facts(r, attacker: str, memory) -> dict[str, tuple]:
    """state -> :func:`_facts_of`, filled as states are asked: once per reading and
    attacker for every victim it weighs (the reading's view and memory stay the same)."""
    if memory is not r.memory:
        return {}
    key = ("member facts", attacker)
    found = r.memo.get(key)
    if found is None:
        found = r.memo[key] = {}
    return found


def _facts_of(r, attacker: str, memory, m: str) -> tuple:
    """What the attacker reads of a possible helper ``m`` whatever the victim: (an ally
    of its own, 0.3 x the support it has shown anyone, 0.5 ** the duties it declined,
    1 + 0.1 x the duties it kept (at most 3), its forces at home x readiness, its whole
    strength, whether it declined any duty), the factors ``_find_helpers`` and
    :func:`coalition` multiply by."""
    kept, declined = _record(r, m)
    them = r.state(m)
    return (m in r.world.allies[attacker], 0.3 * memory.shown_any.get(m, 0.0),
            0.5 ** declined, 1.0 + 0.1 * (kept if kept < 3 else 3), _home_power(r, m),
            them.military * READINESS_MULTIPLIER[them.readiness], declined > 0)


def coalition(r, victim: str, attacker: str, memory, foresight: bool = True) -> Coalition:
    """The expected answer to ``attacker`` taking land from ``victim``."""
    friends = _helpers(r, victim, attacker, memory)
    later = _home_power(r, victim) * HOME_ADVANTAGE * LIBERATION_SHARE
    full = whole = 0.0
    shown = declined = 0
    facts = _member_facts(r, attacker, memory)
    shown_to = memory.shown
    share = LIBERATION_SHARE
    for m, p in friends.items():
        f = facts.get(m)
        if f is None:
            f = facts[m] = _facts_of(r, attacker, memory, m)
        _, _, _, _, home, power_, declined_any = f
        later += p * home * share
        full += p * power_
        whole += power_
        shown += shown_to.get((m, victim), 0.0) > 0
        declined += declined_any
    if foresight:
        later += stationed_in(r.view, victim, attacker) * 0.5
    record = f"{shown} of {len(friends)} have shown support, {declined} declined a duty"
    return Coalition(later, full, friends, record, full / whole if whole else 0.0)


def sanctions_exposure(r, trade, victim: str, friends: dict, now: bool = False) -> float:
    """The share of its own trade that sanctions would cover (0..1), each sender's
    share weighted by its bite: those in force, and (unless ``now``) those the
    victim's likely friends would add (financial sanctions, 0.6)."""
    base = r.memo.get("sanctions on me")  # those in force: once per reading
    if base is None:
        base = r.memo["sanctions on me"] = {s: b for (s, t), b in r.memory.sanctions.items()
                                            if t == r.nation}
    cover = dict(base)
    if not now:  # (max and min below without the calls: the same floats)
        for m, p in friends.items():
            p *= 0.6
            had = cover.get(m, 0.0)
            cover[m] = p if p > had else had
        cover[victim] = max(cover.get(victim, 0.0), 0.6)
    total = 0
    share = trade.get
    for s, b in cover.items():
        total += share(s, 0.0) * b
    return total if total < 1.0 else 1.0
