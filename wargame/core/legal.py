"""Which orders a government may give now, and why the others are refused."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .actions import MEASURE_NOUN, ActionSpec, Effect, Measure, Order, Target
from .errors import IllegalOrder
from .model import ClauseKind, World
from .state import GameState, pair

MEASURE_CLAUSE = {
    Measure.SANCTIONS: ClauseKind.SANCTIONS,
    Measure.USE_OF_FORCE: ClauseKind.USE_OF_FORCE,
    Measure.PEACEKEEPING: ClauseKind.PEACEKEEPING,
    Measure.SUSPEND: ClauseKind.SUSPENSION,
}
READINESS_MULTIPLIER = (1.0, 1.15, 1.35)
MAX_SPENDING = 10.0


@dataclass(frozen=True)
class Option:
    """One legal action for a state, with every target it may take now."""

    action: ActionSpec
    targets: tuple[str, ...] = ()  # states
    institutions: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()  # drafts: every measure some institution can take
    measures_in: tuple[tuple[str, tuple[str, ...]], ...] = ()  # drafts: per institution

    def measures_for(self, institution: str) -> tuple[str, ...]:
        """The measures a draft in ``institution`` can propose (some may still need
        a particular target: a member to suspend, sanctions tried before force)."""
        return dict(self.measures_in).get(institution, ())


def _fail(order: Order, reason: str) -> IllegalOrder:
    return IllegalOrder(reason, order)


def _institution_ok(world: World, state: GameState, order: Order, spec: ActionSpec) -> None:
    inst = world.institution.get(order.institution)
    if inst is None:
        raise _fail(order, f"{spec.name} needs an institution; {order.institution or 'none'} "
                           "is not one in this campaign")
    if order.nation not in inst.members and spec.effect is not Effect.MEETING:
        raise _fail(order, f"{world.name_of(order.nation)} is not a member of {inst.name}")
    if order.nation in state.institutions[inst.id].suspended:
        raise _fail(order, f"{world.name_of(order.nation)} is suspended from {inst.name}")
    if spec.effect is Effect.CONSULT and not inst.has(ClauseKind.CONSULTATION):
        raise _fail(order, f"{inst.name} has no consultation clause")
    if spec.effect is Effect.MEETING and not (
        inst.has(ClauseKind.SANCTIONS) or inst.has(ClauseKind.USE_OF_FORCE)
    ):
        raise _fail(order, f"{inst.name} cannot take enforcement measures, so it has no "
                           "meeting to call")
    if spec.effect is Effect.TABLE:
        _draft_ok(world, state, order)
    elif order.target:
        raise _fail(order, f"{spec.name} names no state, only an institution")


def names_no_state(spec: ActionSpec) -> bool:
    """An action aimed at an institution alone (a consultation, a meeting): it takes
    no target, so the resolution pushes no tension for it, whatever its escalation
    figure (a draft names the state it concerns, so tabling one does)."""
    return spec.target is Target.INSTITUTION and spec.effect is not Effect.TABLE


# measures taken against the state a draft names: no state tables them against itself
AGAINST = {Measure.CONDEMN, Measure.SANCTIONS, Measure.USE_OF_FORCE, Measure.SUSPEND}


def _draft_ok(world: World, state: GameState, order: Order) -> None:
    inst = world.institution[order.institution]
    try:
        measure = Measure(order.measure)
    except ValueError:
        names = ", ".join(m.value for m in Measure)
        raise _fail(order, f"unknown measure {order.measure!r}: choose one of {names}") from None
    if order.target not in world.nation:
        raise _fail(order, "a draft resolution must name the state it concerns")
    if order.target == order.nation and measure in AGAINST:
        raise _fail(order, f"a draft for {MEASURE_NOUN[measure]} against your own state: "
                           "name the state it is against")
    kind = MEASURE_CLAUSE.get(measure)
    if kind is not None and not inst.has(kind):
        raise _fail(order, f"{inst.name} has no {kind.value.replace('_', ' ')} clause")
    if measure is Measure.SUSPEND and order.target not in inst.members:
        raise _fail(order, f"{world.name_of(order.target)} is not a member of {inst.name}")
    if measure is Measure.USE_OF_FORCE:
        needs = any(c.requires_sanctions_tried for c in inst.clauses_of(ClauseKind.USE_OF_FORCE))
        if needs and order.target not in state.institutions[inst.id].sanctions_on:
            raise _fail(order, f"{inst.name} must try sanctions against "
                               f"{world.name_of(order.target)} before it can authorise force "
                               "(this campaign's rule: a simplification of UN Charter Art. 42)")


def _target_ok(world: World, state: GameState, order: Order, spec: ActionSpec) -> None:
    me = order.nation
    if spec.target is Target.NONE:
        if order.target:
            raise _fail(order, f"{spec.name} takes no target")
        return
    if spec.target is Target.INSTITUTION:
        _institution_ok(world, state, order, spec)
        return
    if not order.target:
        raise _fail(order, f"{spec.name} needs a target state")
    if order.target not in world.nation:
        raise _fail(order, f"there is no state {order.target!r} in this campaign")
    if order.target == me and spec.effect is not Effect.LIBERATE:
        raise _fail(order, f"{spec.name} cannot target your own state")
    if spec.target is Target.ALLY and order.target not in world.allies[me]:
        raise _fail(order, f"{world.name_of(order.target)} is not your ally: you share no "
                           "alliance or consultation pact")


def _effect_ok(world: World, state: GameState, order: Order, spec: ActionSpec) -> None:
    me, t = state.nations[order.nation], order.target
    e = spec.effect
    name = world.name_of(t) if t else ""
    if e is Effect.ACCEPT_CEASEFIRE and (t, order.nation) not in state.ceasefire_offers:
        raise _fail(order, f"{name} has not proposed a ceasefire to you")
    if e is Effect.PROPOSE_CEASEFIRE and pair(order.nation, t) not in state.tension:
        raise _fail(order, f"there is no dispute between you and {name} to cease")
    if e is Effect.PROPOSE_CEASEFIRE and state.round >= world.rounds_limit:
        raise _fail(order, "this is the last round: a ceasefire offered now could not be "
                           "accepted before the game ends")
    if e is Effect.SANCTION and me.sanctioning.get(t, 0) >= spec.magnitude:
        raise _fail(order, f"you already impose sanctions at least this strong on {name}")
    if e is Effect.LIFT_SANCTIONS and t not in me.sanctioning:
        raise _fail(order, f"you impose no sanctions on {name}")
    if e is Effect.AID and t in me.sanctioning:
        raise _fail(order, f"you cannot aid {name} while you sanction it")
    if e is Effect.READINESS and me.readiness >= spec.magnitude:
        raise _fail(order, "your forces are already at that readiness or higher")
    if e is Effect.DEFEND and t not in state.under_attack:
        raise _fail(order, f"{name} is not under armed attack")
    if e is Effect.DEFEND and order.nation in state.under_attack.get(t, ()):
        raise _fail(order, f"you are the one attacking {name}")
    if e is Effect.LIBERATE:
        _liberation_ok(world, state, order, name)
    if e is Effect.REQUEST_HELP:
        attackers = _attackers_of(state, order.nation)
        if not attackers:
            raise _fail(order, "you are not the victim of an armed attack: only a victim may "
                               "ask for help in its self-defence (UN Charter Art. 51)")
        if t in attackers:
            raise _fail(order, f"{name} is the state attacking you")
        if (order.nation, t) in state.requests:
            raise _fail(order, f"you have already asked {name} for help")
    if e in COMMITTING and available_forces(me) <= 0:
        raise _fail(order, "you have no forces left at home to commit: they are all "
                           "stationed abroad or holding land")
    if e is Effect.PEACEKEEPERS and not any(
        t in s.peacekeeping for s in state.institutions.values()
    ):
        raise _fail(order, f"no institution has mandated peacekeeping in {name}")
    if e is Effect.STAND_DOWN and not (
        me.readiness or me.deployed or _occupying(state, me.id)
    ):
        raise _fail(order, "you have nothing to stand down: normal readiness, no forces abroad")
    if e is Effect.SPENDING and me.spending + spec.magnitude > MAX_SPENDING:
        raise _fail(order, f"defence spending cannot exceed {MAX_SPENDING:g}% of GDP")


def _attackers_of(state: GameState, victim: str) -> list[str]:
    """The attackers of record of the ongoing conflicts against ``victim``."""
    return [c.attacker for c in state.conflicts if not c.ended and c.victim == victim]


def occupiers_of(state: GameState, land: str) -> list[str]:
    """States with a garrison holding part of ``land``."""
    return [n for n, ns in state.nations.items() if ns.garrisons.get(land, 0.0) > 0]


def _liberation_ok(world: World, state: GameState, order: Order, name: str) -> None:
    from .conflicts import basis_for  # conflicts reads legal's neighbours, not legal

    land = order.target
    occupiers = occupiers_of(state, land)
    if not occupiers:
        raise _fail(order, f"no foreign garrison holds any of {name}'s land")
    if order.nation in occupiers:
        raise _fail(order, f"you are the one holding {name}'s land")
    if not any(basis_for(world, state, order.nation, land, o) for o in occupiers):
        raise _fail(order, f"you have no right to fight for {name}: no treaty obliges you, "
                           f"{name} has not asked you for help, and no body has authorised "
                           "force against the occupier")


def available_forces(ns) -> float:
    """Forces at home (the same sum as combat.available, which imports this module)."""
    return max(0.0, ns.military - sum(ns.deployed.values()) - sum(ns.garrisons.values()))


COMMITTING = frozenset({Effect.INVADE, Effect.STRIKE, Effect.DEFEND, Effect.LIBERATE,
                        Effect.DEPLOY})
"""Effects whose order commits forces (``Order.forces``)."""


def _forces_ok(world: World, order: Order, spec: ActionSpec) -> None:
    f = order.forces
    if not f:
        return
    if spec.effect not in COMMITTING:
        raise _fail(order, f"{spec.name} commits no forces")
    if isinstance(f, bool) or not isinstance(f, (int, float)) or not 0 < f <= 1:
        raise _fail(order, "the forces committed are a share of your available forces, "
                           "above 0 and at most 1 (all of them)")


def _occupying(state: GameState, nation: str):
    return [k for k, v in state.occupation.items() if k[0] == nation and v > 0]


def check(world: World, state: GameState, order: Order) -> None:
    """Raise :class:`IllegalOrder` with the reason if ``order`` is not legal now."""
    if state.outcome:
        raise _fail(order, "the game is over")
    if order.nation not in world.nation:
        raise _fail(order, f"there is no state {order.nation!r} in this campaign")
    spec = world.actions.get(order.action)
    if spec is None:
        raise _fail(order, f"there is no action {order.action!r} in this campaign")
    if state.stage not in spec.stages:
        allowed = ", ".join(s for s in _STAGE_ORDER if s in spec.stages)
        raise _fail(order, f"{spec.name} is not possible in the {state.stage.replace('_', ' ')} "
                           f"stage (only in: {allowed})")
    _target_ok(world, state, order, spec)
    _forces_ok(world, order, spec)
    _effect_ok(world, state, order, spec)


_STAGE_ORDER = ("peace", "tension", "incident", "consultation", "sanctions",
                "collective_response", "armed_conflict", "settlement")


def check_all(world: World, state: GameState, orders: list[Order]) -> None:
    """Check one state's orders for a round, alone and together."""
    if len(orders) > world.orders_per_round:
        raise IllegalOrder(f"at most {world.orders_per_round} orders a round; you gave "
                           f"{len(orders)}")
    seen: set[tuple] = set()
    effects: dict[str, list[Order]] = {}
    for order in orders:
        check(world, state, order)
        if order.key() in seen:
            raise _fail(order, f"the same order twice: {world.actions[order.action].name}")
        seen.add(order.key())
        effects.setdefault(world.actions[order.action].effect.value, []).append(order)
    if len(effects.get(Effect.READINESS.value, ())) > 1:
        raise IllegalOrder("one readiness change a round")
    chosen = sum(o.forces for o in orders if o.forces)
    if chosen > 1 + 1e-9:
        raise IllegalOrder(f"your orders commit {100 * chosen:.0f}% of your forces: at most "
                           "all of them (100%) can fight in one round")
    sanctioned = {o.target for o in effects.get(Effect.SANCTION.value, ())}
    if len(sanctioned) != len(effects.get(Effect.SANCTION.value, ())):
        raise IllegalOrder("one kind of sanctions per target a round")
    for o in effects.get(Effect.LIFT_SANCTIONS.value, ()):
        if o.target in sanctioned:
            raise _fail(o, "you cannot impose and lift sanctions on the same state at once")
    # aid to a state the same order set sanctions: the same refusal as aid to a state
    # already under your sanctions (_effect_ok), whichever order comes first
    aided = {o.target for o in effects.get(Effect.AID.value, ())}
    for o in orders:  # the later of the two orders is the one refused
        if o.target in sanctioned and o.target in aided and world.actions[o.action].effect in (
                Effect.AID, Effect.SANCTION):
            first = next(p for p in orders if p.target == o.target and world.actions[
                p.action].effect in (Effect.AID, Effect.SANCTION))
            if first is not o:
                raise _fail(o, f"you cannot aid {world.name_of(o.target)} while you "
                               "sanction it")
    truce = {o.target for o in effects.get(Effect.ACCEPT_CEASEFIRE.value, ())}
    for kind in (Effect.STRIKE.value, Effect.INVADE.value, Effect.BLOCKADE.value):
        for o in effects.get(kind, ()):
            if o.target in truce:
                verb = "blockade" if kind == Effect.BLOCKADE.value else "attack"
                raise _fail(o, f"you cannot accept a ceasefire with {world.name_of(o.target)} "
                               f"and {verb} it in the same round")


