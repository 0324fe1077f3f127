"""The game screen's calls through its seat: build an order step by step, vote, answer.

Everything goes through the government's seat (:class:`wargame.text.port.Seat`,
local or remote). Each verb returns the engine's refusal reason ('' when
accepted), so the screen can show it; nothing here keeps game state.
"""

from __future__ import annotations

from ...core import Order
from ...core.actions import Effect, Target
from ...core.combat import DEFAULT_FORCES
from ...core.legal import COMMITTING, available_forces
from ..text import MEASURES, capital, esc, words

# actions that help their target: its friends come first in the target list
SUPPORTIVE = frozenset({Effect.SUPPORT, Effect.AID, Effect.DEPLOY, Effect.EXERCISE,
                        Effect.DEFEND, Effect.PEACEKEEPERS})

# what the state named by a draft is, for each measure: (the question, the hint)
MEASURE_TARGET = {
    "statement": ("a statement of concern about which state?",
                  "The state whose conduct concerns the institution."),
    "condemn": ("condemning which state?", "The culprit: the state the draft condemns."),
    "ceasefire": ("demanding a ceasefire of which state?",
                  "A party to the fighting: the state called on to stop."),
    "sanctions": ("sanctions against which state?",
                  "The culprit: the state the sanctions would hit."),
    "use_of_force": ("authorising force against which state?",
                     "The culprit: the state force may be used against."),
    "peacekeeping": ("a peacekeeping mission in which state?",
                     "The place: the mission serves in this state; it does not accuse it."),
    "suspend": ("suspending which member?", "The member whose rights the draft suspends."),
    "refer": ("referring the matter of which state?",
              "The state a veto shielded: the General Assembly may then recommend measures "
              "(Uniting for Peace)."),
}


def target_order(targets, tension, allies, supportive: bool, owed=()) -> list[str]:
    """Targets in the order a player most likely wants them: for an action that
    helps its target, allies first, then the least tense; otherwise the states you
    are obliged to act against (``owed``) first, then the most tense with you, then
    states that are not your allies."""
    tension = dict(tension)
    if supportive:
        return sorted(targets, key=lambda t: (t not in allies, tension.get(t, 0.0)))
    return sorted(targets, key=lambda t: (t not in owed, -tension.get(t, 0.0), t in allies))


def owed_against(view) -> dict[str, str]:
    """State -> what an open obligation of yours obliges you to do about it, in
    words: sanction it under a binding decision, or assist the state it attacked
    (sanctioning the attacker is one way to keep that)."""
    known = {s.id: s.name for s in view.states}
    known.update({i.id: i.name for i in view.institutions})
    out: dict[str, str] = {}
    for o in view.obligations:
        if o.debtor != view.nation or o.status.value != "open" or not o.against:
            continue
        where = f"{known.get(o.institution, o.institution)}, by round {o.due}"
        if o.action == "assist":
            what = (f"you are obliged to assist {known.get(o.beneficiary, o.beneficiary)} "
                    f"against it ({where}): sanctioning it is one way to keep that")
        else:
            what = f"you are obliged to sanction it ({where})"
        out.setdefault(o.against, what)
    return out


def unavailable(seat, view) -> list[tuple[str, str, str]]:
    """(id, name, reason) for each action of the campaign not legal now."""
    if view.phase != "orders" or view.outcome:
        return []
    nation = seat.nation
    legal = {o.action.id for o in view.options}
    others = [s.id for s in view.states if s.id != nation]
    allies = list(seat.campaign.allies.get(nation, ()))
    mine = [i.id for i in view.institutions if i.member]
    out = []
    for spec in seat.campaign.actions.values():
        if spec.id in legal:
            continue
        # the example target: the state you quarrel with most, or for an action
        # that helps its target, your closest friend
        pool = target_order(allies if spec.target is Target.ALLY else others, view.tension,
                            allies, spec.effect in SUPPORTIVE)
        reason = _why_not(seat, spec, pool, allies, mine)
        if reason.startswith(spec.name + " is "):
            reason = reason[len(spec.name) + 4:]
        out.append((spec.id, spec.name, reason.replace("_", " ")))
    return out


def _why_not(seat, spec, pool, allies, mine) -> str:
    """The engine's reason, for a representative order of this action (its target
    the first of ``pool``)."""
    nation = seat.nation
    if spec.target is Target.ALLY and not allies:
        return "you have no ally: you share no alliance or consultation pact with any state"
    if spec.target is Target.INSTITUTION and not mine:
        return "you belong to no institution"
    if spec.target is Target.NONE:
        orders = [Order(nation, spec.id)]
    elif spec.target is Target.INSTITUTION:
        orders = [Order(nation, spec.id, institution=i) for i in mine]
    else:
        orders = [Order(nation, spec.id, target=pool[0])] if pool else []
    reasons = [why for why in map(seat.check, orders) if why]
    if not reasons:
        return "not possible now" if orders else "there is no other state"
    if "stage" in reasons[0]:
        return reasons[0]
    if spec.target is Target.INSTITUTION and len(reasons) > 1:
        return f"none of your institutions allows it (e.g. {reasons[0]})"
    if spec.target in (Target.STATE, Target.ALLY):
        return f"no state is a legal target now (e.g. {reasons[0]})"
    return reasons[0]


