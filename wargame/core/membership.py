"""Who belongs to an institution now, and who takes part in its decisions.

The world fixes each institution's members at the start; play can change them:
a state joins or leaves (a campaign's ``join`` and ``leave`` effects), a member's
notice of withdrawal takes effect (League Covenant Art. 1(3)), a member is
expelled (Art. 16(4)). A suspended member is still a member but takes no part.
Every vote, quorum, obligation, clause and view reads these functions, never
``Institution.members`` or ``InstitutionState.suspended`` alone.
"""

from __future__ import annotations

from .actions import Effect, Measure
from .events import Kind
from .model import ClauseKind, World
from .state import GameState

MEMBERS_ONLY = {Measure.SUSPEND: "suspended", Measure.EXPEL: "expelled"}
"""Measures only a member can be the target of, and what it would be."""


def members(world: World, state: GameState, inst: str) -> tuple[str, ...]:
    """The members of ``inst`` now, suspended ones included: the campaign's members
    in their order, less those who left or were expelled, then those who joined."""
    base = world.institution[inst].members
    ist = state.institutions[inst]
    if not ist.joined and not ist.left:
        return base
    gone = ist.left
    return tuple(m for m in base if m not in gone) + tuple(
        m for m in ist.joined if m not in gone and m not in base)


def active_members(world: World, state: GameState, inst: str) -> tuple[str, ...]:
    """The members of ``inst`` who take part in its decisions and owe its obligations
    now: its members less the suspended ones."""
    ist = state.institutions[inst]
    found = members(world, state, inst)
    if not ist.suspended:
        return found
    return tuple(m for m in found if m not in ist.suspended)


def is_member(world: World, state: GameState, inst: str, nation: str) -> bool:
    """Whether ``nation`` belongs to ``inst`` now (suspended or not)."""
    return nation in members(world, state, inst)


def is_active(world: World, state: GameState, inst: str, nation: str) -> bool:
    """Whether ``nation`` is a member of ``inst`` now and not suspended from it."""
    return nation not in state.institutions[inst].suspended and is_member(
        world, state, inst, nation)


def changed(state: GameState) -> bool:
    """Whether any membership differs from the campaign's (someone joined or left)."""
    return any(s.joined or s.left for s in state.institutions.values())


def member_of(world: World, state: GameState, nation: str) -> tuple[str, ...]:
    """The institutions ``nation`` belongs to now, in world order."""
    if not changed(state):
        return world.member_of[nation]
    return tuple(i.id for i in world.institutions if is_member(world, state, i.id, nation))


def active_in(world: World, state: GameState, nation: str,
              moved: bool | None = None) -> tuple[str, ...]:
    """The institutions ``nation`` belongs to now and is not suspended from.
    ``moved``: whether any membership changed (:func:`changed`), if the caller knows."""
    if moved is None:
        moved = changed(state)
    mine = member_of(world, state, nation) if moved else world.member_of[nation]
    return tuple(i for i in mine if not suspended(state, i, nation))


def suspended(state: GameState, inst: str, nation: str) -> bool:
    """Whether ``nation`` is suspended from ``inst`` (a member that takes no part)."""
    return nation in state.institutions[inst].suspended


def allies(world: World, state: GameState, nation: str,
           moved: bool | None = None) -> tuple[str, ...]:
    """The states sharing an alliance or consultation pact with ``nation`` now, in world
    order (``World.allies`` while no membership has changed). ``moved``: whether any
    membership changed (:func:`changed`), if the caller knows (asking costs a look at
    every institution: for every state, n squared in a large world)."""
    if moved is None:
        moved = changed(state)
    if not moved:
        return world.allies[nation]
    found: set[str] = set()
    for inst in world.institutions:
        if inst.has(ClauseKind.COLLECTIVE_DEFENCE) or inst.has(ClauseKind.CONSULTATION):
            now = members(world, state, inst.id)
            if nation in now:
                found.update(now)
    found.discard(nation)
    return tuple(n for n in world.ids if n in found)


