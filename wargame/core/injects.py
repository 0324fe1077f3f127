"""Scripted events (injects) and end conditions, written by campaign authors.

Everything here is data checked against fixed vocabularies: a condition is one
of :class:`Test`, an effect one of :class:`Change`. Nothing names code.
Firing them is in :mod:`wargame.core.scripted`. Injects fire in the aftermath of a round, in campaign order; a probability is
drawn from the game's seeded random source, so replays agree.

``fired`` / ``not_fired`` read the record of injects that have fired
(``GameState.fired``), so an inject can remember what happened: one whose condition
is ``{under_attack: belmark}`` fires in the aftermath of the first armed attack on
Belmark, and ``{not_fired: ...}`` of it means "no armed attack on Belmark yet".
An inject listed earlier that fires in the same aftermath counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the world model imports this module; keep it free of state
    from .state import GameState


class Test(str, Enum):
    """What a condition can look at."""

    ROUND_AT_LEAST = "round_at_least"  # value
    STAGE_IS = "stage_is"  # stage
    ESCALATION_AT_LEAST = "escalation_at_least"  # value
    ESCALATION_BELOW = "escalation_below"  # value
    UNDER_ATTACK = "under_attack"  # state
    TERRITORY_BELOW = "territory_below"  # state, value
    SANCTIONED = "sanctioned"  # state: anyone sanctions it
    SUPPORT_BELOW = "support_below"  # state, value
    QUIET_ROUNDS_AT_LEAST = "quiet_rounds_at_least"  # value
    FIRED = "fired"  # inject: that inject has fired (earlier, or earlier in this aftermath)
    NOT_FIRED = "not_fired"  # inject: it has not fired yet
    TERRITORY_AT_LEAST = "territory_at_least"  # state, value
    ADOPTED = "adopted"  # institution, measure ("" any), target ("" any): a measure adopted
    AT_WAR = "at_war"  # state, target ("" anyone), role: in an ongoing armed conflict
    NOT = "not"  # inner: that condition does not hold
    MEMBER_OF = "member_of"  # state, institution, value 1 if a member at the start: a member now


# The tests holds() compares with, read once: in Python 3.11 each
# ``Test.ROUND_AT_LEAST`` in a function goes through EnumType.__getattr__'s hook
# (hundreds of instructions and an allocation); a module name is one load.
(ROUND_AT_LEAST, STAGE_IS, ESCALATION_AT_LEAST, ESCALATION_BELOW, UNDER_ATTACK,
 TERRITORY_BELOW, TERRITORY_AT_LEAST, SANCTIONED, SUPPORT_BELOW,
 QUIET_ROUNDS_AT_LEAST, FIRED, NOT_FIRED, ADOPTED, AT_WAR, NOT, MEMBER_OF) = (
    Test.ROUND_AT_LEAST, Test.STAGE_IS, Test.ESCALATION_AT_LEAST, Test.ESCALATION_BELOW,
    Test.UNDER_ATTACK, Test.TERRITORY_BELOW, Test.TERRITORY_AT_LEAST, Test.SANCTIONED,
    Test.SUPPORT_BELOW, Test.QUIET_ROUNDS_AT_LEAST, Test.FIRED, Test.NOT_FIRED,
    Test.ADOPTED, Test.AT_WAR, Test.NOT, Test.MEMBER_OF)


@dataclass(frozen=True)
class Condition:
    test: Test
    state: str = ""
    stage: str = ""
    value: float = 0.0
    inject: str = ""  # fired / not_fired: the id of another inject of the campaign
    institution: str = ""  # adopted: the body
    measure: str = ""  # adopted: the measure ("" any)
    target: str = ""  # adopted: its target; at_war: the other side ("" any)
    inner: Condition | None = None  # not: the condition that must not hold
    role: str = ""  # at_war: "attacker" (of record), "defender" (victim or its side), "" any

    def holds(self, st: GameState) -> bool:
        t = self.test
        if t is ROUND_AT_LEAST:
            return st.round >= self.value
        if t is STAGE_IS:
            return st.stage == self.stage
        if t is ESCALATION_AT_LEAST:
            return st.escalation >= self.value
        if t is ESCALATION_BELOW:
            return st.escalation < self.value
        if t is UNDER_ATTACK:
            return self.state in st.under_attack
        if t is TERRITORY_BELOW:
            return st.nations[self.state].territory < self.value
        if t is TERRITORY_AT_LEAST:
            return st.nations[self.state].territory >= self.value
        if t is SANCTIONED:
            return any(self.state in ns.sanctioning for ns in st.nations.values())
        if t is SUPPORT_BELOW:
            return st.nations[self.state].support < self.value
        if t is QUIET_ROUNDS_AT_LEAST:
            return st.quiet_rounds >= self.value
        if t is FIRED:
            return self.inject in st.fired
        if t is NOT_FIRED:
            return self.inject not in st.fired
        if t is ADOPTED:
            return any(d.adopted and d.institution == self.institution
                       and self.measure in ("", d.measure) and self.target in ("", d.target)
                       for d in st.drafts)
        if t is AT_WAR:
            return any(self.target in ("", other)
                       for other in at_war_with(st, self.state, self.role))
        if t is NOT:
            return self.inner is not None and not self.inner.holds(st)
        if t is MEMBER_OF:  # value 1: a member at the start (the loader sets it)
            ist = st.institutions[self.institution]
            return self.state not in ist.left and (
                self.state in ist.joined or self.value == 1.0)
        raise ValueError(t)  # pragma: no cover


def at_war_with(st: GameState, nation: str, role: str = "") -> set[str]:
    """The states ``nation`` is fighting in ongoing armed conflicts: an attacker of
    record fights its victim and every state on the victim's side, and they fight it.
    ``role`` keeps only the conflicts where ``nation`` is the "attacker" of record, or
    a "defender" (the victim or on its side)."""
    out: set[str] = set()
    for c in st.conflicts:
        if c.ended:
            continue
        defenders = {c.victim, *c.side}
        if nation == c.attacker and role != "defender":
            out |= defenders
        elif nation in defenders and role != "attacker":
            out.add(c.attacker)
    return out


class Change(str, Enum):
    """What an inject can do."""

    NEWS = "news"  # text (public, or private to `state` when private is set)
    ADJUST = "adjust"  # state, field (military/economy/support/credibility/spending), value
    INCIDENT = "incident"  # state (actor), target, value (tension added)
    TABLE_DRAFT = "table_draft"  # state (by), institution, measure, target
    REQUEST_ASSISTANCE = "request_assistance"  # state (by) asks targets for help (Art. 51)
    DEPLOY = "deploy"  # state (by) sends value (a share of its forces at home) to target
    BOYCOTT = "boycott"  # state stays away from institution: it casts no vote there
    RETURN = "return"  # state ends its boycott of institution
    JOIN = "join"  # state becomes a member of institution
    LEAVE = "leave"  # state stops being a member of institution, at once
    GIVE_NOTICE = "give_notice"  # state gives notice of withdrawal from institution
    REFUSE_RECOGNITION = "refuse_recognition"  # state (a state or a body) refuses target's conquests


ADJUSTABLE = ("military", "economy", "support", "credibility", "spending")


@dataclass(frozen=True)
class Effect:
    change: Change
    text: str = ""
    state: str = ""
    target: str = ""
    institution: str = ""
    measure: str = ""
    field: str = ""
    value: float = 0.0
    private: bool = False
    targets: tuple[str, ...] = ()  # request_assistance: the states asked


@dataclass(frozen=True)
class Inject:
    id: str
    effects: tuple[Effect, ...]
    round: int = 0  # fires at the end of this round (0: any round)
    when: tuple[Condition, ...] = ()  # all must hold
    probability: float = 1.0
    repeat: bool = False
    teaching: bool = False  # a note for new players: news, but not part of the story


def teaching_note(injects, event) -> bool:
    """Whether ``event`` is the news of a teaching inject (a tutorial's tip): shown in
    the briefing, left out of the turning points of a debrief or report."""
    return event.kind.value == "inject" and any(
        i.teaching for i in injects if i.id == event.ref)


@dataclass(frozen=True)
class EndCondition:
    """Ends the game when every condition holds, with an outcome and a text."""

    when: tuple[Condition, ...]
    outcome: str  # resolved | settled | frozen | war
    text: str = ""