def options(world: World, state: GameState, nation: str,
            memo: dict | None = None) -> list[Option]:
    """Every action ``nation`` may order now, each with its legal targets.

    Targets drawn from every other state are a :class:`Targets`: the states are
    listed only if asked for (``in`` costs nothing), so the options of all states
    cost n, not n squared, in a world of n states. ``memo``: a dict the caller keeps
    while the state does not change (the game does, for a phase), where facts every
    state's options read (who holds whose land, who is in dispute) are worked out once."""
    if state.outcome:
        return []
    if memo is None:
        memo = {}
    out: list[Option] = []
    facts = _facts(world)
    suspended = {i for i in facts.member_of[nation]
                 if nation in state.institutions[i].suspended}
    if suspended:
        mine = tuple(i for i in facts.member_of[nation] if i not in suspended)
    else:
        mine = facts.member_of[nation]
    me = state.nations[nation]
    armed = available_forces(me) > 0
    key = (nation, state.stage, armed, bool(me.sanctioning), mine)
    plan = facts.plans.get(key)
    if plan is None:
        plan = facts.plans[key] = _plan(world, state, nation, facts, armed,
                                        bool(me.sanctioning), mine)
    out = plan[0][:]  # the options made once; None where one is worked out now
    for k, step, spec, pool in plan[1]:
        if step is _TARGETS:
            targets = _targets(world, state, nation, spec, pool, facts, memo)
            if targets:
                out[k] = Option(spec, targets=targets)
        elif step is _NO_TARGET:
            e = spec.effect  # the rules of _effect_ok for the commonest, then the rest
            if e is Effect.READINESS:
                ok = me.readiness < spec.magnitude
            elif e is Effect.SPENDING:
                ok = not me.spending + spec.magnitude > MAX_SPENDING
            elif e is Effect.STAND_DOWN:
                ok = bool(me.readiness or me.deployed or _occupying(state, nation))
            else:
                try:
                    _effect_ok(world, state, Order(nation, spec.id), spec)
                    ok = True
                except IllegalOrder:
                    ok = False
            if ok:
                out[k] = Option(spec)
        else:  # _INSTITUTIONS
            if spec.effect is Effect.MEETING:  # any state may bring a dispute
                pool_i = tuple(i for i in facts.enforcers
                               if nation not in state.institutions[i].suspended)
                if spec.effect not in _CHECKED:  # legal in every one of them
                    if pool_i:
                        out[k] = Option(spec, institutions=pool_i)
                    continue
            else:
                pool_i = mine
            insts = tuple(i for i in pool_i if _legal_in(world, state, nation, spec, i))
            if insts:
                out[k] = Option(spec, institutions=insts)
    return [o for o in out if o is not None] if plan[1] else out


