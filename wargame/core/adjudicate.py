"""Resolution: turn every state's simultaneous orders into events and new numbers.

The steps run in a fixed order, each state's orders in the world's order, and all
chance comes from the game's one seeded ``random.Random``, so the same inputs
always give the same result.
"""

from __future__ import annotations

import random

from . import machine
from .actions import Effect, Order, Target
from .clauses import (collective_defence, consultations, ipso_facto, overrun,
                      settle_obligations, table_drafts)
from .combat import commit, resolve_attacks, resolve_liberations, stand_down
from .conflicts import end_between, lawful_basis, ongoing
from .context import Round, clamp
from .economy import aid, apply_sanctions, blockade_and_cyber, change_sanctions
from .events import Event, Kind
from .legal import MAX_SPENDING
from .membership import active_in, active_members, departures, notices
from .model import ClauseKind, World
from .recognition import declarations
from .negotiation import expire_proposals, settle_commitments
from .state import GameState, Status, pair

FRIENDLY = frozenset({Effect.SUPPORT, Effect.AID, Effect.DEPLOY, Effect.EXERCISE,
                      Effect.PEACEKEEPERS})
HOSTILE = (Effect.BLOCKADE, Effect.CYBER, Effect.STRIKE, Effect.INVADE, Effect.LIBERATE)
PUBLIC_SILENT = frozenset({
    Effect.SANCTION, Effect.LIFT_SANCTIONS, Effect.AID, Effect.BLOCKADE, Effect.CYBER,
    Effect.STRIKE, Effect.INVADE, Effect.CONSULT, Effect.MEETING, Effect.TABLE,
    Effect.STAND_DOWN, Effect.SPENDING, Effect.DEPLOY, Effect.PROPOSE_CEASEFIRE,
    Effect.LIBERATE, Effect.REQUEST_HELP})
"""Effects whose own adjudication step writes the news, so no plain action item."""

# The enum members the loops below compare with, read once: in Python 3.11 each
# ``Effect.DEFEND`` in a function goes through EnumType.__getattr__'s hook (hundreds of
# instructions and an allocation); a module name is one load.
DEFEND, LIBERATE, REQUEST_HELP, DEMARCHE = (Effect.DEFEND, Effect.LIBERATE,
                                            Effect.REQUEST_HELP, Effect.DEMARCHE)
NO_TARGET = Target.NONE
ACTION, AUTHORISED = Kind.ACTION, Kind.AUTHORISED


