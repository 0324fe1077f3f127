"""The default computer player: a government with a temperament, a stance and interests.

Each round it reads its view (:class:`~wargame.ai.reading.Reading`), scores
candidate orders with its personality (aggression, risk tolerance, loyalty,
multilateralism, free riding, its stance on enforcement) and its objectives, and
gives the best ones that are legal together. The judgements, in the order a
government would make them:

* **aggression** (:mod:`wargame.ai.aggressor`): a revisionist probes, grabs a
  limited share of land where the answer looks weak, digs in or withdraws;
* **security**: readiness, and consultation once when threatened;
* **alliance** (:mod:`wargame.ai.allies`): obligations honoured with forces in
  proportion to capacity and temperament, counter-offensives to free an ally's land,
  answers to requests for help (Art. 51), coalitions under an authorisation it voted
  for, reassurance of threatened allies;
* **pressure** on aggressors: condemnation, drafts in institutions (foreseeing a
  veto with the engine's own :func:`~wargame.core.rules.decide`), sanctions; only
  for a cause (an attack, or hostile acts against itself or a friend);
* **peace**: ceasefires where there is fighting, mediation, standing down, lifting
  sanctions;
* **burden sharing**: defence spending, unless it free-rides;
* **its word**: orders that keep the commitments it made (:mod:`wargame.ai.talks`).

Votes are in :mod:`wargame.ai.votes`, answers and proposals in :mod:`wargame.ai.talks`.
Every judgement gets a little noise from the state's own random source (more at
``easy``), plus one persistent misjudgement of risk drawn at the start of the game.
Each order carries a one-line reason (:meth:`DefaultPolicy.reasons`).
"""

from __future__ import annotations

import random
from functools import partial
from operator import itemgetter

from ..core.actions import Effect, Measure, Order
from ..core.clauses import motion_of
from ..core.model import ClauseKind, ObjectiveKind as K, World
from ..core.perworld import per_world
from ..core.rules import Vote, decide
from ..core.view import View
from .aggressor import Revisionist
from .allies import Defender
from .base import Difficulty, Policy
from .choice import OrderSet
from .estimate import STRENGTH_FACTOR, expected_response, own_power, public_power
from .reading import Memory, Reading
from .talks import Diplomacy
from .votes import Merits

# The enum members the functions below use every round, read once: in Python 3.11 each
# ``Effect.TABLE`` in a function goes through EnumType.__getattr__'s hook (hundreds of
# instructions and an allocation); a module name is one load.
(CONSULT, MEDIATE, NOTICE, PROPOSE_CEASEFIRE, READINESS, SANCTION, SPENDING, STAND_DOWN,
 TABLE) = (Effect.CONSULT, Effect.MEDIATE, Effect.NOTICE, Effect.PROPOSE_CEASEFIRE,
           Effect.READINESS, Effect.SANCTION, Effect.SPENDING, Effect.STAND_DOWN, Effect.TABLE)
EFFECT_CONDEMN = Effect.CONDEMN
AVOID_WAR, CRISIS_RESOLVED, LOW_COSTS = K.AVOID_WAR, K.CRISIS_RESOLVED, K.LOW_COSTS
CLAUSE_EXPULSION, CLAUSE_SANCTIONS, CLAUSE_SUSPENSION, CLAUSE_USE_OF_FORCE = (
    ClauseKind.EXPULSION, ClauseKind.SANCTIONS, ClauseKind.SUSPENSION, ClauseKind.USE_OF_FORCE)
# the measures a draft may propose, as the draft spells them (Measure values)
CONDEMN, EXPEL, REFER, SANCTIONS, SUSPEND, USE_OF_FORCE = (
    Measure.CONDEMN.value, Measure.EXPEL.value, Measure.REFER.value, Measure.SANCTIONS.value,
    Measure.SUSPEND.value, Measure.USE_OF_FORCE.value)

_POSITIONS: dict[int, tuple] = {}


def _positions(world: World) -> tuple[dict[str, int], dict[str, int]]:
    """Where each state and institution stands in a view (world order), shared by
    every policy of a world (read only)."""
    return per_world(_POSITIONS, world, lambda w: (
        {n.id: i for i, n in enumerate(w.nations)},
        {inst.id: i for i, inst in enumerate(w.institutions)}))


_PASSABLE: dict[int, tuple] = {}