# the steps of a plan: an option ready made, or what to work out each time
_READY, _TARGETS, _NO_TARGET, _INSTITUTIONS = "ready", "targets", "no target", "institutions"


def _plan(world: World, state: GameState, nation: str, facts: "_Facts", armed: bool,
          sanctions: bool, mine: tuple[str, ...]) -> tuple[list, list]:
    """The options of ``nation`` in this stage, for these facts (forces at home or
    not, sanctions it imposes or not, the institutions it takes part in): the ones
    that depend on nothing else made once, the others as steps to work out each
    time (incremental legal options: most do not change from round to round)."""
    plan: list[tuple] = []
    others = Targets(facts, nation)
    allies = world.allies[nation]
    for spec in facts.by_stage(state.stage):
        kind, e = spec.target, spec.effect
        if kind is Target.STATE or kind is Target.ALLY:
            if e in COMMITTING and not armed:
                continue
            pool = allies if kind is Target.ALLY else others
            if e in _SPARSE or (e in _SANCTIONED and sanctions):
                plan.append((_TARGETS, spec, pool))
            elif pool:
                plan.append((_READY, spec, Option(spec, targets=pool)))
        elif kind is Target.NONE:
            if e in _CHECKED:
                plan.append((_NO_TARGET, spec, None))
            else:  # nothing in _effect_ok applies to it
                plan.append((_READY, spec, Option(spec)))
        elif e is Effect.TABLE:
            per = tuple((i, facts.measures[i]) for i in mine)
            if per:
                union = tuple(m.value for m in Measure
                              if any(m.value in ms for _, ms in per))
                plan.append((_READY, spec, Option(
                    spec, targets=Targets(facts, nation, last=True),
                    institutions=tuple(i for i, _ in per), measures=union,
                    measures_in=per)))
        elif e is Effect.MEETING or e in _CHECKED:
            plan.append((_INSTITUTIONS, spec, None))
        else:  # legal by the world alone in the institutions it takes part in
            insts = tuple(i for i in mine if _legal_in(world, state, nation, spec, i))
            if insts:
                plan.append((_READY, spec, Option(spec, institutions=insts)))
    # the options in order, None where one is worked out each time; and those steps
    template = [ready if step is _READY else None for step, _, ready in plan]
    steps = [(k, step, spec, ready) for k, (step, spec, ready) in enumerate(plan)
             if step is not _READY]
    return template, steps


