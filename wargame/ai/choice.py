"""Building a legal set of orders from a view's options, without the game state.

The engine checks a state's orders alone and together (:func:`wargame.core.legal.check_all`);
a policy sees only its view, so :class:`OrderSet` applies the same combination
rules to options the view says are legal: at most ``orders_per_round`` orders, no
order twice, one readiness change, one kind of sanctions per target, never impose
and lift sanctions on one state at once, never accept a ceasefire and attack or
blockade the same state in one round.

A draft's measure must also suit its institution (``Option.measures`` lists every
measure for every institution): :meth:`OrderSet.draft_ok` applies the rules of
:func:`wargame.core.legal.check` for drafts from the world and the view.
"""

from __future__ import annotations

from ..core.actions import Effect, Measure, Order
from ..core.legal import AGAINST, COLLECTIVE_MEASURES, COMMITTING, MEASURE_CLAUSE, Option
from ..core.membership import MEMBERS_ONLY
from ..core.model import ClauseKind, World
from ..core.plain import maker
from ..core.view import View

# The enum members the functions below use every round, read once: in Python 3.11 each
# ``Measure.REFER`` in a function goes through EnumType.__getattr__'s hook (hundreds of
# instructions and an allocation); a module name is one load.
NON_RECOGNITION, MEASURE_USE_OF_FORCE, REFER = (Measure.NON_RECOGNITION, Measure.USE_OF_FORCE,
                                                Measure.REFER)
READINESS, TABLE = Effect.READINESS, Effect.TABLE

_order = maker(Order)  # Order(**given), made at once
TRUCE_BREAKERS = (Effect.STRIKE, Effect.INVADE, Effect.BLOCKADE)  # not with accepting one


def _both_ways(pairs) -> frozenset[tuple[Effect, Effect]]:
    return frozenset(pairs) | frozenset((b, a) for a, b in pairs)


# (effect of an order chosen, effect of a new one) that may not name the same target:
# two kinds of sanctions, imposing and lifting sanctions, aid to a state it sanctions
# (the core refuses it), accepting a ceasefire and breaking it
CLASHES = _both_ways([(Effect.SANCTION, Effect.SANCTION),
                      (Effect.SANCTION, Effect.LIFT_SANCTIONS),
                      (Effect.SANCTION, Effect.AID)]
                     + [(Effect.ACCEPT_CEASEFIRE, b) for b in TRUCE_BREAKERS])


_MEASURES = {m.value: m for m in Measure}  # Measure(text), without the exception
def _strength(o: Option) -> tuple:
    return (o.action.magnitude, o.action.escalation, o.action.id)