def resolve(world: World, state: GameState, orders: dict[str, list[Order]],
            rng: random.Random, earlier: list[Event] = ()) -> list[Event]:
    """Adjudicate one round. ``earlier`` are this round's events before orders."""
    flat = [o for n in world.ids for o in orders.get(n, ())]
    r = Round(world, state, rng, flat)
    actions = world.actions
    specs = [(o, actions[o.action]) for o in flat]  # each order with its action, once
    before = state.escalation
    commit(r)
    _pay(r, specs)
    _news(r, specs)
    _diplomacy(r)
    declarations(r)
    notices(r)
    consultations(r)
    table_drafts(r)
    _posture(r)
    change_sanctions(r)
    aid(r)
    incident = blockade_and_cyber(r)
    state.under_attack = {}
    for (occupier, victim), share in state.occupation.items():
        if share > 0 and pair(occupier, victim) not in state.truces:
            state.under_attack.setdefault(victim, []).append(occupier)
    liberated = resolve_liberations(r)
    fights = resolve_attacks(r)
    attacks = [(a, v) for a, v, _ in fights]
    agreed = _ceasefires(r)
    settle_obligations(r, world)  # those due now, before this round's attacks add more
    aggression = [(a, v) for a, v, basis in fights if not basis]
    collective_defence(r, aggression)
    ipso_facto(r, aggression)
    overrun(r)
    settle_commitments(r)
    departures(r)
    bites = apply_sanctions(r)  # what sanctions in force cover: nothing below changes them
    _escalate(r, before, specs)
    _support(r, attacks + liberated)
    hostile = bool(r.of(*HOSTILE)) or bool(r.of(Effect.SANCTION))
    state.quiet_rounds = 0 if hostile else state.quiet_rounds + 1
    state.fighting_rounds = state.fighting_rounds + 1 if attacks else 0
    state.war_rounds = _war_rounds(r, aggression)
    round_events = list(earlier) + r.events
    cover = sorted(bites, key=lambda ct: -ct[0])  # the highest coverage first
    kinds = {e.kind for e in round_events}
    authorised = [e for e in round_events if e.kind is AUTHORISED] \
        if AUTHORISED in kinds else []
    facts = machine.Facts(
        level=state.escalation,
        tension_mark=world.ladder.tension,
        incident_mark=world.ladder.incident,
        war_mark=world.ladder.war,
        incident=incident,
        armed_attack=bool(attacks),
        occupation=bool(state.under_attack),
        consultation=bool(kinds & {Kind.CONSULTATION_OPENED, Kind.MEETING_CALLED}),
        sanctions_active=_sanctions_bite(cover)
        or any(_authorised(world, e, ClauseKind.SANCTIONS) for e in authorised),
        collective_action=_collective_action(r, authorised),
        ceasefire=agreed,
        ceasefire_broken=Kind.CEASEFIRE_BROKEN in kinds,
        quiet_rounds=state.quiet_rounds,
        fighting_rounds=state.fighting_rounds,
        war_rounds=state.war_rounds,
        stage_rounds=state.stage_rounds + 1,
    )
    was = state.stage
    trigger = machine.step(state, facts)
    state.stage_rounds = 0 if trigger else state.stage_rounds + 1
    if trigger == "general_war":
        _general_war(r, facts)
    if trigger:
        r.emit(Kind.STAGE_CHANGED, f"The crisis moves from {was.replace('_', ' ')} to "
               f"{state.stage.replace('_', ' ')} ({_why(r, trigger, facts, cover)}).",
               ref=trigger)
    for key in [k for k, when in state.ceasefire_offers.items() if when < state.round]:
        del state.ceasefire_offers[key]
        by, to = key
        if pair(by, to) in state.truces:  # agreed another way (a proposal's term)
            continue
        r.emit(Kind.ACTION, f"{r.name(to)} did not take up {r.name(by)}'s ceasefire offer: "
               "it has lapsed.", actor=to, target=by)
    expire_proposals(r)
    return r.events


SANCTIONS_STAGE = 0.05
"""The crisis is in its sanctions stage when an institution adopts sanctions, or when
sanctions on some state cover at least this share of its trade: one state's
symbolic measure does not change the crisis."""


def _war_rounds(r: Round, aggression: list[tuple[str, str]]) -> int:
    """Rounds in a row, this one included, of new aggression with the crisis at the
    ladder's war mark (:func:`machine.general_war` counts them); 0 if this round had
    none or the crisis stands below the mark."""
    if not aggression or r.state.escalation < r.world.ladder.war:
        return 0
    return r.state.war_rounds + 1


def _general_war(r: Round, facts: machine.Facts) -> None:
    """The general-war event: news once, and the crisis reaches the rung that
    requires it ('General war' in the default ladder), which nothing else reaches."""
    st, ladder = r.state, r.world.ladder
    r.emit(Kind.GENERAL_WAR, f"General war: new aggression for {facts.war_rounds} rounds "
           f"running with the crisis at the war mark ({ladder.war:g}); the fighting spreads "
           "beyond the states at war.", value=float(facts.war_rounds), ref="general_war")
    rung = ladder.rung_for("general_war")
    if rung is None or st.escalation >= rung.level:
        return
    before, st.escalation = st.escalation, rung.level
    for crossed, _ in ladder.crossed(before, st.escalation):
        r.emit(Kind.RUNG_CROSSED, f"The crisis climbs past '{crossed.name}' "
               f"({crossed.level:g}).", ref=crossed.id, value=1.0)


def _sanctions_bite(cover: list[tuple[float, str]]) -> bool:
    return any(c >= SANCTIONS_STAGE for c, _ in cover)