# the effects whose targets _targets works out (all others: every state, or ally)
_SPARSE = frozenset({Effect.ACCEPT_CEASEFIRE, Effect.PROPOSE_CEASEFIRE, Effect.LIFT_SANCTIONS,
                     Effect.DEFEND, Effect.LIBERATE, Effect.REQUEST_HELP,
                     Effect.PEACEKEEPERS})
_SANCTIONED = frozenset({Effect.SANCTION, Effect.AID})  # targets narrowed by own sanctions
# the effects _effect_ok may refuse for what the state has or does now
_CHECKED = _SPARSE | _SANCTIONED | COMMITTING | {Effect.READINESS, Effect.STAND_DOWN,
                                                 Effect.SPENDING}


def _legal_in(world: World, state: GameState, nation: str, spec: ActionSpec,
              institution: str) -> bool:
    """Whether ``spec`` in ``institution`` is legal now (what :func:`check` says for
    an order whose stage, nation and action are known good)."""
    order = Order(nation, spec.id, institution=institution)
    try:
        _institution_ok(world, state, order, spec)
        _effect_ok(world, state, order, spec)
    except IllegalOrder:
        return False
    return True


class _Facts:
    """What the legal options read of a world that never changes, computed once."""

    def __init__(self, world: World):
        self.ids = world.ids
        self.index = {n: k for k, n in enumerate(world.ids)}
        self.member_of = world.member_of
        self.enforcers = tuple(i.id for i in world.institutions
                               if i.has(ClauseKind.SANCTIONS) or i.has(ClauseKind.USE_OF_FORCE))
        self.measures = {i.id: _measures(world, i.id) for i in world.institutions}
        self._stages: dict[str, tuple[ActionSpec, ...]] = {}
        self.plans: dict[tuple, tuple[list, list]] = {}  # see _plan
        self._actions = world.actions

    def by_stage(self, stage: str) -> tuple[ActionSpec, ...]:
        found = self._stages.get(stage)
        if found is None:
            found = self._stages[stage] = tuple(s for s in self._actions.values()
                                                if stage in s.stages)
        return found

    def in_order(self, ids) -> tuple[str, ...]:
        """``ids`` (states) in world order."""
        index = self.index
        return tuple(sorted((i for i in ids if i in index), key=index.__getitem__))


