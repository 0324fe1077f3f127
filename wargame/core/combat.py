"""Military engagements: forces committed to fronts, invasions, strikes, garrisons and
counter-offensives. The formulas are in docs/rules.md ("Forces and battles").

Each state's forces are one stock (``military``). Forces stationed with an ally
(``deployed``) and garrisons holding occupied land (``garrisons``) are not at home;
what is left is *available*. Every order that fights commits a share of the forces
available at the start of the round (``Order.forces``, or the action's default in
:data:`DEFAULT_FORCES`); the shares of one state's orders never add up to more than
all of them (a larger total is scaled down), so an army fighting on two fronts
fights with half on each.

Battle strength = forces committed x readiness x a random factor (0.85-1.15). A
state defends at home with what it has not committed elsewhere (x1.25), split
between the attacks on it this round; states defending it bring what they
committed, split the same way; forces stationed with it fight when the attack on it
is an aggression (a tripwire), never for an aggressor being struck back. An
invasion that outnumbers the defence takes land and leaves its forces there as the
garrison; a counter-offensive that outnumbers a garrison frees land in proportion
to its margin, and a garrison that holds nothing more goes home.
"""

from __future__ import annotations

from .actions import Effect, Order
from .conflicts import basis_for, end_between, join_side, ongoing, record_force
from .context import Round, clamp
from .events import Kind
from .legal import READINESS_MULTIPLIER
from .state import NationState, pair

HOME_ADVANTAGE = 1.25
LOSS_RATE = 0.05
MAX_TAKEN = 25.0  # territory points an invasion can take in one round
FACTOR = (0.85, 1.15)  # the random factor on each side's strength
TRUCE_BROKEN_CREDIBILITY = 10.0
UNLAWFUL_CREDIBILITY = 5.0  # fighting for a state with no treaty and no request
DEFAULT_FORCES = {Effect.INVADE: 0.75, Effect.STRIKE: 0.25, Effect.DEFEND: 0.5,
                  Effect.LIBERATE: 0.75}
"""The share of its available forces an order commits when it names none."""
FREED_BASE, FREED_SLOPE = 0.25, 0.5
"""A counter-offensive of strength ratio R > 1 against a garrison frees
``min(1, FREED_BASE + FREED_SLOPE * (R - 1))`` of the land that garrison holds."""
LEFT = 0.5  # land held (points) or garrison forces below which an occupation ends


def taken(attack: float, defence: float, territory: float) -> float:
    """Territory an invasion of strength ``attack`` takes from ``defence`` (0 if it fails)."""
    if attack <= defence:
        return 0.0
    return min(territory, MAX_TAKEN, 10.0 * (attack / max(defence, 1e-9) - 1.0) + 5.0)


def freed(attack: float, garrison: float) -> float:
    """The share (0..1) of the land a garrison of strength ``garrison`` holds that a
    counter-offensive of strength ``attack`` frees (0 if it fails)."""
    if attack <= garrison:
        return 0.0
    return min(1.0, FREED_BASE + FREED_SLOPE * (attack / max(garrison, 1e-9) - 1.0))


def away(ns: NationState) -> float:
    """Forces stationed abroad and holding occupied land."""
    return sum(ns.deployed.values()) + sum(ns.garrisons.values())


def available(ns: NationState) -> float:
    """Forces at home, free to be committed."""
    free = ns.military - away(ns)
    return free if free > 0.0 else 0.0  # max(0.0, free) without the call: the same float


def power(ns: NationState) -> float:
    return available(ns) * READINESS_MULTIPLIER[ns.readiness]


def share(r: Round, order: Order) -> float:
    """The share of its available forces ``order`` commits (before any scaling)."""
    spec = r.world.actions[order.action]
    if order.forces:
        return order.forces
    if spec.effect is Effect.DEPLOY:
        return spec.magnitude
    return DEFAULT_FORCES.get(spec.effect, 0.0)


COMMITTING = frozenset(DEFAULT_FORCES) | {Effect.DEPLOY}


def commit(r: Round) -> None:
    """Fill ``r.committed``: the forces each fighting or deploying order commits, from
    the forces available at the start of the round; a state's shares are scaled down
    together when they add up to more than all of them."""
    actions = r.world.actions
    for nation, orders in r.by_nation.items():
        mine = [o for o in orders if actions[o.action].effect in COMMITTING]
        if not mine:
            continue
        shares = [share(r, o) for o in mine]
        scale = 1.0 / sum(shares) if sum(shares) > 1.0 else 1.0
        home = available(r.state.nations[nation])
        for o, s in zip(mine, shares):
            r.committed[o] = home * s * scale
        r.spent[nation] = sum(r.committed[o] for o in mine
                              if r.world.actions[o.action].effect is not Effect.DEPLOY)


