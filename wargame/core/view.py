"""What one government may see: one function of (state, nation).

Hot-seat secrecy follows from this function, not from hiding widgets: public
news, everyone's public numbers, the commitments ledger and open drafts are
shared; intelligence, private actions, costs, objectives and the private
briefing belong to one state only.

Commitments from a private proposal join the public ledger (and their "Promise"
news the public news) from the end of the round in which they were agreed: until
that round resolves only the parties see them, so a state that gives its orders
later in a hot-seat round cannot read a deal struck earlier in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from .burden import Tables, attacked_in, attackers_in
from .clauses import not_counted
from .conflicts import addressed
from .events import Event, Kind
from .legal import Option
from .membership import changed, member_of, members
from .model import (BindsKind, ClauseKind, Objective, Personality, World, assemblies_of,
                    binds_words, bound_by)
from .negotiation import Commitment, Message, Proposal, ProposalStatus
from .perworld import per_world
from .plain import positional
from .state import Draft, GameState, NationState, Obligation

NEWS_KEPT = 60  # latest items of news and of private information in a view
DECIDED_ROUNDS = 2  # decided drafts tabled this many rounds back or fewer are shown


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
    regions: tuple[str, ...] = ()  # where its collective defence applies; () = everywhere
    veto: tuple[str, ...] = ()  # members whose vote against is a veto
    clause_labels: tuple[tuple[str, str], ...] = ()  # (clause id, label), as "art5", "Art. 5"
    binds: str = ""  # whom its binding decisions bind, in words ("" if it takes none)
    # Uniting for Peace: a Council's matters blocked by a veto (states a vetoed draft
    # concerned), and the states whose matter a Council has referred to an assembly
    blocked: tuple[str, ...] = ()
    referred: tuple[str, ...] = ()
    boycotting: tuple[str, ...] = ()  # members staying away: they cast no vote
    # membership during play: notices of withdrawal (member, the round it leaves at
    # the end of), and those who left (by notice or otherwise) or were expelled
    notices: tuple[tuple[str, int], ...] = ()
    left: tuple[str, ...] = ()
    expelled: tuple[str, ...] = ()
    not_recognising: tuple[str, ...] = ()  # occupiers whose conquests it does not recognise
    declarations: bool = False  # a member may declare its abstention (TEU Art. 31(1))
    alliance: bool = False  # collective defence or consultation: its members are allies

    def active(self, nation: str) -> bool:
        """Whether ``nation`` is a member now and not suspended: it votes and tables
        drafts here (what :func:`wargame.core.membership.is_active` says)."""
        return nation in self.members and nation not in self.suspended


@dataclass(frozen=True)
class Holding:
    """Land one state holds of another's, and the garrison holding it."""

    occupier: str
    land: str
    share: float  # % of ``land``'s territory
    garrison: float  # the occupier's forces there


@dataclass(frozen=True)
class Stationed:
    """Forces one state keeps on another's soil (a deployment to an ally)."""

    owner: str
    host: str
    forces: float


@dataclass(frozen=True)
class SanctionsInForce:
    sender: str
    target: str
    bite: float  # 0..1


@dataclass(frozen=True)
class Side:
    """An armed conflict's sides (:mod:`wargame.core.conflicts`): the attacker of
    record, its victim and the states fighting lawfully for the victim."""

    attacker: str
    victim: str
    started: int
    side: tuple[str, ...]
    ended: int = 0  # the round a ceasefire or a withdrawal ended it; 0 while it goes on


@dataclass(frozen=True)
class Authorisation:
    """Force a body has authorised: against whom, and who may act under it."""

    institution: str
    target: str
    addressed: tuple[str, ...]  # the states that may act under it


@dataclass(frozen=True)
class WarFacts:
    """The public facts of war, for interfaces, computer players and a map."""

    holdings: tuple[Holding, ...] = ()
    stationed: tuple[Stationed, ...] = ()
    sanctions: tuple[SanctionsInForce, ...] = ()
    conflicts: tuple[Side, ...] = ()
    authorisations: tuple[Authorisation, ...] = ()


