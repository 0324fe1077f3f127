"""The numbers that change during a game. Plain dataclasses; rebuilt by replay.

Pairwise data is sparse: only pairs that have tension, sanctions, deployments or
occupation are stored, so a 193-state world costs what its active pairs cost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from .model import Strength, World

if TYPE_CHECKING:  # negotiation builds on this module
    from .negotiation import Commitment, Message, Proposal


class Status(str, Enum):
    OPEN = "open"
    KEPT = "kept"
    DECLINED = "declined"  # an obligation the state chose not to honour
    BROKEN = "broken"  # a commitment not kept
    LAPSED = "lapsed"  # no longer owed (the fighting stopped before it was due)


@dataclass
class Obligation:
    """A duty arising from a clause, e.g. to assist a member under armed attack.

    ``action`` names what the duty is: ``assist`` (defend, deploy, aid or sanction
    the attacker, as the strength allows) or ``sanction`` (binding sanctions).
    """

    id: str
    debtor: str
    institution: str
    clause: str
    action: str  # assist | sanction
    beneficiary: str  # the attacked state ('' for sanctions)
    against: str  # the attacker / the sanctioned state
    strength: Strength
    created: int
    due: int
    status: Status = Status.OPEN
    settled: int = 0


@dataclass
class Draft:
    """A draft resolution tabled in an institution, voted in the diplomacy phase."""

    id: str
    institution: str
    by: str
    measure: str
    target: str
    tabled: int
    votes: dict[str, str] = field(default_factory=dict)
    decided: bool = False
    adopted: bool = False
    reason: str = ""
    # members whose vote did not count when it was decided (a party to the dispute the
    # rule leaves out, the state a consensus-minus-one decision is about)
    excluded: list[str] = field(default_factory=list)


@dataclass
class Conflict:
    """One armed conflict: who struck first (the attacker of record) and whom.

    ``side`` lists the states that fought lawfully for the victim (a treaty ally
    honouring an obligation, a state the victim asked for help, a member acting under
    an authorisation). A conflict lasts until a ceasefire between the two holds
    (``ended`` is then that round); striking a helper of the victim never starts a new
    one, and a helper striking the attacker is never an attacker of record.
    """

    attacker: str
    victim: str
    started: int
    side: list[str] = field(default_factory=list)
    ended: int = 0
    reported: list[str] = field(default_factory=list)  # who reported to the Council
    # who owes the victim assistance against the attacker under a clause (not yet
    # declined): state -> institution; filled when the obligations arise
    bound: dict[str, str] = field(default_factory=dict)


@dataclass
class NationState:
    id: str
    military: float
    economy: float
    spending: float
    support: float
    credibility: float
    territory: float = 100.0  # share of its own territory it controls
    readiness: int = 0  # 0 normal, 1 raised, 2 mobilised
    deployed: dict[str, float] = field(default_factory=dict)  # host -> forces
    garrisons: dict[str, float] = field(default_factory=dict)  # occupied state -> forces
    sanctioning: dict[str, float] = field(default_factory=dict)  # target -> bite 0..1
    costs: float = 0.0  # economic costs borne so far, billions
    contribution: float = 0.0  # burden-sharing contributions so far (points)
    losses: float = 0.0  # military losses so far
    blockaded: int = 0  # the last round in which it was blockaded (0: never)


@dataclass
class InstitutionState:
    id: str
    credibility: float
    suspended: list[str] = field(default_factory=list)
    sanctions_on: list[str] = field(default_factory=list)  # authorised sanctions targets
    force_on: list[str] = field(default_factory=list)  # use of force authorised against
    peacekeeping: list[str] = field(default_factory=list)  # mandates (host states)
    # members staying away (the Soviet Union from the Security Council, January to
    # August 1950): they cast no vote until they return; a vote of their own ends it
    boycotting: list[str] = field(default_factory=list)
    consultations: int = 0
    # membership held in the game (see membership.py): states that joined during play,
    # members that left (by withdrawal or an effect) or were expelled (Covenant
    # Art. 16(4)), and notices of withdrawal: member -> the round it takes effect
    joined: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)
    expelled: list[str] = field(default_factory=list)
    notices: dict[str, int] = field(default_factory=dict)


@dataclass(eq=False)
class GameState:
    round: int
    stage: str
    phase: str
    escalation: float
    nations: dict[str, NationState]
    institutions: dict[str, InstitutionState]
    tension: dict[tuple[str, str], float] = field(default_factory=dict)  # sorted pair -> level
    occupation: dict[tuple[str, str], float] = field(default_factory=dict)  # (occupier, victim)
    conflicts: list[Conflict] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)  # (victim, asked) Art. 51
    truces: list[tuple[str, str]] = field(default_factory=list)  # sorted pairs at ceasefire
    ceasefire_offers: dict[tuple[str, str], int] = field(default_factory=dict)  # (by, to) -> round
    obligations: list[Obligation] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    history: list[float] = field(default_factory=list)  # crisis level at each round's end
    under_attack: dict[str, list[str]] = field(default_factory=dict)  # victim -> attackers
    quiet_rounds: int = 0
    stage_rounds: int = 0  # whole rounds spent in the current stage
    fighting_rounds: int = 0
    war_rounds: int = 0  # rounds in a row of new aggression at the war mark (machine.general_war)
    fired: list[str] = field(default_factory=list)  # injects that have fired, in order
    # conquests refused recognition (the Stimson doctrine): (who refuses, the occupier);
    # who is a state or an institution
    not_recognised: list[tuple[str, str]] = field(default_factory=list)
    outcome: str = ""  # "", resolved, settled, frozen, war

    @classmethod
    def start(cls, world: World) -> "GameState":
        nations = {
            n.id: NationState(
                id=n.id,
                military=n.military,
                economy=n.economy,
                spending=n.defence_spending,
                support=n.support,
                credibility=n.credibility,
            )
            for n in world.nations
        }
        insts = {i.id: InstitutionState(i.id, i.credibility) for i in world.institutions}
        tension = {pair(a, b): float(level) for a, b, level in world.start_tensions}
        return cls(
            round=1,
            stage=world.start_stage,
            phase="briefing",
            escalation=max([world.start_escalation, *tension.values()]),
            nations=nations,
            institutions=insts,
            tension=tension,
        )


def pair(a: str, b: str) -> tuple[str, str]:
    """The key of an unordered pair of states."""
    return (a, b) if a < b else (b, a)
