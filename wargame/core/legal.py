"""Which orders a government may give now, and why the others are refused."""

from __future__ import annotations

from dataclasses import dataclass

from .actions import MEASURE_NOUN, ActionSpec, Effect, Measure, Order, Target
from .errors import IllegalOrder
from .membership import MEMBERS_ONLY, allies, is_active, is_member
from .model import ClauseKind, World, assemblies_of
from .state import GameState, pair

# The enum members check_all and _offered compare with, read once: in Python 3.11 each
# ``Effect.TABLE`` in a function goes through EnumType.__getattr__'s hook (hundreds of
# instructions and an allocation); a module name is one load.
ACCEPT_CEASEFIRE, READINESS, SANCTION, TABLE = (
    Effect.ACCEPT_CEASEFIRE, Effect.READINESS, Effect.SANCTION, Effect.TABLE)
TO_INSTITUTION, TO_NONE = Target.INSTITUTION, Target.NONE

MEASURE_CLAUSE = {
    Measure.SANCTIONS: ClauseKind.SANCTIONS,
    Measure.USE_OF_FORCE: ClauseKind.USE_OF_FORCE,
    Measure.PEACEKEEPING: ClauseKind.PEACEKEEPING,
    Measure.SUSPEND: ClauseKind.SUSPENSION,
    Measure.EXPEL: ClauseKind.EXPULSION,
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
    member = is_member(world, state, inst.id, order.nation)
    if not member and spec.effect is not Effect.MEETING:
        raise _fail(order, f"{world.name_of(order.nation)} is not a member of {inst.name}")
    if member and not is_active(world, state, inst.id, order.nation):
        raise _fail(order, f"{world.name_of(order.nation)} is suspended from {inst.name}")
    if spec.effect is Effect.NOTICE:
        _notice_ok(world, state, order, inst)
    if spec.effect is Effect.TABLE and order.nation in state.institutions[inst.id].boycotting:
        raise _fail(order, f"{world.name_of(order.nation)} is boycotting {inst.name}: it "
                           "tables nothing there until it returns (a vote there ends the "
                           "boycott)")
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


def _notice_ok(world: World, state: GameState, order: Order, inst) -> None:
    """A notice of withdrawal: only where the treaty provides one (League Covenant
    Art. 1(3); the UN Charter has no withdrawal clause), and once."""
    if not inst.withdrawal_notice_days:
        raise _fail(order, f"{inst.name}'s treaty provides for no withdrawal: a member "
                           "cannot give notice (this campaign gives it no "
                           "withdrawal_notice_days)")
    due = state.institutions[inst.id].notices.get(order.nation)
    if due:
        raise _fail(order, f"you have already given notice: you leave {inst.name} at the "
                           f"end of round {due}")


def holds_conquest(state: GameState, nation: str) -> bool:
    """Whether ``nation`` holds land of another state taken by force."""
    return any(o == nation and share > 0 for (o, _), share in state.occupation.items())


def names_no_state(spec: ActionSpec) -> bool:
    """An action aimed at an institution alone (a consultation, a meeting): it takes
    no target, so the resolution pushes no tension for it, whatever its escalation
    figure (a draft names the state it concerns, so tabling one does)."""
    return spec.target is Target.INSTITUTION and spec.effect is not Effect.TABLE


# measures taken against the state a draft names: no state tables them against itself
AGAINST = {Measure.CONDEMN, Measure.SANCTIONS, Measure.USE_OF_FORCE, Measure.SUSPEND,
           Measure.REFER, Measure.EXPEL, Measure.NON_RECOGNITION}


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
    if measure in MEMBERS_ONLY and not is_member(world, state, inst.id, order.target):
        raise _fail(order, f"{world.name_of(order.target)} is not a member of {inst.name}")
    if measure is Measure.NON_RECOGNITION:
        _recognition_ok(world, state, order, inst.id)
    _charter_ok(world, state, order, inst, measure)
    if measure is Measure.USE_OF_FORCE:
        needs = any(c.requires_sanctions_tried for c in inst.clauses_of(ClauseKind.USE_OF_FORCE))
        if needs and order.target not in state.institutions[inst.id].sanctions_on:
            raise _fail(order, f"{inst.name} must try sanctions against "
                               f"{world.name_of(order.target)} before it can authorise force "
                               "(this campaign's rule: a simplification of UN Charter Art. 42)")


def _recognition_ok(world: World, state: GameState, order: Order, by: str) -> None:
    """A refusal to recognise conquests needs a conquest, and is made once by each."""
    name = world.name_of(order.target)
    if not holds_conquest(state, order.target):
        raise _fail(order, f"{name} holds no land taken by force: there is no conquest to "
                           "refuse to recognise")
    if (by, order.target) in state.not_recognised:
        raise _fail(order, f"{world.name_of(by)} already refuses to recognise {name}'s "
                           "conquests")


COLLECTIVE_MEASURES = (Measure.SANCTIONS, Measure.USE_OF_FORCE, Measure.PEACEKEEPING)
"""What an assembly may recommend only on a matter referred to it (Uniting for Peace)."""


def _charter_ok(world: World, state: GameState, order: Order, inst, measure: Measure) -> None:
    """Chapter VIII, Uniting for Peace and the procedural referral."""
    from .clauses import referred, regional_force_ok, vetoed_on

    name = world.name_of(order.target)
    if measure is Measure.USE_OF_FORCE and not regional_force_ok(world, state, inst.id,
                                                                 order.target):
        council = world.institution[inst.regional_of]
        raise _fail(order, f"{inst.name} is a regional arrangement: it may take enforcement "
                           f"action against {name} only with the authorisation of "
                           f"{council.name}, which has not authorised force against {name} "
                           "(UN Charter Art. 53(1)); its members may still defend a victim "
                           "that asks them (Art. 51)")
    if measure is Measure.REFER:
        if not assemblies_of(world, inst.id):
            raise _fail(order, f"{inst.name} has no assembly to refer a matter to (no "
                               "institution in this campaign takes its referrals: "
                               "uniting_for_peace)")
        if not vetoed_on(state, inst.id, order.target):
            raise _fail(order, f"{inst.name} has not failed to act on {name}: a matter goes "
                               "to the General Assembly under Uniting for Peace (GA Res. "
                               "377A(V)) once a veto has blocked a draft concerning it")
        if any(referred(world, state, a.id, order.target)
               for a in assemblies_of(world, inst.id)):
            raise _fail(order, f"the matter of {name} has already been referred")
    if inst.refers_from and measure in COLLECTIVE_MEASURES and not referred(
            world, state, inst.id, order.target):
        council = world.institution[inst.refers_from]
        raise _fail(order, f"{inst.name} may recommend {MEASURE_NOUN[measure]} against "
                           f"{name} only once {council.name}, blocked by a veto, has referred "
                           "the matter to it (Uniting for Peace, GA Res. 377A(V); UN Charter "
                           "Art. 12(1))")


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
    if spec.target is Target.ALLY and order.target not in allies(world, state, me):
        raise _fail(order, f"{world.name_of(order.target)} is not your ally: you share no "
                           "alliance or consultation pact")


def _effect_ok(world: World, state: GameState, order: Order, spec: ActionSpec) -> None:
    e = spec.effect
    me, t = state.nations[order.nation], order.target
    if e is Effect.ACCEPT_CEASEFIRE:
        if (t, order.nation) not in state.ceasefire_offers:
            raise _fail(order, f"{world.name_of(t)} has not proposed a ceasefire to you")
    elif e is Effect.PROPOSE_CEASEFIRE:
        if pair(order.nation, t) not in state.tension:
            raise _fail(order, f"there is no dispute between you and {world.name_of(t)} to "
                               "cease")
        if state.round >= world.rounds_limit:
            raise _fail(order, "this is the last round: a ceasefire offered now could not be "
                               "accepted before the game ends")
    elif e is Effect.SANCTION:
        if me.sanctioning.get(t, 0) >= spec.magnitude:
            raise _fail(order, "you already impose sanctions at least this strong on "
                               f"{world.name_of(t)}")
    elif e is Effect.LIFT_SANCTIONS:
        if t not in me.sanctioning:
            raise _fail(order, f"you impose no sanctions on {world.name_of(t)}")
    elif e is Effect.AID:
        if t in me.sanctioning:
            raise _fail(order, f"you cannot aid {world.name_of(t)} while you sanction it")
    elif e is Effect.READINESS:
        if me.readiness >= spec.magnitude:
            raise _fail(order, "your forces are already at that readiness or higher")
    elif e is Effect.NON_RECOGNITION:
        _recognition_ok(world, state, order, order.nation)
    elif e is Effect.DEFEND:
        if t not in state.under_attack:
            raise _fail(order, f"{world.name_of(t)} is not under armed attack")
        if order.nation in state.under_attack.get(t, ()):
            raise _fail(order, f"you are the one attacking {world.name_of(t)}")
    elif e is Effect.LIBERATE:
        _liberation_ok(world, state, order, world.name_of(t) if t else "")
    elif e is Effect.REQUEST_HELP:
        attackers = _attackers_of(state, order.nation)
        if not attackers:
            raise _fail(order, "you are not the victim of an armed attack: only a victim may "
                               "ask for help in its self-defence (UN Charter Art. 51)")
        if t in attackers:
            raise _fail(order, f"{world.name_of(t)} is the state attacking you")
        if (order.nation, t) in state.requests:
            raise _fail(order, f"you have already asked {world.name_of(t)} for help")
    elif e is Effect.PEACEKEEPERS:
        if not any(t in s.peacekeeping for s in state.institutions.values()):
            raise _fail(order, f"no institution has mandated peacekeeping in "
                               f"{world.name_of(t)}")
    elif e is Effect.STAND_DOWN:
        if not (me.readiness or me.deployed or _occupying(state, me.id)):
            raise _fail(order, "you have nothing to stand down: normal readiness, no forces "
                               "abroad")
    elif e is Effect.SPENDING:
        if me.spending + spec.magnitude > MAX_SPENDING:
            raise _fail(order, f"defence spending cannot exceed {MAX_SPENDING:g}% of GDP")
    if e in COMMITTING and available_forces(me) <= 0:  # after the rules of its effect
        raise _fail(order, "you have no forces left at home to commit: they are all "
                           "stationed abroad or holding land")


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
    if not ns.deployed and not ns.garrisons:  # the usual case: nothing abroad
        return max(0.0, ns.military)
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


def check_all(world: World, state: GameState, orders: list[Order],
              offered: list[Option] | tuple[list, dict] | None = None) -> None:
    """Check one state's orders for a round, alone and together. ``offered``: the
    options made for that state in this very state of the game (the game keeps those
    of its views), as a list or as :func:`wargame.core.offers.offered` finds them by
    action id: an order one of them allows is legal alone but for its forces, as
    the options are exactly the orders :func:`check` allows
    (tests/property/test_options_exact.py)."""
    if len(orders) > world.orders_per_round:
        raise IllegalOrder(f"at most {world.orders_per_round} orders a round; you gave "
                           f"{len(orders)}")
    seen: set[tuple] = set()
    effects: dict[Effect, list[Order]] = {}  # by member: reading an Enum's value is slow
    at = index = None  # the offered options by place, and each action's place
    if offered is not None and orders:
        if offered.__class__ is tuple:
            at, index = offered
        else:
            at, index = offered, {o.action.id: k for k, o in enumerate(offered)}
    actions = world.actions
    chosen = 0  # the forces the orders commit, summed in their order
    for order in orders:
        k = None if index is None else index.get(order.action)
        if k is None or not _offered(world, order, at[k]):
            check(world, state, order)
        key = (order.action, order.target, order.institution, order.measure)  # key()
        if key in seen:
            raise _fail(order, f"the same order twice: {actions[order.action].name}")
        seen.add(key)
        effects.setdefault(actions[order.action].effect, []).append(order)
        if order.forces:
            chosen += order.forces
    if len(effects.get(READINESS, ())) > 1:
        raise IllegalOrder("one readiness change a round")
    if chosen > 1 + 1e-9:
        raise IllegalOrder(f"your orders commit {100 * chosen:.0f}% of your forces: at most "
                           "all of them (100%) can fight in one round")
    # the orders of one round that rule each other out: only where such effects are given
    if SANCTION in effects:
        _sanctions_ok(world, orders, effects)
    if ACCEPT_CEASEFIRE in effects:
        truce = {o.target for o in effects[ACCEPT_CEASEFIRE]}
        for kind in (Effect.STRIKE, Effect.INVADE, Effect.BLOCKADE):
            for o in effects.get(kind, ()):
                if o.target in truce:
                    verb = "blockade" if kind is Effect.BLOCKADE else "attack"
                    raise _fail(o, f"you cannot accept a ceasefire with "
                                   f"{world.name_of(o.target)} and {verb} it in the same round")


def _offered(world: World, order: Order, option: Option | None) -> bool:
    """Whether ``option``, offered for the order's action (None: none was), allows
    ``order`` (its forces checked here); a draft is left to :func:`check` (its
    legality also turns on its measure)."""
    if option is None:
        return False
    spec = option.action
    kind = spec.target
    if kind is TO_NONE:
        ok = not order.target
    elif kind is TO_INSTITUTION:  # an institution, and no state named
        ok = (spec.effect is not TABLE and not order.target
              and order.institution in option.institutions)
    else:  # a state (the check reads no institution for it)
        ok = order.target in option.targets
    if ok:
        _forces_ok(world, order, spec)
    return ok


def _sanctions_ok(world: World, orders: list[Order], effects: dict) -> None:
    """Sanctions among one round's orders: one kind per target, none lifted or aid
    given to the same target at once."""
    sanctioned = {o.target for o in effects[Effect.SANCTION]}
    if len(sanctioned) != len(effects[Effect.SANCTION]):
        raise IllegalOrder("one kind of sanctions per target a round")
    for o in effects.get(Effect.LIFT_SANCTIONS, ()):
        if o.target in sanctioned:
            raise _fail(o, "you cannot impose and lift sanctions on the same state at once")
    # aid to a state the same order set sanctions: the same refusal as aid to a state
    # already under your sanctions (_effect_ok), whichever order comes first
    aided = {o.target for o in effects.get(Effect.AID, ())}
    for o in orders:  # the later of the two orders is the one refused
        if o.target in sanctioned and o.target in aided and world.actions[o.action].effect in (
                Effect.AID, Effect.SANCTION):
            first = next(p for p in orders if p.target == o.target and world.actions[
                p.action].effect in (Effect.AID, Effect.SANCTION))
            if first is not o:
                raise _fail(o, f"you cannot aid {world.name_of(o.target)} while you "
                               "sanction it")


def options(world: World, state: GameState, nation: str,
            memo: dict | None = None) -> list[Option]:
    """Every action ``nation`` may order now, each with its legal targets: see
    :func:`wargame.core.offers.options`, which makes them from these rules."""
    from .offers import options as offered

    return offered(world, state, nation, memo)


def _measures(world: World, inst: str) -> tuple[str, ...]:
    institution = world.institution[inst]
    return tuple(m.value for m in Measure
                 if (MEASURE_CLAUSE.get(m) is None or institution.has(MEASURE_CLAUSE[m]))
                 and (m is not Measure.REFER or assemblies_of(world, inst)))


def _legal(world: World, state: GameState, order: Order) -> bool:
    try:
        check(world, state, order)
    except IllegalOrder:
        return False
    return True