class OrderSet:
    def __init__(self, view: View, most: int, world: World | None = None):
        self.view = view
        self.world = world
        self.nation = view.nation
        self.most = most
        self.orders: list[Order] = []
        # effect -> its option; the effects several options share (sanctions,
        # readiness...) -> all of them, in the view's order: no list for the others
        one: dict[Effect, Option] = {}
        many: dict[Effect, list[Option]] = {}
        for opt in view.options:
            e = opt.action.effect
            if e in one:
                if e in many:
                    many[e].append(opt)
                else:
                    many[e] = [one[e], opt]
            else:
                one[e] = opt
        self._one = one
        self._many = many
        self._keys: list[tuple] = []  # the orders' Order.key(), in order
        self._effects: list[Effect] = []  # and their effects
        self._views: dict | None = None  # institution id -> its view (draft_ok)
        self._ranked: dict[Effect, list[Option]] = {}  # effect -> its options, weakest first

    # ------------------------------------------------------------ queries
    def options(self, effect: Effect) -> list[Option]:
        """The options with ``effect``, in the view's order (read it, do not change it)."""
        if effect in self._many:
            return self._many[effect]
        o = self._one.get(effect)
        return [] if o is None else [o]

    def option(self, effect: Effect, target: str = "", institution: str = "",
               strongest: bool = False, magnitude: float | None = None) -> Option | None:
        """The legal option with ``effect`` that accepts this target/institution.

        Several actions may share an effect (targeted, financial sanctions,
        embargo): the weakest is returned unless ``strongest``, or the one of
        ``magnitude`` when given.
        """
        listed = self._many.get(effect) if self._many else None
        if listed is None:  # the usual case: one option has this effect
            o = self._one.get(effect)
            if o is not None and ((not target or target in o.targets)
                                  and (not institution or institution in o.institutions)
                                  and (magnitude is None or o.action.magnitude == magnitude)):
                return o
            return None
        ranked = self._ranked.get(effect)
        if ranked is None:  # weakest first (action ids differ: no ties), once a set
            ranked = self._ranked[effect] = sorted(listed, key=_strength)
        for o in (reversed(ranked) if strongest else ranked):  # the first that fits
            if ((not target or target in o.targets)
                    and (not institution or institution in o.institutions)
                    and (magnitude is None or o.action.magnitude == magnitude)):
                return o
        return None

    def draft_ok(self, institution: str, measure: str, target: str) -> bool:
        """Whether a draft of ``measure`` on ``target`` may be tabled in ``institution``."""
        if self.world is None:
            return True
        inst = self.world.institution.get(institution)
        m = _MEASURES.get(measure)
        if m is None or inst is None or target not in self.world.nation:
            return False
        kind = MEASURE_CLAUSE.get(m)
        if kind is not None and not inst.has(kind):
            return False
        views = self._views
        if views is None:
            views = self._views = {i.id: i for i in self.view.institutions}
        iv = views[institution]
        if m in MEMBERS_ONLY and target not in iv.members:
            return False
        if m in AGAINST and target == self.view.nation:
            return False
        if m is NON_RECOGNITION and (target in iv.not_recognising or not any(
                h.occupier == target for h in self.view.war.holdings)):
            return False  # legal._recognition_ok
        if m is MEASURE_USE_OF_FORCE and inst.regional_of and \
                target not in views[inst.regional_of].force_on:
            return False  # UN Charter Art. 53(1)
        if m is REFER and (target not in iv.blocked or target in iv.referred):
            return False
        if inst.refers_from and m in COLLECTIVE_MEASURES and target not in iv.referred:
            return False  # Uniting for Peace: only on a referred matter
        if m is MEASURE_USE_OF_FORCE and any(
                c.requires_sanctions_tried for c in inst.clauses_of(ClauseKind.USE_OF_FORCE)):
            iv = next(i for i in self.view.institutions if i.id == institution)
            return target in iv.sanctions_on
        return True

    def committed(self) -> float:
        """The shares of the forces the orders so far name."""
        return sum(o.forces for o in self.orders if o.forces)

    def full(self) -> bool:
        return len(self.orders) >= self.most

    # ------------------------------------------------------------ adding
    def add(self, option: Option | None, target: str = "", institution: str = "",
            measure: str = "", forces: float = 0.0) -> bool:
        """Add the order if it is legal now and with the orders already chosen.

        ``forces``: the share of the available forces the order commits (0: the
        action's default); the named shares never add up to more than 1."""
        if option is None or len(self.orders) >= self.most:
            return False
        spec = option.action
        if target and target not in option.targets:
            return False
        if not target and option.targets:
            return False
        if institution and institution not in option.institutions:
            return False
        if not institution and option.institutions:
            return False
        if measure and measure not in option.measures:
            return False
        if spec.effect is TABLE and not self.draft_ok(institution, measure, target):
            return False
        effect = spec.effect
        if forces and (effect not in COMMITTING or not 0 < forces <= 1):
            forces = 0.0
        if forces and self.committed() + forces > 1.0 + 1e-9:
            forces = round(max(0.0, 1.0 - self.committed()), 3)
            if forces <= 0.0:
                return False
        key = (spec.id, target, institution, measure)  # Order.key()
        if not self._compatible(key, effect):
            return False
        self.orders.append(_order(nation=self.nation, action=spec.id, target=target,
                                  institution=institution, measure=measure,
                                  forces=round(forces, 3)))
        self._keys.append(key)
        self._effects.append(effect)
        return True

    def _compatible(self, key: tuple, effect: Effect) -> bool:
        """Whether an order of ``key`` (Order.key()) and ``effect`` may join those chosen."""
        target = key[1]
        for k, e in zip(self._keys, self._effects):
            if k == key:
                return False
            if effect is READINESS and e is READINESS:
                return False
            if k[1] == target and (e, effect) in CLASHES:
                return False
        return True

    def has(self, effect: Effect, target: str | None = None) -> bool:
        return any(e is effect and (target is None or o.target == target)
                   for o, e in zip(self.orders, self._effects))