_FACTS: dict[int, tuple[World, _Facts]] = {}


def _facts(world: World) -> _Facts:
    found = _FACTS.get(id(world))
    if found is None or found[0] is not world:
        if len(_FACTS) > 32:
            _FACTS.clear()
        found = _FACTS[id(world)] = (world, _Facts(world))
    return found[1]


class Targets(Sequence):
    """The states an option may name: every state in world order but the actor (and
    any in ``skip``), or with the actor itself last (``last``, a draft may concern
    the state that tables it). Nothing is listed until something iterates or indexes
    it; ``in`` and ``len`` cost nothing. Equal to the tuple of the same states."""

    __slots__ = ("_facts", "_me", "_skip", "_last", "_items")

    def __init__(self, facts: _Facts, me: str, skip: frozenset = frozenset(),
                 last: bool = False):
        self._facts = facts
        self._me = me
        self._skip = skip
        self._last = last
        self._items: tuple[str, ...] | None = None

    def _all(self) -> tuple[str, ...]:
        if self._items is None:
            me, skip = self._me, self._skip
            items = tuple(t for t in self._facts.ids if t != me and t not in skip)
            self._items = items + (me,) if self._last else items
        return self._items

    def __contains__(self, t) -> bool:
        if t == self._me:
            return self._last
        return t in self._facts.index and t not in self._skip

    def __len__(self) -> int:
        if self._items is not None:
            return len(self._items)
        index = self._facts.index
        return len(index) - 1 - sum(1 for t in self._skip if t in index and t != self._me) \
            + (1 if self._last else 0)

    def __bool__(self) -> bool:
        if self._items is not None:
            return bool(self._items)
        return self._last or len(self._facts.ids) > 1 + len(self._skip) or len(self) > 0

    def __iter__(self):
        return iter(self._all())

    def __getitem__(self, k):
        return self._all()[k]

    def __eq__(self, other) -> bool:
        if isinstance(other, (tuple, list, Targets)):
            return self._all() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._all())

    def __repr__(self) -> str:
        return f"Targets({len(self)} states)"


