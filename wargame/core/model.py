"""The world a game is played in: states, institutions, clauses. Immutable.

A :class:`World` is what a campaign file describes (or a test builds in Python). The
numbers that change during play live in :mod:`wargame.core.state`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from enum import Enum
from types import MappingProxyType
from typing import Callable, Mapping

from .actions import CATALOGUE, ActionSpec
from .errors import RuleError, WorldError
from .injects import EndCondition, Inject
from .ladder import DEFAULT_LADDER, Ladder
from .rules import DecisionRule


@dataclass(frozen=True)
class Stance:
    """A state's stance on enforcement, each from 0 to 1: how it votes on measures
    against a state and on who may use force (read by computer players; the
    campaign format's ``stance:``).

    ``legalism``: how much the target's conduct under the Charter decides its vote
    (who struck first, who holds whose land): 1 votes against an aggressor of record
    and for its victim whoever they are, 0 votes its ties and interests only.
    ``interventionism``: how far it accepts that institutions coerce a state (sanctions,
    force, suspension) rather than leave it to its sovereignty: 1 backs enforcement,
    0 opposes it on principle even against an aggressor (it abstains or votes no).
    """

    legalism: float = 0.5
    interventionism: float = 0.5


@dataclass(frozen=True)
class Personality:
    """How a computer-played government leans, each from 0 (not at all) to 1, and its
    stance on enforcement (:class:`Stance`)."""

    aggression: float = 0.2
    risk_tolerance: float = 0.5
    loyalty: float = 0.6
    multilateralism: float = 0.6
    free_riding: float = 0.3
    stance: Stance = Stance()


class ObjectiveKind(str, Enum):
    KEEP_TERRITORY = "keep_territory"  # hold all of your own territory at the end
    AVOID_WAR = "avoid_war"  # the crisis does not end in war
    STAY_OUT_OF_FIGHTING = "stay_out_of_fighting"  # the state's forces never fight
    CRISIS_RESOLVED = "crisis_resolved"  # the crisis ends resolved or settled
    ALLIANCE_CREDIBLE = "alliance_credible"  # target institution ends at least as credible
    ALLIANCE_DISCREDITED = "alliance_discredited"  # target institution ends less credible
    AGGRESSOR_WITHDRAWS = "aggressor_withdraws"  # target holds no one else's territory
    GAIN_TERRITORY = "gain_territory"  # hold at least `threshold` % of target's territory
    LOW_COSTS = "low_costs"  # economic costs borne stay under `threshold` % of GDP
    KEEP_SUPPORT = "keep_support"  # public support ends at or above `threshold`
    TARGET_SANCTIONED = "target_sanctioned"  # target under sanctions (or blockaded) at the end
    KEEP_CREDIBILITY = "keep_credibility"  # own credibility ends at or above `threshold`
    PROTECT_TERRITORY = "protect_territory"  # target keeps `threshold` % (default 100) of its land
    MEASURE_ADOPTED = "measure_adopted"  # `institution` adopts `measure` (against `target`)


INSTITUTION_TARGETS = frozenset({ObjectiveKind.ALLIANCE_CREDIBLE,
                                 ObjectiveKind.ALLIANCE_DISCREDITED})
TARGETS_STATE = frozenset({ObjectiveKind.AGGRESSOR_WITHDRAWS, ObjectiveKind.GAIN_TERRITORY,
                           ObjectiveKind.TARGET_SANCTIONED, ObjectiveKind.PROTECT_TERRITORY})


@dataclass(frozen=True)
class Objective:
    kind: ObjectiveKind
    points: int
    target: str = ""
    threshold: float = 0.0
    text: str = ""
    institution: str = ""  # measure_adopted: the body
    measure: str = ""  # measure_adopted: the measure it must adopt


@dataclass(frozen=True)
class Nation:
    """A state's fixed description and its numbers at the start of the game."""

    id: str
    name: str
    region: str
    military: float  # power index, comparable between states
    economy: float  # GDP, billions of US dollars
    defence_spending: float  # % of GDP
    support: float = 60.0  # public support / stability, 0..100
    resolve: float = 50.0  # 0..100
    nuclear: bool = False
    credibility: float = 60.0  # record of keeping commitments, 0..100
    trade: Mapping[str, float] = field(default_factory=dict)  # partner -> share of trade
    objectives: tuple[Objective, ...] = ()
    personality: Personality = Personality()
    briefing: str = ""
    population: float = 0.0  # millions; 0: not given (a blocking third needs it)


class ClauseKind(str, Enum):
    CONSULTATION = "consultation"
    COLLECTIVE_DEFENCE = "collective_defence"
    SANCTIONS = "sanctions"
    USE_OF_FORCE = "use_of_force_authorisation"
    PEACEKEEPING = "peacekeeping_mandate"
    SUSPENSION = "suspension"
    EXPULSION = "expulsion"  # League Covenant Art. 16(4); UN Charter Art. 6


class Strength(str, Enum):
    """How strongly a collective-defence clause binds each member."""

    AUTOMATIC = "automatic"  # must fight (Brussels Treaty 1948, Art. IV)
    AS_IT_DEEMS_NECESSARY = "as_it_deems_necessary"  # NATO Art. 5
    CONSTITUTIONAL_PROCESSES = "constitutional_processes"  # ANZUS Art. IV


@dataclass(frozen=True)
class DeclineCost:
    """What a member pays for declining an obligation under a clause."""

    credibility: float = 10.0  # the member's own credibility
    alliance_credibility: float = 5.0  # the institution's credibility
    support: float = 0.0  # the member's public support


@dataclass(frozen=True)
class Clause:
    id: str
    kind: ClauseKind
    title: str = ""
    strength: Strength = Strength.AS_IT_DEEMS_NECESSARY  # collective defence only
    binding: bool = True  # sanctions: binding on members, or voluntary
    requires_sanctions_tried: bool = False  # use of force (UN Art. 42)
    authorising: bool = True  # use of force: an adoption authorises members to act
    # collective defence: the least contribution that honours an obligation, as a share
    # of the member's available forces (or of its GDP in aid, for non-automatic clauses)
    min_contribution: float = 0.05
    decline_costs: DeclineCost = DeclineCost()
    # sanctions: they oblige every member at once, without a vote, when a member resorts
    # to war in breach of its covenants (League Covenant Art. 16(1), "ipso facto")
    ipso_facto: bool = False
    # collective defence: members owe assistance only once the victim asks one of them
    # ("at the request of this participating State": CSTO Art. 4)
    on_request: bool = False

    @property
    def label(self) -> str:
        return self.title or self.id


@dataclass(frozen=True)
class Scope:
    """Where an institution's collective defence applies. No regions: everywhere."""

    regions: tuple[str, ...] = ()

    def covers(self, region: str) -> bool:
        return not self.regions or region in self.regions


class BindsKind(str, Enum):
    """Whom an institution's binding decisions bind (see :class:`Binds`)."""

    MEMBERS = "members"  # its own members (the default)
    STATES = "states"  # the states listed
    INSTITUTION = "institution"  # the members of another institution (e.g. the UN's)
    YES_VOTERS = "yes_voters"  # only the members who voted for the decision
    ALL = "all"  # every state in the campaign


@dataclass(frozen=True)
class Binds:
    """Whom an institution's binding decisions bind, which need not be who votes.

    The UN Security Council has 15 members, but "the Members of the United Nations
    agree to accept and carry out the decisions of the Security Council" (UN Charter
    Art. 25; Arts. 48(1), 49): its decisions bind every UN member (``ALL`` when every
    state of the campaign is one; else ``STATES`` or ``INSTITUTION``). Decisions of
    the Council of the Arab League bind only the states that accepted them (Pact of
    the League of Arab States, Art. 7): ``YES_VOTERS``. The League of Nations'
    Art. 16 bound its own members: ``MEMBERS``, the default.
    """

    kind: BindsKind = BindsKind.MEMBERS
    ids: tuple[str, ...] = ()  # STATES: the states; INSTITUTION: the one institution


@dataclass(frozen=True)
class Institution:
    id: str
    name: str
    members: tuple[str, ...]
    rule: DecisionRule
    clauses: tuple[Clause, ...] = ()
    scope: Scope = Scope()
    credibility: float = 60.0
    binds: Binds = Binds()  # whom its binding decisions bind (default: its members)
    # Chapter VIII of the UN Charter: a regional arrangement (NATO, the EU, the OAS...)
    # takes enforcement action only with the authorisation of this Security Council
    # (Art. 53(1)) and keeps it informed of its measures (Art. 54); "" if none
    regional_of: str = ""
    # Uniting for Peace (GA Res. 377A(V)): an assembly to which this Council may refer,
    # by a procedural vote (Art. 27(2)), a matter a veto has blocked; "" if none
    refers_from: str = ""
    # League Covenant Art. 12: members do not resort to war until this many days after
    # they submit a dispute to the institution (90: "three months"); 0: no moratorium
    moratorium_days: int = 0
    # League Covenant Art. 1(3): a member may withdraw after this many days' notice
    # (730: "two years"); 0: the treaty provides no withdrawal (the UN Charter)
    withdrawal_notice_days: int = 0

    def clauses_of(self, kind: ClauseKind) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if c.kind is kind)

    def clause_label(self, clause_id: str) -> str:
        """A clause's label ("Art. 5"), or its id if there is no such clause."""
        return next((c.label for c in self.clauses if c.id == clause_id), clause_id)

    @cached_property
    def kinds(self) -> frozenset[ClauseKind]:
        """The kinds of its clauses (worked out once: an institution never changes)."""
        return frozenset(c.kind for c in self.clauses)

    def has(self, kind: ClauseKind) -> bool:
        return kind in self.kinds


