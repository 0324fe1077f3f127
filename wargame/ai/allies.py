"""Defenders that defend (a mixin of :class:`~wargame.ai.default.DefaultPolicy`).

* **Obligations** (:meth:`Defender.honour_utility`): loyalty and the clause's
  strength, the price of declining, what it has at stake (trade, region, its
  objectives), what honouring would cost it (its own costs objective, the risk of
  being drawn into a war against a stronger state), its public and free riding. If
  it honours, it contributes *forces* in proportion to its capacity and temperament
  (``Order.forces``), never less than the clause's ``min_contribution`` of its
  forces: a counter-offensive to free the ally's land when the combined force on
  the spot can beat the garrison (the engine's :func:`~wargame.core.combat.freed`
  rule), a defence of the ally under attack, or a deployment. A free rider honours
  the cheap way a non-automatic clause allows (aid, sanctions); a state with little
  at stake lets the obligation fall due (abandonment).
* **Requests** (UN Charter Art. 51): a victim asks strong friends who owe it
  nothing by treaty; a state asked answers by its ties, its stance and the odds.
* **Authorised coalitions**: a state that voted for an authorisation of force joins
  the coalition acting under it, if the coalition can win.
* **Reassurance** before an attack: deployments (the tripwire), exercises,
  statements; consultation by the threatened member itself, once.
"""

from __future__ import annotations

from operator import itemgetter

from ..core.actions import Effect
from ..core.combat import freed
from ..core.legal import READINESS_MULTIPLIER
from ..core.model import ObjectiveKind as K, Strength
from .estimate import forces_at_home, public_power

# The enum members the functions below use every round, read once: in Python 3.11 each
# ``Effect.EXERCISE`` in a function goes through EnumType.__getattr__'s hook (hundreds of
# instructions and an allocation); a module name is one load.
EXERCISE, LIBERATE, REQUEST_HELP, SUPPORT = (Effect.EXERCISE, Effect.LIBERATE,
                                             Effect.REQUEST_HELP, Effect.SUPPORT)

DUTY = {Strength.AUTOMATIC: 1.0, Strength.AS_IT_DEEMS_NECESSARY: 0.6,
        Strength.CONSTITUTIONAL_PROCESSES: 0.45}
MARGIN = 1.25  # combined strength over the garrison's that a counter-offensive seeks
MOST = 0.85  # the largest share of its forces a helper commits
_first = itemgetter(0)  # a sort key (with reverse=True, ties keep their order)
COVERED = 8.0  # the reassurance from others at which an ally needs no more of its own


def _reassured(shown: dict[str, float], besides: str) -> float:
    """The resolve shown for a state by every actor but ``besides``, added up in the
    memory's order as :meth:`Memory.shown_to_by_others` adds it, but only until it
    reaches COVERED: the acts only add, so what follows cannot bring it back under."""
    total = 0
    for a, v in shown.items():
        if a != besides:
            total += v
            if total >= COVERED:
                break
    return total


