"""Typed terms of a proposal: what one party promises, whether it can, whether it did.

Each :class:`Term` names its ``party`` (the state that must act), a kind from
:class:`TermKind`, and what the kind needs (a target state, an institution, a
measure, a value). :func:`feasible` says why a party could not keep a term;
:func:`kept` and :func:`violated` judge it from the orders actually given.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .actions import Effect, Measure, Order
from .legal import MAX_SPENDING, MEASURE_CLAUSE, _measures, holds_conquest
from .membership import MEMBERS_ONLY, allies, is_member
from .model import ClauseKind, World
from .state import GameState, pair

SPENDING_STEP = 0.5  # what one "raise defence spending" order adds


class TermKind(str, Enum):
    DEPLOY = "deploy"  # deploy forces to `target` (an ally)
    SANCTION = "sanction"  # sanction `target`
    LIFT_SANCTIONS = "lift_sanctions"  # lift sanctions on `target`
    RAISE_SPENDING = "raise_spending"  # reach `value` % of GDP on defence
    SUPPORT_RESOLUTION = "support_resolution"  # vote yes on a `measure` draft on `target`
    WITHDRAW = "withdraw"  # give back all of `target`'s territory
    CEASEFIRE = "ceasefire"  # a ceasefire with `target` holds
    CONSULT = "consult"  # request consultation in `institution`
    AID = "aid"  # send aid to `target`
    NO_ATTACK = "no_attack"  # no strike or invasion against `target` until due


# The kinds as module names, for the functions below: in Python 3.11 each
# ``TermKind.DEPLOY`` in a function goes through EnumType.__getattr__'s hook (hundreds
# of instructions and an allocation); a module name is one load.
DEPLOY, SANCTION, LIFT_SANCTIONS, AID = (TermKind.DEPLOY, TermKind.SANCTION,
                                        TermKind.LIFT_SANCTIONS, TermKind.AID)
RAISE_SPENDING, SUPPORT_RESOLUTION, CONSULT = (TermKind.RAISE_SPENDING,
                                               TermKind.SUPPORT_RESOLUTION, TermKind.CONSULT)
WITHDRAW, CEASEFIRE, NO_ATTACK = TermKind.WITHDRAW, TermKind.CEASEFIRE, TermKind.NO_ATTACK
WORDS = {DEPLOY: "deploys forces to", SANCTION: "sanctions", LIFT_SANCTIONS: "lifts sanctions on",
         WITHDRAW: "withdraws from", CEASEFIRE: "agrees a ceasefire with", AID: "sends aid to",
         NO_ATTACK: "does not attack"}  # how a term of each other kind reads


@dataclass(frozen=True)
class Term:
    party: str
    kind: TermKind
    target: str = ""
    institution: str = ""
    measure: str = ""
    value: float = 0.0

    def __post_init__(self) -> None:
        if not isinstance(self.kind, TermKind):  # its text, from a save or a campaign
            object.__setattr__(self, "kind", TermKind(self.kind))
        object.__setattr__(self, "value", float(self.value))

    def describe(self, world: World) -> str:
        p, t = world.name_of(self.party), world.name_of(self.target)
        k = self.kind
        if k is RAISE_SPENDING:
            return f"{p} raises defence spending to {self.value:g}% of GDP"
        if k is SUPPORT_RESOLUTION:
            return (f"{p} votes for a {self.measure.replace('_', ' ')} draft on {t} in "
                    f"{world.name_of(self.institution)}")
        if k is CONSULT:
            return f"{p} requests consultation in {world.name_of(self.institution)}"
        return f"{p} {WORDS[k]} {t}"

    def to_dict(self) -> dict:
        d = {"party": self.party, "kind": self.kind.value}
        for k in ("target", "institution", "measure"):
            if getattr(self, k):
                d[k] = getattr(self, k)
        if self.value:
            d["value"] = self.value
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Term":
        return cls(party=d["party"], kind=TermKind(d["kind"]), target=d.get("target", ""),
                   institution=d.get("institution", ""), measure=d.get("measure", ""),
                   value=float(d.get("value", 0.0)))


NEEDS_TARGET = {DEPLOY, SANCTION, LIFT_SANCTIONS,
                SUPPORT_RESOLUTION, WITHDRAW, CEASEFIRE,
                AID, NO_ATTACK}


def draft_measures(world: World, institution: str) -> tuple[str, ...]:
    """The measures a draft in ``institution`` can decide: those needing no clause,
    and those whose clause it has (no sanctions without a sanctions clause)."""
    inst = world.institution.get(institution)
    if inst is None:
        return ()
    return _measures(world, institution)  # one list: the orders' and the proposals'



def feasible(world: World, state: GameState, term: Term, rounds: int,
             already: tuple[Term, ...] | list[Term] = ()) -> str:
    """Why ``term.party`` could not keep ``term`` within ``rounds`` rounds ('' if it can).

    ``already`` holds the terms the proposal has before this one: the same term
    twice is refused."""
    p, t, k = term.party, term.target, term.kind
    if p not in world.nation:
        return f"there is no state {p!r}"
    if term in already:
        return "this term is already in the proposal"
    name, tname = world.name_of(p), world.name_of(t)
    if k in NEEDS_TARGET:
        if t not in world.nation:
            return f"the term '{k.value}' needs a target state"
        if t == p:
            return f"{name} cannot {k.value.replace('_', ' ')} itself"
    ns = state.nations[p]
    if k is DEPLOY and t not in allies(world, state, p):
        return f"{tname} is not an ally of {name}, so {name} cannot deploy there"
    if k is SANCTION and t in ns.sanctioning:
        return f"{name} already sanctions {tname}: a promise kept already earns nothing"
    if k is LIFT_SANCTIONS and t not in ns.sanctioning:
        return f"{name} imposes no sanctions on {tname}"
    if k is AID and t in ns.sanctioning:
        return f"{name} sanctions {tname} and cannot aid it"
    if k is WITHDRAW and state.occupation.get((p, t), 0.0) <= 0:
        return f"{name} holds none of {tname}'s territory"
    if k is CEASEFIRE and pair(p, t) in state.truces:
        return f"{name} and {tname} already have a ceasefire"
    if k is CEASEFIRE and pair(p, t) not in state.tension:
        return f"there is no dispute between {name} and {tname}"
    if k is RAISE_SPENDING:
        if term.value > MAX_SPENDING:
            return f"defence spending cannot exceed {MAX_SPENDING:g}% of GDP"
        if term.value <= ns.spending:
            return f"{name} already spends {ns.spending:.1f}% of GDP"
        if term.value - ns.spending > SPENDING_STEP * rounds + 1e-9:
            return (f"{name} can add only {SPENDING_STEP:g} point a round: "
                    f"{term.value:g}% is out of reach in {rounds} round(s)")
    if k in (SUPPORT_RESOLUTION, CONSULT):
        inst = world.institution.get(term.institution)
        if inst is None:
            return f"there is no institution {term.institution!r}"
        if not is_member(world, state, inst.id, p):
            return f"{name} is not a member of {inst.name}"
        if k is CONSULT and not inst.has(ClauseKind.CONSULTATION):
            return f"{inst.name} has no consultation clause"
        if k is SUPPORT_RESOLUTION:
            try:
                measure = Measure(term.measure)
            except ValueError:
                return f"unknown measure {term.measure!r}"
            if term.measure not in draft_measures(world, inst.id):
                kind = MEASURE_CLAUSE[measure]
                return f"{inst.name} has no {kind.value.replace('_', ' ')} clause"
            if measure is Measure.NON_RECOGNITION and not holds_conquest(state, t):
                return (f"{tname} holds no land taken by force: there is no conquest to "
                        "refuse to recognise")
            if measure in MEMBERS_ONLY and not is_member(world, state, inst.id, t):
                return (f"{tname} is not a member of {inst.name}, so it cannot be "
                        f"{MEMBERS_ONLY[measure]}")
            if kept(world, state, term, []):
                return (f"{name} has already voted for that draft in {inst.name}: a promise "
                        "kept already earns nothing")
    return ""


def _ordered(world: World, orders: list[Order], party: str, effect: Effect,
             target: str = "", institution: str = "") -> bool:
    return any(o.nation == party and world.actions[o.action].effect is effect
               and (not target or o.target == target)
               and (not institution or o.institution == institution) for o in orders)


def kept(world: World, state: GameState, term: Term, orders: list[Order]) -> bool:
    """Whether the term is fulfilled now, given this round's orders."""
    p, t, k = term.party, term.target, term.kind
    ns = state.nations[p]
    if k is DEPLOY:  # a new deployment: forces stationed before earn nothing
        return _ordered(world, orders, p, Effect.DEPLOY, t)
    if k is SANCTION:
        return t in ns.sanctioning
    if k is LIFT_SANCTIONS:
        return t not in ns.sanctioning
    if k is RAISE_SPENDING:
        return ns.spending >= term.value - 1e-9
    if k is SUPPORT_RESOLUTION:
        return any(d.institution == term.institution and d.target == t
                   and d.measure == term.measure and d.votes.get(p) == "yes"
                   and d.decided for d in state.drafts)
    if k is WITHDRAW:
        return state.occupation.get((p, t), 0.0) <= 0
    if k is CEASEFIRE:
        return pair(p, t) in state.truces
    if k is CONSULT:
        return _ordered(world, orders, p, Effect.CONSULT, institution=term.institution)
    if k is AID:
        return _ordered(world, orders, p, Effect.AID, t)
    if k is NO_ATTACK:
        return False  # kept only by reaching the due round without attacking
    raise ValueError(k)  # pragma: no cover


def violated(world: World, term: Term, orders: list[Order]) -> bool:
    """Whether this round's orders break the term outright (before it is due)."""
    return term.kind is NO_ATTACK and (
        _ordered(world, orders, term.party, Effect.STRIKE, term.target)
        or _ordered(world, orders, term.party, Effect.INVADE, term.target))