@dataclass(frozen=True)
class MapSpec:
    """Where states sit on a campaign's schematic map (the campaign's ``map``
    section). Presentation only: no rule reads it. A state without a place is put
    on the map by :mod:`wargame.map.layout`."""

    places: Mapping[str, tuple[int, int]] = field(
        default_factory=lambda: MappingProxyType({}))  # state -> (column, row)
    coords: Mapping[str, tuple[float, float]] = field(
        default_factory=lambda: MappingProxyType({}))  # state -> (latitude, longitude)
    borders: tuple[tuple[str, str], ...] = ()  # pairs of states that touch


@dataclass(frozen=True)
class World:
    """Everything fixed about a game. Build it once; share it between games."""

    title: str
    nations: tuple[Nation, ...]
    institutions: tuple[Institution, ...] = ()
    ladder: Ladder = DEFAULT_LADDER
    actions: Mapping[str, ActionSpec] = field(default_factory=lambda: CATALOGUE)
    rounds_limit: int = 12
    start_stage: str = "tension"
    start_escalation: float = 0.0
    start_tensions: tuple[tuple[str, str, float], ...] = ()  # (state, state, level)
    orders_per_round: int = 3
    briefing: str = ""
    injects: tuple[Inject, ...] = ()
    end_conditions: tuple[EndCondition, ...] = ()
    days_per_round: float = 30.0  # how long a round lasts, for rules counted in days

    def rounds_for(self, days: float) -> int:
        """How many rounds ``days`` take (a part of a round counts as a whole one)."""
        return max(1, -int(-days // self.days_per_round)) if days > 0 else 0
    map: MapSpec = MapSpec()  # where states sit on the map (no rule reads it)

    def __post_init__(self) -> None:
        nations = {n.id: n for n in self.nations}
        if len(nations) != len(self.nations):
            raise WorldError("two states share an id")
        insts = {i.id: i for i in self.institutions}
        if len(insts) != len(self.institutions):
            raise WorldError("two institutions share an id")
        for inst in self.institutions:
            for m in inst.members:
                if m not in nations:
                    raise WorldError(f"{inst.id}: member {m} is not a state")
            try:
                inst.rule.check(inst.members)
            except RuleError as exc:
                raise WorldError(f"{inst.id}: {exc}") from None
            _check_binds(inst, nations, insts)
            _check_links(inst, insts)
        if not self.days_per_round > 0:
            raise WorldError(f"a round must last some days, not {self.days_per_round!r}")
        from .machine import STAGES, TERMINAL

        if self.start_stage not in STAGES or self.start_stage in TERMINAL:
            raise WorldError(f"a game cannot start in stage {self.start_stage!r}")
        for n in self.nations:
            for o in n.objectives:
                if o.kind in INSTITUTION_TARGETS and o.target not in insts:
                    raise WorldError(f"{n.id}: objective {o.kind.value} needs an institution, "
                                     f"not {o.target!r}")
                if o.kind in TARGETS_STATE and o.target not in nations:
                    raise WorldError(f"{n.id}: objective {o.kind.value} needs a state, "
                                     f"not {o.target!r}")
                if o.kind is ObjectiveKind.MEASURE_ADOPTED and o.institution not in insts:
                    raise WorldError(f"{n.id}: objective {o.kind.value} needs an "
                                     f"institution, not {o.institution!r}")
        top = self.ladder.ceiling()
        if self.start_escalation > top:
            raise WorldError(f"the crisis cannot start at {self.start_escalation:g}: "
                             f"conventional escalation stops at {top:g} (Ladder.ceiling)")
        for a, b, level in self.start_tensions:
            if a not in nations or b not in nations or a == b:
                raise WorldError(f"start tension between {a} and {b}: two different states")
            if not 0 <= level <= 100:
                raise WorldError(f"start tension between {a} and {b} must be 0 to 100")
            if level > top:
                raise WorldError(f"start tension between {a} and {b} cannot be {level:g}: "
                                 f"conventional escalation stops at {top:g} (Ladder.ceiling)")
        _check_map(self.map, nations)
        for n in self.nations:
            for partner in n.trade:
                if partner not in nations:
                    raise WorldError(f"{n.id}: trade partner {partner} is not a state")
        member_of: dict[str, list[str]] = {n: [] for n in nations}
        for inst in self.institutions:
            for m in inst.members:
                member_of[m].append(inst.id)
        allies: dict[str, set[str]] = {n: set() for n in nations}
        for inst in self.institutions:
            if inst.has(ClauseKind.COLLECTIVE_DEFENCE) or inst.has(ClauseKind.CONSULTATION):
                for m in inst.members:
                    allies[m].update(inst.members)
        for n, s in allies.items():
            s.discard(n)
        order = tuple(nations)
        object.__setattr__(self, "nation", MappingProxyType(nations))
        object.__setattr__(self, "institution", MappingProxyType(insts))
        object.__setattr__(
            self, "member_of", MappingProxyType({k: tuple(v) for k, v in member_of.items()})
        )
        object.__setattr__(
            self,
            "allies",
            MappingProxyType({k: tuple(m for m in order if m in v) for k, v in allies.items()}),
        )
        object.__setattr__(self, "ids", order)
        object.__setattr__(self, "_others", {})
        # id -> name, for name_of (a state's id first, should an institution share it)
        names = {i.id: i.name for i in self.institutions}
        names.update((n.id, n.name) for n in self.nations)
        object.__setattr__(self, "_names", names)

    def __reduce__(self):
        """Pickle by the constructor's arguments (worlds go to worker processes)."""
        kwargs = {f.name: getattr(self, f.name) for f in fields(self) if f.init}
        kwargs["actions"] = dict(self.actions)
        kwargs["nations"] = tuple(replace(n, trade=dict(n.trade)) for n in self.nations)
        kwargs["map"] = replace(self.map, places=dict(self.map.places),
                                coords=dict(self.map.coords))
        return (_rebuild, (kwargs,))

    def others(self, nation: str) -> tuple[str, ...]:
        """Every state but ``nation``, in world order (computed once per state)."""
        found = self._others.get(nation)
        if found is None:
            found = self._others[nation] = tuple(i for i in self.ids if i != nation)
        return found

    # the attributes set in __post_init__, declared for readers and type checkers
    nation: Mapping[str, Nation] = field(init=False, repr=False, compare=False)
    institution: Mapping[str, Institution] = field(init=False, repr=False, compare=False)
    member_of: Mapping[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    allies: Mapping[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    ids: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def state_called(self, text: str) -> str | None:
        """The id of the state whose id or name is ``text`` (any case), else None."""
        wanted = text.strip().casefold()
        return next((n.id for n in self.nations
                     if wanted in (n.id.casefold(), n.name.casefold())), None)

    def name_of(self, ident: str) -> str:
        """The name of a state or institution, or ``ident`` itself if it is neither."""
        return self._names.get(ident, ident)


def _check_binds(inst: Institution, nations, insts) -> None:
    b = inst.binds
    if b.kind is BindsKind.STATES:
        if not b.ids:
            raise WorldError(f"{inst.id}: binds lists no state")
        for s in b.ids:
            if s not in nations:
                raise WorldError(f"{inst.id}: binds {s}, which is not a state")
    elif b.kind is BindsKind.INSTITUTION:
        if len(b.ids) != 1 or b.ids[0] not in insts:
            raise WorldError(f"{inst.id}: binds the members of {', '.join(b.ids) or 'nothing'},"
                             " which is not an institution")
    elif b.ids:
        raise WorldError(f"{inst.id}: binds {b.kind.value} takes no ids")


def _check_links(inst: Institution, insts) -> None:
    """A regional arrangement's Council and an assembly's referring Council must be
    other institutions of the world."""
    for field_name, what in (("regional_of", "a regional arrangement under"),
                             ("refers_from", "takes referrals from")):
        other = getattr(inst, field_name)
        if other and (other not in insts or other == inst.id):
            raise WorldError(f"{inst.id}: {what} {other}, which is not another institution")
    if inst.moratorium_days < 0:
        raise WorldError(f"{inst.id}: a moratorium of {inst.moratorium_days} days")
    if inst.withdrawal_notice_days < 0:
        raise WorldError(f"{inst.id}: a notice of {inst.withdrawal_notice_days} days")


def assemblies_of(world: "World", council: str) -> tuple[Institution, ...]:
    """The assemblies to which ``council`` may refer a matter (Uniting for Peace)."""
    return tuple(i for i in world.institutions if i.refers_from == council)


def bound_by(world: World, inst: Institution,
             votes: Mapping[str, str] | None = None,
             members: Callable[[str], tuple[str, ...]] | None = None) -> tuple[str, ...]:
    """The states a binding decision of ``inst`` binds, in world order, before any
    exemption (the target, a suspended member, a constructive abstainer): see
    :class:`Binds`. ``votes`` (member -> "yes"/"no"/"abstain") matters only for
    ``YES_VOTERS``. ``members`` gives an institution's members now (in a game,
    :func:`wargame.core.membership.members`); without it, the campaign's."""
    of = members or (lambda i: world.institution[i].members)
    b = inst.binds
    if b.kind is BindsKind.ALL:
        return world.ids
    if b.kind is BindsKind.STATES:
        wanted = set(b.ids)
    elif b.kind is BindsKind.INSTITUTION:
        wanted = set(of(b.ids[0]))
    elif b.kind is BindsKind.YES_VOTERS:
        wanted = {m for m in of(inst.id) if (votes or {}).get(m) == "yes"}
    else:
        wanted = set(of(inst.id))
    return tuple(n for n in world.ids if n in wanted)


def binds_words(world: World, inst: Institution, bound: tuple[str, ...]) -> str:
    """Whom a binding decision binds, for the news: "all members", "every state",
    "every member of United Nations", "those who voted for it (A, B)", "A, B and C"."""
    b = inst.binds
    names = [world.name_of(n) for n in bound]
    listed = (", ".join(names[:-1]) + " and " + names[-1]) if len(names) > 1 else \
        "".join(names) or "no state"
    if b.kind is BindsKind.ALL:
        return "every state"
    if b.kind is BindsKind.INSTITUTION:
        return f"every member of {world.name_of(b.ids[0])}"
    if b.kind is BindsKind.YES_VOTERS:
        return f"those who voted for it ({listed})" if bound else "nobody: no member voted for it"
    if b.kind is BindsKind.STATES:
        return listed
    return "all members"


def _rebuild(kwargs: dict) -> World:
    m = kwargs.get("map")
    if m is not None:  # read-only again, as built
        kwargs["map"] = replace(m, places=MappingProxyType(dict(m.places)),
                                coords=MappingProxyType(dict(m.coords)))
    return World(**kwargs)


def _check_map(spec: MapSpec, nations) -> None:
    taken: dict[tuple[int, int], str] = {}
    for sid, at in spec.places.items():
        if sid not in nations:
            raise WorldError(f"map: {sid} is not a state")
        if at in taken:
            raise WorldError(f"map: {taken[at]} and {sid} are both at column {at[0]}, "
                             f"row {at[1]}")
        taken[at] = sid
    for sid in spec.coords:
        if sid not in nations:
            raise WorldError(f"map: {sid} is not a state")
    for a, b in spec.borders:
        if a not in nations or b not in nations or a == b:
            raise WorldError(f"map: a border between {a} and {b}: two different states")