def strength(ns: NationState, forces: float) -> float:
    return forces * READINESS_MULTIPLIER[ns.readiness]


def break_truce(r: Round, by: str, against: str) -> None:
    """A hostile military act (strike, invasion, blockade) across a ceasefire ends it
    and costs ``by`` credibility."""
    truce = pair(by, against)
    if truce in r.state.truces:
        r.state.truces.remove(truce)
        r.emit(Kind.CEASEFIRE_BROKEN, f"{r.name(by)} breaks its ceasefire with "
               f"{r.name(against)}.", actor=by, target=against)
        ns = r.state.nations[by]
        ns.credibility = clamp(ns.credibility - TRUCE_BROKEN_CREDIBILITY)


def _lose(ns: NationState, loss: float, r: Round, fought_for: str = "",
          against: str = "") -> float:
    loss = min(ns.military, loss)
    ns.military -= loss
    ns.losses += loss
    if fought_for and ns.id != fought_for:
        r.fought_for.setdefault(fought_for, set()).add(ns.id)
        ns.contribution += loss
        if against:
            r.push(ns.id, against, 5.0)
    return loss


def _losses_text(r: Round, lost: list[tuple[str, float]]) -> str:
    by_state: dict[str, float] = {}
    for i, x in lost:
        by_state[i] = by_state.get(i, 0.0) + x
    return ", ".join(f"{r.name(i)} {x:.0f}" for i, x in by_state.items())


def _report_self_defence(r: Round, nation: str, attacker: str) -> None:
    """A state using force in self-defence reports it to the Security Council (UN
    Charter Art. 51), once a conflict: the first body that can authorise force."""
    council = next((i for i in r.world.institutions if any(
        c.authorising for c in i.clauses if c.kind.value == "use_of_force_authorisation")),
        None)
    if council is None:
        return
    for c in ongoing(r.state):
        if c.attacker == attacker and nation not in c.reported and (
                nation == c.victim or nation in c.side):
            c.reported.append(nation)
            r.emit(Kind.SELF_DEFENCE, f"{r.name(nation)} reports its measures of self-defence "
                   f"against {r.name(attacker)} to {council.name} (UN Charter Art. 51).",
                   actor=nation, target=attacker, institution=council.id)
            return


def resolve_liberations(r: Round) -> list[tuple[str, str]]:
    """Counter-offensives against the garrisons holding occupied land (those there at
    the start of the round: a garrison made this round can be attacked next round).
    Returns the (occupier, occupied state) pairs fought over."""
    st = r.state
    by_land: dict[str, list[Order]] = {}
    for o in r.of(Effect.LIBERATE):
        by_land.setdefault(o.target, []).append(o)
    done = []
    for land, orders in by_land.items():
        holders = [(n, ns.garrisons[land]) for n, ns in st.nations.items()
                   if ns.garrisons.get(land, 0.0) > 0]
        total = sum(g for _, g in holders)
        for occupier, garrison in holders:
            part = garrison / total
            side = []
            for o in orders:
                ns = st.nations[o.nation]
                break_truce(r, o.nation, occupier)
                bonus = HOME_ADVANTAGE if o.nation == land else 1.0
                side.append((ns, strength(ns, r.committed.get(o, 0.0) * part) * bonus))
                record_force(r.world, st, o.nation, occupier)
                _report_self_defence(r, o.nation, occupier)
            occ = st.nations[occupier]
            att = sum(p for _, p in side) * r.rng.uniform(*FACTOR)
            dfn = strength(occ, garrison) * r.rng.uniform(*FACTOR)
            lost = []
            total_p = max(sum(q for _, q in side), 1e-9)
            for (ns, p), o in zip(side, orders):
                loss = min(r.committed.get(o, 0.0) * part, dfn * LOSS_RATE * p / total_p)
                loss = _lose(ns, loss, r, fought_for=land, against=occupier)
                lost.append((ns.id, loss))
            g_loss = min(garrison, att * LOSS_RATE)
            _lose(occ, g_loss, r)
            lost.append((occupier, g_loss))
            share_freed = freed(att, dfn)
            held = st.occupation.get((occupier, land), 0.0)
            back = held * share_freed
            left = garrison - g_loss
            left -= left * share_freed  # the freed share of the garrison goes home
            names = ", ".join(r.name(ns.id) for ns, _ in side)
            result = (f"{share_freed * 100:.0f}% of the land it held is freed" if back
                      else f"{r.name(occupier)} holds its ground")
            r.emit(Kind.ENGAGEMENT, f"Counter-offensive in {r.name(land)}: {names} "
                   f"(strength {att:.0f}) against {r.name(occupier)}'s garrison ({dfn:.0f}); "
                   f"{result}. Forces lost: {_losses_text(r, lost)}.", actor=occupier,
                   target=land, ref="counter_offensive",
                   value=min(att / max(dfn, 1e-9), 100.0))
            _hold(r, occupier, land, held - back, left, back)
            done.append((occupier, land))
    return done