def war_facts(world: World, state: GameState) -> WarFacts:
    authorising = _authorising(world)
    return WarFacts(
        holdings=tuple(Holding(o, v, share, state.nations[o].garrisons.get(v, 0.0))
                       for (o, v), share in state.occupation.items() if share > 0),
        stationed=tuple(Stationed(n, h, f) for n in world.ids
                        for h, f in state.nations[n].deployed.items() if f > 0),
        sanctions=tuple(SanctionsInForce(n, t, b) for n in world.ids
                        for t, b in state.nations[n].sanctioning.items()),
        conflicts=tuple(Side(c.attacker, c.victim, c.started, tuple(c.side), c.ended)
                        for c in state.conflicts),
        authorisations=tuple(
            Authorisation(i, t, addressed(world, state, i, t))
            for i in authorising for t in state.institutions[i].force_on),
    )


_AUTHORISING: dict[int, tuple] = {}


def _authorising(world: World) -> tuple[str, ...]:
    """The institutions whose adopted use of force authorises members to act (a
    use-of-force authorisation clause that authorises), in order."""
    return per_world(_AUTHORISING, world, lambda w: tuple(
        i.id for i in w.institutions
        if any(c.authorising for c in i.clauses
               if c.kind is ClauseKind.USE_OF_FORCE)))


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
    decided: tuple[Draft, ...]  # drafts decided lately, with every member's vote
    burden: Mapping[str, tuple]  # alliance -> BurdenRow per member (wargame.core.burden)
    news: tuple[Event, ...]
    private: tuple[Event, ...]
    options: tuple[Option, ...]
    ceasefire_offers: tuple[str, ...]  # states that offered me a ceasefire
    outcome: str
    # draft id -> members whose vote on it does not count, as (member, why, source):
    # why is "party to the dispute" or "the state concerned" (clauses.not_counted);
    # for open and lately decided drafts
    not_counted: Mapping[str, tuple[tuple[str, str, str], ...]] = field(
        default_factory=lambda: MappingProxyType({}))
    war: WarFacts = WarFacts()  # who holds what, forces abroad, sanctions, sides

    def allies_of(self, party: str) -> tuple[str, ...]:
        """The states sharing an alliance or consultation pact with ``party`` now, in
        the states' order: public, as memberships are (they change in play; the
        core's own answer is :func:`wargame.core.membership.allies`)."""
        found: set[str] = set()
        for i in self.institutions:
            if i.alliance and party in i.members:
                found.update(i.members)
        found.discard(party)
        return tuple(s.id for s in self.states if s.id in found)


@dataclass(frozen=True)
class Shared:
    """The part of a view that is the same for every government at one moment.

    Built once and shared by all views until the game changes, so that n views
    cost n small private parts, not n copies of the world."""

    states: tuple[PublicNation, ...]
    institutions: tuple[InstitutionView, ...]
    obligations: tuple[Obligation, ...]
    commitments: tuple[Commitment, ...]
    drafts: tuple[Draft, ...]
    decided: tuple[Draft, ...]
    history: tuple[float, ...]
    tension: Mapping[str, Mapping[str, float]]  # state -> its disputes (read-only)
    burden: Mapping[str, tuple]  # institution -> burden-sharing rows (BurdenRow)
    not_counted: Mapping[str, tuple[tuple[str, str, str], ...]] = field(
        default_factory=lambda: MappingProxyType({}))
    war: WarFacts = WarFacts()
    # the same institutions as seen by a member (``member`` set), and where each is
    as_member: tuple[InstitutionView, ...] = ()
    institution_at: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    moved: bool = False  # some membership differs from the campaign's (membership.changed)
    # this round's commitments from private deals, not yet public (:func:`withheld`)
    withheld: tuple[Commitment, ...] = ()
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # see make_view


_NO_TENSION: Mapping[str, float] = MappingProxyType({})
UNRESOLVED = ("briefing", "diplomacy", "orders")  # phases before the round resolves


