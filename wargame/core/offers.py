"""The options a government is offered: every order it may give now, made from the
rules of :mod:`wargame.core.legal` without trying every order against them.

For each state, stage and a few facts (forces at home, sanctions it imposes, the
institutions it takes part in) a *plan* holds the options that cannot change made
once, and the steps to work out the rest each time; facts every state's options
read (who holds whose land, who is in dispute) are gathered once a phase. Targets
drawn from every other state are a :class:`Targets` sequence that lists nothing
until asked, so the options of n states cost n, not n squared.
tests/property/test_options_exact.py checks that the options are exactly the
orders :func:`wargame.core.legal.check` allows.
"""

from __future__ import annotations

from collections.abc import Sequence

from .actions import ActionSpec, Effect, Measure, Order, Target
from .errors import IllegalOrder
from .legal import (COMMITTING, MAX_SPENDING, Option, _attackers_of, _effect_ok,
                    _institution_ok, _measures, available_forces)
from .membership import active_in, allies as allies_now, fingerprint, suspended
from .model import ClauseKind, World
from .perworld import per_world
from .plain import maker
from .state import GameState

# The enum members the functions below compare with, read once: in Python 3.11 each
# ``Effect.DEFEND`` in a function goes through EnumType.__getattr__'s hook (hundreds of
# instructions and an allocation); a module name is one load.
(ACCEPT_CEASEFIRE, AID, DEFEND, LIBERATE, LIFT_SANCTIONS, MEETING, NON_RECOGNITION,
 NOTICE, PEACEKEEPERS, PROPOSE_CEASEFIRE, READINESS, REQUEST_HELP, SANCTION, SPENDING,
 STAND_DOWN, TABLE) = (
    Effect.ACCEPT_CEASEFIRE, Effect.AID, Effect.DEFEND, Effect.LIBERATE,
    Effect.LIFT_SANCTIONS, Effect.MEETING, Effect.NON_RECOGNITION, Effect.NOTICE,
    Effect.PEACEKEEPERS, Effect.PROPOSE_CEASEFIRE, Effect.READINESS, Effect.REQUEST_HELP,
    Effect.SANCTION, Effect.SPENDING, Effect.STAND_DOWN, Effect.TABLE)
TO_STATE, TO_ALLY, TO_NONE = Target.STATE, Target.ALLY, Target.NONE


def options(world: World, state: GameState, nation: str,
            memo: dict | None = None) -> list[Option]:
    """Every action ``nation`` may order now, each with its legal targets (see
    :func:`offered`)."""
    return offered(world, state, nation, memo)[0]


