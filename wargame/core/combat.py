"""Military engagements: strikes and invasions, with allies and tripwires assisting.

Strength = forces at home x readiness multiplier x a random factor (0.85-1.15).
The defender fights at home (x1.25); states that ordered *defend* bring half of
their available forces; forces already deployed in the victim's territory fight
too (a tripwire: their owner is drawn in). Losses are a share of the other side's
strength; an invasion that outnumbers the defence takes territory.
"""

from __future__ import annotations

from .actions import Effect
from .context import Round, clamp
from .events import Kind
from .legal import READINESS_MULTIPLIER
from .state import NationState, pair

HOME_ADVANTAGE = 1.25
EXPEDITION_SHARE = 0.5
LOSS_RATE = 0.05
MAX_TAKEN = 25.0  # territory points an invasion can take in one round
FACTOR = (0.85, 1.15)  # the random factor on each side's strength
TRUCE_BROKEN_CREDIBILITY = 10.0


def taken(attack: float, defence: float, territory: float) -> float:
    """Territory an invasion of strength ``attack`` takes from ``defence`` (0 if it fails)."""
    if attack <= defence:
        return 0.0
    return min(territory, MAX_TAKEN, 10.0 * (attack / max(defence, 1e-9) - 1.0) + 5.0)


def available(ns: NationState) -> float:
    return max(0.0, ns.military - sum(ns.deployed.values()))


def power(ns: NationState) -> float:
    return available(ns) * READINESS_MULTIPLIER[ns.readiness]


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


def resolve_attacks(r: Round) -> list[tuple[str, str]]:
    """Adjudicate every strike and invasion; return the (attacker, victim) pairs."""
    st = r.state
    attacks = r.of(Effect.STRIKE, Effect.INVADE)
    helpers: dict[str, list[str]] = {}
    for o in r.of(Effect.DEFEND):
        helpers.setdefault(o.target, []).append(o.nation)
    tripwires: dict[str, list[str]] = {}
    for ns in st.nations.values():
        for host in ns.deployed:
            tripwires.setdefault(host, []).append(ns.id)
    done: list[tuple[str, str]] = []
    for o in attacks:
        spec = r.world.actions[o.action]
        a, v = st.nations[o.nation], st.nations[o.target]
        invade = spec.effect is Effect.INVADE
        break_truce(r, a.id, v.id)
        att = power(a) * r.rng.uniform(*FACTOR)
        side = [(v, power(v) * HOME_ADVANTAGE)]
        for h in helpers.get(v.id, ()):
            if h != a.id:
                side.append((st.nations[h], power(st.nations[h]) * EXPEDITION_SHARE))
        for t in tripwires.get(v.id, ()):
            if t != a.id:
                side.append((st.nations[t], st.nations[t].deployed.get(v.id, 0.0)))
        dfn = sum(p for _, p in side) * r.rng.uniform(*FACTOR)
        intensity = 1.0 if invade else 0.5
        a_loss = min(a.military, dfn * LOSS_RATE * intensity)
        a.military -= a_loss
        a.losses += a_loss
        lost = [(a.id, a_loss)]
        for ns, p in side:
            share = p / dfn if dfn else 0.0
            loss = min(ns.military, att * LOSS_RATE * intensity * share)
            ns.military -= loss
            ns.losses += loss
            lost.append((ns.id, loss))
            if ns.id != v.id:
                r.fought_for.setdefault(v.id, set()).add(ns.id)
                ns.contribution += loss
                r.push(ns.id, a.id, 5.0)
        gained = taken(att, dfn, v.territory) if invade else 0.0
        if gained:
            v.territory -= gained
            key = (a.id, v.id)
            st.occupation[key] = st.occupation.get(key, 0.0) + gained
        elif not invade:
            hit = v.economy * 0.005
            v.economy -= hit
            v.costs += hit
        v.support = clamp(v.support + 3.0)  # rallying round the flag
        st.under_attack.setdefault(v.id, [])
        if a.id not in st.under_attack[v.id]:
            st.under_attack[v.id].append(a.id)
        # a state may fight twice over (its tripwire there, and its defence order): once
        with_whom = [n for n in dict.fromkeys(ns.id for ns, _ in side[1:]) if n != v.id]
        helped = f", with {', '.join(r.name(i) for i in with_whom)}" if with_whom else ""
        result = (f"{r.name(a.id)} takes {gained:.0f}% of {r.name(v.id)}'s territory" if gained
                  else f"{r.name(v.id)} holds" if invade else "the strike hits its targets")
        r.emit(Kind.ARMED_ATTACK, f"{r.name(a.id)} {'invades' if invade else 'strikes'} "
               f"{r.name(v.id)}.", actor=a.id, target=v.id, value=spec.escalation)
        by_state: dict[str, float] = {}
        for i, x in lost:
            by_state[i] = by_state.get(i, 0.0) + x
        losses = ", ".join(f"{r.name(i)} {x:.0f}" for i, x in by_state.items())
        r.emit(Kind.ENGAGEMENT, f"Battle: {r.name(a.id)} (strength {att:.0f}) against "
               f"{r.name(v.id)}{helped} ({dfn:.0f}); {result}. Forces lost: {losses}.",
               actor=a.id, target=v.id,
               value=min(att / max(dfn, 1e-9), 100.0))
        if gained:
            r.emit(Kind.TERRITORY, f"{r.name(a.id)} now holds {st.occupation[(a.id, v.id)]:.0f}% "
                   f"of {r.name(v.id)}.", actor=a.id, target=v.id, value=gained)
        done.append((a.id, v.id))
    return done


def stand_down(r: Round, nation: str) -> None:
    """Lower readiness, bring forces home and give back occupied territory."""
    st = r.state
    ns = st.nations[nation]
    ns.readiness = 0
    ns.deployed.clear()
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
    where = f" and leaves {', '.join(r.name(v) for v in returned)}" if returned else ""
    r.emit(Kind.WITHDRAWAL, f"{r.name(nation)} stands its forces down{where}.", actor=nation)