def withheld(state: GameState, c: Commitment) -> bool:
    """Whether commitment ``c`` is still known only to its parties: made from a private
    proposal (not in an institution, whose vote is public) in this round, which has
    not resolved yet."""
    return (not c.institution and c.created == state.round and not state.outcome
            and state.phase in UNRESOLVED)


# read once (Python 3.11 reads a member from its class in a function through a slow hook)
_PROMISE, _GAME_OVER = Kind.COMMITMENT_MADE, Kind.GAME_OVER


def _withheld_event(ev: Event) -> bool:
    """A "Promise" news item of a private deal, public only once its round resolves
    (the log-side twin of :func:`withheld`)."""
    return ev.kind is _PROMISE and not ev.institution


def _uniting(world: World, state: GameState) -> dict[str, tuple[tuple, tuple]]:
    """(blocked, referred) of :class:`InstitutionView`, by institution, for those
    with some (a council with assemblies, an assembly a council refers to): the
    drafts read once for all of them."""
    councils = _councils(world)
    if not councils:
        return {}
    vetoed: dict[str, dict] = {}  # institution -> targets of its vetoed drafts, in order
    referred: dict[str, dict] = {}  # institution -> targets it adopted referrals of
    for d in state.drafts:
        if d.adopted:
            if d.measure == "refer":
                referred.setdefault(d.institution, {})[d.target] = None
        elif d.decided and d.reason.startswith("vetoed by"):
            vetoed.setdefault(d.institution, {})[d.target] = None
    out = {}
    for i in world.institutions:
        if i.id in councils:
            out[i.id] = (tuple(vetoed.get(i.id, ())), tuple(referred.get(i.id, ())))
        elif i.refers_from:
            out[i.id] = ((), tuple(referred.get(i.refers_from, ())))
    return out


_COUNCILS: dict[int, frozenset] = {}


def _councils(world: World) -> frozenset:
    """The institutions with assemblies to refer a matter to (Uniting for Peace), or,
    if no institution refers from another, none at all."""
    return per_world(_COUNCILS, world, lambda w: frozenset(
        i.id for i in w.institutions if assemblies_of(w, i.id))
        if any(i.refers_from for i in w.institutions) else frozenset())


_NOT_UNITING = ((), ())


def shared_part(world: World, state: GameState, attacked=(), attacking=()) -> Shared:
    """What every government sees alike. ``attacked`` and ``attacking``: the victims
    and the makers of armed attacks in the game's log (burden sharing judges neither
    as free riders, and leaves attackers out of the alliance's totals)."""
    public = _public_nation
    states = tuple(
        public(n.id, n.name, n.region, s.military, s.economy, s.spending, s.support,
               s.credibility, s.territory, s.readiness, n.nuclear)
        for n in world.nations
        for s in (state.nations[n.id],)
    )
    fixed = _fixed(world)
    made = _institution_view
    uniting = _uniting(world, state)
    insts = tuple(
        made(i.id, i.name, members(world, state, i.id), rule, clauses, s.credibility,
             tuple(s.suspended), tuple(s.sanctions_on), tuple(s.force_on), False, regions,
             veto, labels, binds, *uniting.get(i.id, _NOT_UNITING), tuple(s.boycotting),
             tuple(s.notices.items()), tuple(s.left), tuple(s.expelled),
             tuple(o for by, o in state.not_recognised if by == i.id), declarations, alliance)
        for i in world.institutions
        for s in (state.institutions[i.id],)
        for rule, clauses, regions, veto, labels, binds, declarations, alliance
        in (fixed[i.id],)
    )
    by: dict[str, dict[str, float]] = {}
    for (a, b), v in state.tension.items():
        by.setdefault(a, {})[b] = v
        by.setdefault(b, {})[a] = v
    drafts = tuple(_draft(d) for d in state.drafts if not d.decided)
    decided = tuple(_draft(d) for d in state.drafts
                    if d.decided and d.tabled >= state.round - DECIDED_ROUNDS)
    secret = tuple(c for c in state.commitments if withheld(state, c))
    return Shared(
        tension={k: MappingProxyType(v) for k, v in by.items()},
        states=states,
        institutions=insts,
        obligations=tuple(_clone(o) for o in state.obligations),
        commitments=tuple(_clone(c) for c in state.commitments
                          if not secret or not withheld(state, c)),
        drafts=drafts,
        decided=decided,
        history=tuple(state.history),
        burden=Tables(world, state, attacked, attacking),  # rows made when read
        not_counted=MappingProxyType({d.id: out for d in drafts + decided
                                      for out in (not_counted(world, state, d),) if out}),
        war=war_facts(world, state),
        as_member=tuple(_member(i) for i in insts),
        institution_at=MappingProxyType({i.id: k for k, i in enumerate(insts)}),
        moved=changed(state),
        withheld=secret,
    )