def _why(r: Round, trigger: str, facts: machine.Facts, cover: list[tuple[float, str]]) -> str:
    """Why the stage moved, in words that agree with what the players saw this round
    (no " to " and no parentheses: the reason sits in parentheses after the stage)."""
    weak = ""
    if cover and not facts.sanctions_active:  # in force, but too thin for the stage
        c, t = cover[0]
        weak = (f"the sanctions still in force cover only {100 * c:.0f}% of "
                f"{r.name(t)}'s trade, less than the {100 * SANCTIONS_STAGE:.0f}% that keeps "
                "a crisis in the sanctions stage")
    if trigger == "sanctions_lifted":
        return weak or ("sanctions lifted" if r.of(Effect.LIFT_SANCTIONS)
                        else "no sanctions in force")
    if trigger == "response_stood_down" and weak:
        return f"response stood down; {weak}"
    if trigger == "consultation_closed":
        return (f"no consultations this round, and the crisis level is below "
                f"{facts.tension_mark:g}")
    return trigger.replace("_", " ")


def _authorised(world: World, event: Event, kind: ClauseKind) -> bool:
    """Whether ``event`` is an institution authorising a measure of this clause kind."""
    if event.kind is not Kind.AUTHORISED:
        return False
    inst = world.institution[event.institution]
    return any(c.id == event.ref and c.kind is kind for c in inst.clauses)


def _collective_action(r: Round, authorised: list[Event]) -> bool:
    """Allies acting together against an attack: assistance obligations arising or
    honoured, allies fighting beside the victim, or force authorised (``authorised``:
    the round's events of an institution authorising a measure). Sanctions, even
    binding ones, are the sanctions stage, not a collective response."""
    st = r.state
    if r.of(Effect.DEFEND):
        return True
    if any(_authorised(r.world, e, ClauseKind.USE_OF_FORCE) for e in authorised):
        return True
    return any(ob.action == "assist" and (ob.created == st.round or (
        ob.status is Status.KEPT and ob.settled == st.round)) for ob in st.obligations)


def _pay(r: Round, specs: list) -> None:
    nations = r.state.nations
    for o, spec in specs:
        ns = nations[o.nation]
        if spec.cost_economy:
            cost = ns.economy * spec.cost_economy / 100
            ns.economy -= cost
            ns.costs += cost
        if spec.cost_support:
            ns.support = clamp(ns.support - spec.cost_support)


def _news(r: Round, specs: list) -> None:
    """Every public action is news; démarches are seen by the two states only."""
    events, rnd, name = r.events, r.state.round, r.world.name_of
    for o, spec in specs:
        if spec.effect in PUBLIC_SILENT:
            continue
        if spec.effect is DEMARCHE:
            r.emit(Kind.PRIVATE_ACTION, f"{name(o.nation)} delivers a démarche to "
                   f"{name(o.target)}.", actor=o.nation, target=o.target,
                   visible_to=(o.nation, o.target))
        else:  # the most common news: the Event made directly (what r.emit does)
            whom = f" ({name(o.target)})" if o.target else ""
            events.append(Event(rnd, ACTION, f"{name(o.nation)}: {spec.name}{whom}.",
                                o.nation, o.target, "", spec.escalation, spec.id))


def _diplomacy(r: Round) -> None:
    st = r.state
    nations = st.nations
    for o in r.of(Effect.SUPPORT):
        ns = nations[o.target]
        ns.support = clamp(ns.support + 1.5)
    for o in r.of(Effect.CONDEMN):
        ns = nations[o.target]
        ns.credibility = clamp(ns.credibility - 0.5)
    mediations = r.of(Effect.MEDIATE)
    if mediations:  # each mediated state's disputes, found once for all its mediations
        around: dict[str, list[tuple[str, str]]] = {o.target: [] for o in mediations}
        for key in st.tension:
            a, b = key
            if a in around:
                around[a].append(key)
            if b in around:
                around[b].append(key)
        for o in mediations:
            for a, b in around[o.target]:
                r.push(a, b, -3.0)
    requests = r.of(Effect.REQUEST_HELP)
    attackers_of: dict[str, set[str]] = {}
    if requests:
        for c in ongoing(st):
            attackers_of.setdefault(c.victim, set()).add(c.attacker)
    for o in requests:
        if (o.nation, o.target) not in st.requests:
            st.requests.append((o.nation, o.target))
        against = sorted(attackers_of.get(o.nation, ()))
        whom = " and ".join(r.name(a) for a in against) or "its attacker"
        r.emit(Kind.ASSISTANCE_REQUESTED, f"{r.name(o.nation)} asks {r.name(o.target)} to "
               f"help defend it against {whom} (collective self-defence, UN Charter "
               "Art. 51).", actor=o.nation, target=o.target)
    for o in r.of(Effect.PROPOSE_CEASEFIRE):
        st.ceasefire_offers[(o.nation, o.target)] = st.round
        r.emit(Kind.CEASEFIRE_PROPOSED, f"{r.name(o.nation)} proposes a ceasefire to "
               f"{r.name(o.target)}.", actor=o.nation, target=o.target)