def _hold(r: Round, occupier: str, land: str, held: float, garrison: float,
          freed_now: float = 0.0) -> None:
    """Set what ``occupier`` holds of ``land`` and the garrison holding it; an
    occupation with no land or no forces left ends and the garrison goes home."""
    st = r.state
    occ, victim = st.nations[occupier], st.nations[land]
    if held < LEFT or garrison < LEFT:
        freed_now += held
        held = 0.0
    victim.territory = clamp(victim.territory + freed_now)
    if held <= 0:
        st.occupation.pop((occupier, land), None)
        occ.garrisons.pop(land, None)
        if freed_now:
            r.emit(Kind.TERRITORY, f"{r.name(land)} takes back all its land: "
                   f"{r.name(occupier)}'s garrison leaves.", actor=occupier, target=land,
                   value=-freed_now)
        return
    st.occupation[(occupier, land)] = held
    occ.garrisons[land] = garrison
    if freed_now:
        r.emit(Kind.TERRITORY, f"{r.name(land)} takes back {freed_now:.0f}% of its "
               f"territory; {r.name(occupier)} now holds {held:.0f}%.", actor=occupier,
               target=land, value=-freed_now)


def resolve_attacks(r: Round) -> list[tuple[str, str, str]]:
    """Adjudicate every strike and invasion; return (attacker, victim, basis) for each,
    where basis is why it was lawful ('' for an aggression)."""
    st = r.state
    attacks = r.of(Effect.STRIKE, Effect.INVADE)
    fronts: dict[str, int] = {}
    for o in attacks:
        fronts[o.target] = fronts.get(o.target, 0) + 1
    helpers: dict[str, list[Order]] = {}
    for o in r.of(Effect.DEFEND):
        helpers.setdefault(o.target, []).append(o)
    _interventions(r, helpers)
    tripwires: dict[str, list[str]] = {}
    for ns in st.nations.values():
        for host in ns.deployed:
            tripwires.setdefault(host, []).append(ns.id)
    done: list[tuple[str, str, str]] = []
    for o in attacks:
        spec = r.world.actions[o.action]
        a, v = st.nations[o.nation], st.nations[o.target]
        invade = spec.effect is Effect.INVADE
        break_truce(r, a.id, v.id)
        basis = record_force(r.world, st, a.id, v.id)
        if basis:
            _report_self_defence(r, a.id, v.id)
        committed = r.committed.get(o, 0.0)
        dug_in = a.garrisons.get(v.id, 0.0) if invade else 0.0
        att = strength(a, committed + dug_in) * r.rng.uniform(*FACTOR)
        n = fronts[v.id]
        home = max(0.0, available(v) - r.spent.get(v.id, 0.0)) / n
        # the defenders: (state, strength, forces it can lose, stationed there)
        side = [(v, strength(v, home) * HOME_ADVANTAGE, home, False)]
        for h in helpers.get(v.id, ()):
            if h.nation != a.id:
                hs, sent = st.nations[h.nation], r.committed.get(h, 0.0) / n
                side.append((hs, strength(hs, sent), sent, False))
        if not basis:  # stationed forces fight against an aggression, not for one
            for t in tripwires.get(v.id, ()):
                if t != a.id:
                    there = st.nations[t].deployed.get(v.id, 0.0) / n
                    side.append((st.nations[t], there, there, True))
        dfn = sum(p for _, p, _, _ in side) * r.rng.uniform(*FACTOR)
        intensity = 1.0 if invade else 0.5
        a_loss = _lose(a, min(committed + dug_in, dfn * LOSS_RATE * intensity), r)
        lost = [(a.id, a_loss)]
        for ns, p, cap, abroad in side:
            part = p / dfn if dfn else 0.0
            loss = min(cap, att * LOSS_RATE * intensity * part)
            loss = _lose(ns, loss, r, fought_for=v.id if ns.id != v.id else "", against=a.id)
            if abroad:  # a tripwire loses from the forces stationed there
                left = ns.deployed.get(v.id, 0.0) - loss
                if left > 1e-9:
                    ns.deployed[v.id] = left
                else:
                    ns.deployed.pop(v.id, None)
            lost.append((ns.id, loss))
        side = [(ns, p) for ns, p, _, _ in side]
        holding = committed + dug_in - a_loss  # what would garrison the land taken:
        # too few forces to hold any (under LEFT) take none, whatever they beat
        gained = taken(att, dfn, v.territory) if invade and holding >= LEFT else 0.0
        if gained:
            v.territory -= gained
            held = st.occupation.get((a.id, v.id), 0.0) + gained
            _hold(r, a.id, v.id, held, holding)
        elif invade and dug_in:  # a failed push: the garrison takes its share of losses
            left = max(0.0, dug_in - a_loss * dug_in / max(committed + dug_in, 1e-9))
            _hold(r, a.id, v.id, st.occupation.get((a.id, v.id), 0.0), left)
        elif not invade:
            hit = v.economy * 0.005
            v.economy -= hit
            v.costs += hit
        v.support = clamp(v.support + 3.0)  # rallying round the flag
        st.under_attack.setdefault(v.id, [])
        if a.id not in st.under_attack[v.id]:
            st.under_attack[v.id].append(a.id)
        _attack_news(r, o, att, dfn, gained, side, lost, basis)
        done.append((a.id, v.id, basis))
    return done