class Defender:
    """Alliance duties, requests for help and coalitions (mixed into DefaultPolicy)."""

    # ------------------------------------------------------------ weights
    def _will(self) -> float:
        """Will to fight for others: loyalty, less free riding, with some nerve."""
        p = self.p
        return p.loyalty * (1.0 - p.free_riding) * (0.5 + 0.5 * p.risk_tolerance)

    def _ties(self, r, other: str) -> float:
        """How much this state cares about ``other``: alliance, trade, region, objectives."""
        w = 0.0
        if other in self.partners:
            w += 0.4
        elif other in self.world.allies[self.nation]:
            w += 0.2
        w += min(0.4, 2.0 * self.trade.get(other, 0.0))
        if self.world.nation[other].region == self.region:
            w += 0.1
        w += r.weight(K.ALLIANCE_CREDIBLE) * (other in self.partners)
        return w

    def _odds(self, r, enemy: str) -> float:
        return public_power(r.state(enemy)) / (self._own_power(r) or 1.0)

    def honour_utility(self, r, ob) -> float:
        """How much this state wants to honour obligation ``ob`` (> 0: it will)."""
        p, me = self.p, r.me
        clause = self._clause(ob)
        cost = clause.decline_costs
        alliance_stake = r.weight(K.ALLIANCE_CREDIBLE, target=ob.institution)
        price = (cost.credibility * (0.3 + me.credibility / 100.0)
                 + cost.alliance_credibility * (0.5 + 3.0 * alliance_stake)
                 + cost.support) / 60.0
        interest = (2.0 * r.weight(K.AGGRESSOR_WITHDRAWS, target=ob.against) + alliance_stake
                    + r.weight(K.KEEP_CREDIBILITY) + self.trade.get(ob.beneficiary, 0.0)
                    - 0.5 * self.trade.get(ob.against, 0.0))
        if ob.beneficiary and self.world.nation[ob.beneficiary].region == self.region:
            interest += 0.15
        burden = (1.5 * r.weight(K.LOW_COSTS) + 0.5 * r.weight(K.AVOID_WAR)
                  + 0.2 * self.aversion * min(2.0, self._odds(r, ob.against)) * (1 - p.loyalty))
        public = (me.support - 50.0) / 100.0
        return (p.loyalty * DUTY[ob.strength] + price + interest + public - burden
                - 0.6 * p.free_riding - 0.35 + self._noise())

    def _clause(self, ob):
        return next(c for c in self.world.institution[ob.institution].clauses
                    if c.id == ob.clause)

    # ------------------------------------------------------------ shares of forces
    def _least_share(self, r, clause) -> float:
        """The share of its forces at home that meets the clause's minimum (>1: none can)."""
        home = forces_at_home(r.view, self.nation)
        if home <= 0:
            return 2.0
        return clause.min_contribution * r.me.military / home * 1.1 + 0.005

    def _share(self, r, least: float, stake: float = 0.0) -> float:
        """The share it commits: in proportion to its will and stake, at least ``least``."""
        want = 0.15 + 0.55 * min(1.0, self._will() + stake)
        return round(min(MOST, max(least, want)), 3)

    def _liberation(self, r, land: str, mine: float) -> tuple[float, float]:
        """(expected combined strength, garrison strength) of a counter-offensive in
        ``land`` with ``mine`` of this state's strength: the victim's own forces, those
        of the others owing it help (half of them expected), against the garrisons."""
        garrison = 0.0
        for h in r.view.war.holdings:
            if h.land == land:
                garrison += h.garrison * READINESS_MULTIPLIER[r.state(h.occupier).readiness]
        own = forces_at_home(r.view, land) * READINESS_MULTIPLIER[r.state(land).readiness]
        combined = mine + own * 1.25 * 0.75
        owing = {ob.debtor for ob in r.view.obligations if ob.status._value_ == "open"
                 and ob.beneficiary == land and ob.debtor != self.nation}
        for m in sorted(owing):
            combined += 0.5 * forces_at_home(r.view, m) * \
                READINESS_MULTIPLIER[r.state(m).readiness] * 0.5
        return combined, garrison

    def _fight_for(self, r, s, add, victim: str, enemy: str, least: float, stake: float,
                   base: float, why: str, reason: str) -> bool:
        """Commit forces for ``victim``: free its land if the combined force can win,
        else defend it; True if an order was added."""
        rm = READINESS_MULTIPLIER[r.me.readiness]
        home = forces_at_home(r.view, self.nation) * rm
        liberate = s.option(Effect.LIBERATE, target=victim)
        if liberate is not None and self.memory.in_truce(victim, enemy):
            liberate = None  # the victim agreed a ceasefire: fighting on would be aggression
        if liberate is not None:
            share = self._share(r, least, stake)
            combined, garrison = self._liberation(r, victim, home * share)
            if combined < garrison * MARGIN and share < MOST:  # commit more if it would win
                need = (garrison * MARGIN - combined) / max(home, 1e-9) + share
                if need <= MOST:
                    share = round(max(share, need), 3)
                    combined, garrison = self._liberation(r, victim, home * share)
            if combined > garrison * 1.05:
                add(base + 0.2, liberate, victim, why=why, forces=share,
                    reason=f"{reason}: counter-offensive in {self._n(victim)} with {share:.0%} "
                           f"of its forces (about {combined:.0f} against a garrison of "
                           f"{garrison:.0f}, {freed(combined, garrison):.0%} of the land freed)")
                return True
        defend = s.option(Effect.DEFEND, target=victim)
        if defend is not None:
            share = self._share(r, least, stake)
            add(base, defend, victim, why=why, forces=share,
                reason=f"{reason}: defend {self._n(victim)} against {self._n(enemy)} "
                       f"with {share:.0%} of its forces")
            return True
        return False

    # ------------------------------------------------------------ obligations
    def _alliance(self, r, s, add) -> None:
        for ob in r.my_obligations:
            self._obligation(r, s, add, ob)
        self._free_land(r, s, add, {ob.beneficiary for ob in r.my_obligations})
        self._reassure(r, s, add)

    def _free_land(self, r, s, add, owed: set) -> None:
        """Land of its own, or of an ally it may lawfully fight for, still held after the
        obligations are settled: a counter-offensive when the combined force can win."""
        opt = s.option(LIBERATE)
        if opt is None:
            return
        me = self.nation
        for land in opt.targets:
            if land in owed or (land != me and land not in self.partners):
                continue  # an obligation handles it, or it is no ally's land
            enemy = next((h.occupier for h in r.view.war.holdings if h.land == land), "")
            if land == me:
                stake = 0.5 + r.weight(K.KEEP_TERRITORY)
                u = stake + self._noise()
                reason = "takes back its own land"
            else:
                stake = 0.5 * self._ties(r, land) + 2.0 * r.weight(K.AGGRESSOR_WITHDRAWS,
                                                                   target=enemy) \
                    + 2.0 * r.weight(K.PROTECT_TERRITORY, target=land)
                u = (self._will() + 0.5 * stake - 0.2 * self.aversion *
                     min(2.0, self._odds(r, enemy)) - 0.3 + self._noise())
                reason = f"frees the land of its ally {self._n(land)}"
            if u > 0:
                self._fight_for(r, s, add, land, enemy, 0.05, stake, 2.4 + u, "free", reason)

    def _obligation(self, r, s, add, ob) -> None:
        p = self.p
        u = self.honour_utility(r, ob)
        if u <= 0:
            self.note(r, ob.beneficiary or ob.against,
                      f"lets its obligation under {self._n(ob.institution)} fall due: "
                      "little at stake against what honouring would cost")
            return  # declined at the due round, at the clause's price
        if ob.action == "sanction":
            if ob.against not in r.me.sanctioning:
                add(2.5 + u, s.option(Effect.SANCTION, target=ob.against), ob.against,
                    why="honour", reason=f"binding sanctions of {self._n(ob.institution)}")
            return
        v, a = ob.beneficiary, ob.against
        clause = self._clause(ob)
        least = self._least_share(r, clause)
        stake = 0.5 * self._ties(r, v) + 2.0 * r.weight(K.AGGRESSOR_WITHDRAWS, target=a) \
            + 2.0 * r.weight(K.PROTECT_TERRITORY, target=v)
        fight = self._will() + 0.5 * stake - 0.2 * self.aversion * min(2.0, self._odds(r, a))
        reason = f"honours {self._n(ob.institution)}'s duty to {self._n(v)}"
        if (ob.strength is Strength.AUTOMATIC or fight > 0.3) and least <= MOST and \
                self._fight_for(r, s, add, v, a, least, stake, 2.6 + u, "honour", reason):
            return
        if ob.strength is Strength.AUTOMATIC:
            return  # only fighting honours an automatic clause; it could not
        if a in r.me.sanctioning or r.me.deployed.get(v, 0.0) >= \
                clause.min_contribution * r.me.military:
            return  # measures in force honour it already (clauses._honours)
        deploy = s.option(Effect.DEPLOY, target=v)
        aid = s.option(Effect.AID, target=v)
        sanction = s.option(Effect.SANCTION, target=a) if a not in r.me.sanctioning else None
        if fight > 0.15 and deploy is not None and least <= MOST:
            add(2.5 + u, deploy, v, why="honour", forces=max(least, 0.1),
                reason=f"{reason}: forces deployed to {self._n(v)}")
        elif sanction is not None and self.trade.get(a, 0.0) < 0.05:
            add(2.5 + u, sanction, a, why="honour",
                reason=f"{reason} the cheap way: sanctions on {self._n(a)}")
        elif aid is not None:
            add(2.5 + u, aid, v, why="honour", reason=f"{reason} the cheap way: aid")
        elif sanction is not None:
            add(2.5 + u, sanction, a, why="honour", reason=f"{reason}: sanctions")

    # ------------------------------------------------------------ Art. 51, coalitions
    def _requests(self, r, s, add) -> None:
        """A victim asks strong friends that owe it nothing by treaty; a state asked
        answers; a state that voted for an authorisation joins the coalition."""
        opt = s.option(REQUEST_HELP)
        if opt is not None:
            bound = {ob.debtor for ob in r.view.obligations
                     if ob.beneficiary == self.nation and ob.status.value in ("open", "kept")}
            ranked = sorted(((self._friendliness(r, t) * public_power(r.state(t)), t)
                             for t in opt.targets if t not in bound), reverse=True)
            for score, t in ranked[:2]:
                if score <= 0:
                    break
                add(1.8 + self.p.multilateralism * 0.3, s.option(Effect.REQUEST_HELP, target=t),
                    t, reason=f"ask {self._n(t)} for help in its self-defence (Art. 51)")
        owed = {ob.beneficiary for ob in r.my_obligations}
        for victim in sorted(self.memory.asked):
            if victim in owed or victim not in r.attacked:
                continue
            for enemy in r.attacked[victim][:1]:
                stake = self._ties(r, victim) + self._friendliness(r, victim)
                u = (0.3 * self.p.loyalty + 0.5 * self.p.stance.interventionism + stake
                     + 2.0 * r.weight(K.AGGRESSOR_WITHDRAWS, target=enemy)
                     + 2.0 * r.weight(K.PROTECT_TERRITORY, target=victim)
                     - 0.25 * self.aversion * min(2.0, self._odds(r, enemy)) - 0.65
                     + self._noise())
                if u > 0:
                    self._fight_for(r, s, add, victim, enemy, 0.05, stake, 2.3 + u, "answer",
                                    f"answers {self._n(victim)}'s request (Art. 51)")
        for auth in r.view.war.authorisations:
            if self.nation not in auth.addressed or not self._voted_for(r, auth):
                continue
            lands = sorted(h.land for h in r.view.war.holdings if h.occupier == auth.target)
            for land in lands[:1]:
                u = (0.35 + 0.5 * self.p.stance.interventionism + 0.3 * self.p.loyalty
                     - 0.6 * self.p.free_riding - 0.2 * self.aversion
                     * min(2.0, self._odds(r, auth.target)) + self._noise())
                if u > 0:
                    self._fight_for(r, s, add, land, auth.target, 0.05, 0.3, 2.4 + u,
                                    "coalition", f"acts under {self._n(auth.institution)}'s "
                                    "authorisation, which it voted for")

    def _voted_for(self, r, auth) -> bool:
        """Whether it voted for this authorisation (remembered, or in the record of
        drafts decided lately, after a game is loaded)."""
        if (auth.institution, auth.target) in self.voted_force:
            return True
        return any(d.institution == auth.institution and d.target == auth.target
                   and d.measure == "use_of_force" and d.votes.get(self.nation) == "yes"
                   for d in r.view.decided)

    def _friendliness(self, r, other: str) -> float:
        """Reasons to expect help from, or give help to, ``other`` without a treaty."""
        shown = self.memory.shown.get((other, self.nation), 0.0) + \
            self.memory.shown.get((self.nation, other), 0.0)
        w = min(0.5, shown / 8.0) + min(0.4, 2.0 * self.trade.get(other, 0.0))
        if other in self.world.allies[self.nation]:
            w += 0.2
        if r.tension.get(other, 0.0) >= 12.0:
            w -= 0.5
        return w

    # ------------------------------------------------------------ reassurance
    def _reassure(self, r, s, add) -> None:
        p, now = self.p, r.view.round
        threatened = self._threatened_partners(r) if self.partners else ()
        if threatened:
            # the alliance covers its gaps: an ally others reassure needs less of it
            covered = self._covered
            threatened = sorted([(t * (1.2 - min(1.0, covered(r, a) / COVERED)), a)
                                 for t, a in threatened], key=_first, reverse=True)[:2]
        will = p.loyalty * (1.0 - p.free_riding)
        # (each judgement is drawn whatever comes of it; the option and the reason are
        # looked up only for an order worth giving: add takes none other)
        for threat, ally in threatened:
            u = will * threat * 1.1 - 0.35
            if ally in r.me.deployed:
                u -= 0.45
            u += self._noise()
            if u > 0:
                add(u, s.option(Effect.DEPLOY, target=ally), ally,
                    reason=f"reassure {self._n(ally)}: forces on its soil (a tripwire)")
            ex = s.option(EXERCISE, target=ally)
            u = will * threat * 0.8 - 0.25 - (0.3 if self._recent(ex.action.id if ex else "",
                                                                  ally, 2, now) else 0.0)
            u += self._noise()
            if u > 0 and ex is not None:
                add(u, ex, ally, reason=f"exercise with threatened {self._n(ally)}")
            u = (p.multilateralism + p.loyalty) / 2 * threat * 0.7 - 0.1
            if self._recent("support", ally, 2, now):
                u -= 0.2
            u += self._noise()
            if u > 0:
                add(u, s.option(SUPPORT, target=ally), ally,
                    reason=f"public support for threatened {self._n(ally)}")
            if r.me.readiness < 1:
                u = will * threat * 0.5 - 0.2 + self._noise()
                if u > 0:
                    add(u, s.option(Effect.READINESS, magnitude=1),
                        reason=f"raise readiness: {self._n(ally)} is threatened")
        self._reassure_friends(r, s, add)

    def _covered(self, r, ally: str) -> float:
        """How much reassurance ``ally`` has had from others (shown acts, tripwires),
        counted up to COVERED (all that _reassure weighs)."""
        shown = self.memory.shown_to.get(ally)
        if not shown:
            return 0
        me = self.nation
        if me in shown:
            return _reassured(shown, me)
        # none of it its own: the same for every state that shares the memory this
        # round (a new shared memo each round)
        shared = self.memory.shared_memo()
        if shared is None:
            return _reassured(shown, me)
        found = shared.get(("covered", ally))
        if found is None:
            found = shared[("covered", ally)] = _reassured(shown, me)
        return found

    def _reassure_friends(self, r, s, add) -> None:
        """A threatened friend without a treaty (trade, shown support): statements of
        support and aid, by its stance: strategic ambiguity made a little less so."""
        p, now, me = self.p, r.view.round, self.nation
        best = None
        ex = self._excluded  # itself and its partners: those it need not reassure so
        for a, t, v in self._strong_acts():
            if a == me or t in ex:
                continue
            friend = self._friendliness(r, t)
            if friend < 0.05 or r.tension.get(t, 0.0) >= 12.0:
                continue
            w = (friend + 0.4 * p.stance.interventionism) * min(1.0, self._ally_threat(r, t))
            if best is None or w > best[0]:
                best = (w, t)
        if best is None:
            return
        w, t = best
        u = w * 1.2 - 0.15 - (0.2 if self._recent("support", t, 1, now) else 0.0)
        u += self._noise()
        if u > 0:  # the option and the reason only for an order add keeps
            add(u, s.option(SUPPORT, target=t), t, reason=f"public support for {self._n(t)}, "
                "under pressure: a friend without a treaty")
        u = w * 0.7 - 0.3 - 0.3 * p.free_riding - (0.3 if self._recent("aid", t, 2, now) else 0)
        u += self._noise()
        if u > 0:
            add(u, s.option(Effect.AID, target=t), t,
                reason=f"aid to {self._n(t)}, under pressure")