def _ceasefires(r: Round) -> bool:
    st = r.state
    agreed = False
    for o in r.of(Effect.ACCEPT_CEASEFIRE):
        if st.ceasefire_offers.pop((o.target, o.nation), None) is None:
            continue
        agreed = True
        key = pair(o.nation, o.target)
        if key not in st.truces:
            st.truces.append(key)
        end_between(st, o.nation, o.target)
        if key in st.tension:
            st.tension[key] *= 0.5
        for victim, other in ((o.nation, o.target), (o.target, o.nation)):
            attackers = st.under_attack.get(victim, [])
            if other in attackers:
                attackers.remove(other)
                if not attackers:
                    del st.under_attack[victim]
        r.emit(Kind.CEASEFIRE_AGREED, f"{r.name(o.nation)} and {r.name(o.target)} agree a "
               "ceasefire.", actor=o.nation, target=o.target)
    return agreed


def _posture(r: Round) -> None:
    st = r.state
    for o in r.of(Effect.READINESS):
        ns = st.nations[o.nation]
        ns.readiness = max(ns.readiness, int(r.world.actions[o.action].magnitude))
    for o in r.of(Effect.SPENDING):
        ns = st.nations[o.nation]
        spec = r.world.actions[o.action]
        ns.spending = min(MAX_SPENDING, ns.spending + spec.magnitude)
        ns.military *= 1 + spec.magnitude / max(ns.spending, 0.1) * 0.25
        ns.contribution += r.world.nation[o.nation].economy * spec.magnitude / 100
        r.emit(Kind.SPENDING, f"{r.name(o.nation)} raises defence spending to "
               f"{ns.spending:.1f}% of GDP.", actor=o.nation, value=ns.spending)
    for o in r.of(Effect.DEPLOY):
        ns = st.nations[o.nation]
        amount = r.committed.get(o, 0.0)
        if amount <= 0:
            continue
        ns.deployed[o.target] = ns.deployed.get(o.target, 0.0) + amount
        ns.contribution += amount
        r.emit(Kind.DEPLOYMENT, f"{r.name(o.nation)} deploys forces to {r.name(o.target)} "
               f"(strength {amount:.0f}).", actor=o.nation, target=o.target, value=amount)
    for o in r.of(Effect.PEACEKEEPERS):
        ns = st.nations[o.nation]
        ns.contribution += ns.military * 0.02
    for o in r.of(Effect.STAND_DOWN):
        stand_down(r, o.nation)


