"""The revisionist: probe, exploit, stop (a mixin of :class:`~wargame.ai.default.DefaultPolicy`).

A state with something to win by force (a ``gain_territory`` objective, or an
``alliance_discredited`` objective against an alliance whose members it could
overrun) weighs, for each target and each share of its forces it could commit:

* **the battle on the spot** (:func:`~wargame.ai.estimate.on_the_spot`): the
  victim's forces at home, the forces stationed there (tripwires, from
  ``view.war.stationed``) and, once fighting has begun, the helpers likely to come;
  the share it commits must beat them with a margin, so a tripwire raises the price
  of even a limited grab;
* **the response later** (:func:`~wargame.ai.estimate.coalition`): the forces the
  victim's allies and friends could commit to a counter-offensive, each weighed by
  how likely it is to come: the alliance's credibility, the ally's own credibility,
  what it has *shown* (deployments, exercises, support, obligations kept: the
  probes' answer) and what it has *declined* (the public ledger). A garrison that
  such a counter-offensive would beat is land held only for a while
  (:func:`~wargame.ai.estimate.hold_probability`);
* **what the war would cost**: the coalition's whole strength against its own (the
  war an attack would start), sanctions' real bite (the share of its trade the
  likely senders cover), the ladder's war mark (two invasions in a row may end the
  game in general war), vetoes it holds (a Council that cannot authorise force
  leaves only the treaty allies).

It escalates by steps: grey-zone acts and threats first (coercion, which creates no
alliance obligation) while it watches who answers; a limited grab with the share
that wins on the spot; more while the answers stay weak; it stops when it holds what
it wanted (and offers a ceasefire to keep it), digs in when a counter-offensive
comes that more forces would beat, and withdraws when the costs outrun the gain.
"""

from __future__ import annotations

from ..core.actions import Effect
from ..core.legal import READINESS_MULTIPLIER
from ..core.model import ClauseKind, ObjectiveKind as K
from .estimate import (
    coalition,
    forces_at_home,
    hold_probability,
    on_the_spot,
    sanctions_exposure,
    win_probability,
)
from .estimate import territory_taken

SHARES = (0.2, 0.35, 0.5, 0.75)  # the shares of its forces an invasion may commit
PROBE_ROUNDS = 2  # rounds of probing (grey-zone acts) before any grab
MARGIN = 1.4  # strength on the spot over the defence that a grab seeks
VALUE = 3.5  # weight of what it wants against what it risks
PUNISHMENT = 1.1  # weight of the war an attack would start (coalition / own strength)
SURPRISE = 0.8  # risk tolerance from which a state attacks without mobilising first
COERCION = (Effect.DEMARCHE, Effect.CONDEMN, Effect.RECALL, Effect.CYBER, Effect.BLOCKADE)
WAR_STAKES = (K.AVOID_WAR, K.LOW_COSTS, K.KEEP_SUPPORT, K.KEEP_TERRITORY)