def fingerprint(state: GameState) -> tuple:
    """What differs from the campaign's memberships, as a key for caches."""
    return tuple((i, tuple(s.joined), tuple(s.left)) for i, s in state.institutions.items()
                 if s.joined or s.left)


def notice_due(world: World, state: GameState, inst: str, nation: str) -> int:
    """The round at whose end ``nation``'s notice of withdrawal from ``inst`` takes
    effect, or 0 if it has given none."""
    return state.institutions[inst].notices.get(nation, 0)


def admit(state: GameState, inst: str, nation: str, base: tuple[str, ...]) -> bool:
    """Make ``nation`` a member of ``inst``; False if it already is one."""
    ist = state.institutions[inst]
    if nation in ist.left:
        ist.left.remove(nation)
        if nation in ist.expelled:
            ist.expelled.remove(nation)
        if nation in base:
            return True
    elif nation in base or nation in ist.joined:
        return False
    if nation not in base and nation not in ist.joined:
        ist.joined.append(nation)
    return True


def remove(state: GameState, inst: str, nation: str, expelled: bool = False) -> None:
    """Take ``nation`` out of ``inst``: it leaves (or is expelled); its suspension,
    boycott and notice end with its membership."""
    ist = state.institutions[inst]
    if nation not in ist.left:
        ist.left.append(nation)
    if expelled and nation not in ist.expelled:
        ist.expelled.append(nation)
    for where in (ist.suspended, ist.boycotting):
        if nation in where:
            where.remove(nation)
    ist.notices.pop(nation, None)


# ------------------------------------------------------------ in a round
def give_notice(r, nation: str, inst: str, text: str = "", ref: str = "") -> None:
    """``nation`` gives notice of withdrawal from ``inst``: it leaves at the end of the
    round in which the institution's notice period (its ``withdrawal_notice_days``,
    in rounds) has run, and stays a member, bound by its obligations, until then."""
    institution = r.world.institution[inst]
    ist = r.state.institutions[inst]
    if nation in ist.notices or not is_member(r.world, r.state, inst, nation):
        return
    due = r.state.round + r.world.rounds_for(institution.withdrawal_notice_days)
    ist.notices[nation] = due
    later = ", after this game's last round" if due > r.world.rounds_limit else ""
    r.emit(Kind.MEMBERSHIP, text or f"{r.name(nation)} gives notice of its withdrawal from "
           f"{institution.name}: it remains a member, bound by its obligations, until the "
           f"end of round {due} ({institution.withdrawal_notice_days} days' notice{later}).",
           actor=nation, institution=inst, ref=ref, value=0.0)


def notices(r) -> None:
    """This round's notices of withdrawal (the action give_notice)."""
    for o in r.of(Effect.NOTICE):
        give_notice(r, o.nation, o.institution)


def departures(r) -> None:
    """Every notice whose period has run at the end of this round: the member leaves."""
    for inst in r.world.institutions:
        ist = r.state.institutions[inst.id]
        for nation, due in list(ist.notices.items()):
            if due <= r.state.round:
                leave(r, nation, inst.id, f"{r.name(nation)}'s notice has run: it is no "
                      f"longer a member of {inst.name}.")


def join(r, nation: str, inst: str, text: str = "", ref: str = "") -> None:
    """``nation`` becomes a member of ``inst`` (news only if it was not one)."""
    if admit(r.state, inst, nation, r.world.institution[inst].members):
        r.emit(Kind.MEMBERSHIP, text or f"{r.name(nation)} joins "
               f"{r.world.institution[inst].name}.", actor=nation, institution=inst,
               ref=ref, value=1.0)


def leave(r, nation: str, inst: str, text: str = "", ref: str = "",
          expelled: bool = False) -> None:
    """``nation`` stops being a member of ``inst`` (news only if it was one)."""
    if not is_member(r.world, r.state, inst, nation):
        return
    remove(r.state, inst, nation, expelled)
    r.emit(Kind.MEMBERSHIP, text or f"{r.name(nation)} leaves "
           f"{r.world.institution[inst].name}.", actor=nation, institution=inst, ref=ref,
           value=-1.0)
