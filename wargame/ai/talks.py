"""Diplomacy of the default policy: proposals, answers, and keeping its word.

A mixin of :class:`~wargame.ai.default.DefaultPolicy` (it uses the policy's
personality, memory and judgements; its votes are in :mod:`wargame.ai.votes`):

* **answers** weigh what each term would cost it against what the others' terms
  would bring, the deals worth most first, and never more promises due in a round
  than it has orders that round; a free rider asked to deploy counters with aid; a
  rejection is explained to the proposer in a private message (:meth:`explain`);
* **proposals**: a threatened state asks its strongest ally to deploy forces in
  return for raising its own defence spending (burden sharing), and the
  alliance's leading power offers the same deal to its most threatened ally; a
  multilateral victim, or its alliance's leading power, asks its allies to
  sanction the aggressor together; an aggressor under sanctions offers the
  sender that trades most with it a promise not to attack it if it lifts them;
* **commitments** it made are kept or broken according to its loyalty and the
  credibility it would lose (:data:`~wargame.core.negotiation.BROKEN_CREDIBILITY`).
"""

from __future__ import annotations

import math

from ..core.actions import Effect
from ..core.legal import MAX_SPENDING
from ..core.model import ObjectiveKind as K
from ..core.negotiation import BROKEN_CREDIBILITY, OPEN, PROPOSAL_OPEN
from ..core.rules import Vote
from ..core.terms import (AID, CEASEFIRE, CONSULT, DEPLOY, LIFT_SANCTIONS, NO_ATTACK,
                          RAISE_SPENDING, SANCTION, SPENDING_STEP, SUPPORT_RESOLUTION,
                          WITHDRAW, Term)
from ..core.view import View
from .base import Counter, Offer
from .estimate import public_power
from .reading import Reading, open_commitments



# each kept by an order (the term kinds are module names: in Python 3.11 each
# ``TermKind.DEPLOY`` in a function goes through EnumType.__getattr__'s slow hook)
ORDER_TERMS = {DEPLOY, AID, CONSULT, RAISE_SPENDING}


def spending_target(spending: float) -> float:
    """A defence-spending level one step above ``spending``, rounded down to a tenth so
    that it stays within one round's reach (0.0: none left under the cap)."""
    value = math.floor((spending + SPENDING_STEP) * 10.0 + 1e-6) / 10.0
    return value if spending < value <= MAX_SPENDING else 0.0