_public_nation = positional(PublicNation)  # made every time the public part changes
_institution_view = positional(InstitutionView)
_FIXED: dict[int, tuple] = {}


def _fixed(world: World) -> dict[str, tuple]:
    """The parts of each institution's view that only the world decides: (rule,
    clauses, regions, veto, clause labels, whom it binds, whether a member may
    declare its abstention, whether its members are allies), by institution."""
    return per_world(_FIXED, world, lambda w: {
        i.id: (i.rule.describe(),
               tuple(f"{c.label}: {c.kind.value.replace('_', ' ')}" for c in i.clauses),
               i.scope.regions, tuple(getattr(i.rule, "veto", ())),
               tuple((c.id, c.label) for c in i.clauses), _binds(w, i),
               bool(getattr(i.rule, "constructive", False)),
               i.has(ClauseKind.COLLECTIVE_DEFENCE) or i.has(ClauseKind.CONSULTATION))
        for i in w.institutions})


def refreshed(shared: Shared, state: GameState, drafts: bool = False,
              commitments: bool = False) -> Shared:
    """``shared`` after votes were cast on open drafts (``drafts``) or commitments
    were made (``commitments``: added to the ledger, which only grows until the round
    resolves), and nothing else changed."""
    changes: dict = {}
    if drafts:
        changes["drafts"] = tuple(_draft(d) for d in state.drafts if not d.decided)
    if commitments:  # the ones listed stay as they were: copy only those made since
        new = state.commitments[len(shared.commitments) + len(shared.withheld):]
        secret = tuple(c for c in new if withheld(state, c))
        changes["commitments"] = shared.commitments + tuple(
            _clone(c) for c in new if not secret or not withheld(state, c))
        changes["withheld"] = shared.withheld + secret
    # the memos are made again from the changed parts
    return _clone(shared, memo={}, **changes) if changes else shared


