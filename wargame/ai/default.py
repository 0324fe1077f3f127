"""The default computer player: a government with a temperament and interests.

Each round it reads its view (:class:`~wargame.ai.reading.Reading`), scores
candidate orders with its personality (aggression, risk tolerance, loyalty,
multilateralism, free riding) and its objectives, and gives the best ones that
are legal together. The judgements, in the order a government would make them:

* **aggression** (:meth:`DefaultPolicy._aggression`): for each state it has a
  reason to attack (a ``gain_territory`` objective, or a state that attacked it)
  it looks one step ahead with the engine's own combat functions (will the
  invasion win, how much would it take) and weighs that gain against the
  expected *united response* — the strength of the states likely to come, times
  how likely each is to come, which rests on the alliance's credibility and the
  strength of its clause (:mod:`wargame.ai.estimate`). Deterred, it coerces
  instead, as far up the ladder as its aggression and risk tolerance allow.
* **security**: readiness and consultation when threatened.
* **alliance**: honouring obligations (weighing the clause's strength, the price
  of declining, its interests, public support and its own credibility), and
  reassuring threatened allies with deployments and exercises.
* **pressure** on aggressors: condemnation, drafts in institutions (foreseeing a
  veto with the engine's own :func:`~wargame.core.rules.decide`), sanctions;
  multilateral states consult and sanction before they use force.
* **peace**: ceasefires, mediation, standing down, lifting sanctions.
* **burden sharing**: defence spending, unless it free-rides.
* **its word**: orders that keep the commitments it made, if its loyalty and the
  credibility at stake outweigh their cost (:mod:`wargame.ai.talks`).

Votes, answers to proposals and its own proposals are in :mod:`wargame.ai.talks`. Every judgement
gets a little noise from the state's own random source (more at ``easy``), plus
one persistent misjudgement of risk drawn at the start of the game.
"""

from __future__ import annotations

import random

from ..core.actions import Effect, Measure, Order
from ..core.clauses import SUBSTANTIVE
from ..core.economy import coverage
from ..core.model import ClauseKind, ObjectiveKind as K, Strength, World
from ..core.rules import Motion, MotionKind, Vote, decide
from ..core.view import View
from .base import Difficulty, Policy
from .choice import OrderSet
from .estimate import (
    STRENGTH_FACTOR,
    expected_response,
    home_defence,
    own_power,
    public_power,
    territory_taken,
    win_probability,
)
from .reading import Memory, Reading
from .talks import Diplomacy

DETERRENCE = 2.2  # weight of the deterrence ratio against the gain of an attack
SURPRISE = 0.8  # risk tolerance from which a state attacks without mobilising first
DUTY = {Strength.AUTOMATIC: 1.0, Strength.AS_IT_DEEMS_NECESSARY: 0.6,
        Strength.CONSTITUTIONAL_PROCESSES: 0.45}
WAR_STAKES = (K.AVOID_WAR, K.LOW_COSTS, K.KEEP_TERRITORY, K.KEEP_SUPPORT)
COERCION = (Effect.DEMARCHE, Effect.CONDEMN, Effect.RECALL, Effect.CYBER, Effect.BLOCKADE)


