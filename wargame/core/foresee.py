"""What an act of war may bring about, in words, before the order is given.

Each sentence comes from the rules the round will apply, not from a second copy of
them: the collective-defence test is the one :func:`clauses.collective_defence`
uses (membership, suspension, treaty area), the tripwire is the forces
:func:`combat.resolve_attacks` counts on the victim's side, a promise broken is
the test :func:`negotiation.settle_commitments` applies, and who could block
sanctions or force against the attacker is found by running :func:`rules.decide`
on the votes that would matter.
"""

from __future__ import annotations

from .actions import Effect, Order
from .adjudicate import ALLY_SHARE, protectors
from .clauses import DELAY
from .combat import TRUCE_BROKEN_CREDIBILITY
from .conflicts import lawful_basis
from .context import named
from .membership import active_in, active_members, is_member
from .model import ClauseKind, Institution, World
from .rules import Motion, MotionKind, Vote, decide
from .state import GameState, Status, pair
from .terms import violated

STRENGTH_WORDS = {
    "automatic": "must fight",
    "as_it_deems_necessary": "must assist, by such action as each deems necessary",
    "constitutional_processes": "must act according to their constitutional processes",
}


def is_act_of_war(world: World, order: Order) -> bool:
    spec = world.actions.get(order.action)
    return spec is not None and spec.effect in (Effect.STRIKE, Effect.INVADE)


def war_consequences(world: World, state: GameState, order: Order) -> list[str]:
    """Sentences a government should read before attacking ``order.target``; for a
    blockade across a ceasefire, that it breaks it; empty for any other order."""
    if not is_act_of_war(world, order):
        return _blockade_across_truce(world, state, order)
    spec = world.actions[order.action]
    me, target = order.nation, world.nation[order.target]
    basis = lawful_basis(world, state, me, order.target)
    if basis:
        out = [f"{spec.name} against {target.name} is a lawful use of force ({basis}): "
               f"an armed attack all the same, adding {spec.escalation:+g} to the tension "
               "between you.",
               f"No treaty obliges {target.name}'s allies to fight you for it: a "
               "defence treaty never covers the state that struck first, nor against "
               "its victim's self-defence or force a body authorised."]
    else:
        allies = protectors(world, state, order.target, me)
        shared = (f", and {spec.escalation * ALLY_SHARE:+g} to your tension with each ally "
                  f"bound to defend it ({', '.join(map(world.name_of, allies))})"
                  if allies else "")
        out = [f"{spec.name} against {target.name} is an act of war: an armed attack that "
               f"adds {spec.escalation:+g} to the tension between you{shared}."]
        out += _alliances(world, state, me, order.target)
        out += _tripwires(world, state, me, order.target)
    out.append(_commitment(world, state, order))
    out += _promises(world, state, order)
    if pair(me, order.target) in state.truces:
        out.append(f"You have a ceasefire with {target.name}: this breaks it, and costs "
                   "you credibility.")
    out += _answers(world, state, me)
    return out


def _blockade_across_truce(world: World, state: GameState, order: Order) -> list[str]:
    """A blockade is a use of force too (UNGA Res. 3314, Art. 3(c)): across a
    ceasefire it ends it, as :func:`combat.break_truce` does."""
    spec = world.actions.get(order.action)
    if spec is None or spec.effect is not Effect.BLOCKADE or \
            pair(order.nation, order.target) not in state.truces:
        return []
    return [f"A blockade of {world.name_of(order.target)} breaks your ceasefire with it "
            f"and costs you {TRUCE_BROKEN_CREDIBILITY:g} credibility."]


def stand_down_consequences(world: World, state: GameState, order: Order) -> list[str]:
    """What standing down gives up, as :func:`combat.stand_down` does it: forces
    deployed abroad come home, readiness falls, occupied land is given back. Empty
    for any other order, or when there is nothing to give up."""
    spec = world.actions.get(order.action)
    if spec is None or spec.effect is not Effect.STAND_DOWN:
        return []
    ns = state.nations[order.nation]
    held = [(v, share) for (o, v), share in state.occupation.items()
            if o == order.nation and share > 0]
    out = []
    if held:
        out.append("You give back the land you hold: " + ", ".join(
            f"{share:.0f}% of {world.name_of(v)}" for v, share in held) + ".")
    if ns.deployed:
        out.append("Your forces abroad come home: " + ", ".join(
            f"{world.name_of(h)} ({f:.0f})" for h, f in ns.deployed.items() if f > 0)
            + "; they no longer stand as a tripwire there.")
    if ns.readiness > 0:
        out.append("Your readiness falls back to normal.")
    if not out:
        return []
    return [f"{spec.name} gives up what your forces hold and where they stand:", *out]


def _commitment(world: World, state: GameState, order: Order) -> str:
    """How many forces the order commits, and what stays at home."""
    from .combat import DEFAULT_FORCES
    from .legal import available_forces

    share = order.forces or DEFAULT_FORCES.get(world.actions[order.action].effect, 0.0)
    home = available_forces(state.nations[order.nation])
    stay = ("its forces that take land stay there as the garrison"
            if world.actions[order.action].effect is Effect.INVADE
            else "they come home after the strike")
    return (f"It commits {100 * share:.0f}% of your available forces (about "
            f"{home * share:.0f} of {home:.0f}); {stay}. With your other fighting "
            "orders this round it can never be more than all of them: shares that add up "
            "to more are scaled down.")