def offered(world: World, state: GameState, nation: str, memo: dict | None = None
            ) -> tuple[list[Option], tuple[list, dict]]:
    """Every action ``nation`` may order now, each with its legal targets; and the
    same options found by action id, as :func:`wargame.core.legal.check_all` reads
    them: (the options in the plan's order, None where one is not offered; action id
    -> its place there), so that checking an order finds its option at once.

    Targets drawn from every other state are a :class:`Targets`: the states are
    listed only if asked for (``in`` costs nothing), so the options of all states
    cost n, not n squared, in a world of n states. ``memo``: a dict the caller keeps
    while the state does not change (the game does, for a phase), where facts every
    state's options read (who holds whose land, who is in dispute) are worked out once."""
    if state.outcome:
        return [], ([], {})
    if memo is None:
        memo = {}
    out: list[Option] = []
    facts = _facts(world)
    moved = memo.get("membership")  # what differs from the campaign's memberships
    if moved is None:
        moved = memo["membership"] = fingerprint(state)
        # the states suspended from some institution, and those boycotting one
        memo["suspended"] = {n for s in state.institutions.values() for n in s.suspended}
        memo["boycotting"] = {n for s in state.institutions.values() for n in s.boycotting}
    suspended_somewhere = nation in memo["suspended"]
    if moved or suspended_somewhere:
        mine = active_in(world, state, nation, bool(moved))  # its bodies now, not suspended
    else:
        mine = world.member_of[nation]
    me = state.nations[nation]
    # forces at home (available_forces, read here for the usual case: none abroad)
    armed = me.military > 0 if not me.deployed and not me.garrisons else \
        available_forces(me) > 0
    away = () if nation not in memo["boycotting"] else tuple(
        i for i in mine if nation in state.institutions[i].boycotting)
    key = (nation, state.stage, armed, bool(me.sanctioning), mine, away, moved,
           suspended_somewhere)
    plan = facts.plans.get(key)
    if plan is None:
        plan = facts.plans[key] = _plan(world, state, nation, facts, armed,
                                        bool(me.sanctioning), mine, away, bool(moved),
                                        suspended_somewhere)
    out = plan[0][:]  # the options made once; None where one is worked out now
    idle = memo.get("idle")
    if idle is None:
        idle = memo["idle"] = _idle(world, state)
    steps = plan[2].get(idle)
    if steps is None:  # the steps but those nobody has a target for now
        steps = plan[2][idle] = [s for s in plan[1]
                                 if s[1] is not _TARGETS or s[2].effect not in idle]
    for k, step, spec, pool in steps:
        if step is _TARGETS:
            targets = _targets(world, state, nation, spec, pool, facts, memo)
            if targets:
                out[k] = _option(action=spec, targets=targets)
        elif step is _NO_TARGET:
            e = spec.effect  # the rules of _effect_ok for the commonest, then the rest
            if e is READINESS:
                ok = me.readiness < spec.magnitude
            elif e is SPENDING:
                ok = not me.spending + spec.magnitude > MAX_SPENDING
            elif e is STAND_DOWN:  # (_occupying, for every state at once)
                if me.readiness or me.deployed:
                    ok = True
                else:
                    occupiers = memo.get("occupiers")
                    if occupiers is None:
                        occupiers = memo["occupiers"] = {
                            o for (o, _), share in state.occupation.items() if share > 0}
                    ok = nation in occupiers
            else:
                try:
                    _effect_ok(world, state, Order(nation, spec.id), spec)
                    ok = True
                except IllegalOrder:
                    ok = False
            if ok:
                out[k] = pool  # Option(spec), made with the plan
        else:  # _INSTITUTIONS
            if spec.effect is MEETING:  # any state may bring a dispute
                pool_i = facts.enforcers if not suspended_somewhere else tuple(
                    i for i in facts.enforcers if not suspended(state, i, nation))
                if spec.effect not in _CHECKED:  # legal in every one of them
                    if pool_i:
                        out[k] = _option(action=spec, institutions=pool_i)
                    continue
            else:
                pool_i = mine
            insts = tuple(i for i in pool_i if _legal_in(world, state, nation, spec, i))
            if insts:
                out[k] = _option(action=spec, institutions=insts)
    # the options made now and once, in order (an Option is never false, None is)
    return (list(filter(None, out)) if plan[1] else out), (out, plan[3])


_option = maker(Option)  # Option(**given), made at once: several a view

# the steps of a plan: an option ready made, or what to work out each time
_READY, _TARGETS, _NO_TARGET, _INSTITUTIONS = "ready", "targets", "no target", "institutions"