class DefaultPolicy(Diplomacy, Policy):
    name = "default"

    def __init__(self, world: World, nation: str, rng: random.Random,
                 difficulty: Difficulty = Difficulty.NORMAL):
        super().__init__(world, nation, rng, difficulty)
        me = world.nation[nation]
        self.p = me.personality  # its own personality only: others' are private
        self.trade = me.trade
        self.region = me.region
        self.memory = Memory(world, nation)
        self._state_pos = {n.id: i for i, n in enumerate(world.nations)}
        self._inst_pos = {inst.id: i for i, inst in enumerate(world.institutions)}
        self.aversion = 1.0 - 0.8 * self.p.risk_tolerance
        self.bias = rng.gauss(0.0, self.skill.noise)  # a persistent misjudgement of risk
        # allies this state is bound to defend: ally -> strongest clause covering it
        self.partners: dict[str, Strength] = {}
        for iid in world.member_of[nation]:
            inst = world.institution[iid]
            for c in inst.clauses_of(ClauseKind.COLLECTIVE_DEFENCE):
                for m in inst.members:
                    if m != nation and inst.scope.covers(world.nation[m].region):
                        old = self.partners.get(m)
                        if old is None or STRENGTH_FACTOR[c.strength] > STRENGTH_FACTOR[old]:
                            self.partners[m] = c.strength
        self.goal_met: dict[str, bool] = {}
        self.assessment: dict[str, float] = {}  # target -> utility of attacking it
        self.last: dict[tuple[str, str], int] = {}  # (what, target) -> round last ordered
        self.rejected: dict[str, str] = {}  # proposal id -> why it was rejected (explain)
        self.why: list[tuple[str, str, float]] = []  # last round: (action, target, utility)
        self._passable: dict[tuple[str, str, str], bool] = {}
        self.drafts_seen: dict[tuple[str, str, str], int] = {}  # (inst, measure, target) -> round

    # ------------------------------------------------------------ plumbing
    def _read(self, view: View) -> Reading:
        self.memory.take_in(view)
        return Reading(view, self.world, self.memory, self._state_pos, self._inst_pos)

    def recall(self, news: list, private: list, last_round: int) -> None:
        self.memory.recall(news, private, last_round)

    def _judge(self, scale: float = 1.0) -> float:
        return self.rng.gauss(0.0, self.skill.noise * scale)

    def _recent(self, what: str, target: str, rounds: int, now: int) -> bool:
        done = self.last.get((what, target))
        return done is not None and now - done <= rounds

    def orders(self, view: View) -> list[Order]:
        r = self._read(view)
        s = OrderSet(view, self.world.orders_per_round, self.world)
        cands: list[tuple[float, int, object, str, str, str, str]] = []

        def add(u: float, option, target: str = "", institution: str = "",
                measure: str = "", why: str = "") -> None:
            if option is not None and u > 0:
                cands.append((u, len(cands), option, target, institution, measure, why))

        culprits = self._culprits(r)
        self._aggression(r, s, add)
        self._security(r, s, add)
        self._alliance(r, s, add)
        self._pressure(r, s, add, culprits)
        self._peace(r, s, add, culprits)
        self._burden(r, s, add)
        self.keep_commitments(r, s, add)
        cands.sort(key=lambda c: (-c[0], c[1]))
        self.why = []
        for u, _, option, target, inst, measure, why in cands:
            if s.full():
                break
            if s.add(option, target=target, institution=inst, measure=measure):
                self.last[(why or option.action.id, target or inst)] = view.round
                self.why.append((option.action.id, target or inst, round(u, 3)))
        return s.orders

    # ------------------------------------------------------------ threats
    def _culprits(self, r: Reading) -> dict[str, float]:
        """States acting against this state or its allies -> how gravely (0..1)."""
        me = self.nation
        out: dict[str, float] = {}
        for victim, attackers in r.attacked.items():
            grave = 1.0 if (victim == me or victim in self.partners) else 0.8
            for a in attackers:
                if a != me:
                    out[a] = max(out.get(a, 0.0), grave)
        for (a, t), h in self.memory.hostility.items():
            if a != me and (t == me or t in self.partners) and a not in self.partners:
                out[a] = max(out.get(a, 0.0), min(0.7, h / 40.0))
        return out

    def _danger(self, r: Reading) -> tuple[float, str]:
        """How gravely this state itself is threatened, and by whom."""
        mine = own_power(r.me) or 1.0
        worst, by = 0.0, ""
        for other, t in r.tension.items():
            if t < 5:
                continue
            d = (t / 50.0) * public_power(r.state(other)) / mine
            if d > worst:
                worst, by = d, other
        attackers = r.attacked.get(self.nation, [])
        if attackers:
            worst, by = worst + 1.0, attackers[0]
        return min(worst, 3.0), by

    def _ally_threat(self, r: Reading, ally: str) -> float:
        """How gravely an ally is threatened: hostile acts seen against it, made
        graver by the readiness of those who commit them, or an armed attack."""
        h, posture = 0.0, 0
        for (a, t), v in self.memory.hostility.items():
            if t == ally and a != self.nation and a not in self.partners:
                h += v
                posture = max(posture, r.state(a).readiness)
        return min(1.0, h / 30.0 + 0.2 * posture * (h > 0)) + (1.0 if ally in r.attacked else 0.0)

    # ------------------------------------------------------------ aggression
    def _aggression(self, r: Reading, s: OrderSet, add) -> None:
        p, me = self.p, self.nation
        # target -> (threshold, points, why): territory it wants, states that
        # attacked it, and (if aggressive) the rivals it is in the worst dispute with
        targets: dict[str, tuple[float, int, str]] = {}
        for o in r.objectives:
            if o.kind is K.GAIN_TERRITORY and o.target in self.world.nation and o.target != me:
                targets[o.target] = (o.threshold, o.points, "gain")
        for a in r.attacked.get(me, []):
            targets.setdefault(a, (0.0, 0, "retaliate"))
        if p.aggression >= 0.5:
            rivals = sorted(((t, o) for o, t in r.tension.items()
                             if t >= 10.0 and o not in self.partners), reverse=True)[:2]
            for _, other in rivals:
                targets.setdefault(other, (0.0, 0, "rival"))
        if not targets:
            return
        mobilise = s.option(Effect.READINESS, magnitude=2) if r.me.readiness < 2 else None
        readiness = 2 if mobilise is not None else r.me.readiness
        att = own_power(r.me, readiness) or 1e-9
        stakes = 0.5 + r.weight(*WAR_STAKES)
        for t, (threshold, points, why) in targets.items():
            vt = r.state(t)
            held = self.memory.taken.get(t, 0.0)
            if threshold and held >= threshold:
                self.goal_met[t] = True
                continue
            dfn = home_defence(vt)
            if self.skill.foresight:
                dfn += self.memory.tripwire_in(t, besides=me)
            if t in r.attacked:  # its allies may already come to this battle
                dfn += expected_response(self.world, r.institution, r.state, t, me,
                                         expedition=True)
            pw = win_probability(att, dfn)
            if points:
                taken = territory_taken(att, dfn, vt.territory)
                progress = min(1.0, (held + taken) / threshold) if threshold else 1.0
                gain = points / r.total_points * progress
            else:
                gain = 0.15 if why == "retaliate" else 0.0
            response = expected_response(self.world, r.institution, r.state, t, me)
            rho = (response + dfn) / att  # deterrence: what an attack would meet
            u = (p.aggression * (0.3 + gain) * pw - DETERRENCE * self.aversion * rho * stakes
                 + self.bias + self._judge(0.35))
            if self.promised_not_to_attack(r, t):  # breaking its word costs credibility
                u -= 0.3 + p.loyalty
            if points:
                self.assessment[t] = u
            invade = s.option(Effect.INVADE, target=t)
            strike = s.option(Effect.STRIKE, target=t)
            if u > 0 and points and invade is not None and (
                    r.me.readiness >= 1 or p.risk_tolerance >= SURPRISE):
                add(3.0 + u, invade, t, why="attack")
                if mobilise is not None:
                    add(3.1 + u, mobilise, why="attack")
            elif u > 0 and points and invade is not None:
                # forces at peacetime readiness: mobilise first, strike next round
                add(3.1 + u, mobilise, why="prepare")
                self._coerce(r, s, add, t, points / r.total_points, rho)
            elif strike is not None and not points and u > (0.0 if why == "retaliate" else 0.3):
                add(2.0 + u, strike, t, why="attack")
            elif why != "retaliate":
                self._coerce(r, s, add, t, points / r.total_points, rho)

    def _coerce(self, r: Reading, s: OrderSet, add, t: str, goal: float, rho: float) -> None:
        """Deterred from attacking: press ``t`` as far as temperament allows.

        Coercion below an armed attack creates no alliance obligation, so what it
        risks is less the alliance's answer (``rho``, capped) than the spiral: the
        nearer the crisis is to war, the dearer each step. A standing quarrel with
        ``t`` (tension) makes the pressure worth more.
        """
        p = self.p
        quarrel = min(0.15, r.tension.get(t, 0.0) / 200.0)
        pressure = p.aggression * (0.3 + goal) + quarrel
        spiral = 0.5 + r.view.escalation / 60.0
        risk = self.aversion * (1.0 + 0.3 * min(rho, 3.0)) * spiral
        now = r.view.round
        truce = self.memory.in_truce(self.nation, t)
        for effect in COERCION:
            opt = s.option(effect, target=t)
            if opt is None or (truce and effect is Effect.BLOCKADE):
                continue  # a blockade would break the ceasefire, at a cost in credibility
            u = pressure - risk * max(opt.action.escalation, 0) / 25.0 - 0.1
            if self._recent(opt.action.id, t, 1, now):
                u -= 0.25
            add(u + self._judge(), opt, t)
        raise_ = s.option(Effect.READINESS, magnitude=1) if r.me.readiness < 1 else None
        mob = s.option(Effect.READINESS, magnitude=2) if r.me.readiness < 2 else None
        add(pressure * 0.9 - risk * 0.1 + self._judge(), raise_)
        add(pressure * 0.8 - risk * 0.35 + self._judge(), mob)

    # ------------------------------------------------------------ own security
    def _security(self, r: Reading, s: OrderSet, add) -> None:
        p, now = self.p, r.view.round
        danger, by = self._danger(r)
        if danger < 0.1:
            return
        attacked = bool(r.attacked.get(self.nation))
        if r.me.readiness < 1:
            add(danger * 0.6 - 0.15 + self._judge(), s.option(Effect.READINESS, magnitude=1))
        if r.me.readiness < 2 and (attacked or danger > 1.0):
            add(min(danger, 2.0) * 0.5 - 0.2 + self._judge(),
                s.option(Effect.READINESS, magnitude=2))
        for opt in s.options(Effect.CONSULT):
            for iid in opt.institutions:
                u = (0.3 + p.multilateralism) * min(1.0, danger) - 0.25
                if self._recent(opt.action.id, iid, 2, now):
                    u -= 0.6
                add(u + self._judge(), opt, institution=iid)
        if attacked:
            for opt in s.options(Effect.MEETING):
                for iid in opt.institutions:
                    u = p.multilateralism * 0.8 - 0.2
                    if self._recent(opt.action.id, iid, 3, now):
                        u -= 0.6
                    add(u + self._judge(), opt, institution=iid)

    # ------------------------------------------------------------ alliance duties
    def _alliance(self, r: Reading, s: OrderSet, add) -> None:
        for ob in r.my_obligations:
            self._obligation(r, s, add, ob)
        p, now = self.p, r.view.round
        threatened = [(self._ally_threat(r, a), a) for a in self.partners]
        threatened = sorted((x for x in threatened if x[0] >= 0.2), key=lambda x: -x[0])[:2]
        will = p.loyalty * (1.0 - p.free_riding)
        for threat, ally in threatened:
            deploy = s.option(Effect.DEPLOY, target=ally)
            u = will * threat * 1.1 - 0.35
            if ally in r.me.deployed:
                u -= 0.45
            add(u + self._judge(), deploy, ally)
            ex = s.option(Effect.EXERCISE, target=ally)
            u = will * threat * 0.6 - 0.3 - (0.3 if self._recent(ex.action.id if ex else "",
                                                                  ally, 2, now) else 0.0)
            add(u + self._judge(), ex, ally)
            add((p.multilateralism + p.loyalty) / 2 * threat * 0.5 - 0.15 + self._judge(),
                s.option(Effect.SUPPORT, target=ally), ally)
            if r.me.readiness < 1:
                add(will * threat * 0.5 - 0.2 + self._judge(),
                    s.option(Effect.READINESS, magnitude=1))
            for opt in s.options(Effect.CONSULT):
                for iid in opt.institutions:
                    if ally not in self.world.institution[iid].members:
                        continue
                    u = p.multilateralism * threat * 0.7 - 0.3
                    if self._recent(opt.action.id, iid, 2, now):
                        u -= 0.5
                    add(u + self._judge(), opt, institution=iid)

    def honour_utility(self, r: Reading, ob) -> float:
        """How much this state wants to honour obligation ``ob`` (> 0: it will)."""
        p, me = self.p, r.me
        clause = next(c for c in self.world.institution[ob.institution].clauses
                      if c.id == ob.clause)
        cost = clause.decline_costs
        duty = DUTY[ob.strength]
        alliance_stake = r.weight(K.ALLIANCE_CREDIBLE, target=ob.institution)
        price = (cost.credibility * (0.5 + me.credibility / 100.0)
                 + cost.alliance_credibility * (1.0 + 3.0 * alliance_stake)
                 + cost.support) / 40.0
        interest = (2.0 * r.weight(K.AGGRESSOR_WITHDRAWS, target=ob.against) + alliance_stake
                    + self.trade.get(ob.beneficiary, 0.0) - 0.5 * self.trade.get(ob.against, 0.0))
        if ob.beneficiary and self.world.nation[ob.beneficiary].region == self.region:
            interest += 0.1
        public = (me.support - 50.0) / 100.0
        return (p.loyalty * duty + price + interest + public - 0.8 * p.free_riding - 0.5
                + self._judge())

    def _obligation(self, r: Reading, s: OrderSet, add, ob) -> None:
        p = self.p
        u = self.honour_utility(r, ob)
        if u <= 0:
            return  # it will let the obligation fall due: declined, at the clause's price
        if ob.action == "sanction":
            if ob.against not in r.me.sanctioning:
                add(2.5 + u, s.option(Effect.SANCTION, target=ob.against), ob.against,
                    why="honour")
            return
        v, a = ob.beneficiary, ob.against
        if ob.strength is not Strength.AUTOMATIC and (
                a in r.me.sanctioning or r.me.deployed.get(v, 0.0) > 0):
            return  # measures already in force honour it (clauses._honours)
        interest = 2.0 * r.weight(K.AGGRESSOR_WITHDRAWS, target=a)
        odds = public_power(r.state(a)) / (own_power(r.me) or 1.0)
        fight = (p.loyalty * (1.0 - p.free_riding) * (0.5 + 0.5 * p.risk_tolerance)
                 + 0.5 * interest - 0.2 * self.aversion * min(2.0, odds))
        defend = s.option(Effect.DEFEND, target=v)
        if defend is not None and (ob.strength is Strength.AUTOMATIC or fight > 0.35):
            add(2.6 + u, defend, v, why="honour")
            return
        if ob.strength is Strength.AUTOMATIC:
            return  # only fighting honours an automatic clause; it could not
        deploy = s.option(Effect.DEPLOY, target=v)
        aid = s.option(Effect.AID, target=v)
        sanction = (s.option(Effect.SANCTION, target=a)
                    if a not in r.me.sanctioning else None)
        if fight > 0.2 and deploy is not None:
            add(2.5 + u, deploy, v, why="honour")
        elif sanction is not None and self.trade.get(a, 0.0) < 0.05:
            add(2.5 + u, sanction, a, why="honour")
        elif aid is not None:
            add(2.5 + u, aid, v, why="honour")
        else:
            add(2.5 + u, sanction or deploy, a if sanction else v, why="honour")

    # ------------------------------------------------------------ pressure
    def _pressure(self, r: Reading, s: OrderSet, add, culprits: dict[str, float]) -> None:
        p, now = self.p, r.view.round
        low_costs = r.weight(K.LOW_COSTS)
        ranked = sorted(culprits.items(), key=lambda x: -x[1])[:2]
        for a, sev in ranked:
            if a in self.partners:
                continue
            trade = self.trade.get(a, 0.0)
            opt = s.option(Effect.CONDEMN, target=a)
            u = (0.2 + 0.4 * p.multilateralism) * sev - 0.15 - 0.3 * trade
            if opt is not None and self._recent(opt.action.id, a, 3, now):
                u -= 0.5
            add(u + self._judge(), opt, a)
            current = r.me.sanctioning.get(a, 0.0)
            want = 0.3 if sev < 0.9 else 0.6 if p.aggression < 0.5 else 1.0
            for opt in s.options(Effect.SANCTION):
                bite = opt.action.magnitude
                if bite <= current or bite > want or a not in opt.targets:
                    continue
                u = (sev * (0.3 + 0.3 * p.multilateralism + 0.2 * p.aggression)
                     * (1.0 if sev >= 0.9 else 0.5)
                     - trade * bite * (2.0 + 4.0 * low_costs) * (0.5 + p.free_riding) - 0.25
                     - 0.1 * bite)
                add(u + self._judge(), opt, a)
            self._table(r, s, add, a, sev)
            self._volunteer(r, s, add, a, sev)

    def _table(self, r: Reading, s: OrderSet, add, a: str, sev: float) -> None:
        p, now = self.p, r.view.round
        opt = s.option(Effect.TABLE)
        if opt is None or a not in opt.targets:
            return
        pending = {(d.institution, d.measure, d.target) for d in r.view.drafts}
        concerned = any(a in atk and (v == self.nation or v in self.partners)
                        for v, atk in r.attacked.items()) or sev >= 1.0
        for iid in opt.institutions:
            inst = self.world.institution[iid]
            iv = r.institution(iid)
            measure = Measure.CONDEMN.value
            if sev >= 0.9 and inst.has(ClauseKind.SANCTIONS) and a not in iv.sanctions_on:
                measure = Measure.SANCTIONS.value
            elif (sev >= 0.9 and inst.has(ClauseKind.USE_OF_FORCE) and a in iv.sanctions_on
                  and a not in iv.force_on and p.aggression + p.loyalty > 1.0):
                measure = Measure.USE_OF_FORCE.value
            elif (sev >= 0.9 and inst.has(ClauseKind.SUSPENSION) and a in inst.members
                  and a not in iv.suspended):
                measure = Measure.SUSPEND.value
            seen = self.drafts_seen.get((iid, measure, a))
            if ((iid, measure, a) in pending or (seen is not None and now - seen <= 3)
                    or self._recent("table:" + measure, iid + a, 3, now)):
                continue
            if self.skill.foresight and not self._could_pass(iid, measure, a):
                continue
            u = p.multilateralism * sev * 0.9 - 0.3
            if not concerned:  # leave it to the victim and its allies to table
                u -= 0.25
            if measure == Measure.SANCTIONS.value:
                u -= self.trade.get(a, 0.0) * (0.5 + p.free_riding)
            add(u + self._judge(), opt, a, iid, measure, why="table:" + measure)

    def _could_pass(self, iid: str, measure: str, target: str) -> bool:
        """Would the draft pass if everyone but its target voted for it?"""
        key = (iid, measure, target)
        if key not in self._passable:
            self._passable[key] = self._try_vote(iid, measure, target)
        return self._passable[key]

    def _try_vote(self, iid: str, measure: str, target: str) -> bool:
        inst = self.world.institution[iid]
        members = list(inst.members)
        votes = {m: Vote.YES for m in members}
        if target in votes:
            votes[target] = Vote.NO
        m = Measure(measure)
        motion = Motion(kind=MotionKind.SUBSTANTIVE if m in SUBSTANTIVE
                        else MotionKind.PACIFIC_SETTLEMENT, parties=(target,),
                        subject=target if m is Measure.SUSPEND else "")
        return decide(inst.rule, members, votes, motion).adopted

    def _volunteer(self, r: Reading, s: OrderSet, add, a: str, sev: float) -> None:
        """Fight for a victim without being obliged to (multilateral: only once
        sanctions have been tried or force authorised)."""
        if sev < 0.9:
            return
        p = self.p
        owed = {ob.beneficiary for ob in r.my_obligations}
        tried = a in r.me.sanctioning or any(
            a in iv.force_on or a in iv.sanctions_on for iv in r.view.institutions)
        for victim, attackers in r.attacked.items():
            if a not in attackers or victim in owed or victim == self.nation:
                continue
            opt = s.option(Effect.DEFEND, target=victim)
            if opt is None:
                continue
            friend = 1.0 if victim in self.partners else 0.4 if victim in self.world.allies[
                self.nation] else 0.1
            odds = public_power(r.state(a)) / (own_power(r.me) or 1.0)
            u = (p.loyalty * (1.0 - p.free_riding) * friend + 0.3 * p.aggression
                 - 0.3 * self.aversion * min(2.0, odds) - 0.5)
            if p.multilateralism > 0.5 and not tried:
                u -= 0.5
            add(u + self._judge(), opt, victim)

    # ------------------------------------------------------------ peace
    def _peace(self, r: Reading, s: OrderSet, add, culprits: dict[str, float]) -> None:
        p, me, now = self.p, self.nation, r.view.round
        war_weight = r.weight(K.AVOID_WAR, K.CRISIS_RESOLVED)
        mine = own_power(r.me) or 1.0
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
                u = ((1.0 - p.aggression) * 0.5 + war_weight - 0.2
                     - lost / 100.0 * 3.0 * r.weight(K.KEEP_TERRITORY) * min(1.0, help_))
            add(u + self._judge(), opt, by)
        propose = s.options(Effect.PROPOSE_CEASEFIRE)
        if propose:
            opt = propose[0]
            for t in opt.targets if len(opt.targets) <= 8 else self._disputes(r, opt.targets):
                if t in r.view.ceasefire_offers or self.memory.in_truce(me, t):
                    continue
                if self.goal_met.get(t):
                    u = 0.5 + war_weight
                elif me in r.attacked and t in r.attacked[me]:
                    odds = public_power(r.state(t)) / mine
                    u = (self.aversion * 0.3 * min(2.0, odds) + war_weight
                         - 2.0 * r.weight(K.KEEP_TERRITORY) * (r.me.territory < 100.0) - 0.2)
                elif t in self.memory.taken or any(
                        t in atk for v, atk in r.attacked.items() if v == me) or (
                        me in r.attacked.get(t, ())):
                    u = 0.3 + war_weight - 0.5 * p.aggression
                elif r.tension.get(t, 0.0) >= 25.0 and t not in self.assessment:
                    u = (1.0 - p.aggression) * 0.4 + war_weight - 0.45
                else:
                    continue
                if self._recent(opt.action.id, t, 1, now):
                    u -= 0.3
                add(u + self._judge(), opt, t)
        fighting = me in r.attacked or any(me in atk for atk in r.attacked.values())
        if culprits and not fighting:
            a = max(culprits, key=lambda x: (culprits[x], x))
            opt = s.option(Effect.MEDIATE, target=a)
            u = (p.multilateralism * (1.0 - p.aggression) * min(1.0, r.view.escalation / 40.0)
                 - 0.35)
            if opt is not None and self._recent(opt.action.id, a, 2, now):
                u -= 0.4
            add(u + self._judge(), opt, a)
        self._stand_down(r, s, add, culprits)
        for t, bite in r.me.sanctioning.items():
            if t in culprits or any(t in iv.sanctions_on for iv in r.view.institutions
                                    if iv.member):
                continue
            u = self.trade.get(t, 0.0) * 3.0 + (1.0 - p.aggression) * 0.2 - 0.3
            add(u + self._judge(), s.option(Effect.LIFT_SANCTIONS, target=t), t)

    def _disputes(self, r: Reading, targets: tuple[str, ...]) -> list[str]:
        """Of many ceasefire targets, the few this state is in a dispute with."""
        ranked = sorted(r.tension.items(), key=lambda x: (-x[1], x[0]))[:4]
        ok = set(targets)
        return [t for t, _ in ranked if t in ok]

    def _stand_down(self, r: Reading, s: OrderSet, add, culprits) -> None:
        opt = s.option(Effect.STAND_DOWN)
        if opt is None:
            return
        p = self.p
        if any(self.memory.taken.values()):  # an occupier: withdraw only under pressure
            me = self.nation
            cover = coverage(self.world, me, [(sender, bite) for (sender, t), bite
                                              in self.memory.sanctions.items() if t == me])
            worst = min((self.assessment.get(t, 0.0) for t in self.memory.taken), default=0.0)
            u = ((1.0 - p.aggression) * (cover + max(0.0, -worst))
                 - 2.0 * r.weight(K.GAIN_TERRITORY) - 0.3)
        else:
            danger, _ = self._danger(r)
            allies = max((self._ally_threat(r, a) for a in self.partners), default=0.0)
            u = (1.0 - p.aggression) * 0.4 - danger - allies - 0.2
            if self.assessment and max(self.assessment.values()) > -0.2:
                u -= 0.5  # an aggressor keeps its forces ready
        add(u + self._judge(), opt)

    # ------------------------------------------------------------ burden sharing
    def _burden(self, r: Reading, s: OrderSet, add) -> None:
        opt = s.option(Effect.SPENDING)
        if opt is None or not self.partners:
            return
        p = self.p
        threat = max((self._ally_threat(r, a) for a in self.partners), default=0.0)
        danger, _ = self._danger(r)
        norm = 2.0
        u = (p.loyalty * (1.0 - p.free_riding) * (0.2 + min(1.0, threat + danger))
             - 0.3 - 0.15 * max(0.0, r.me.spending - norm) - (0.3 if r.me.support < 45 else 0.0))
        if self._recent(opt.action.id, "", 1, r.view.round):
            u -= 0.3
        add(u + self._judge(), opt)