def _alliances(world: World, state: GameState, me: str, victim: str) -> list[str]:
    out = []
    region = world.nation[victim].region
    name = world.nation[victim].name
    for inst_id in active_in(world, state, victim):
        inst = world.institution[inst_id]
        for clause in inst.clauses_of(ClauseKind.COLLECTIVE_DEFENCE):
            if not inst.scope.covers(region):
                out.append(f"{name} is in {inst.name}, but {region.replace('_', ' ')} lies "
                           f"outside its treaty area: {clause.label} creates no obligation.")
                continue
            debtors = [m for m in active_members(world, state, inst_id)
                       if m not in (victim, me)]
            due = DELAY[clause.strength]
            when = "next round" if due == 1 else f"within {due} rounds"
            out.append(f"{name} is covered by {clause.label} of {inst.name}: its "
                       f"{len(debtors)} other member(s) "
                       f"{STRENGTH_WORDS[clause.strength.value]}, {when}; "
                       "each that declines pays in credibility.")
            if is_member(world, state, inst_id, me):
                out.append(f"You are a member of {inst.name} yourself.")
    return out


def _promises(world: World, state: GameState, order: Order) -> list[str]:
    """Open promises of the attacker that this order would break: the test is the one
    :func:`negotiation.settle_commitments` applies (:func:`terms.violated`)."""
    from .negotiation import BROKEN_CREDIBILITY, BROKEN_INSTITUTION

    out = []
    for c in state.commitments:
        if c.debtor == order.nation and c.status is Status.OPEN and \
                violated(world, c.term, [order]):
            where = ""
            if c.institution:
                where = (f", and {world.name_of(c.institution)} loses "
                         f"{BROKEN_INSTITUTION:g}")
            out.append(f"You promised ({c.id}) that {c.term.describe(world)}, until round "
                       f"{c.due}: this breaks that promise, and costs you "
                       f"{BROKEN_CREDIBILITY:g} credibility{where}.")
    return out


def _tripwires(world: World, state: GameState, me: str, victim: str) -> list[str]:
    there = [ns.id for ns in state.nations.values()
             if ns.id != me and ns.deployed.get(victim, 0.0) > 0]
    if not there:
        return []
    names = ", ".join(world.name_of(n) for n in there)
    return [f"Forces of {names} are stationed in {world.name_of(victim)}: they will "
            "fight beside it."]


def _answers(world: World, state: GameState, me: str) -> list[str]:
    """Institutions that could sanction or authorise force against ``me``, and who
    could block them."""
    out = []
    for inst in world.institutions:
        kinds = [k for k in (ClauseKind.SANCTIONS, ClauseKind.USE_OF_FORCE) if inst.has(k)]
        if not kinds:
            continue
        what = " or ".join("sanction you" if k is ClauseKind.SANCTIONS
                           else "authorise force against you" for k in kinds)
        blockers = _blockers(world, inst, state, me)
        if me in blockers and len(blockers) == 1:
            who = "you alone can block it"
        elif me in blockers:
            others = ", ".join(world.name_of(b) for b in blockers if b != me)
            who = f"you can block it yourself (as can {others})"
        elif len(blockers) > 5:
            who = f"any one of {len(blockers)} members could block it"
        elif blockers:
            who = f"{', '.join(world.name_of(b) for b in blockers)} could block it"
        else:
            who = "no single member can block it"
        rule = inst.rule.describe().split(":")[0]
        out.append(f"{inst.name} could {what} (it decides by {rule}): {who}.")
    return out


def _blockers(world: World, inst: Institution, state: GameState, me: str) -> list[str]:
    """Members whose lone "no", with every other member voting yes, defeats a
    substantive motion against ``me``."""
    members = list(active_members(world, state, inst.id))
    motion = Motion(kind=MotionKind.SUBSTANTIVE, parties=(me,))
    return [m for m in members
            if not decide(inst.rule, members,
                          {v: Vote.NO if v == m else Vote.YES for v in members},
                          motion).adopted]


def draft_cannot_pass(world: World, state: GameState, institution: str, measure: str,
                      target: str) -> str:
    """Why a draft could not be adopted even if every member who may vote said yes
    ('' if it could): parties to the dispute who may not vote can leave too few
    voters for the rule (a council of four where two are parties). Decided by the
    same rule and motion as the vote itself (:func:`clauses.decide_drafts`)."""
    from .actions import Measure
    from .clauses import motion_of, parties_to

    inst = world.institution[institution]
    members = list(active_members(world, state, institution))
    motion = motion_of(Measure(measure), target, parties_to(world, state, target))
    decision = decide(inst.rule, members, {m: "yes" for m in members}, motion)
    return "" if decision.adopted else named(world, decision.reason, members)
