"""Counting noise in a finished game (benchmarks/behaviour.py): decisions a watcher
would find senseless, each from the public log and the ledgers.

* consultation requests: how many a game, the most in one round, the most by one state;
* ceasefire proposals between two states with no fighting between them (no armed
  attack or blockade either way so far, no land held);
* sanctions without cause: on a state that had attacked no one and committed no
  hostile act against the sender or anyone before;
* a condemnation of a state the condemner held a joint exercise with (both ways);
* commitments broken by a loyal state (loyalty 0.7 or more).
"""

from __future__ import annotations

from wargame.core.events import Kind


def count(game) -> dict[str, int]:
    world = game.world
    actions = world.actions
    fought: set[frozenset] = set()
    hostile: set[str] = set()  # states that committed a hostile act so far
    exercised: set[frozenset] = set()
    consult: dict[int, int] = {}
    requests: dict[str, int] = {}  # state -> consultation requests in the game
    out = {"consult_max": 0, "consult": 0, "ceasefire_no_fight": 0,
           "sanctions_no_cause": 0, "condemn_partner": 0, "broken_by_loyal": 0,
           "consult_states_max": 0}
    held = set()
    for c in game.state.conflicts:  # states fighting on a victim's side fought too
        fought.update(frozenset((c.attacker, s)) for s in c.side)
    for e in game.log:
        a, t = e.actor, e.target
        if e.kind is Kind.ARMED_ATTACK and a and t:
            fought.add(frozenset((a, t)))
            hostile.add(a)
        elif e.kind is Kind.TERRITORY and a and t and e.value > 0:
            held.add(frozenset((a, t)))
        elif e.kind in (Kind.BLOCKADE, Kind.INTELLIGENCE) and a and t and a != t:
            hostile.add(a)
            if e.kind is Kind.BLOCKADE:  # a use of force: a ceasefire may end it
                fought.add(frozenset((a, t)))
        elif e.kind is Kind.INJECT and a and t and e.value > 0:
            hostile.add(a)  # a campaign's incident "by" a state
        elif e.kind is Kind.CONSULTATION_OPENED:
            consult[e.round] = consult.get(e.round, 0) + 1
            requests[a] = requests.get(a, 0) + 1
            out["consult"] += 1
        elif e.kind is Kind.CEASEFIRE_PROPOSED and a and t:
            if frozenset((a, t)) not in fought | held:
                out["ceasefire_no_fight"] += 1
        elif e.kind is Kind.SANCTIONS_IMPOSED and a and t:
            if t not in hostile:
                out["sanctions_no_cause"] += 1
        elif e.kind is Kind.ACTION and a and t and e.ref in actions:
            effect = actions[e.ref].effect.value
            if effect == "exercise":
                exercised.add(frozenset((a, t)))
            elif effect == "condemn" and frozenset((a, t)) in exercised:
                out["condemn_partner"] += 1
            if effect in ("demarche", "condemn", "recall", "cyber", "blockade"):
                hostile.add(a)
    out["consult_max"] = max(consult.values(), default=0)
    out["consult_states_max"] = max(requests.values(), default=0)
    for c in game.state.commitments:
        if c.status.value == "broken" and \
                world.nation[c.debtor].personality.loyalty >= 0.7:
            out["broken_by_loyal"] += 1
    return out