class Revisionist:
    """Aggression: targets, the grab, digging in and withdrawing (mixed into DefaultPolicy)."""

    # ------------------------------------------------------------ targets
    def _targets(self, r) -> dict[str, tuple[float, float, float]]:
        """Each state it has a reason to take land from -> (gain weight, threshold,
        discredit weight): its gain_territory objectives, and the members of a rival
        alliance it wants discredited that lie in the alliance's scope near it. Its
        objectives and the world never change: worked out once (read it, do not
        change it)."""
        kept = self._targets_kept
        if kept is not None and kept[0] is r.objectives:
            return kept[1]
        found = self._find_targets(r)
        self._targets_kept = (r.objectives, found)
        return found

    def _find_targets(self, r) -> dict[str, tuple[float, float, float]]:
        me = self.nation
        out: dict[str, list[float]] = {}
        for o in r.objectives:
            if o.kind is K.GAIN_TERRITORY and o.target in self.world.nation and o.target != me:
                out.setdefault(o.target, [0.0, 0.0, 0.0])
                out[o.target][0] += o.points / r.total_points
                out[o.target][1] = o.threshold
        for o in r.objectives:
            if o.kind is not K.ALLIANCE_DISCREDITED or o.target not in self.world.institution:
                continue
            inst = self.world.institution[o.target]
            if me in inst.members or not inst.has(ClauseKind.COLLECTIVE_DEFENCE):
                continue
            if self.rivals is None:  # the states it was in a dispute with when it began
                self.rivals = {b if a == me else a for a, b, level in self.world.start_tensions
                               if me in (a, b) and level >= 5.0}
            for m in inst.members:
                if m in self.rivals and inst.scope.covers(self.world.nation[m].region):
                    out.setdefault(m, [0.0, 0.0, 0.0])
                    out[m][2] += o.points / r.total_points
        return {t: (g, th, d) for t, (g, th, d) in out.items()}

    # ------------------------------------------------------------ aggression
    def _aggression(self, r, s, add) -> None:
        p, me = self.p, self.nation
        targets = self._targets(r)
        for a in r.attacked.get(me, []):  # struck by someone: strike back
            if a not in targets:
                self._retaliate(r, s, add, a)
        if not targets:
            return
        now = r.view.round
        readiness = max(r.me.readiness, 2 if s.option(Effect.READINESS, magnitude=2) else 0)
        home = forces_at_home(r.view, me)
        held_now = {h.land: h for h in r.view.war.holdings if h.occupier == me}
        best = None
        for t, (gain, threshold, discredit) in sorted(targets.items()):
            held = held_now[t].share if t in held_now else 0.0
            if threshold and held >= threshold and not discredit:
                self.goal_met[t] = True
                continue
            plan = self._plan(r, t, gain, threshold, discredit, held, home, readiness)
            self.assessment[t] = plan[0]
            if best is None or plan[0] > best[0]:
                best = plan
        if best is None:
            return
        u, t, share, why = best
        invade = s.option(Effect.INVADE, target=t)
        ready = r.me.readiness >= 1 or p.risk_tolerance >= SURPRISE
        probing = PROBE_ROUNDS - (p.risk_tolerance >= SURPRISE)  # a gambler probes less
        if u > 0 and invade is not None and now > probing and ready:
            add(3.0 + u, invade, t, why="attack", forces=share, reason=why)
            mob = s.option(Effect.READINESS, magnitude=2) if r.me.readiness < 2 else None
            add(3.1 + u, mob, why="attack", reason=f"mobilise to invade {self._n(t)}")
            return
        if u > -0.25 and invade is not None and r.me.readiness < 2:
            # forces at peacetime readiness: mobilise first (allies get a round to answer)
            add(2.2 + u, s.option(Effect.READINESS, magnitude=2 if r.me.readiness else 1),
                why="prepare", reason=f"raise readiness: weighing a grab in {self._n(t)}")
        if t not in held_now:
            self._coerce(r, s, add, t, gain + discredit, u)

    def _plan(self, r, t, gain, threshold, discredit, held, home, readiness):
        """(utility, target, share, reason) of the best grab against ``t``."""
        p, me = self.p, self.nation
        spot = on_the_spot(r, t, me, self.memory, self.skill.foresight)
        coal = coalition(r, t, me, self.memory, self.skill.foresight)
        seen = self.memory.pushed.get(t, 0.0) * self.garrisons_seen.get(t, 0.0)
        later = max(coal.later, seen)  # the counter-offensive it has met there already
        mine_total = max(r.me.military, 1e-9) * READINESS_MULTIPLIER[readiness]
        stakes = 0.5 + r.weight(*WAR_STAKES)
        # the war the attack starts: what the coalition could bring against its whole force
        punishment = PUNISHMENT * self.aversion * stakes * min(3.0, coal.full / mine_total)
        bite = sanctions_exposure(r, self.trade, t, coal.friends)
        costs = punishment + bite * (0.5 + 2.0 * r.weight(K.LOW_COSTS)) * (0.5 + self.aversion)
        tension = r.tension.get(t, 0.0)
        war_mark = self.world.ladder.war
        if tension * (1.0 - self.world.ladder.decay) + 30.0 >= war_mark:
            # another push could start general war: what it would lose, for sure
            costs += VALUE * r.weight(K.AVOID_WAR) * 1.2 + 0.3
        costs += 0.4 * self.memory.freed.get(t, 0)  # beaten back there before: warier
        if self.promised_not_to_attack(r, t):
            costs += 0.3 + p.loyalty
        if r.view.round + 1 >= r.view.rounds_limit:
            costs += 0.3  # no time left to hold what it takes
        best = (-9.0, t, 0.0, "")
        chosen = None  # (share, strength, garrison, hold) of the best grab: its reason
        there = self._garrison(r, t)
        for share in SHARES:
            forces = home * share
            att = forces * READINESS_MULTIPLIER[readiness]
            if att <= 0:
                continue
            pw = win_probability(att, spot * MARGIN / 1.2)
            gained = territory_taken(att, spot, 100.0) if att > spot else 0.0
            garrison = (forces + there) * READINESS_MULTIPLIER[readiness]
            hold = hold_probability(garrison, later)
            progress = min(1.0, (held + gained) / threshold) if threshold else 1.0
            # a rival alliance is discredited when its members do not come or do not
            # restore the land: the likelier they come, the less a grab discredits it
            value = gain * progress * hold + discredit * (0.25 + 0.75 * (
                1.0 - coal.confidence)) * (0.5 + 0.5 * hold)
            exposure = 0.15 * share * (coal.full > 0)  # forces away from home
            # a limited grab invites a limited war: the answer scales with the stake
            scaled = costs + punishment * (share - 0.6)
            u = (VALUE * p.aggression * value * pw - scaled - exposure
                 + self.bias + self._judge(0.35))
            if u > best[0]:
                best = (u, t, share, "")
                chosen = (share, att, garrison, hold)
        if chosen is not None:  # the reason, written once
            share, att, garrison, hold = chosen
            best = best[:3] + (
                f"invade {self._n(t)} with {share:.0%} of its forces: strength "
                f"{att:.0f} against {spot:.0f} on the spot, the likely counter-offensive "
                f"{later:.0f} against a garrison of {garrison:.0f}"
                f" (hold {hold:.0%}); allies' record: {coal.record}",)
        return best

    def _garrison(self, r, t: str) -> float:
        return next((h.garrison for h in r.view.war.holdings
                     if h.occupier == self.nation and h.land == t), 0.0)

    def _retaliate(self, r, s, add, a: str) -> None:
        """Struck by ``a``: strike back if the battle can be won and the war afforded."""
        strike = s.option(Effect.STRIKE, target=a)
        if strike is None:
            return
        me = self.nation
        lawful = any(c.attacker == a and c.victim == me and not c.ended
                     for c in r.view.war.conflicts)
        if not lawful:
            return  # struck back for its own aggression: answering widens the war
        att = forces_at_home(r.view, me) * 0.25 * READINESS_MULTIPLIER[r.me.readiness]
        dfn = on_the_spot(r, a, me, self.memory, self.skill.foresight)
        u = ((self.p.aggression * 0.6 + 0.15) * win_probability(att, dfn) - 0.35 * self.aversion
             + self._judge())
        if u <= 0:
            return
        add(2.0 + u, strike, a, why="attack",
            reason=f"strike back at {self._n(a)} in self-defence (UN Charter Art. 51)")

    def _coerce(self, r, s, add, t: str, goal: float, u_attack: float) -> None:
        """Not (yet) attacking: press ``t`` below the threshold of armed attack.

        Coercion creates no alliance obligation; what it risks is the spiral (the
        nearer the crisis is to war, the dearer each step) and the answer it draws,
        which the aggressor watches: it is how it probes."""
        p = self.p
        quarrel = min(0.15, r.tension.get(t, 0.0) / 200.0)
        pressure = p.aggression * (0.3 + goal) + quarrel + 0.1 * (u_attack > -0.5)
        spiral = 0.5 + r.view.escalation / 60.0
        risk = self.aversion * (1.0 + 0.3 * min(3.0, max(0.0, -u_attack))) * spiral
        now = r.view.round
        truce = self.memory.in_truce(self.nation, t)
        for effect in COERCION:
            opt = s.option(effect, target=t)
            if opt is None or (truce and effect is Effect.BLOCKADE):
                continue  # a blockade would break the ceasefire, at a cost in credibility
            u = pressure - risk * max(opt.action.escalation, 0) / 25.0 - 0.1
            if self._recent(opt.action.id, t, 1, now):
                u -= 0.25
            add(u + self._judge(), opt, t,
                reason=f"probe {self._n(t)} below the threshold of armed attack")

    # ------------------------------------------------------------ holding land
    def _occupation(self, r, s, add) -> bool:
        """Holding land: dig in, stop and keep it, or withdraw. True if it holds any."""
        held = [h for h in r.view.war.holdings if h.occupier == self.nation]
        if not held:
            return False
        p, me = self.p, self.nation
        stand = s.option(Effect.STAND_DOWN)
        for h in held:  # remembered: what a counter-offensive there met
            self.garrisons_seen[h.land] = h.garrison * READINESS_MULTIPLIER[r.me.readiness]
        for h in held:
            coal = coalition(r, h.land, me, self.memory, self.skill.foresight)
            rm = READINESS_MULTIPLIER[r.me.readiness]
            hold = hold_probability(h.garrison * rm, coal.later)
            gain = r.weight(K.GAIN_TERRITORY, target=h.land)
            bite = sanctions_exposure(r, self.trade, h.land, coal.friends, now=True)
            pushed = self.memory.freed.get(h.land, 0)  # counter-offensives it suffered
            keep = (p.aggression * (gain * 2.0 + 0.3 + r.weight(K.ALLIANCE_DISCREDITED))
                    * (0.3 + hold))
            cost = self.aversion * (bite * 2.0 + 0.3 * pushed + (1.0 - hold))
            u_withdraw = cost - keep - 0.3 + self._judge()
            if stand is not None and u_withdraw > 0:
                add(3.5 + u_withdraw, stand, why="withdraw",
                    reason=f"withdraw from {self._n(h.land)}: holding it costs more "
                           f"(sanctions, counter-offensives) than it is worth")
                return True
            invade = s.option(Effect.INVADE, target=h.land)
            if invade is not None and hold < 0.6 and p.risk_tolerance + p.aggression > 1.0:
                spot = on_the_spot(r, h.land, me, self.memory, self.skill.foresight)
                extra = forces_at_home(r.view, me) * 0.35 * rm
                if hold_probability((h.garrison + extra / rm) * rm, coal.later) > hold + 0.2 \
                        and extra > spot:
                    tension = r.tension.get(h.land, 0.0)
                    if tension * (1 - self.world.ladder.decay) + 30 < self.world.ladder.war:
                        add(3.0 + keep - cost, invade, h.land, why="attack", forces=0.35,
                            reason=f"dig in: reinforce the garrison in {self._n(h.land)} "
                                   f"({h.garrison:.0f}) against a counter-offensive of "
                                   f"about {coal.later:.0f}")
        return True
