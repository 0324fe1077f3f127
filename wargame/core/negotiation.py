"""Negotiation: private messages, proposals with typed terms, and the commitments ledger.

Messages are seen by their sender and recipients only. A proposal between states
is accepted when every recipient accepts; a proposal tabled in an institution is
decided under the institution's decision rule when the diplomacy phase closes
(accept = yes, reject = no, no answer = absent). Accepted terms become
commitments, due after ``due_in`` rounds; adjudication decides from the orders
actually given whether each was kept, and a broken one costs credibility — the
state's, and the institution's when it was made there. The ledger is public.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .context import Round, clamp
from .errors import IllegalOrder
from .events import Kind
from .membership import active_members, is_active, is_member
from .model import World
from .rules import decide
from .state import GameState, Status
from .terms import NO_ATTACK, Term, feasible, kept, violated

MAX_TERMS = 6
MAX_TEXT = 2000
KEPT_CREDIBILITY = 2.0
BROKEN_CREDIBILITY = 8.0
BROKEN_INSTITUTION = 2.0


class Answer(str, Enum):
    ACCEPT = "accept"
    REJECT = "reject"


class ProposalStatus(str, Enum):
    OPEN = "open"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    COUNTERED = "countered"
    EXPIRED = "expired"


# The enum members the functions below compare with, read once: in Python 3.11 each
# ``Status.OPEN`` in a function goes through EnumType.__getattr__'s hook (hundreds of
# instructions and an allocation); a module name is one load.
PROPOSAL_OPEN, OPEN = ProposalStatus.OPEN, Status.OPEN
ACCEPTED_TEXT = Answer.ACCEPT.value  # an acceptance as the proposals record it


@dataclass
class Message:
    id: str
    round: int
    sender: str
    recipients: tuple[str, ...]
    text: str


@dataclass
class Proposal:
    id: str
    round: int
    by: str
    to: tuple[str, ...]
    terms: tuple[Term, ...]
    institution: str = ""
    due_in: int = 1
    expires: int = 0  # the last round in which it can be answered
    answers: dict[str, str] = field(default_factory=dict)
    status: ProposalStatus = ProposalStatus.OPEN
    counter_of: str = ""
    reason: str = ""

    def sees(self, nation: str) -> bool:
        return nation == self.by or nation in self.to


@dataclass
class Commitment:
    id: str
    proposal: str
    term: Term
    creditors: tuple[str, ...]
    institution: str
    created: int
    due: int
    status: Status = Status.OPEN
    settled: int = 0

    @property
    def debtor(self) -> str:
        return self.term.party


def _others(world: World, by: str, to, what: str) -> tuple[str, ...]:
    """``to`` without repeats, checked: other states of this world, at least one."""
    to = tuple(dict.fromkeys(to))
    if not to:
        raise IllegalOrder(f"a {what} needs at least one other state")
    for r in to:
        if r not in world.nation:
            raise IllegalOrder(f"there is no state {r!r}")
        if r == by:
            raise IllegalOrder(f"you cannot send a {what} to yourself")
    return to


def send_message(world: World, state: GameState, sender: str, recipients, text: str) -> Message:
    to = _others(world, sender, recipients, "message")
    text = text.strip()
    if not text:
        raise IllegalOrder("the message is empty")
    if len(text) > MAX_TEXT:
        raise IllegalOrder(f"a message holds at most {MAX_TEXT} characters")
    msg = Message(f"m{len(state.messages) + 1}", state.round, sender, to, text)
    state.messages.append(msg)
    return msg


def propose(world: World, state: GameState, by: str, to, terms, institution: str = "",
            due_in: int = 1, expires_in: int = 1, counter_of: str = "") -> Proposal:
    terms = tuple(terms)
    if institution:
        inst = world.institution.get(institution)
        if inst is None:
            raise IllegalOrder(f"there is no institution {institution!r}")
        if not is_member(world, state, institution, by):
            raise IllegalOrder(f"{world.name_of(by)} is not a member of {inst.name}")
        if not is_active(world, state, institution, by):
            raise IllegalOrder(f"{world.name_of(by)} is suspended from {inst.name}")
        to = tuple(m for m in active_members(world, state, institution) if m != by)
    to = _others(world, by, to, "proposal")
    if not terms:
        raise IllegalOrder("a proposal needs at least one term")
    if len(terms) > MAX_TERMS:
        raise IllegalOrder(f"a proposal holds at most {MAX_TERMS} terms")
    if not 1 <= due_in <= 6 or not 0 <= expires_in <= 3:
        raise IllegalOrder("terms fall due in 1 to 6 rounds; a proposal stays open 0 to 3 "
                           "rounds after this one")
    due_in = min(due_in, last_due_in(world, state))  # no promise outlives the game
    parties = {by, *to}
    for i, term in enumerate(terms, 1):
        if term.party not in parties:
            raise IllegalOrder(f"term {i}: {world.name_of(term.party)} is not a party to "
                               "this proposal")
        why = feasible(world, state, term, due_in, terms[:i - 1])
        if why:
            raise IllegalOrder(f"term {i}: {why}")
    p = Proposal(f"p{len(state.proposals) + 1}", state.round, by, to, terms, institution,
                 due_in, state.round + expires_in, counter_of=counter_of)
    state.proposals.append(p)
    return p


def find(state: GameState, proposal_id: str) -> Proposal:
    """The proposal with this id (ids are p1, p2, ... in the order made)."""
    digits = proposal_id[1:] if proposal_id.startswith("p") else ""
    if digits.isdigit() and 1 <= int(digits) <= len(state.proposals):
        p = state.proposals[int(digits) - 1]
        if p.id == proposal_id:
            return p
    raise IllegalOrder(f"there is no proposal {proposal_id!r}")


def answer(world: World, state: GameState, nation: str, proposal_id: str,
           reply: Answer | str) -> list[Commitment]:
    """Record an answer; return the commitments made if this answer closes the deal."""
    p = find(state, proposal_id)
    reply = Answer(reply) if not isinstance(reply, Answer) else reply
    if nation not in p.to:
        raise IllegalOrder(f"proposal {p.id} was not made to {world.name_of(nation)}")
    if p.status is not PROPOSAL_OPEN:
        raise IllegalOrder(f"proposal {p.id} is {p.status.value}")
    p.answers[nation] = reply.value
    if p.institution:
        return []
    if reply is Answer.REJECT:
        p.status, p.reason = ProposalStatus.REJECTED, f"rejected by {world.name_of(nation)}"
        return []
    if all(p.answers.get(n) == ACCEPTED_TEXT for n in p.to):
        return _accept(world, state, p)
    return []


def counter(world: World, state: GameState, nation: str, proposal_id: str, terms,
            due_in: int = 1) -> Proposal:
    old = find(state, proposal_id)
    if nation not in old.to:
        raise IllegalOrder(f"proposal {old.id} was not made to {world.name_of(nation)}")
    if old.status is not PROPOSAL_OPEN:
        raise IllegalOrder(f"proposal {old.id} is {old.status.value}")
    if old.institution:
        raise IllegalOrder("a proposal in an institution is answered by vote; table your own")
    to = tuple(n for n in (old.by, *old.to) if n != nation)
    new = propose(world, state, nation, to, terms, due_in=due_in, counter_of=old.id)
    old.status, old.reason = ProposalStatus.COUNTERED, f"countered by {world.name_of(nation)}"
    return new


def last_due_in(world: World, state: GameState) -> int:
    """The most rounds from now a term may fall due in: by the game's last round (in
    the last round itself, by its end), so that no promise outlives the game and is
    broken for free."""
    return max(1, world.rounds_limit - state.round)


def _accept(world: World, state: GameState, p: Proposal) -> list[Commitment]:
    p.status = ProposalStatus.ACCEPTED
    made = []
    due = min(state.round + p.due_in, world.rounds_limit)  # settled by the last round
    for term in p.terms:
        creditors = tuple(n for n in (p.by, *p.to) if n != term.party)
        c = Commitment(f"c{len(state.commitments) + 1}", p.id, term, creditors, p.institution,
                       state.round, due)
        state.commitments.append(c)
        made.append(c)
    return made


def decide_institution_proposals(r: Round) -> None:
    """Decide open proposals tabled in institutions under their decision rules."""
    st = r.state
    for p in st.proposals:
        if p.status is not PROPOSAL_OPEN or not p.institution:
            continue
        inst = r.world.institution[p.institution]
        members = list(active_members(r.world, st, inst.id))
        votes = {p.by: "yes"} if p.by in members else {}  # suspended or gone since: not counted
        votes.update({n: "yes" if a == ACCEPTED_TEXT else "no"
                      for n, a in p.answers.items() if n in members})
        d = decide(inst.rule, members, votes)
        p.reason = d.reason
        if d.adopted:
            made = _accept(r.world, st, p)
            r.emit(Kind.PROPOSAL_DECIDED, f"{inst.name} adopts {r.name(p.by)}'s proposal "
                   f"{p.id}: {r.named(d.summary(), members)}.", actor=p.by, institution=inst.id, ref=p.id,
                   value=1.0)
            announce(r, made)
        else:
            p.status = ProposalStatus.REJECTED
            r.emit(Kind.PROPOSAL_DECIDED, f"{inst.name} does not adopt {r.name(p.by)}'s "
                   f"proposal {p.id}: {r.named(d.summary(), members)}.", actor=p.by, institution=inst.id,
                   ref=p.id, value=0.0)


def announce(r: Round, made: list[Commitment]) -> None:
    for c in made:
        r.emit(Kind.COMMITMENT_MADE, f"Promise: {c.term.describe(r.world)} by round {c.due}.", actor=c.debtor, target=c.term.target,
               institution=c.institution, ref=c.id)


def settle_commitments(r: Round) -> None:
    """Judge every open commitment from this round's orders and the state after them."""
    st = r.state
    for c in st.commitments:
        if c.status is not OPEN:
            continue
        term = c.term
        orders = r.by_nation.get(term.party, ())  # the party's own: all a term reads
        if violated(r.world, term, orders):
            _close(r, c, broken=True)
        elif term.kind is not NO_ATTACK and kept(r.world, st, term, orders):
            _close(r, c, broken=False)
        elif st.round >= c.due:
            _close(r, c, broken=term.kind is not NO_ATTACK)