async def build_order(screen, view, action_id: str):
    """Ask for what the action needs (institution, measure, target); None if cancelled."""
    from .dialogs import PickScreen

    option = next((o for o in view.options if o.action.id == action_id), None)
    if option is None:
        return None
    name = option.action.name
    tension = dict(view.tension)
    allies = screen.campaign.allies.get(view.nation, ())
    known = {s.id: s.name for s in view.states}
    known.update({i.id: i.name for i in view.institutions})
    institution = measure = target = ""
    ask = screen.app.push_screen_wait
    if option.institutions:
        institution = option.institutions[0]
        if len(option.institutions) > 1:
            institution = await ask(PickScreen(f"{name}: in which institution?", [
                (i, esc(known.get(i, i))) for i in option.institutions]))
            if institution is None:
                return None
    targets = list(option.targets)
    title, hint = f"{name}: which state?", option.action.description
    if option.measures:
        # only the measures this institution can decide, each with a state it may
        # name now: the engine checks every (measure, state) pair
        measures = option.measures_for(institution) if option.measures_in else option.measures
        pool = target_order(option.targets, tension, (), False)
        legal_for, refused = {}, []
        for m in measures:
            legal_for[m], why = [], ""
            for t in pool:
                refused_why = screen.seat.check(Order(view.nation, action_id, target=t,
                                                      institution=institution, measure=m))
                if refused_why:
                    why = why or refused_why
                else:
                    legal_for[m].append(t)
            if not legal_for[m]:
                refused.append(f"{words(m)}: {why}")
        offered = [m for m in measures if legal_for[m]]
        where = known.get(institution, institution)
        if not offered:
            screen.notify("; ".join(refused) or f"{where} can decide nothing now",
                          severity="error", title="Not possible now")
            return None
        measure = await ask(PickScreen(f"{name} in {known.get(institution, institution)}: "
                                       "what would the draft decide?", [
            (m, esc(capital(MEASURES.get(m, words(m)))))
            for m in offered], hint=("Not now: " + "; ".join(refused)) if refused else ""))
        if measure is None:
            return None
        targets = legal_for[measure]
        title, hint = MEASURE_TARGET.get(measure, ("which state?", hint))
        title = f"{name}: {title}"
    trade = screen.campaign.trade.get(view.nation, {})  # your own trade ties
    effect = option.action.effect
    sanction = effect.value in ("sanction", "lift_sanctions")
    if targets:
        def label(t: str) -> str:
            if t == view.nation:
                return f"{esc(known.get(t, t))} [$text-dim](your own state)[/]"
            extra = f" · {trade.get(t, 0.0):.0%} of your trade" if sanction else ""
            ally = " · your ally" if t in allies else ""
            duty = f" · [b]{esc(owed[t])}[/b]" if t in owed else ""
            doomed = screen.seat.cannot_pass(institution, measure, t) if measure else ""
            if doomed:  # legal to table, but even a unanimous yes would not adopt it
                duty += f" [$text-warning]· cannot pass: {esc(doomed)}[/]"
            return (f"{esc(known.get(t, t))} [$text-dim]tension with you "
                    f"{tension.get(t, 0.0):.0f}{ally}{extra}[/]{duty}")

        supportive = effect in SUPPORTIVE
        # obligations are kept against a state by sanctioning it (or by helping the victim)
        owed = owed_against(view) if effect is Effect.SANCTION else {}
        choices = target_order(targets, tension, allies, supportive, owed) \
            if not option.measures else targets
        if supportive and not option.measures:
            title += " (allies and friends first)"
        elif not option.measures:
            title += " (obligations, then the most tense, first)" if set(owed) & set(targets) \
                else " (the most tense with you first)"
        target = await ask(PickScreen(title, [(t, label(t)) for t in choices], hint=hint))
        if target is None:
            return None
    forces = 0.0
    if effect in COMMITTING:
        chosen = await ask(PickScreen(f"{name}: how much of your forces?",
                                      force_choices(view, option.action), hint=FORCES_HINT))
        if chosen is None:
            return None
        forces = float(chosen)
    return Order(view.nation, action_id, target=target, institution=institution,
                 measure=measure, forces=forces)


FORCES_HINT = ("Forces you commit are not at home this round: two attacks share your "
               "army, and land you take is held by the forces that took it.")
SHARES = (0.25, 0.5, 0.75, 1.0)


def force_choices(view, spec) -> list[tuple[str, str]]:
    """The shares of forces an order may commit, the action's default first: each
    with about how much that is of the forces at home (id "0" is the default)."""
    home = available_forces(view.me)
    default = DEFAULT_FORCES.get(spec.effect, spec.magnitude)
    out = [("0", f"{default:.0%} [$text-dim](the default) · about {home * default:.0f} of "
                 f"{home:.0f} at home[/]")]
    out += [(f"{x:g}", f"{x:.0%} [$text-dim]· about {home * x:.0f}[/]")
            for x in SHARES if abs(x - default) > 1e-9]
    return out


def war_warning(seat, order) -> str:
    """For an act of war (limited strike, invasion): what it is and its likely
    consequences, in words; for a blockade across a ceasefire, that it breaks it;
    for standing down, what it gives up; '' for anything else."""
    lines = seat.consequences(order)
    if not lines:
        return ""
    head, *rest = lines
    return "\n".join([f"[b]{esc(head)}[/b]", *(f"• {esc(line)}" for line in rest),
                      "Give this order?"])


def uncast_votes(view) -> int:
    """Open drafts in institutions where you vote and have not voted yet."""
    member = {i.id for i in view.institutions if i.member and view.nation not in i.suspended}
    return sum(1 for d in view.drafts if d.institution in member and view.nation not in d.votes)


def add_order(seat, order) -> str:
    """The round's orders so far and this one; the engine's refusal, or ''."""
    return seat.give_orders(seat.orders() + [order])


def vote(seat, draft_id: str, value: str) -> str:
    return seat.vote(draft_id, value)


def answer(seat, proposal_id: str, reply: str) -> str:
    return seat.answer(proposal_id, reply)


def message(seat, to: list[str], text: str) -> str:
    return seat.message(list(to), text)