def make_view(world: World, state: GameState, log: list[Event], nation: str,
              options: list[Option], shared: Shared | None = None,
              news: list[Event] | None = None, private: list[Event] | None = None,
              talk: tuple[tuple, tuple] | None = None) -> View:
    """The view of ``nation``. ``shared``, ``news``, ``private`` and ``talk`` (its
    messages and proposals, as :func:`talk_of` lists them) may be given by a caller that
    keeps them (the game does: ``news`` and ``private`` from a :class:`NewsIndex`,
    which withholds what the view may not show yet); otherwise they are computed here."""
    me = state.nations[nation]
    nat = world.nation[nation]
    shared = shared or shared_part(world, state, attacked_in(log), attackers_in(log))
    memo = shared.memo
    if news is None or private is None:
        news, private = _scan(log, nation)
    if talk is None:
        talk = talk_of(state, nation)
    commitments = shared.commitments
    secret, parties = memo.get("secret") or _secrets(shared)
    mine = parties.get(nation)
    if mine:
        # one copy of each withheld commitment, for the views of all its parties
        clones = memo.get("secret copies")
        if clones is None:
            clones = memo["secret copies"] = {i: _clone(c) for i, c in secret.items()}
        commitments = commitments + tuple(clones[i] for i in secret if i in mine)
        # the news of those commitments in this round, read from the log once a length
        promised = memo.get("promised")
        if promised is None or promised[0] != (len(log), state.round):
            promised = memo["promised"] = ((len(log), state.round), [
                e for e in _this_round(log, state.round)
                if _withheld_event(e) and e.ref in secret])
        told = [e for e in promised[1] if e.ref in mine]
        private = (list(private) + told)[-NEWS_KEPT:]
    member = member_of(world, state, nation) if shared.moved else world.member_of[nation]
    insts = _institutions(shared, member) if member else shared.institutions
    escalation = state.escalation
    rung = memo.get("rung")
    if rung is None or rung[0] != escalation:
        rung = memo["rung"] = (escalation, world.ladder.rung_at(escalation).name)
    base = memo.get("base")
    if base is None:
        base = memo["base"] = _base(world, shared)
    v = object.__new__(View)
    d = v.__dict__  # filled at once: the fields every view shares, then its own
    d.update(base)
    d["nation"] = nation
    d["name"] = nat.name
    d["round"] = state.round
    d["stage"] = state.stage
    d["phase"] = state.phase
    d["escalation"] = escalation
    d["rung"] = rung[1]
    d["private_briefing"] = nat.briefing
    d["me"] = _nation(me)
    d["objectives"] = nat.objectives
    d["personality"] = nat.personality
    d["tension"] = shared.tension.get(nation, _NO_TENSION)
    d["institutions"] = insts
    d["commitments"] = commitments
    d["messages"], d["proposals"] = talk
    # the public news, one tuple for every view of a moment (NewsIndex.of): a news
    # index holds back this round's "Promise" items of private deals, the parties'
    # own until the round resolves (see NewsIndex)
    d["news"] = news if news.__class__ is tuple else tuple(news)
    d["private"] = tuple(private)
    d["options"] = tuple(options)
    d["ceasefire_offers"] = tuple(by for (by, to) in state.ceasefire_offers
                                  if to == nation) if state.ceasefire_offers else ()
    d["outcome"] = state.outcome
    return v


def _base(world: World, shared: Shared) -> dict:
    """The fields of a view that are the same for every government at one moment
    (with View's defaults), every field in place in View's order: each view starts as
    a copy of them (kept in ``shared.memo``; :func:`refreshed` drops it when the
    drafts change)."""
    return dict(_VIEW_FIELDS, rounds_limit=world.rounds_limit, history=shared.history,
                briefing=world.briefing, states=shared.states,
                obligations=shared.obligations, drafts=shared.drafts,
                decided=shared.decided, burden=shared.burden,
                not_counted=shared.not_counted, war=shared.war)


def _secrets(shared: Shared) -> tuple[dict, dict]:
    """(id -> this round's commitments from private deals, state -> the ids of those
    it is party to): worked out once for every view of ``shared``."""
    secret = {c.id: c for c in shared.withheld}
    parties: dict[str, set] = {}
    for i, c in secret.items():
        for n in (c.debtor, *c.creditors):
            parties.setdefault(n, set()).add(i)
    found = shared.memo["secret"] = (secret, parties)
    return found


def _institutions(shared: Shared, member) -> tuple[InstitutionView, ...]:
    """The institutions as seen by a member of those in ``member``: one tuple for every
    state of the same memberships (kept in ``shared.memo``)."""
    key = ("member of", member)
    found = shared.memo.get(key)
    if found is None:
        if shared.as_member:
            listed = list(shared.institutions)
            for iid in member:
                k = shared.institution_at[iid]
                listed[k] = shared.as_member[k]
            found = tuple(listed)
        else:  # a Shared built by hand, without the member versions
            found = tuple(i if i.id not in member else _member(i)
                          for i in shared.institutions)
        shared.memo[key] = found
    return found


NO_TALK: tuple[tuple, tuple] = ((), ())


def talk_of(state: GameState, nation: str) -> tuple[tuple, tuple]:
    """(the messages ``nation`` sent or received, the proposals it made or was made),
    copies in the game's order (the game keeps them in a :class:`TalkIndex`)."""
    return (tuple(_fresh(m) for m in state.messages
                  if m.sender == nation or nation in m.recipients),
            tuple(_fresh(p) for p in state.proposals
                  if p.by == nation or nation in p.to))  # p.sees(nation), without a call


