"""Votes on the merits (a mixin of :class:`~wargame.ai.default.DefaultPolicy`).

A state votes on a draft by weighing, in one line it can give as its reason:

* **the measure**: how severe (a statement, a ceasefire demand, peacekeeping,
  condemnation, sanctions, suspension, force) and what it would cost it (sanctions
  on a trading partner cost in proportion to the trade);
* **the target's conduct**, from the public facts of war (``view.war``): the
  attacker of record of an ongoing conflict, a state holding another's land, a
  state committing hostile acts short of war; or a victim, or a state fighting
  lawfully for one;
* **its ties** to the target: alliances, trade, joint exercises and support;
* **its stance** (:class:`~wargame.core.model.Stance`): ``legalism`` makes conduct
  count more than ties, ``interventionism`` makes coercive measures acceptable;
* **its exposure**: the target threatens it or its allies, or a measure against an
  aggressor could one day be turned against its own ambitions.
"""

from __future__ import annotations

from ..core.actions import Measure
from ..core.model import ObjectiveKind as K
from ..core.rules import Vote
from ..core.terms import SUPPORT_RESOLUTION
from .base import drafts_to_vote
from .reading import open_commitments, war_memo

SEVERITY = {Measure.STATEMENT.value: 0.1, Measure.CEASEFIRE.value: 0.2,
            Measure.PEACEKEEPING.value: 0.3, Measure.CONDEMN.value: 0.35,
            Measure.SANCTIONS.value: 0.6, Measure.SUSPEND.value: 0.7,
            Measure.USE_OF_FORCE.value: 1.0, Measure.REFER.value: 0.3,
            Measure.EXPEL.value: 0.8, Measure.NON_RECOGNITION.value: 0.35}
PUNITIVE = {Measure.CONDEMN.value, Measure.SANCTIONS.value, Measure.USE_OF_FORCE.value,
            Measure.SUSPEND.value, Measure.REFER.value, Measure.EXPEL.value,
            Measure.NON_RECOGNITION.value}
"""Measures against a state; a referral to the General Assembly is one: it opens the way
to measures a veto blocked."""
YES_ABOVE = 0.2
NO_BELOW = -0.2

# The enum members the functions below compare with, read once: in Python 3.11 each
# ``Vote.YES`` in a function goes through EnumType.__getattr__'s hook (hundreds of
# instructions and an allocation); a module name is one load.
YES, NO, ABSTAIN = Vote.YES, Vote.NO, Vote.ABSTAIN
STATEMENT, CEASEFIRE, SANCTIONS, USE_OF_FORCE = (  # the measures as drafts name them
    Measure.STATEMENT.value, Measure.CEASEFIRE.value, Measure.SANCTIONS.value,
    Measure.USE_OF_FORCE.value)
LOW_COSTS, GAIN_TERRITORY = K.LOW_COSTS, K.GAIN_TERRITORY


