"""What one government may see: one function of (state, nation).

Hot-seat secrecy follows from this function, not from hiding widgets: public
news, everyone's public numbers, the commitments ledger and open drafts are
shared; intelligence, private actions, costs, objectives and the private
briefing belong to one state only.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from .events import Event
from .legal import Option
from .model import Objective, Personality, World
from .negotiation import Commitment, Message, Proposal
from .state import Draft, GameState, NationState, Obligation

NEWS_KEPT = 60  # latest items of news and of private information in a view


@dataclass(frozen=True)
class PublicNation:
    """Numbers of a state that every government can see."""

    id: str
    name: str
    region: str
    military: float
    economy: float
    spending: float
    support: float
    credibility: float
    territory: float
    readiness: int
    nuclear: bool
    tension_with_me: float


@dataclass(frozen=True)
class InstitutionView:
    id: str
    name: str
    members: tuple[str, ...]
    rule: str
    clauses: tuple[str, ...]
    credibility: float
    suspended: tuple[str, ...]
    sanctions_on: tuple[str, ...]
    force_on: tuple[str, ...]
    member: bool


@dataclass(frozen=True)
class View:
    nation: str
    name: str
    round: int
    rounds_limit: int
    stage: str
    phase: str
    escalation: float
    rung: str
    history: tuple[float, ...]
    briefing: str
    private_briefing: str
    me: NationState
    objectives: tuple[Objective, ...]
    personality: Personality  # my own government's leanings (computer players use it)
    tension: Mapping[str, float]  # my disputes only: state -> tension with me
    states: tuple[PublicNation, ...]
    institutions: tuple[InstitutionView, ...]
    obligations: tuple[Obligation, ...]  # the public ledger
    commitments: tuple[Commitment, ...]  # the public ledger of promises
    messages: tuple[Message, ...]  # sent or received by me only
    proposals: tuple[Proposal, ...]  # made by me or to me only
    drafts: tuple[Draft, ...]  # open drafts (votes so far are public)
    news: tuple[Event, ...]
    private: tuple[Event, ...]
    options: tuple[Option, ...]
    ceasefire_offers: tuple[str, ...]  # states that offered me a ceasefire
    outcome: str


def make_view(world: World, state: GameState, log: list[Event], nation: str,
              options: list[Option]) -> View:
    me = state.nations[nation]
    nat = world.nation[nation]
    tension = {(b if a == nation else a): v for (a, b), v in state.tension.items()
               if nation in (a, b)}
    states = tuple(
        PublicNation(n.id, n.name, n.region, s.military, s.economy, s.spending, s.support,
                     s.credibility, s.territory, s.readiness, n.nuclear,
                     tension.get(n.id, 0.0))
        for n in world.nations
        for s in (state.nations[n.id],)
    )
    insts = tuple(
        InstitutionView(i.id, i.name, i.members, i.rule.describe(),
                        tuple(f"{c.label}: {c.kind.value.replace('_', ' ')}" for c in i.clauses),
                        s.credibility, tuple(s.suspended), tuple(s.sanctions_on),
                        tuple(s.force_on), nation in i.members)
        for i in world.institutions
        for s in (state.institutions[i.id],)
    )
    news: list[Event] = []
    private: list[Event] = []
    for ev in reversed(log):
        if ev.public:
            if len(news) < NEWS_KEPT:
                news.append(ev)
        elif nation in ev.visible_to and len(private) < NEWS_KEPT:
            private.append(ev)
        if len(news) >= NEWS_KEPT and len(private) >= NEWS_KEPT:
            break
    return View(
        nation=nation,
        name=nat.name,
        round=state.round,
        rounds_limit=world.rounds_limit,
        stage=state.stage,
        phase=state.phase,
        escalation=state.escalation,
        rung=world.ladder.rung_at(state.escalation).name,
        history=tuple(state.history),
        briefing=world.briefing,
        private_briefing=nat.briefing,
        me=copy.deepcopy(me),
        objectives=nat.objectives,
        personality=nat.personality,
        tension=MappingProxyType(tension),
        states=states,
        institutions=insts,
        obligations=tuple(copy.copy(o) for o in state.obligations),
        commitments=tuple(copy.copy(c) for c in state.commitments),
        messages=tuple(copy.copy(m) for m in state.messages
                       if m.sender == nation or nation in m.recipients),
        proposals=tuple(copy.deepcopy(p) for p in state.proposals if p.sees(nation)),
        drafts=tuple(copy.deepcopy(d) for d in state.drafts if not d.decided),
        news=tuple(reversed(news)),
        private=tuple(reversed(private)),
        options=tuple(options),
        ceasefire_offers=tuple(by for (by, to) in state.ceasefire_offers if to == nation),
        outcome=state.outcome,
    )