def _passable(world: World) -> dict[tuple[str, str, str], bool]:
    """Whether a draft could pass with every member but its target for it, by
    (institution, measure, target): the same for every policy of a world."""
    return per_world(_PASSABLE, world, lambda w: {})


_BONDS: dict[int, tuple] = {}


def _bonds(world: World, nation: str) -> tuple:
    """(partners, disputes, excluded, excluded in order) of ``nation``,
    from the world's treaties and the disputes the crisis began with alone: made once
    per world and state, shared by every policy of that state (read only).

    * partners: the allies it is bound to defend -> the strongest clause covering each;
    * disputes: ally -> (other state, level) of the disputes the crisis began with that
      count in its threat (the other is neither this state nor its partner), in order;
    * excluded: whose hostile acts and disputes do not count in an ally's threat:
      itself and its partners; states alike in this share their threat estimates."""
    table = per_world(_BONDS, world, lambda w: {})
    found = table.get(nation)
    if found is None:
        found = table[nation] = _find_bonds(world, nation)
    return found


def _find_bonds(world: World, nation: str) -> tuple:
    partners: dict[str, Strength] = {}
    for iid in world.member_of[nation]:
        inst = world.institution[iid]
        for c in inst.clauses_of(ClauseKind.COLLECTIVE_DEFENCE):
            for m in inst.members:
                if m != nation and inst.scope.covers(world.nation[m].region):
                    old = partners.get(m)
                    if old is None or STRENGTH_FACTOR[c.strength] > STRENGTH_FACTOR[old]:
                        partners[m] = c.strength
    disputes: dict[str, list[tuple[str, float]]] = {}
    for a, b, level in world.start_tensions:
        for ally, other in ((a, b), (b, a)):
            if other and other != nation and other not in partners:
                disputes.setdefault(ally, []).append((other, level))
    excluded = frozenset(partners) | {nation}
    return partners, disputes, excluded, sorted(excluded)


_NAMES: dict[int, dict] = {}


def _names(world: World) -> dict[str, str]:
    """id -> name of the world's states and institutions as reasons write them, filled
    in as asked (:meth:`DefaultPolicy._n`): the same for every policy of a world."""
    return per_world(_NAMES, world, lambda w: {})


# the reason of an order given without one, by its kind (the ``why`` of add)
_DEFAULT_REASONS = {"honour": "an obligation it honours", "keep": "a promise it made",
                    "attack": "its objectives", "prepare": "readiness before a grab"}

Candidate = tuple  # (utility, order, option, target, institution, measure, why, forces, reason)
_utility = _first = itemgetter(0)  # (sorts with reverse=True stay stable: ties keep their order)
_second = itemgetter(1)