class TalkIndex:
    """Each state's messages and proposals, copies in the game's order as
    :func:`talk_of` lists them, kept up to date as the game's grow: a state's lists
    are made again only when an item it is party to is new or has changed. A message
    never changes once sent, nor a proposal once closed (any status but open), and
    the parties of either are fixed when it is made: only the open proposals are
    compared with their copies. A copy handed out never changes: a changed proposal
    gets a new copy, and only its parties' lists are made again."""

    def __init__(self) -> None:
        self.messages: list = []  # copies, in the game's order
        self.proposals: list = []
        self._open: list[int] = []  # the places of the proposals open when copied
        self._of: dict[str, tuple[list[int], list[int]]] = {}  # state -> places of its items
        self._lists: dict[str, tuple[tuple, tuple]] = {}  # state -> (messages, proposals)

    def update(self, state: GameState) -> None:
        changed: dict[str, None] = {}  # the states whose lists are made again
        proposals, copies = state.proposals, self.proposals
        still = []
        for at in self._open:
            p = proposals[at]
            if copies[at].__dict__ != p.__dict__:  # (answers by content)
                copies[at] = _fresh(p)
                changed.update(dict.fromkeys((p.by, *p.to)))
            if p.status is _OPEN:
                still.append(at)
        self._open = still
        for k, items, copies in ((0, state.messages, self.messages),
                                 (1, proposals, copies)):
            for at in range(len(copies), len(items)):  # the new ones
                item = items[at]
                copies.append(_fresh(item))
                parties = dict.fromkeys(_parties(item))
                for n in parties:
                    self._of.setdefault(n, ([], []))[k].append(at)
                changed.update(parties)
                if k and item.status is _OPEN:
                    self._open.append(at)
        for n in changed:
            mine = self._of[n]
            self._lists[n] = (tuple([self.messages[i] for i in mine[0]]),
                              tuple([self.proposals[i] for i in mine[1]]))

    def of(self, nation: str) -> tuple[tuple, tuple]:
        """``nation``'s (messages, proposals) as of the last :meth:`update`."""
        return self._lists.get(nation, NO_TALK)


_OPEN = ProposalStatus.OPEN  # read once (an enum member read in a function is slow)


def _parties(item) -> tuple[str, ...]:
    """The states a message or proposal is between: its sender, then the others."""
    if item.__class__ is Proposal:
        return (item.by, *item.to)
    return (item.sender, *item.recipients)


def _fresh(item):
    """A copy of a message or proposal (a proposal's answers copied too)."""
    if item.__class__ is Proposal:
        return _clone(item, answers=dict(item.answers))
    return _clone(item)


def _defaults(cls) -> dict:
    """A frozen dataclass's defaults, by field name (factories called once: the
    defaults of View are immutable)."""
    from dataclasses import MISSING, fields

    out = {}
    for f in fields(cls):
        if f.default is not MISSING:
            out[f.name] = f.default
        elif f.default_factory is not MISSING:
            out[f.name] = f.default_factory()
    return out


_VIEW_DEFAULTS = _defaults(View)
# View's fields in order, with their defaults (None for the others): a view is made
# by filling its __dict__ at once (a frozen dataclass's __init__ sets field by field)
_VIEW_FIELDS = {f: _VIEW_DEFAULTS.get(f) for f in View.__dataclass_fields__}


def _binds(world: World, inst) -> str:
    """Whom an institution's binding decisions bind, in words ("every state"); "" for
    an institution that takes no binding decision (no binding sanctions clause)."""
    if not any(c.kind is ClauseKind.SANCTIONS and c.binding for c in inst.clauses):
        return ""
    if inst.binds.kind is BindsKind.YES_VOTERS:
        return "those members who vote for each decision"
    return binds_words(world, inst, bound_by(world, inst))