class Merits:
    """Votes (mixed into DefaultPolicy)."""

    def votes(self, view) -> dict:
        drafts = drafts_to_vote(view, self.world)
        if not drafts:
            return {}
        r = self._read(view)
        promised = {(c.term.institution, c.term.measure, c.term.target)
                    for c in open_commitments(view, self.nation)
                    if c.term.kind is SUPPORT_RESOLUTION}
        out = {}
        for d in drafts:
            self.drafts_seen[(d.institution, d.measure, d.target)] = view.round
            if d.by == self.nation and d.target != self.nation:
                vote, why = YES, "its own draft"
            else:
                vote, why = self.judge_draft(r, d.measure, d.target)
            if (d.institution, d.measure, d.target) in promised and vote is not YES \
                    and self.p.loyalty + self._judge() > 0.4:
                vote, why = YES, "it promised to support this draft"
            if vote is YES and d.measure == USE_OF_FORCE:
                self.voted_force.add((d.institution, d.target))
            out[d.id] = vote
            self.note(r, d.target, f"votes {vote._value_} on {d.measure.replace('_', ' ')} "
                                   f"against {self._n(d.target)} in {self._n(d.institution)}: {why}",
                      kind="vote")
        return out

    def vote_on(self, r, culprits, m: str, t: str) -> Vote:
        """How this state votes on a draft of measure ``m`` concerning ``t``."""
        return self.judge_draft(r, m, t)[0]

    # ------------------------------------------------------------ the weighing
    def conduct(self, r, t: str) -> tuple[float, str]:
        """How far ``t``'s conduct calls for measures against it (-1..1), and why."""
        aggressors, holding, defended, _ = _at_war(r.view.war)
        victims = aggressors.get(t)
        if victims:
            return 1.0, f"{self._n(t)} attacked {', '.join(self._n(v) for v in victims)}"
        held = holding.get(t)
        if held:
            return 0.9, f"{self._n(t)} holds land of {self._n(held)}"
        if t in defended:
            return -0.6, f"{self._n(t)} is a victim of aggression or fights for one"
        hostile = self._hostility_by(r, t)
        if hostile >= 10.0:
            return min(0.5, hostile / 60.0), f"{self._n(t)}'s hostile acts short of war"
        for a, b, _ in self.world.start_tensions:  # the disputes the crisis began with
            other = b if a == t else a if b == t else ""
            if other and (other == self.nation or other in self.partners):
                return 0.2, f"{self._n(t)}'s dispute with {self._n(other)}"
        return 0.0, f"nothing in {self._n(t)}'s conduct calls for it"

    def _hostility_by(self, r, t: str) -> float:
        """The hostility remembered of ``t`` against anyone, summed in the memory's
        order: once per reading, and once for every state that shares the memory."""
        key = ("hostility by", t)
        memo = self.memory.shared_memo()
        if memo is None:
            memo = r.memo
        found = memo.get(key)
        if found is None:
            found = memo[key] = sum(v for (a, _), v in self.memory.hostility.items() if a == t)
        return found

    def ties(self, r, t: str) -> float:
        me = self.nation
        w = 0.0
        if t in self.partners:
            w += 0.8
        elif t in self.world.allies[me]:
            w += 0.5
        trade = 1.5 * self.trade.get(t, 0.0)
        w += trade if trade < 0.6 else 0.6  # (min without the call: the same floats)
        shown = self.memory.shown.get((t, me), 0.0) + self.memory.shown.get((me, t), 0.0)
        shown /= 8.0  # exercises, support, aid between them
        w += shown if shown < 0.4 else 0.4
        return w

    def judge_draft(self, r, m: str, t: str) -> tuple[Vote, str]:
        p, me, st = self.p, self.nation, self.p.stance
        if t == me:
            return NO, "a measure against itself"
        conduct, why = self.conduct(r, t)
        ties = self.ties(r, t)
        severity = SEVERITY.get(m, 0.3)
        mine_to_take = t in self.assessment and self.assessment[t] > -0.5 and \
            not self.goal_met.get(t)
        attackers_of_me = r.attacked.get(me, ())
        if m in PUNITIVE:
            if t in attackers_of_me:
                return YES, f"{self._n(t)} attacked it"
            own_war = me in _at_war(r.view.war)[0]
            threat = 0.4 * min(1.0, r.tension.get(t, 0.0) / 30.0)
            partner_hit = any(t in atk for v, atk in r.attacked.items() if v in self.partners)
            y = (st.legalism * 1.3 * conduct + 0.5 * partner_hit + threat
                 - ties * (1.2 - 0.7 * st.legalism)
                 - severity * (1.0 - st.interventionism) * 0.9 + 0.15 * st.interventionism)
            if m == SANCTIONS:
                y -= self.trade.get(t, 0.0) * (1.0 + 2.0 * r.weight(LOW_COSTS)) * \
                    (0.5 + p.free_riding)
            if own_war or mine_to_take or r.weight(GAIN_TERRITORY) > 0:
                y -= 0.5 * severity + 0.3  # a precedent that could be turned against it
            if conduct <= 0:
                y -= 0.4 + 0.4 * st.legalism  # no cause: a measure against an innocent
            y += self._judge(0.5)
            vote = YES if y > YES_ABOVE else NO if y < NO_BELOW else ABSTAIN
            reason = why if vote is YES else (
                f"its ties to {self._n(t)}" if ties > 0.4 and conduct > 0 else
                "the measure goes too far for its stance" if conduct > 0 else why)
            return vote, reason
        # statements, ceasefire demands, peacekeeping: pacific settlement
        _, holding, _, at_war = _at_war(r.view.war)
        if mine_to_take or (m != STATEMENT and me in holding):
            return NO, "it would stop it taking or keeping what it wants"
        fighting = t in at_war
        if m == CEASEFIRE and not fighting and conduct <= 0:
            return ABSTAIN, "there is no fighting to cease"
        y = (0.5 * p.multilateralism + 0.3 * (1.0 - p.aggression) - 0.35
             + 0.2 * fighting + self._judge(0.5))
        if m == CEASEFIRE and any(h.land in self.partners or h.land == me
                                                for h in r.view.war.holdings
                                                if h.occupier == t):
            y -= 0.3 * st.legalism  # a ceasefire would freeze an ally's occupation
        vote = YES if y > 0 else ABSTAIN
        return vote, ("settles the dispute peacefully" if vote is YES
                      else "not its quarrel")


def _at_war(war) -> tuple[dict[str, list[str]], dict[str, str], set[str], set[str]]:
    """What every voter reads alike of the public facts of war (``view.war``): the
    attacker of record of each ongoing conflict -> its victims (sorted), each occupier
    -> the first land it holds, the states that are a victim of an ongoing conflict or
    fight for one, and the states attacking or attacked in one. Worked out once for
    every government while the views share the facts (:func:`war_memo`); read it, do
    not change it."""
    memo = war_memo(war)
    found = memo.get("at war")
    if found is not None:
        return found
    aggressors: dict[str, set[str]] = {}
    defended: set[str] = set()
    at_war: set[str] = set()
    for c in war.conflicts:
        if not c.ended:
            aggressors.setdefault(c.attacker, set()).add(c.victim)
            defended.add(c.victim)
            defended.update(c.side)
            at_war.update((c.attacker, c.victim))
    holding: dict[str, str] = {}
    for h in war.holdings:
        holding.setdefault(h.occupier, h.land)
    found = memo["at war"] = ({a: sorted(v) for a, v in aggressors.items()}, holding,
                                defended, at_war)
    return found