def _plan(world: World, state: GameState, nation: str, facts: "_Facts", armed: bool,
          sanctions: bool, mine: tuple[str, ...], away: tuple[str, ...] = (),
          moved: bool | None = None, suspended_somewhere: bool = True
          ) -> tuple[list, list, dict, dict]:
    """The options of ``nation`` in this stage, for these facts (forces at home or
    not, sanctions it imposes or not, the institutions it takes part in, suspended
    from some institution or not): the ones
    that depend on nothing else made once, the others as steps to work out each
    time (incremental legal options: most do not change from round to round)."""
    plan: list[tuple] = []
    others = Targets(facts, nation)
    allies = allies_now(world, state, nation, moved)
    for spec in facts.by_stage(state.stage):
        kind, e = spec.target, spec.effect
        if kind is TO_STATE or kind is TO_ALLY:
            if e in COMMITTING and not armed:
                continue
            pool = allies if kind is TO_ALLY else others
            if e is LIFT_SANCTIONS and not sanctions:
                continue  # it sanctions no one
            if e in _SPARSE or (e in _SANCTIONED and sanctions):
                plan.append((_TARGETS, spec, pool))
            elif pool:
                plan.append((_READY, spec, _option(action=spec, targets=pool)))
        elif kind is TO_NONE:
            if e in _CHECKED:
                plan.append((_NO_TARGET, spec, _option(action=spec)))
            else:  # nothing in _effect_ok applies to it
                plan.append((_READY, spec, _option(action=spec)))
        elif e is TABLE:
            per = tuple((i, facts.measures[i]) for i in mine if i not in away)  # boycotts
            if per:
                union = facts.union(per)
                plan.append((_READY, spec, _option(
                    action=spec, targets=Targets(facts, nation, last=True),
                    institutions=tuple(i for i, _ in per), measures=union,
                    measures_in=per)))
        elif e is NOTICE:  # only where a treaty provides withdrawal
            if any(world.institution[i].withdrawal_notice_days for i in mine):
                plan.append((_INSTITUTIONS, spec, None))
        elif e is MEETING and e not in _CHECKED and not suspended_somewhere:
            if facts.enforcers:  # any state may bring a dispute to any of them
                plan.append((_READY, spec, _option(action=spec,
                                                   institutions=facts.enforcers)))
        elif e is MEETING or e in _CHECKED:
            plan.append((_INSTITUTIONS, spec, None))
        else:  # legal by the world alone in the institutions it takes part in
            insts = tuple(i for i in mine if facts.legal_for_members(world, state, nation,
                                                                      spec, i))
            if insts:
                plan.append((_READY, spec, _option(action=spec, institutions=insts)))
    # the options in order, None where one is worked out each time; and those steps
    template = [ready if step is _READY else None for step, _, ready in plan]
    steps = [(k, step, spec, ready) for k, (step, spec, ready) in enumerate(plan)
             if step is not _READY]
    # and, by the effects idle now (:func:`_idle`), the steps left to take: made when
    # first asked (a plan and an idle set never change); and each action's place
    return template, steps, {}, {spec.id: k for k, (_, spec, _) in enumerate(plan)}


# the effects whose targets _targets works out (all others: every state, or ally)
_SPARSE = frozenset({ACCEPT_CEASEFIRE, PROPOSE_CEASEFIRE, LIFT_SANCTIONS,
                     DEFEND, LIBERATE, Effect.REQUEST_HELP,
                     Effect.PEACEKEEPERS, Effect.NON_RECOGNITION})
_SANCTIONED = frozenset({Effect.SANCTION, Effect.AID})  # targets narrowed by own sanctions
# the effects _effect_ok may refuse for what the state has or does now
_CHECKED = _SPARSE | _SANCTIONED | COMMITTING | {READINESS, STAND_DOWN,
                                                 SPENDING, NOTICE}


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
        self.plans: dict[tuple, tuple[list, list, dict, dict]] = {}  # see _plan
        self._actions = world.actions
        self._unions: dict[tuple, tuple[str, ...]] = {}  # see union()
        self._for_members: dict[tuple, bool] = {}  # see legal_for_members()

    def by_stage(self, stage: str) -> tuple[ActionSpec, ...]:
        found = self._stages.get(stage)
        if found is None:
            found = self._stages[stage] = tuple(s for s in self._actions.values()
                                                if stage in s.stages)
        return found

    def legal_for_members(self, world: World, state: GameState, nation: str,
                          spec: ActionSpec, institution: str) -> bool:
        """:func:`_legal_in` for an action that no rule of _effect_ok reads the state
        for, by an active member of ``institution``: the same for every such member
        (only the institution's clauses decide), so worked out once for each."""
        key = (spec.id, institution)
        found = self._for_members.get(key)
        if found is None:
            found = self._for_members[key] = _legal_in(world, state, nation, spec,
                                                        institution)
        return found

    def union(self, per: tuple) -> tuple[str, ...]:
        """Every measure some institution of ``per`` ((institution, its measures)...)
        can take, in the order of Measure: once for each such set of institutions."""
        found = self._unions.get(per)
        if found is None:
            found = self._unions[per] = tuple(m.value for m in Measure
                                              if any(m.value in ms for _, ms in per))
        return found

    def in_order(self, ids) -> tuple[str, ...]:
        """``ids`` (states) in world order."""
        index = self.index
        return tuple(sorted((i for i in ids if i in index), key=index.__getitem__))