class DefaultPolicy(Revisionist, Defender, Merits, Diplomacy, Policy):
    name = "default"

    def __init__(self, world: World, nation: str, rng: random.Random,
                 difficulty: Difficulty = Difficulty.NORMAL):
        super().__init__(world, nation, rng, difficulty)
        me = world.nation[nation]
        self.p = me.personality  # its own personality only: others' are private
        self.trade = me.trade
        self.region = me.region
        self.memory = Memory(world, nation)
        self._state_pos, self._inst_pos = _positions(world)
        self.aversion = 1.0 - 0.8 * self.p.risk_tolerance
        self.bias = rng.gauss(0.0, self.skill.noise)  # a persistent misjudgement of risk
        self._noise = partial(rng.gauss, 0.0, self.skill.noise)  # _judge(), drawn at once
        # allies this state is bound to defend (ally -> strongest clause covering it),
        # and the rest of its bonds: made once per world and state (_bonds)
        (self.partners, self._disputes, self._excluded,
         self._excluded_order) = _bonds(world, nation)
        self.goal_met: dict[str, bool] = {}
        self.assessment: dict[str, float] = {}  # target -> utility of attacking it
        self.last: dict[tuple[str, str], int] = {}  # (what, target) -> round last ordered
        self.rejected: dict[str, str] = {}  # proposal id -> why it was rejected (explain)
        self.why: list[tuple[str, str, float]] = []  # last round: (action, target, utility)
        self._passable = _passable(world)  # (institution, measure, target) -> bool
        self.drafts_seen: dict[tuple[str, str, str], int] = {}  # (inst, measure, target) -> round
        self.garrisons_seen: dict[str, float] = {}  # land -> its garrison's strength there
        self.rivals: set[str] | None = None  # a rival alliance's members it quarrels with
        self._targets_kept: tuple | None = None  # (objectives, _targets made from them)
        self.voted_force: set[tuple[str, str]] = set()  # (institution, target) it voted force on
        self.notes: list[tuple[int, str, str, str]] = []  # (round, kind, about, reason)
        self._last_read: Reading | None = None
        self._names = _names(world)  # id -> name, for reasons (shared: names are public)
        self._objectives: tuple | None = None  # the objectives _points was made from
        self._points: dict = {}  # see Reading.points

    # ------------------------------------------------------------ plumbing
    def _read(self, view: View) -> Reading:
        """This round's reading of ``view``: built once per view (orders and proposals
        are chosen from the same view, and the memory has taken it in already)."""
        last = self._last_read
        if last is not None and last.view is view:
            return last
        self.memory.take_in(view)
        if view.objectives is not self._objectives:  # another state's, or a new world
            self._objectives, self._points = view.objectives, {}
        self._last_read = r = Reading(view, self.world, self.memory, self._state_pos,
                                      self._inst_pos, self._points)
        shared = self.memory.shared_memo()
        if shared is not None:  # one analysis of the round for every state alike
            threats = shared.get(("threats", self._excluded))
            if threats is not None and threats[0] is view.states and \
                    threats[1] is r.attacked and threats[2] == view.round:
                r.threats = threats[3]
            else:
                shared[("threats", self._excluded)] = (view.states, r.attacked, view.round,
                                                       r.threats)
        return r

    def recall(self, news: list, private: list, last_round: int) -> None:
        self.memory.recall(news, private, last_round)

    def _judge(self, scale: float = 1.0) -> float:
        """A judgement's noise, ``scale`` times the usual (:attr:`_noise` draws the
        usual without a call of this method: the busy judgements use that)."""
        return self.rng.gauss(0.0, self.skill.noise * scale)

    def _recent(self, what: str, target: str, rounds: int, now: int) -> bool:
        done = self.last.get((what, target))
        return done is not None and now - done <= rounds

    def _n(self, ident: str) -> str:
        found = self._names.get(ident)
        if found is None:
            found = self._names[ident] = self.world.name_of(ident) if ident else ""
        return found

    def note(self, r: Reading, about: str, text: str, kind: str = "decision") -> None:
        """Remember why it decided something that is not an order (a vote, a decline)."""
        self.notes.append((r.view.round, kind, about, text))
        del self.notes[:-60]

    def reasons(self) -> list[tuple[str, str, str]]:
        """Why it gave each of its last orders: (action id, target, one-line reason)."""
        return list(self.why_text)

    def orders(self, view: View) -> list[Order]:
        r = self._read(view)
        s = OrderSet(view, self.world.orders_per_round, self.world)
        cands: list[Candidate] = []

        def add(u: float, option, target: str = "", institution: str = "",
                measure: str = "", why: str = "", forces: float = 0.0,
                reason: str = "") -> None:
            if option is not None and u > 0:
                cands.append((u, len(cands), option, target, institution, measure, why,
                              forces, reason))

        culprits = self._culprits(r)
        occupying = self._occupation(r, s, add)
        self._aggression(r, s, add)
        self._security(r, s, add)
        self._alliance(r, s, add)
        self._requests(r, s, add)
        self._pressure(r, s, add, culprits)
        self._peace(r, s, add, culprits, occupying)
        self._burden(r, s, add)
        self._withdrawal(r, s, add)
        self.keep_commitments(r, s, add)
        cands.sort(key=_utility, reverse=True)  # stable: ties keep the order they came in
        given: list[tuple[str, str, float]] = []
        reasons: list[tuple[str, str, str]] = []
        self.why, self.why_text = given, reasons
        last, now, most = self.last, view.round, s.most
        for u, _, option, target, inst, measure, why, forces, reason in cands:
            if len(s.orders) >= most:  # s.full()
                break
            if s.add(option, target, inst, measure, forces):
                key = target or inst
                spec = option.action
                last[(why or spec.id, key)] = now
                last[(spec.effect._value_, key)] = now
                given.append((spec.id, key, round(u, 3)))
                reasons.append((spec.id, key, reason or _DEFAULT_REASONS.get(
                    why, "its interests, by its temperament")))
        return s.orders

    # ------------------------------------------------------------ threats
    def _culprits(self, r: Reading) -> dict[str, float]:
        """States acting against this state or its allies -> how gravely (0..1); once
        per reading (read it, do not change it)."""
        found = r.memo.get("culprits")
        if found is None:
            found = r.memo["culprits"] = self._find_culprits(r)
        return found

    def _find_culprits(self, r: Reading) -> dict[str, float]:
        me = self.nation
        out: dict[str, float] = {}
        for victim, attackers in r.attacked.items():
            grave = 1.0 if (victim == me or victim in self.partners) else \
                0.5 + 0.45 * self.p.stance.legalism  # a bystander, by its stance
            for a in attackers:
                if a != me and (grave >= 1.0 or self.ties(r, a) < 0.6):
                    out[a] = max(out.get(a, 0.0), grave)
        gravity = self._hostile_gravity()  # against it or a partner, by others
        if not out:  # no attacker counts: the gravities alone (each >= 0, so max(0.0, g)
            return gravity  # is g), the shared table itself: read only, like every culprits
        for a, g in gravity.items():
            out[a] = max(out.get(a, 0.0), g)
        return out

    def _hostile_gravity(self) -> dict[str, float]:
        """Actor -> the gravest of its hostile acts against this state or a partner (by
        a state it does not exclude against one it does), each act min(0.7, level / 40),
        the actors in the order they first act in the memory. Depends only on the
        memory and the states excluded: shared by the states alike while the memory is."""
        shared = self.memory.shared_memo()
        key = ("hostile gravity", self._excluded)
        if shared is not None:
            found = shared.get(key)
            if found is not None:
                return found
        found = {}
        ex = self._excluded
        for (a, t), h in self.memory.hostility.items():
            if t in ex and a not in ex:
                found[a] = max(found.get(a, 0.0), min(0.7, h / 40.0))
        if shared is not None:
            shared[key] = found
        return found

    def _own_power(self, r: Reading) -> float:
        """:func:`own_power` of its state in this reading (once per reading)."""
        found = r.memo.get("own power")
        if found is None:
            found = r.memo["own power"] = own_power(r.me)
        return found

    def _strong_acts(self) -> list[tuple[str, str, float]]:
        """(actor, target, level) of the hostility remembered at level 5 or more, in the
        memory's order: the same for every state while the memory is shared (then kept
        in the shared memo, a new one each round)."""
        shared = self.memory.shared_memo()
        if shared is not None:
            found = shared.get("strong acts")
            if found is not None:
                return found
        found = [(a, t, h) for (a, t), h in self.memory.hostility.items() if h >= 5.0]
        if shared is not None:
            shared["strong acts"] = found
        return found

    def _danger(self, r: Reading) -> tuple[float, str]:
        """How gravely this state itself is threatened, and by whom (once per reading)."""
        found = r.memo.get("danger")
        if found is None:
            found = r.memo["danger"] = self._find_danger(r)
        return found

    def _find_danger(self, r: Reading) -> tuple[float, str]:
        mine = None  # its own power, worked out only for a dispute that counts
        worst, by = 0.0, ""
        for other, t in r.tension.items():
            if t < 5:
                continue
            if mine is None:
                mine = self._own_power(r) or 1.0
            d = (t / 50.0) * public_power(r.state(other)) / mine
            if d > worst:
                worst, by = d, other
        attackers = r.attacked.get(self.nation, [])
        if attackers:
            worst, by = worst + 1.0, attackers[0]
        return min(worst, 3.0), by

    def _ally_threat(self, r: Reading, ally: str) -> float:
        """How gravely an ally is threatened: hostile acts seen against it, made
        graver by the readiness of those who commit them, or an armed attack (once
        per reading and ally: the memory does not change within a round)."""
        found = r.threats.get(ally)
        if found is None:
            found = r.threats[ally] = self._threat_to(r, ally)
        return found

    def _threatened_partners(self, r: Reading) -> list[tuple[float, str]]:
        """(threat, partner) for each of its partners threatened at 0.2 or more, in
        the partners' order (once per reading)."""
        found = r.memo.get("threatened partners")
        if found is None:
            self._threat_summary(r)  # from here r.threats holds every partner's
            known = r.threats
            found = r.memo["threatened partners"] = [
                (known[a], a) for a in self.partners if known[a] >= 0.2]
        return found

    def _worst_ally_threat(self, r: Reading) -> float:
        """The gravest threat to one of its partners (0 without partners)."""
        if not self.partners:
            return 0.0
        for t, a in self._threat_summary(r):
            if a != self.nation:
                return t
        return 0.0

    def _threat_summary(self, r: Reading) -> list[tuple[float, str]]:
        """The two gravest threats to the states it excludes (its partners and
        itself), as (threat, state), after putting every one of them in r.threats.
        Made from r.threats alone, so states that share that dict (_read) share this
        too: kept beside it in the shared memo, for as long as the same dict is
        handed out."""
        found = r.memo.get("threat summary")
        if found is not None:
            return found
        shared = self.memory.shared_memo()
        key = ("threat summary", self._excluded)
        if shared is not None:
            kept = shared.get(key)
            if kept is not None and kept[0] is r.threats:
                r.memo["threat summary"] = kept[1]
                return kept[1]
        known = r.threats
        missing = [a for a in self._excluded_order if a not in known]
        if missing:
            for a, t in zip(missing, self._threats_to(r, missing)):
                known[a] = t
        pairs = [(known[a], a) for a in self._excluded_order]
        found = r.memo["threat summary"] = sorted(pairs, key=_first, reverse=True)[:2]
        if shared is not None:
            shared[key] = (r.threats, found)
        return found

    def _threat_to(self, r: Reading, ally: str) -> float:
        return self._threats_to(r, (ally,))[0]

    def _threats_to(self, r: Reading, allies) -> list[float]:
        """How gravely each of ``allies`` is threatened (see _ally_threat), in one pass."""
        # what this reads: the memory's hostility (shared while the memory is), its
        # partners and itself (excluded), the disputes (by those), the public numbers
        # and the ledger: so it is shared by every state with the same (_read)
        ex, state, attacked = self._excluded, r.state, r.attacked  # ex: itself, partners
        hostility = self.memory.hostility_by_target()  # what r.hostility_to reads
        fade = self.memory.keep ** max(0, r.view.round - 1)  # of the disputes
        out = []
        for ally in allies:
            h, posture = 0.0, 0
            for a, v in hostility.get(ally, ()):
                if a not in ex:
                    h += v
                    ready = state(a).readiness
                    if ready > posture:
                        posture = ready
            disputes = self._disputes.get(ally)
            if disputes:  # the disputes the crisis began with
                for other, level in disputes:
                    h += level * fade
                    ready = state(other).readiness
                    if ready > posture:
                        posture = ready
            out.append(min(1.0, h / 30.0 + 0.2 * posture * (h > 0))
                       + (1.0 if ally in attacked else 0.0))
        return out

    def _cause(self, r: Reading, a: str) -> str:
        """The cause for pressing ``a``, in a few words."""
        for v, atk in sorted(r.attacked.items()):
            if a in atk:
                return f"{self._n(a)} attacked {self._n(v)}"
        return f"{self._n(a)}'s hostile acts against it or its allies"

    # ------------------------------------------------------------ own security
    def _security(self, r: Reading, s: OrderSet, add) -> None:
        p, now = self.p, r.view.round
        danger, by = self._danger(r)
        if danger < 0.1:
            return
        attacked = bool(r.attacked.get(self.nation))
        # (here and below: the option and the reason are looked up only for an order
        # worth giving, add takes none other; the judgement is drawn all the same)
        if r.me.readiness < 1:
            u = danger * 0.6 - 0.15 + self._noise()
            if u > 0:
                add(u, s.option(READINESS, magnitude=1), reason=f"threatened by {self._n(by)}")
        if r.me.readiness < 2 and (attacked or danger > 1.0):
            u = min(danger, 2.0) * 0.5 - 0.2 + self._noise()
            if u > 0:
                how = "attacked" if attacked else "gravely threatened"
                add(u, s.option(READINESS, magnitude=2), reason=f"{how} by {self._n(by)}")
        for opt in s.options(CONSULT):
            for iid in opt.institutions:
                if self.memory.consulted_since(iid, now - 3) or \
                        self._recent(opt.action.id, iid, 4, now):
                    continue  # the members are meeting already: once is enough
                u = (0.3 + p.multilateralism) * min(1.0, danger) - 0.3 + self._noise()
                if u > 0:
                    add(u, opt, institution=iid, reason=f"threatened by {self._n(by)}: "
                        f"consultations in {self._n(iid)}")
        if attacked:
            for opt in s.options(Effect.MEETING):
                for iid in opt.institutions:
                    u = p.multilateralism * 0.8 - 0.2
                    if self._recent(opt.action.id, iid, 3, now):
                        u -= 0.6
                    add(u + self._noise(), opt, institution=iid)

    # ------------------------------------------------------------ withdrawal
    def _withdrawal(self, r: Reading, s: OrderSet, add) -> None:
        """An aggressor a body has turned on (condemned, sanctioned, suspended, or bound
        its members to sanction) may give notice of withdrawal, as Japan did in March
        1933 after the Assembly adopted the Lytton report, and Italy in December 1937;
        a state that values institutions seldom does. Only where the treaty allows it
        (``withdrawal_notice_days``), so the option exists in few campaigns."""
        opts = s.options(NOTICE)
        me = self.nation
        if not opts or not any(me in atk for atk in r.attacked.values()):
            return
        p = self.p
        for iid in opts[0].institutions:
            iv = r.institution(iid)
            turned = (me in iv.sanctions_on or me in iv.suspended
                      or any(d.adopted and d.institution == iid and d.target == me
                             for d in r.view.decided)
                      or any(o.institution == iid and o.against == me
                             for o in r.view.obligations))
            if not turned:
                continue
            u = 0.6 * (1.0 - p.multilateralism) + 0.2 * p.aggression - 0.35
            add(u + self._judge(0.5), opts[0], institution=iid,
                reason=f"{self._n(iid)} has turned against it: notice of withdrawal")

    # ------------------------------------------------------------ pressure
    def _pressure(self, r: Reading, s: OrderSet, add, culprits: dict[str, float]) -> None:
        p, now = self.p, r.view.round
        low_costs = None  # r.weight(LOW_COSTS), read for the first sanctions weighed
        ranked = sorted(culprits.items(), key=_second, reverse=True)[:2]
        for a, sev in ranked:
            if a in self.partners:
                continue
            trade = self.trade.get(a, 0.0)
            opt = s.option(EFFECT_CONDEMN, target=a)
            u = (0.2 + 0.4 * p.multilateralism) * sev - 0.15 - 0.3 * trade
            if opt is not None and self._recent(opt.action.id, a, 3, now):
                u -= 0.5
            u += self._noise()
            if u > 0 and opt is not None:  # the reason only for an order add keeps
                add(u, opt, a, reason=self._cause(r, a))
            if sev < 0.3:
                continue  # a word or two of hostility is no cause for sanctions
            current = r.me.sanctioning.get(a, 0.0)
            want = 0.3 if sev < 0.9 else 0.6 if p.aggression < 0.5 else 1.0
            for opt in s.options(SANCTION):
                bite = opt.action.magnitude
                if bite <= current or bite > want or a not in opt.targets:
                    continue
                if low_costs is None:
                    low_costs = r.weight(LOW_COSTS)
                u = (sev * (0.3 + 0.3 * p.multilateralism + 0.2 * p.aggression)
                     * (1.0 if sev >= 0.9 else 0.5) * (0.5 + p.stance.interventionism)
                     - trade * bite * (2.0 + 4.0 * low_costs) * (0.5 + p.free_riding) - 0.25
                     - 0.1 * bite)
                u += self._noise()
                if u > 0:
                    add(u, opt, a, reason="sanctions: " + self._cause(r, a))
            self._table(r, s, add, a, sev)

    def _table(self, r: Reading, s: OrderSet, add, a: str, sev: float) -> None:
        opt = s.option(TABLE)
        if opt is None or a not in opt.targets:
            return
        p, now = self.p, r.view.round
        pending = {(d.institution, d.measure, d.target) for d in r.view.drafts}
        concerned = any(a in atk and (v == self.nation or v in self.partners)
                        for v, atk in r.attacked.items()) or sev >= 1.0
        institution, seen_at, last = self.world.institution, self.drafts_seen, self.last
        passable = self._passable  # see _could_pass
        grave = sev >= 0.9
        for iid in opt.institutions:
            iv = r.institution(iid)
            measure = CONDEMN
            if grave:
                kinds = institution[iid].kinds
                if CLAUSE_SANCTIONS in kinds and a not in iv.sanctions_on:
                    measure = SANCTIONS
                elif (CLAUSE_USE_OF_FORCE in kinds and a in iv.sanctions_on
                      and a not in iv.force_on and p.aggression + p.loyalty > 1.0):
                    measure = USE_OF_FORCE
                elif CLAUSE_SUSPENSION in kinds and iv.active(a):
                    measure = SUSPEND
                elif (CLAUSE_EXPULSION in kinds and a in iv.members
                      and a in iv.sanctions_on):  # Art. 16(4): after sanctions have failed
                    measure = EXPEL
            if sev >= 0.6 and a in iv.blocked and a not in iv.referred:
                measure = REFER  # a veto blocked it: Uniting for Peace
            if measure != CONDEMN and not s.draft_ok(iid, measure, a):
                measure = CONDEMN  # Chapter VIII, a matter not referred: a condemnation
            key = (iid, measure, a)
            seen = seen_at.get(key)
            done = last.get(("table:" + measure, iid + a))  # self._recent(..., 3, now)
            if (key in pending or (seen is not None and now - seen <= 3)
                    or (done is not None and now - done <= 3)):
                continue
            if self.skill.foresight and not (passable.get(key) or self._could_pass(*key)):
                continue
            u = p.multilateralism * sev * 0.9 - 0.3
            if not concerned:  # leave it to the victim and its allies to table
                u -= 0.25
            if measure == SANCTIONS:
                u -= self.trade.get(a, 0.0) * (0.5 + p.free_riding)
            u += self._noise()
            if u > 0:
                add(u, opt, a, iid, measure, why="table:" + measure,
                    reason=f"a draft on {measure.replace('_', ' ')}: " + self._cause(r, a))

    def _could_pass(self, iid: str, measure: str, target: str) -> bool:
        """Would the draft pass if everyone but its target voted for it? (The world's
        rules alone say: worked out once for every policy of the world.)"""
        key = (iid, measure, target)
        found = self._passable.get(key)
        if found is None:
            found = self._passable[key] = self._try_vote(iid, measure, target)
        return found

    def _try_vote(self, iid: str, measure: str, target: str) -> bool:
        inst = self.world.institution[iid]
        members = list(inst.members)
        votes = {m: Vote.YES for m in members}
        if target in votes:
            votes[target] = Vote.NO
        motion = motion_of(Measure(measure), target)
        return decide(inst.rule, members, votes, motion).adopted

    # ------------------------------------------------------------ peace
    def _peace(self, r: Reading, s: OrderSet, add, culprits: dict[str, float],
              occupying: bool = False) -> None:
        p, me, now = self.p, self.nation, r.view.round
        propose = s.options(PROPOSE_CEASEFIRE)
        # (read only where a ceasefire is weighed: most rounds offer none)
        war_weight = r.weight(AVOID_WAR, CRISIS_RESOLVED) \
            if propose or r.view.ceasefire_offers else 0.0
        for by in r.view.ceasefire_offers:
            opt = s.option(Effect.ACCEPT_CEASEFIRE, target=by)
            in_fight = (by in r.attacked.get(me, ()) or me in r.attacked.get(by, ())
                        or by in self.assessment or r.tension.get(by, 0.0) >= 25.0)
            if not in_fight or self.memory.in_truce(me, by):
                continue
            if by in self.assessment:  # the state it would attack
                u = 0.4 + war_weight - max(0.0, self.assessment[by])
                if self.goal_met.get(by):
                    u += 0.5
            else:
                lost = 100.0 - r.me.territory
                help_ = expected_response(self.world, r.institution, r.state, me, by) / (
                    public_power(r.state(by)) or 1.0)
                # a ceasefire freezes the occupation: the dearer, the more help is coming
                freeing = self.memory.freeing.get(me, -9) >= r.view.round - 2
                u = ((1.0 - p.aggression) * 0.5 + war_weight - 0.2
                     - lost / 100.0 * 3.0 * (0.5 + r.weight(K.KEEP_TERRITORY))
                     * min(2.0, 0.5 + help_) - (0.5 if freeing and lost > 0 else 0.0))
            u += self._noise()
            if u > 0:
                add(u, opt, by, reason=f"accept {self._n(by)}'s ceasefire offer")
        if propose:
            opt = propose[0]
            for t in self._fighting_with(r):
                if t not in opt.targets or t in r.view.ceasefire_offers or \
                        self.memory.in_truce(me, t):
                    continue
                holds_mine = any(h.occupier == t and h.land == me for h in r.view.war.holdings)
                if self.goal_met.get(t) or any(h.occupier == me and h.land == t
                                               for h in r.view.war.holdings):
                    u = 0.2 + war_weight + 0.3 * bool(self.goal_met.get(t)) \
                        - max(0.0, self.assessment.get(t, 0.0))
                    why = f"keep what it holds of {self._n(t)}: offer a ceasefire"
                elif me in r.attacked and t in r.attacked[me]:
                    odds = public_power(r.state(t)) / (self._own_power(r) or 1.0)
                    u = (self.aversion * 0.3 * min(2.0, odds) + war_weight
                         - 2.0 * r.weight(K.KEEP_TERRITORY) * holds_mine - 0.2)
                    why = f"stop the fighting with {self._n(t)}, which is stronger"
                else:
                    u = 0.3 + war_weight - 0.5 * p.aggression
                    why = f"end the fighting with {self._n(t)}"
                if self._recent(opt.action.id, t, 1, now):
                    u -= 0.3
                add(u + self._noise(), opt, t, reason=why)
        if culprits and not (me in r.attacked or any(me in atk for atk in r.attacked.values())):
            a = max(zip(culprits.values(), culprits))[1]  # the gravest (ties: greatest id)
            opt = s.option(MEDIATE, target=a)
            u = (p.multilateralism * (1.0 - p.aggression) * min(1.0, r.view.escalation / 40.0)
                 - 0.35)
            if opt is not None and self._recent(opt.action.id, a, 2, now):
                u -= 0.4
            add(u + self._noise(), opt, a, reason="mediate: the crisis is escalating")
        self._stand_down(r, s, add, culprits, occupying)
        for t, bite in r.me.sanctioning.items():
            if t in culprits or any(t in iv.sanctions_on for iv in r.view.institutions
                                    if iv.member):
                continue
            u = self.trade.get(t, 0.0) * 3.0 + (1.0 - p.aggression) * 0.2 - 0.3 + self._noise()
            if u > 0:
                add(u, s.option(Effect.LIFT_SANCTIONS, target=t), t)

    def _fighting_with(self, r: Reading) -> list[str]:
        """The states this state is at war with: an ongoing conflict between them (as
        attacker or victim), one holding the other's land, or a blockade lately."""
        me, out = self.nation, set()
        for c in r.view.war.conflicts:  # a helper leaves the ceasefire to the victim
            if not c.ended and me in (c.attacker, c.victim):
                out.add(c.victim if me == c.attacker else c.attacker)
        for h in r.view.war.holdings:
            if me in (h.occupier, h.land):
                out.add(h.land if h.occupier == me else h.occupier)
        for (a, t), when in self.memory.blockades.items():  # a blockade is force too
            if me in (a, t) and when >= r.view.round - 2:
                out.add(t if a == me else a)
        out.discard(me)
        return sorted(out)

    def _stand_down(self, r: Reading, s: OrderSet, add, culprits, occupying: bool) -> None:
        if occupying:
            return  # an occupier withdraws by its own reckoning (aggressor._occupation)
        opt = s.option(STAND_DOWN)
        if opt is None:
            return
        p = self.p
        danger, _ = self._danger(r)
        allies = self._worst_ally_threat(r)
        u = (1.0 - p.aggression) * 0.4 - danger - allies - 0.2
        if self.assessment and max(self.assessment.values()) > -0.2:
            u -= 0.5  # an aggressor keeps its forces ready
        add(u + self._noise(), opt, reason="no threat left: forces stand down")

    # ------------------------------------------------------------ burden sharing
    def _burden(self, r: Reading, s: OrderSet, add) -> None:
        if not self.partners:
            return
        opt = s.option(SPENDING)
        if opt is None:
            return
        p = self.p
        threat = self._worst_ally_threat(r)
        danger, _ = self._danger(r)
        norm = 2.0
        u = (p.loyalty * (1.0 - p.free_riding) * (0.2 + min(1.0, threat + danger))
             - 0.3 - 0.15 * max(0.0, r.me.spending - norm) - (0.3 if r.me.support < 45 else 0.0))
        if self._recent(opt.action.id, "", 1, r.view.round):
            u -= 0.3
        add(u + self._noise(), opt, reason="burden sharing: its alliance is threatened")