def _interventions(r: Round, helpers: dict[str, list[Order]]) -> None:
    """States defending a victim join its side where they may lawfully fight; one
    fighting for a state with no treaty and no request is condemned for it."""
    st = r.state
    for victim, orders in helpers.items():
        for h in orders:
            unlawful = join_side(r.world, st, h.nation, victim)
            defending_aggressor = [a for a in st.under_attack.get(victim, ())
                                   if not any(c.attacker == a and c.victim == victim
                                              for c in ongoing(st))]
            for a in defending_aggressor:  # fighting for an aggressor against its victim
                record_force(r.world, st, h.nation, a)
            if unlawful:
                ns = st.nations[h.nation]
                ns.credibility = clamp(ns.credibility - UNLAWFUL_CREDIBILITY)
                r.emit(Kind.CREDIBILITY, f"{r.name(h.nation)} fights for {r.name(victim)} "
                       f"with no treaty obliging it and no request from {r.name(victim)}: "
                       "an unlawful use of force in others' eyes (UN Charter Art. 51; ICJ, "
                       "Nicaragua, 1986); its credibility falls by "
                       f"{UNLAWFUL_CREDIBILITY:g}.", actor=h.nation, target=victim,
                       value=-UNLAWFUL_CREDIBILITY)
            else:
                for a in st.under_attack.get(victim, ()):
                    if basis_for(r.world, st, h.nation, victim, a):
                        _report_self_defence(r, h.nation, a)


def _attack_news(r: Round, o: Order, att: float, dfn: float, gained: float, side, lost,
                 basis: str) -> None:
    st = r.state
    a, v = o.nation, o.target
    invade = r.world.actions[o.action].effect is Effect.INVADE
    # a state may fight twice over (its tripwire there, and its defence order): once
    with_whom = [n for n in dict.fromkeys(ns.id for ns, _ in side[1:]) if n != v]
    helped = f", with {', '.join(r.name(i) for i in with_whom)}" if with_whom else ""
    result = (f"{r.name(a)} takes {gained:.0f}% of {r.name(v)}'s territory" if gained
              else f"{r.name(v)} holds" if invade else "the strike hits its targets")
    why = f" ({basis})" if basis else ""
    r.emit(Kind.ARMED_ATTACK, f"{r.name(a)} {'invades' if invade else 'strikes'} "
           f"{r.name(v)}{why}.", actor=a, target=v,
           value=r.world.actions[o.action].escalation, ref="lawful" if basis else "")
    r.emit(Kind.ENGAGEMENT, f"Battle: {r.name(a)} (strength {att:.0f}) against "
           f"{r.name(v)}{helped} ({dfn:.0f}); {result}. Forces lost: "
           f"{_losses_text(r, lost)}.", actor=a, target=v,
           value=min(att / max(dfn, 1e-9), 100.0))
    if gained:
        r.emit(Kind.TERRITORY, f"{r.name(a)} now holds {st.occupation[(a, v)]:.0f}% "
               f"of {r.name(v)}.", actor=a, target=v, value=gained)


def stand_down(r: Round, nation: str) -> None:
    """Lower readiness, bring forces home and give back occupied territory."""
    st = r.state
    ns = st.nations[nation]
    ns.readiness = 0
    ns.deployed.clear()
    ns.garrisons.clear()
    returned = []
    for key in [k for k in st.occupation if k[0] == nation]:
        victim = st.nations[key[1]]
        victim.territory = clamp(victim.territory + st.occupation.pop(key))
        returned.append(key[1])
    for victim in list(st.under_attack):
        if nation in st.under_attack[victim]:
            st.under_attack[victim].remove(nation)
            if not st.under_attack[victim]:
                del st.under_attack[victim]
    for c in ongoing(st):  # its aggressions end with it
        if c.attacker == nation:
            end_between(st, nation, c.victim)
    where = f" and leaves {', '.join(r.name(v) for v in returned)}" if returned else ""
    r.emit(Kind.WITHDRAWAL, f"{r.name(nation)} stands its forces down{where}.", actor=nation)