def _measures(world: World, inst: str) -> tuple[str, ...]:
    institution = world.institution[inst]
    return tuple(m.value for m in Measure
                 if MEASURE_CLAUSE.get(m) is None or institution.has(MEASURE_CLAUSE[m]))


# effects whose legality depends on the target only through sparse data:
# checking each candidate would be O(n) per action, so filter from that data.
def _targets(world, state, nation, spec, pool, facts: _Facts, memo: dict):
    me = state.nations[nation]
    e = spec.effect
    lazy = pool.__class__ is Targets
    # each branch applies exactly the target rules of _effect_ok (the stage, the
    # target kind and forces at home for a committing action were checked by the
    # caller, _plan); test_legality checks they agree
    if e is Effect.ACCEPT_CEASEFIRE:
        return tuple(by for (by, to) in state.ceasefire_offers if to == nation)
    if e is Effect.PROPOSE_CEASEFIRE:
        if state.round >= world.rounds_limit:  # it could not be accepted in time
            return ()
        tension = state.tension
        if lazy:  # the disputes are sparse: read them, not every state
            disputes = memo.get("disputes")
            if disputes is None:
                disputes = memo["disputes"] = {}
                for a, b in tension:
                    disputes.setdefault(a, set()).add(b)
                    disputes.setdefault(b, set()).add(a)
            return facts.in_order(disputes.get(nation, ()))
        return tuple(t for t in pool if ((nation, t) if nation < t else (t, nation)) in tension)
    if e is Effect.LIFT_SANCTIONS:
        if lazy:
            return facts.in_order(t for t in me.sanctioning if t != nation)
        return tuple(t for t in pool if t in me.sanctioning)
    if e is Effect.DEFEND:
        return tuple(v for v, atk in state.under_attack.items() if v != nation
                     and nation not in atk)
    if e is Effect.LIBERATE:  # the rules of _liberation_ok, for every occupied land
        from .conflicts import basis_for

        held = memo.get("held")
        if held is None:  # land -> the states with a garrison on it, once for all
            held = {}
            for n, ns in state.nations.items():
                for land, g in ns.garrisons.items():
                    if g > 0:
                        held.setdefault(land, []).append(n)
            memo["held"] = held
            memo["held lands"] = facts.in_order(held)
        return tuple(t for t in memo["held lands"] if nation not in held[t]
                     and any(basis_for(world, state, nation, t, o) for o in held[t]))
    if e is Effect.REQUEST_HELP:
        attackers = _attackers_of(state, nation)
        if not attackers:
            return ()
        if lazy:
            return Targets(facts, nation, frozenset(attackers).union(
                t for (v, t) in state.requests if v == nation))
        return tuple(t for t in pool if t not in attackers
                     and (nation, t) not in state.requests)
    if e is Effect.PEACEKEEPERS:
        hosts = memo.get("hosts")
        if hosts is None:
            hosts = memo["hosts"] = {h for s in state.institutions.values()
                                     for h in s.peacekeeping}
        if not hosts:
            return ()
        if lazy:
            return facts.in_order(t for t in hosts if t != nation)
        return tuple(t for t in pool if t in hosts)
    if not me.sanctioning:
        return pool
    if e is Effect.SANCTION:
        if lazy:
            return Targets(facts, nation, frozenset(
                t for t, bite in me.sanctioning.items() if bite >= spec.magnitude))
        return tuple(t for t in pool if me.sanctioning.get(t, 0) < spec.magnitude)
    if e is Effect.AID:
        if lazy:
            return Targets(facts, nation, frozenset(me.sanctioning))
        return tuple(t for t in pool if t not in me.sanctioning)
    return pool


def _legal(world: World, state: GameState, order: Order) -> bool:
    try:
        check(world, state, order)
    except IllegalOrder:
        return False
    return True