class Diplomacy:
    """Answers, proposals and commitments (mixed into DefaultPolicy)."""

    # ------------------------------------------------------------ terms
    def term_cost(self, r: Reading, term: Term) -> float:
        """What keeping ``term`` (its own) would cost this state, in judgement units."""
        p, k, t = self.p, term.kind, term.target
        ally = t in self.partners
        culprit = self._culprits(r).get(t, 0.0) if t else 0.0
        if k is DEPLOY:
            return 0.3 + 0.4 * p.free_riding - 0.5 * p.loyalty * ally
        if k is SANCTION:
            return (self.trade.get(t, 0.0) * (2.0 + 4.0 * r.weight(K.LOW_COSTS))
                    * (0.5 + p.free_riding) + 0.1 + 0.4 * p.free_riding - 0.5 * culprit)
        if k is LIFT_SANCTIONS:
            return 0.5 * culprit - self.trade.get(t, 0.0)
        if k is RAISE_SPENDING:
            return 0.2 + 0.5 * p.free_riding - 0.3 * p.loyalty
        if k is WITHDRAW:
            return 2.0 * r.weight(K.GAIN_TERRITORY, target=t) + 0.3 * p.aggression
        if k is CEASEFIRE:
            return max(0.0, self.assessment.get(t, -1.0)) + 0.2 * p.aggression \
                - r.weight(K.AVOID_WAR, K.CRISIS_RESOLVED)
        if k is AID:
            return 0.15 + 0.4 * p.free_riding - 0.3 * p.loyalty * ally
        if k is NO_ATTACK:
            return max(0.0, self.assessment.get(t, -1.0)) + 0.1 * p.aggression
        if k is SUPPORT_RESOLUTION:
            return 0.0 if self.vote_on(r, self._culprits(r), term.measure, t) is Vote.YES \
                else 0.5
        return 0.05  # consult

    def term_benefit(self, r: Reading, term: Term) -> float:
        """What another party keeping ``term`` would bring this state."""
        p, k, t, me = self.p, term.kind, term.target, self.nation
        if k is DEPLOY:
            return min(1.0, self._danger(r)[0]) if t == me else \
                0.3 * p.loyalty * self._ally_threat(r, t) if t in self.partners else 0.0
        if k is SANCTION:
            return 0.5 * self._culprits(r).get(t, 0.0)
        if k is LIFT_SANCTIONS:
            return 0.5 if t == me else 0.0
        if k is RAISE_SPENDING:
            return 0.3 * p.loyalty if term.party in self.partners else 0.0
        if k is WITHDRAW:
            return 2.0 * r.weight(K.KEEP_TERRITORY) + 0.5 if t == me else \
                0.5 * r.weight(K.AGGRESSOR_WITHDRAWS, target=term.party)
        if k is CEASEFIRE:
            return r.weight(K.AVOID_WAR, K.CRISIS_RESOLVED) + 0.2 if t == me else 0.05
        if k is AID:
            return 0.3 if t == me else 0.0
        if k is NO_ATTACK:
            return min(1.0, self._danger(r)[0]) if t == me else 0.0
        if k is SUPPORT_RESOLUTION:
            return 0.2
        return 0.1

    # ------------------------------------------------------------ answers
    def answers(self, view: View) -> dict[str, str | Counter]:
        r = self._read(view)
        me = self.nation
        out: dict[str, str | Counter] = {}
        busy = self._promised_orders(view)
        for prop in view.proposals:  # its own offers still open may be accepted too
            if prop.by == me and prop.status is PROPOSAL_OPEN:
                due = min(view.round + prop.due_in, view.rounds_limit)
                busy[due] = busy.get(due, 0) + sum(
                    1 for t in prop.terms if t.party == me and t.kind in ORDER_TERMS)
        weighed = []
        for prop in view.proposals:
            if prop.status is not PROPOSAL_OPEN or me not in prop.to or \
                    me in prop.answers:
                continue
            value = sum(self.term_benefit(r, t) if t.party != me else -self.term_cost(r, t)
                        for t in prop.terms) + self._judge()
            weighed.append((value, prop))
        # the deals worth most first: it promises no more than it has orders to keep them
        for value, prop in sorted(weighed, key=lambda x: (-x[0], x[1].id)):
            due = min(view.round + prop.due_in, view.rounds_limit)
            mine = sum(1 for t in prop.terms if t.party == me and t.kind in ORDER_TERMS)
            if value > 0 and busy.get(due, 0) + mine > self.world.orders_per_round:
                self.rejected[prop.id] = (f"We reject proposal {prop.id}. We have promised "
                                          "as much as we can do by then.")
                out[prop.id] = "reject"  # it could not keep one more promise by then
                continue
            if value > 0:
                busy[due] = busy.get(due, 0) + mine
                out[prop.id] = "accept"
                continue
            counter = self._counter(r, prop) if not prop.institution else None
            if counter:  # a counter is a promise too, if accepted: within its means
                due_c = min(view.round + counter.due_in, view.rounds_limit)
                mine_c = sum(1 for t in counter.terms if t.party == me
                             and t.kind in ORDER_TERMS)
                if busy.get(due_c, 0) + mine_c > self.world.orders_per_round:
                    counter = None
                else:
                    busy[due_c] = busy.get(due_c, 0) + mine_c
            out[prop.id] = counter or "reject"
            if not counter:
                self.rejected[prop.id] = self._why_not(r, prop)
        return out

    def _promised_orders(self, view: View) -> dict[int, int]:
        """Round -> how many of its open promises and treaty duties due then need an
        order of their own (a duty may be honoured by measures in force, but it is
        counted: a loyal state keeps an order free for it)."""
        out: dict[int, int] = {}
        for c in open_commitments(view, self.nation):
            if c.term.kind in ORDER_TERMS:
                out[c.due] = out.get(c.due, 0) + 1
        for ob in view.obligations:
            if ob.debtor == self.nation and ob.status is OPEN:
                out[ob.due] = out.get(ob.due, 0) + 1
        return out

    def explain(self, proposal_id: str) -> str:
        return self.rejected.pop(proposal_id, "")

    def _why_not(self, r: Reading, prop) -> str:
        """The reason for a rejection, from the same weights as the answer."""
        me, w = self.nation, self.world
        mine = [(self.term_cost(r, t), t) for t in prop.terms if t.party == me]
        gain = sum(self.term_benefit(r, t) for t in prop.terms if t.party != me)
        head = f"We reject proposal {prop.id}."
        if mine:
            cost, term = max(mine, key=lambda ct: ct[0])
            if cost > gain:
                return (f"{head} Our part ({term.describe(w)}) would cost us more than the "
                        "rest of the deal brings us.")
        if gain <= 0.05:
            return f"{head} Nothing in these terms meets our concerns."
        return f"{head} On balance we are not persuaded, for now."

    def _counter(self, r: Reading, prop) -> Counter | None:
        """A free rider asked to deploy offers aid instead, if the rest is worth it."""
        me = self.nation
        mine = [t for t in prop.terms if t.party == me]
        if self.p.free_riding < 0.5 or not any(t.kind is DEPLOY for t in mine):
            return None
        terms = tuple(Term(me, AID, target=t.target) if t.party == me and t.kind is DEPLOY
                      else t for t in prop.terms
                      if not (t.kind is RAISE_SPENDING and t.party != me
                              and r.state(t.party).spending >= t.value - 1e-9))
        if any(t.kind is AID and t.party == me and t.target in r.me.sanctioning
               for t in terms):
            return None
        return Counter(terms, prop.due_in)

    # ------------------------------------------------------------ proposals
    def proposals(self, view: View) -> list[Offer]:
        r = self._read(view)
        out: list[Offer] = []
        now = view.round
        danger, by = self._danger(r)
        # burden sharing: "I raise my spending if you deploy to me"
        if danger >= 0.5 and self.partners and not self._recent("ask-deploy", "", 3, now):
            here = {o for (o, h) in self.memory.tripwires if h == self.nation}
            asked = [a for a in self.partners if a not in here and a != by]
            if asked:
                strongest = max(asked, key=lambda a: (public_power(r.state(a)), a))
                terms = [Term(strongest, DEPLOY, target=self.nation)]
                value = spending_target(r.me.spending)
                if value:
                    terms.append(Term(self.nation, RAISE_SPENDING, value=value))
                out.append(Offer((strongest,), tuple(terms), due_in=2))
                self.last[("ask-deploy", "")] = now
        # "we sanction the aggressor together"
        if self.p.multilateralism >= 0.6 and not self._recent("ask-sanctions", "", 3, now):
            # the gravest culprit outside its alliance, at 0.9 or more (by name on a tie)
            grave = [(-sev, a) for a, sev in self._culprits(r).items()
                     if sev >= 0.9 and a not in self.partners]
            if grave:
                a = min(grave)[1]
                # the victim or the alliance's leading power rallies the others
                if a in r.attacked.get(self.nation, ()) or self._leads(r):
                    sending = {x.sender for x in r.view.war.sanctions if x.target == a}
                    others = [m for m in sorted(self.partners)
                              if m not in sending and m != a][:3]
                    if others:
                        terms = tuple(Term(m, SANCTION, target=a) for m in others)
                        if a not in r.me.sanctioning:
                            terms += (Term(self.nation, SANCTION, target=a),)
                        out.append(Offer(tuple(others), terms, due_in=1))
                        self.last[("ask-sanctions", "")] = now
        out += self._patron_offer(r, now)
        out += self._wedge_offer(r, now)
        return self._within_means(view, out) if out else out

    def _within_means(self, view: View, offers: list[Offer]) -> list[Offer]:
        """Only the offers whose own terms it could keep with the orders left in the
        round they fall due, counting its promises, its duties and its other offers
        still open (each may be accepted)."""
        busy = self._promised_orders(view)
        for prop in view.proposals:
            if prop.by == self.nation and prop.status is PROPOSAL_OPEN:
                due = min(view.round + prop.due_in, view.rounds_limit)
                busy[due] = busy.get(due, 0) + sum(
                    1 for t in prop.terms if t.party == self.nation and t.kind in ORDER_TERMS)
        kept = []
        for offer in offers:
            due = min(view.round + offer.due_in, view.rounds_limit)
            mine = sum(1 for t in offer.terms if t.party == self.nation
                       and t.kind in ORDER_TERMS)
            if busy.get(due, 0) + mine > self.world.orders_per_round:
                continue
            busy[due] = busy.get(due, 0) + mine
            kept.append(offer)
        return kept

    def _leads(self, r: Reading) -> bool:
        """Whether it is stronger than each of its partners (its alliance's leading
        power): once per reading."""
        found = r.memo.get("leads")
        if found is None:
            mine, state = self._own_power(r), r.state
            found = True
            for m in self.partners:
                if public_power(state(m)) >= mine:
                    found = False
                    break
            r.memo["leads"] = found
        return found

    def _patron_offer(self, r: Reading, now: int) -> tuple[Offer, ...]:
        """The alliance's leading power offers a threatened ally forces, if the ally
        pays more for its own defence (burden sharing, from the other side)."""
        if not self.partners or self._recent("offer-deploy", "", 3, now) or \
                self.p.loyalty < 0.5:
            return ()
        if not self._leads(r):
            return ()
        there = {h for (o, h) in self.memory.tripwires if o == self.nation}
        threatened = sorted(((self._ally_threat(r, a), a) for a in self.partners
                             if a not in there), reverse=True)
        if not threatened or threatened[0][0] < 0.5:
            return ()
        ally = threatened[0][1]
        value = spending_target(r.state(ally).spending)
        if not value:
            return ()
        self.last[("offer-deploy", "")] = now
        return (Offer((ally,), (Term(self.nation, DEPLOY, target=ally),
                                Term(ally, RAISE_SPENDING, value=value)), due_in=2),)

    def _wedge_offer(self, r: Reading, now: int) -> tuple[Offer, ...]:
        """An aggressor under sanctions offers one sender a promise not to attack it,
        if it lifts its sanctions: a wedge in the coalition."""
        if self.p.aggression < 0.5 or self._recent("offer-wedge", "", 3, now):
            return ()
        senders = sorted(s for (s, t) in self.memory.sanctions if t == self.nation
                         and s != self.nation)
        if not senders:
            return ()
        # the sender that trades most with it has the most to gain from the deal
        sender = max(senders, key=lambda s: (self.trade.get(s, 0.0), s))
        self.last[("offer-wedge", "")] = now
        return (Offer((sender,), (Term(self.nation, NO_ATTACK, target=sender),
                                  Term(sender, LIFT_SANCTIONS, target=self.nation)),
                      due_in=1),)

    # ------------------------------------------------------------ commitments
    def keep_commitments(self, r: Reading, s, add) -> None:
        """Orders that keep this state's open commitments, if it means to keep them."""
        promised = open_commitments(r.view, self.nation)
        if not promised:
            return
        p, me = self.p, r.me
        stake = BROKEN_CREDIBILITY / 10.0 * (0.5 + me.credibility / 100.0)
        for c in promised:
            term = c.term
            u = p.loyalty * (1.0 + stake) - 0.4 - self.term_cost(r, term) + self._judge()
            if u <= 0:
                continue  # it will break it, and pay for it in credibility
            # a promise falling due now comes before all but war
            k, t, u = term.kind, term.target, (3.4 if c.due <= r.view.round else 2.4) + u
            if k is DEPLOY:  # a new deployment: forces stationed before earn nothing
                add(u, s.option(Effect.DEPLOY, target=t), t, why="keep",
                    reason=f"keeps its promise to deploy forces to {self._n(t)}")
            elif k is SANCTION and t not in me.sanctioning:
                add(u, s.option(Effect.SANCTION, target=t), t, why="keep")
            elif k is LIFT_SANCTIONS and t in me.sanctioning:
                add(u, s.option(Effect.LIFT_SANCTIONS, target=t), t, why="keep")
            elif k is RAISE_SPENDING and me.spending < term.value - 1e-9:
                add(u, s.option(Effect.SPENDING), why="keep")
            elif k is AID:
                add(u, s.option(Effect.AID, target=t), t, why="keep")
            elif k is CONSULT:
                add(u, s.option(Effect.CONSULT, institution=term.institution),
                    institution=term.institution, why="keep")
            elif k is CEASEFIRE and not self.memory.in_truce(self.nation, t):
                accept = s.option(Effect.ACCEPT_CEASEFIRE, target=t)
                if accept is not None:
                    add(u, accept, t, why="keep")
                else:
                    add(u, s.option(Effect.PROPOSE_CEASEFIRE, target=t), t, why="keep")
            elif k is WITHDRAW and self.memory.taken.get(t):
                add(u, s.option(Effect.STAND_DOWN), why="keep")

    def promised_not_to_attack(self, r: Reading, target: str) -> bool:
        return any(c.term.kind is NO_ATTACK and c.term.target == target
                   for c in open_commitments(r.view, self.nation))