def _close(r: Round, c: Commitment, broken: bool) -> None:
    st = r.state
    ns = st.nations[c.debtor]
    c.settled = st.round
    if broken:
        c.status = Status.BROKEN
        ns.credibility = clamp(ns.credibility - BROKEN_CREDIBILITY)
        if c.institution:
            ist = st.institutions[c.institution]
            ist.credibility = clamp(ist.credibility - BROKEN_INSTITUTION)
        r.emit(Kind.COMMITMENT_BROKEN, f"{r.name(c.debtor)} breaks its promise "
               f"({c.term.describe(r.world)}): credibility -{BROKEN_CREDIBILITY:g}.",
               actor=c.debtor, target=c.term.target, institution=c.institution, ref=c.id,
               value=-BROKEN_CREDIBILITY)
    else:
        c.status = Status.KEPT
        ns.credibility = clamp(ns.credibility + KEPT_CREDIBILITY)
        r.emit(Kind.COMMITMENT_KEPT, f"{r.name(c.debtor)} keeps its promise "
               f"({c.term.describe(r.world)}).", actor=c.debtor, target=c.term.target,
               institution=c.institution, ref=c.id, value=KEPT_CREDIBILITY)


def expire_proposals(r: Round) -> None:
    for p in r.state.proposals:
        if p.status is PROPOSAL_OPEN and not p.institution and p.expires <= r.state.round:
            p.status, p.reason = ProposalStatus.EXPIRED, "no answer in time"