_FACTS: dict[int, tuple[World, _Facts]] = {}


def _facts(world: World) -> _Facts:
    return per_world(_FACTS, world, _Facts)


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


def _idle(world: World, state: GameState) -> frozenset:
    """The effects of :data:`_SPARSE` no state has a target for now, because the
    facts :func:`_targets` draws them from are empty (no ceasefire offered, no
    dispute, no one under attack or occupied...): worked out once a phase, so that
    most states' options skip them at once."""
    idle = set()
    if not state.ceasefire_offers:
        idle.add(Effect.ACCEPT_CEASEFIRE)
    if not state.tension or state.round >= world.rounds_limit:
        idle.add(Effect.PROPOSE_CEASEFIRE)
    if not state.under_attack:
        idle.add(Effect.DEFEND)
    if all(c.ended for c in state.conflicts):
        idle.add(Effect.REQUEST_HELP)
    if not any(g > 0 for ns in state.nations.values() for g in ns.garrisons.values()):
        idle.add(Effect.LIBERATE)
    if not any(s.peacekeeping for s in state.institutions.values()):
        idle.add(Effect.PEACEKEEPERS)
    if not any(share > 0 for share in state.occupation.values()):
        idle.add(Effect.NON_RECOGNITION)
    return frozenset(idle)


# effects whose legality depends on the target only through sparse data:
# checking each candidate would be O(n) per action, so filter from that data.
def _targets(world, state, nation, spec, pool, facts: _Facts, memo: dict):
    me = state.nations[nation]
    e = spec.effect
    lazy = pool.__class__ is Targets
    # each branch applies exactly the target rules of _effect_ok (the stage, the
    # target kind and forces at home for a committing action were checked by the
    # caller, _plan); test_legality checks they agree
    if e is ACCEPT_CEASEFIRE:
        return tuple(by for (by, to) in state.ceasefire_offers if to == nation)
    if e is PROPOSE_CEASEFIRE:
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
    if e is LIFT_SANCTIONS:
        if lazy:
            return facts.in_order(t for t in me.sanctioning if t != nation)
        return tuple(t for t in pool if t in me.sanctioning)
    if e is DEFEND:
        return tuple(v for v, atk in state.under_attack.items() if v != nation
                     and nation not in atk)
    if e is LIBERATE:  # the rules of _liberation_ok, for every occupied land
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
    if e is REQUEST_HELP:
        attackers = _attackers_of(state, nation)
        if not attackers:
            return ()
        if lazy:
            return Targets(facts, nation, frozenset(attackers).union(
                t for (v, t) in state.requests if v == nation))
        return tuple(t for t in pool if t not in attackers
                     and (nation, t) not in state.requests)
    if e is PEACEKEEPERS:
        hosts = memo.get("hosts")
        if hosts is None:
            hosts = memo["hosts"] = {h for s in state.institutions.values()
                                     for h in s.peacekeeping}
        if not hosts:
            return ()
        if lazy:
            return facts.in_order(t for t in hosts if t != nation)
        return tuple(t for t in pool if t in hosts)
    if e is NON_RECOGNITION:  # the rules of legal._recognition_ok
        holders = memo.get("holders")
        if holders is None:
            holders = memo["holders"] = facts.in_order(
                {o for (o, _), share in state.occupation.items() if share > 0})
        if not holders:
            return ()
        refused = {o for by, o in state.not_recognised if by == nation}
        return tuple(o for o in holders if o != nation and o not in refused)
    if not me.sanctioning:
        return pool
    if e is SANCTION:
        if lazy:
            return Targets(facts, nation, frozenset(
                t for t, bite in me.sanctioning.items() if bite >= spec.magnitude))
        return tuple(t for t in pool if me.sanctioning.get(t, 0) < spec.magnitude)
    if e is AID:
        if lazy:
            return Targets(facts, nation, frozenset(me.sanctioning))
        return tuple(t for t in pool if t not in me.sanctioning)
    return pool
