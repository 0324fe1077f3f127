"""Events: everything that happens in a game, each with who may see it.

An event with an empty ``visible_to`` is public news; otherwise only the states
named may see it (intelligence, private démarches, the sender's own costs).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(str, Enum):
    ROUND_STARTED = "round_started"
    ACTION = "action"  # a public action, as news
    PRIVATE_ACTION = "private_action"  # seen by actor and target only
    INTELLIGENCE = "intelligence"
    ENGAGEMENT = "engagement"
    ARMED_ATTACK = "armed_attack"
    TERRITORY = "territory"
    SELF_DEFENCE = "self_defence"  # a state reports its self-defence to the Council
    ASSISTANCE_REQUESTED = "assistance_requested"  # a victim asks for help (Art. 51)
    OVERRUN = "overrun"  # an alliance's member is held by an aggressor: credibility falls
    OBLIGATION_CREATED = "obligation_created"  # seen by the obliged member
    CLAUSE_INVOKED = "clause_invoked"  # public: a clause now obliges these members
    OUTSIDE_SCOPE = "outside_scope"
    OBLIGATION_KEPT = "obligation_kept"
    OBLIGATION_DECLINED = "obligation_declined"
    OBLIGATION_LAPSED = "obligation_lapsed"
    SANCTIONS_IMPOSED = "sanctions_imposed"
    SANCTIONS_LIFTED = "sanctions_lifted"
    SANCTIONS_EFFECT = "sanctions_effect"
    SANCTIONS_COST = "sanctions_cost"
    CONSULTATION_OPENED = "consultation_opened"
    MEETING_CALLED = "meeting_called"
    DRAFT_TABLED = "draft_tabled"
    DRAFT_DECIDED = "draft_decided"
    AUTHORISED = "authorised"
    SUSPENDED = "suspended"
    COUNCIL_INFORMED = "council_informed"  # a regional body informs the Council (Art. 54)
    REFERRED = "referred"  # a matter referred to an assembly (Uniting for Peace)
    CEASEFIRE_PROPOSED = "ceasefire_proposed"
    CEASEFIRE_AGREED = "ceasefire_agreed"
    CEASEFIRE_BROKEN = "ceasefire_broken"
    RUNG_CROSSED = "rung_crossed"
    GENERAL_WAR = "general_war"  # the general-war event (machine.general_war): the game ends
    STAGE_CHANGED = "stage_changed"
    CREDIBILITY = "credibility"
    SPENDING = "spending"
    DEPLOYMENT = "deployment"
    WITHDRAWAL = "withdrawal"
    BLOCKADE = "blockade"
    PROPOSAL_MADE = "proposal_made"  # seen by the parties
    PROPOSAL_ANSWERED = "proposal_answered"  # seen by the parties
    PROPOSAL_DECIDED = "proposal_decided"  # in an institution: public
    COMMITMENT_MADE = "commitment_made"  # the ledger is public
    COMMITMENT_KEPT = "commitment_kept"
    COMMITMENT_BROKEN = "commitment_broken"
    INJECT = "inject"  # a scripted event from the campaign
    GAME_OVER = "game_over"
    # a state joins or leaves an institution (value 1 or -1), or gives notice (value 0)
    MEMBERSHIP = "membership"
    NOT_RECOGNISED = "not_recognised"  # a state or body refuses to recognise a conquest


@dataclass(frozen=True)
class Event:
    round: int
    kind: Kind
    text: str  # one sentence a player can read
    actor: str = ""
    target: str = ""
    institution: str = ""
    value: float = 0.0
    ref: str = ""  # id of a draft, obligation or rung
    visible_to: tuple[str, ...] = ()  # empty: public

    # A round of a large game logs a thousand events or more: filling the instance
    # dict directly is several times faster than the frozen dataclass's nine
    # object.__setattr__ calls (and than one update() with keywords, which makes a
    # dict of them first), and the event stays frozen (assignment still raises).
    def __init__(self, round: int, kind: Kind, text: str, actor: str = "", target: str = "",
                 institution: str = "", value: float = 0.0, ref: str = "",
                 visible_to: tuple[str, ...] = ()) -> None:
        d = self.__dict__
        d["round"] = round
        d["kind"] = kind
        d["text"] = text
        d["actor"] = actor
        d["target"] = target
        d["institution"] = institution
        d["value"] = value
        d["ref"] = ref
        d["visible_to"] = visible_to

    @property
    def public(self) -> bool:
        return not self.visible_to

    def seen_by(self, nation: str) -> bool:
        return not self.visible_to or nation in self.visible_to

    def to_dict(self) -> dict:
        d = {"round": self.round, "kind": self.kind.value, "text": self.text}
        for k in ("actor", "target", "institution", "ref"):
            if getattr(self, k):
                d[k] = getattr(self, k)
        if self.value:
            d["value"] = round(self.value, 6)
        if self.visible_to:
            d["visible_to"] = list(self.visible_to)
        return d