def _escalate(r: Round, before: float, specs: list) -> None:
    st = r.state
    keep = 1.0 - r.world.ladder.decay
    # untargeted orders add to every dispute of the actor; friendly orders toward a
    # state (support, aid, deployments, exercises) draw the actor into that state's
    # disputes: tension rises between the actor and the state's adversaries
    # (orders of no escalation, such as statements of support or more spending, push
    # nothing: they are left out from the start)
    moving = [(o, spec) for o, spec in specs if spec.escalation]
    selfish = {o.nation for o, spec in moving if spec.target is NO_TARGET}
    befriended = {o.target for o, spec in moving if spec.effect in FRIENDLY}
    around: dict[str, list[tuple[str, str]]] = {n: [] for n in selfish | befriended}
    tension = {}  # every pair's tension fades, in the same order; the faint ones go
    for key, v in st.tension.items():
        v *= keep
        if v >= 0.5:
            tension[key] = v
            a, b = key
            if a in around:
                around[a].append(key)
            if b in around:
                around[b].append(key)
    st.tension = tension
    top = r.top

    def push(a: str, b: str, amount: float) -> None:  # Round.push, inlined for speed
        if a == b or not amount:
            return
        key = (a, b) if a < b else (b, a)
        level = tension.get(key, 0.0) + amount
        level = top if level > top else 0.0 if level < 0.0 else level
        if level < 0.5:
            tension.pop(key, None)
        else:
            tension[key] = level

    guards: dict[str, list[str]] = {}  # target -> the states bound to defend it
    for o, spec in moving:
        esc = spec.escalation
        effect = spec.effect
        if effect is DEFEND:
            for attacker in st.under_attack.get(o.target, ()):
                push(o.nation, attacker, esc)
        elif effect is LIBERATE:
            for (occupier, land) in list(st.occupation):
                if land == o.target:
                    push(o.nation, occupier, esc)
        elif effect is REQUEST_HELP:
            continue
        elif effect in FRIENDLY:
            for a, b in around[o.target]:
                push(o.nation, b if a == o.target else a, esc)
        elif spec.target is NO_TARGET:
            for a, b in around[o.nation]:
                push(a, b, esc)
        elif o.target:
            push(o.nation, o.target, esc)
            if effect in HOSTILE and not _lawful(r, o.nation, o.target):
                if o.target not in guards:
                    guards[o.target] = protectors(r.world, st, o.target, "")
                share = esc * ALLY_SHARE
                for ally in guards[o.target]:  # they feel it too
                    if ally != o.nation:
                        push(o.nation, ally, share)
    # an armed attack is at least an armed attack on the ladder, whatever the
    # tension was before: invasions reach its armed-attack mark, strikes half-way
    # from the incident mark to it
    ladder = r.world.ladder
    for o in r.of(Effect.INVADE, Effect.STRIKE):
        invade = r.world.actions[o.action].effect is Effect.INVADE
        floor = ladder.armed_attack if invade else (ladder.incident + ladder.armed_attack) / 2
        key = pair(o.nation, o.target)
        st.tension[key] = max(st.tension.get(key, 0.0), floor)
    peak = max(st.tension.values(), default=0.0)
    st.escalation = min(r.top, clamp(max(peak, before * keep)))
    for rung, up in r.world.ladder.crossed(before, st.escalation):
        word = "climbs past" if up else "falls below"
        r.emit(Kind.RUNG_CROSSED, f"The crisis {word} '{rung.name}' ({rung.level:g}).",
               ref=rung.id, value=1.0 if up else -1.0)


def _lawful(r: Round, actor: str, target: str) -> bool:
    """Whether ``actor``'s hostile act against ``target`` this round was lawful
    (:func:`conflicts.lawful_basis`: self-defence, treaty defence, at a victim's
    request, authorised), asked once a pair and kept on the round."""
    key = (actor, target)
    if key not in r.defending:
        r.defending[key] = bool(lawful_basis(r.world, r.state, actor, target))
    return r.defending[key]


ALLY_SHARE = 0.5
"""Share of a hostile act's escalation (blockade, cyber attack, strike, invasion) that
also rises between the actor and each ally bound to defend the target; not for a
victim striking back at its attacker or occupier (no treaty protects an aggressor
against its victim's self-defence)."""


def protectors(world: World, state: GameState, victim: str, actor: str) -> list[str]:
    """The states bound to defend ``victim`` against ``actor``: the other members of
    every institution with a collective-defence clause whose scope covers the victim's
    region and from which it is not suspended (NATO's members for Estonia), in world
    order, without the actor."""
    region = world.nation[victim].region
    found: set[str] = set()
    for iid in active_in(world, state, victim):
        inst = world.institution[iid]
        if inst.has(ClauseKind.COLLECTIVE_DEFENCE) and inst.scope.covers(region):
            found.update(active_members(world, state, iid))
    found.discard(victim)
    found.discard(actor)
    return [n for n in world.ids if n in found]


def _support(r: Round, attacks: list[tuple[str, str]]) -> None:
    st = r.state
    fighting = {a for a, _ in attacks} | {o.nation for o in r.of(Effect.DEFEND)}
    for n in fighting:
        st.nations[n].support = clamp(st.nations[n].support - 1.5)
    touched = fighting | {v for _, v in attacks} | r.by_nation.keys()  # (states with orders)
    for ns in st.nations.values():
        if ns.id not in touched:
            start = r.world.nation[ns.id].support
            ns.support = clamp(ns.support + (start - ns.support) * 0.05)
