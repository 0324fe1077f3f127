"""The sides of armed conflicts: one fact used by obligations, combat, burden sharing,
the view and the debrief.

A conflict begins with an *aggression*: an armed attack (a strike or an invasion) by
a state that had no lawful ground for it. Its attacker of record is the state that
struck first; its victim, the state attacked. A use of force is lawful when it is:

- **self-defence**: the victim striking back at its attacker (UN Charter Art. 51);
- **collective defence under a treaty**: a state with an assistance obligation to the
  victim against that attacker (NATO Art. 5 read with Art. 51);
- **at the victim's request**: collective self-defence needs the victim's request
  (ICJ, *Nicaragua v. United States*, 1986, para. 199), given with the
  ``request_assistance`` action;
- **authorised**: by a body whose use-of-force clause may authorise (the Security
  Council's Art. 42), against the target it named, by a state the body's decisions
  address (``binds``, its members by default).

A lawful use of force never starts a conflict, never makes its author an attacker of
record and never obliges the target's allies (the casus foederis): a collective
defence clause covers a member against attacks it did not provoke, never the member
that struck first, never against its victim's self-defence, never against authorised
enforcement. Forces stationed with an aggressor do not fight for it then either.
"""

from __future__ import annotations

from .membership import members
from .model import ClauseKind, World, bound_by
from .state import Conflict, GameState

SELF_DEFENCE = "self-defence"


def ongoing(state: GameState) -> list[Conflict]:
    return [c for c in state.conflicts if not c.ended]


def conflict_of(state: GameState, attacker: str, victim: str) -> Conflict | None:
    """The ongoing conflict in which ``attacker`` is the attacker of record against
    ``victim``, if any."""
    for c in state.conflicts:
        if not c.ended and c.attacker == attacker and c.victim == victim:
            return c
    return None


def authorised_by(world: World, state: GameState, actor: str, target: str) -> str:
    """The id of a body whose adopted authorisation lets ``actor`` use force against
    ``target``, or ""."""
    for inst in world.institutions:
        if target not in state.institutions[inst.id].force_on:
            continue
        if not any(c.authorising for c in inst.clauses_of(ClauseKind.USE_OF_FORCE)):
            continue
        if actor != target and actor in addressed(world, state, inst.id, target):
            return inst.id
    return ""


def addressed(world: World, state: GameState, institution: str,
              target: str) -> tuple[str, ...]:
    """The states an adopted authorisation of force against ``target`` addresses:
    those its body's decisions bind (``binds``: its members by default, every state
    for a Council that binds all UN members, those who voted yes for ``yes_voters``)."""
    inst = world.institution[institution]
    votes = next((d.votes for d in reversed(state.drafts) if d.adopted and d.target == target
                  and d.institution == institution and d.measure == "use_of_force"), None)
    return bound_by(world, inst, votes, lambda i: members(world, state, i))


def bind(state: GameState, attacker: str, victim: str, debtors, institution: str) -> None:
    """Record that each of ``debtors`` owes ``victim`` assistance against ``attacker``."""
    c = conflict_of(state, attacker, victim)
    if c is not None:
        for d in debtors:
            c.bound.setdefault(d, institution)


def unbind(state: GameState, attacker: str, victim: str, debtor: str) -> None:
    """``debtor`` declined its duty: it no longer fights for ``victim`` by treaty."""
    c = conflict_of(state, attacker, victim)
    if c is not None:
        c.bound.pop(debtor, None)


def requested(state: GameState, victim: str, actor: str) -> bool:
    return (victim, actor) in state.requests


def basis_for(world: World, state: GameState, actor: str, victim: str, attacker: str) -> str:
    """Why ``actor`` may lawfully fight for ``victim`` against ``attacker`` (the
    attacker of record): "" if it may not. The victim itself acts in self-defence."""
    if actor == victim:
        return SELF_DEFENCE
    c = conflict_of(state, attacker, victim)
    return _basis(world, state, actor, victim, attacker, c.bound.get(actor, "") if c else "")


def _basis(world: World, state: GameState, actor: str, victim: str, attacker: str,
           duty: str) -> str:
    """:func:`basis_for` once the treaty under which ``actor`` owes ``victim``
    assistance (``duty``, or "") is known."""
    if duty:
        return f"collective defence under {world.name_of(duty)}"
    if requested(state, victim, actor):
        return f"at {world.name_of(victim)}'s request (UN Charter Art. 51)"
    body = authorised_by(world, state, actor, attacker)
    if body:
        return f"authorised by {world.name_of(body)}"
    return ""


def lawful_basis(world: World, state: GameState, actor: str, target: str) -> str:
    """Why a use of force by ``actor`` against ``target`` is lawful, or "" when it
    would be an aggression: ``target`` is the attacker of record in an ongoing
    conflict whose victim ``actor`` may fight for, or a body has authorised force
    against ``target`` for ``actor``."""
    for c in state.conflicts:
        if c.ended or c.attacker != target:
            continue
        why = SELF_DEFENCE if actor == c.victim else \
            _basis(world, state, actor, c.victim, target, c.bound.get(actor, ""))
        if why:
            return why
    body = authorised_by(world, state, actor, target)
    return f"authorised by {world.name_of(body)}" if body else ""


def record_force(world: World, state: GameState, actor: str, target: str) -> str:
    """Record a use of force by ``actor`` against ``target`` in the conflicts: a lawful
    one puts ``actor`` on its victim's side (returns the basis), an aggression starts a
    conflict with ``actor`` as its attacker of record (returns "")."""
    why = lawful_basis(world, state, actor, target)
    if why:
        for c in ongoing(state):
            if c.attacker == target and actor != c.victim and actor not in c.side and \
                    basis_for(world, state, actor, c.victim, target):
                c.side.append(actor)
        return why
    if conflict_of(state, actor, target) is None:
        state.conflicts.append(Conflict(actor, target, state.round))
    return ""


def join_side(world: World, state: GameState, helper: str, victim: str) -> list[str]:
    """``helper`` fights for ``victim``: it joins the side of each ongoing conflict
    against ``victim`` in which it may lawfully fight (never its own: a state that
    attacked ``victim`` and later defends it against another is on no side of the
    conflict it started). Returns the attackers it has no lawful ground to fight (an
    unlawful intervention in others' eyes)."""
    unlawful = []
    for c in ongoing(state):
        if c.victim != victim or c.attacker == helper:
            continue
        if basis_for(world, state, helper, victim, c.attacker):
            if helper not in c.side:
                c.side.append(helper)
        else:
            unlawful.append(c.attacker)
    return unlawful


def end_between(state: GameState, a: str, b: str) -> None:
    """A ceasefire between ``a`` and ``b`` ends the conflicts between them."""
    for c in ongoing(state):
        if {c.attacker, c.victim} == {a, b}:
            c.ended = state.round