def _member(i: InstitutionView) -> InstitutionView:
    return _clone(i, member=True)


def _clone(obj, **changed):
    """A shallow copy of a plain dataclass instance, with some fields changed: what
    ``copy.copy`` and ``dataclasses.replace`` do, without their generic machinery
    (views are built for every government every round)."""
    new = object.__new__(type(obj))
    d = new.__dict__
    d.update(obj.__dict__)
    if changed:
        d.update(changed)
    return new


def _nation(ns: NationState) -> NationState:
    """A copy of a state's numbers a view may hand out (its dicts copied too: the
    only mutable parts; a deep copy costs ten times as much)."""
    d = ns.__dict__.copy()  # one copy of the fields, then the dicts by their own copy()
    d["deployed"] = ns.deployed.copy()
    d["garrisons"] = ns.garrisons.copy()
    d["sanctioning"] = ns.sanctioning.copy()
    new = object.__new__(ns.__class__)
    _setattr(new, "__dict__", d)  # its fields are d (filling an empty __dict__ costs more)
    return new


_setattr = object.__setattr__


def _draft(d: Draft) -> Draft:
    return _clone(d, votes=dict(d.votes))


def _this_round(log: list[Event], round_: int) -> list[Event]:
    """The events of round ``round_`` at the end of the log, in order."""
    i = len(log)
    while i > 0 and log[i - 1].round == round_:
        i -= 1
    return log[i:]


def _scan(log: list[Event], nation: str) -> tuple[list[Event], list[Event]]:
    news: list[Event] = []
    private: list[Event] = []
    index = NewsIndex()  # the same withholding as the game's own index
    index.update(log)
    news = index.public[-NEWS_KEPT:]
    private = index.private.get(nation, [])[-NEWS_KEPT:]
    return news, private


class NewsIndex:
    """Public and private events by state, kept up to date as a log grows.

    A "Promise" of a private deal is held back from the public news until the round
    it was made in resolves (an event of a later round, or the end of the game, comes
    in); it then takes its place in the order of the log."""

    def __init__(self) -> None:
        self.public: list[Event] = []
        self.private: dict[str, list[Event]] = {}
        self.seen = 0
        self.pending: list[tuple[int, Event]] = []  # (index among public events, event)
        self.count = 0  # public events seen, the pending ones included
        self._kept: tuple | None = None  # (counts, the latest public news) for of()
        # state -> (its private events seen, the latest of them): a state's private
        # list only grows, so its length tells whether the tuple is still current
        self._mine: dict[str, tuple[int, tuple[Event, ...]]] = {}

    def update(self, log: list[Event]) -> None:
        if self.seen == len(log):  # nothing new (most views): no slice made
            return
        for ev in log[self.seen:]:
            if self.pending and (ev.round > self.pending[0][1].round
                                 or ev.kind is _GAME_OVER):
                self._release()
            if not ev.visible_to:  # public
                if _withheld_event(ev):
                    self.pending.append((self.count, ev))
                else:
                    self.public.append(ev)
                self.count += 1
            else:
                for n in ev.visible_to:
                    self.private.setdefault(n, []).append(ev)
        self.seen = len(log)

    def _release(self) -> None:
        for at, ev in self.pending:  # ascending: each goes where it stood in the log
            self.public.insert(at, ev)
        self.pending = []

    def of(self, nation: str) -> tuple[tuple[Event, ...], tuple[Event, ...]]:
        """(the latest public news, one tuple until the log grows; ``nation``'s latest
        private events, one tuple until it sees a new one)."""
        kept = self._kept  # the public events change only by these two counts
        if kept is None or kept[0] != (self.count, len(self.public)):
            kept = self._kept = ((self.count, len(self.public)),
                                 tuple(self.public[-NEWS_KEPT:]))
        events = self.private.get(nation, ())
        mine = self._mine.get(nation)
        if mine is None or mine[0] != len(events):
            mine = self._mine[nation] = (len(events), tuple(events[-NEWS_KEPT:]))
        return kept[1], mine[1]
