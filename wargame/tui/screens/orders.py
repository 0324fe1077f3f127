"""The game screen's calls into the engine: build an order step by step, vote, answer.

Each verb returns the engine's refusal reason ('' when accepted), so the screen
can show it; nothing here keeps game state.
"""

from __future__ import annotations

from ...core import IllegalOrder, Order, PhaseError, RuleError
from ...core.actions import Target
from ..text import MEASURES, esc, words


def unavailable(game, nation: str, view) -> list[tuple[str, str, str]]:
    """(id, name, reason) for each action of the campaign not legal now."""
    if view.phase != "orders" or game.over:
        return []
    legal = {o.action.id for o in view.options}
    others = [s.id for s in view.states if s.id != nation]
    allies = list(game.world.allies[nation])
    mine = [i.id for i in view.institutions if i.member]
    out = []
    for spec in game.world.actions.values():
        if spec.id in legal:
            continue
        reason = _why_not(game, nation, spec, others, allies, mine)
        if reason.startswith(spec.name + " is "):
            reason = reason[len(spec.name) + 4:]
        out.append((spec.id, spec.name, reason.replace("_", " ")))
    return out


def _why_not(game, nation, spec, others, allies, mine) -> str:
    """The engine's reason, for a representative order of this action."""
    if spec.target is Target.ALLY and not allies:
        return "you have no ally: you share no alliance or consultation pact with any state"
    if spec.target is Target.INSTITUTION and not mine:
        return "you belong to no institution"
    if spec.target is Target.NONE:
        orders = [Order(nation, spec.id)]
    elif spec.target is Target.INSTITUTION:
        orders = [Order(nation, spec.id, institution=i) for i in mine]
    else:
        orders = [Order(nation, spec.id, target=(allies or others)[0])]
    reasons = []
    for order in orders:
        try:
            game.check(order)
        except IllegalOrder as exc:
            reasons.append(str(exc))
    if not reasons:
        return "not possible now"
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
    if option.measures:
        measure = await ask(PickScreen(f"{name}: what would the draft decide?", [
            (m, f"[b]{esc(words(m))}[/b] [dim]{esc(MEASURES.get(m, ''))}[/]")
            for m in option.measures]))
        if measure is None:
            return None
    trade = screen.game.world.nation[view.nation].trade  # your own trade ties
    sanction = option.action.effect.value in ("sanction", "lift_sanctions")
    if option.targets:
        def label(t: str) -> str:
            if t == view.nation:
                return f"{esc(known.get(t, t))} [dim](your own state)[/]"
            extra = f" · {trade.get(t, 0.0):.0%} of your trade" if sanction else ""
            return (f"{esc(known.get(t, t))} [dim]tension with you "
                    f"{tension.get(t, 0.0):.0f}{extra}[/]")

        choices = sorted(option.targets, key=lambda t: -tension.get(t, 0.0))
        target = await ask(PickScreen(f"{name}: which state?", [(t, label(t))
                                                                for t in choices],
                                      hint=option.action.description))
        if target is None:
            return None
    return Order(view.nation, action_id, target=target, institution=institution,
                 measure=measure)


def war_warning(game, order) -> str:
    """For an act of war (limited strike, invasion): what it is and its likely
    consequences, in words; '' for anything else."""
    lines = game.war_consequences(order)
    if not lines:
        return ""
    head, *rest = lines
    return "\n".join([f"[b]{esc(head)}[/b]", *(f"• {esc(line)}" for line in rest),
                      "Give this order?"])


def uncast_votes(view) -> int:
    """Open drafts in institutions where you vote and have not voted yet."""
    member = {i.id for i in view.institutions if i.member and view.nation not in i.suspended}
    return sum(1 for d in view.drafts if d.institution in member and view.nation not in d.votes)


def add_order(game, nation: str, order) -> str:

    try:
        game.submit_orders(nation, game.orders_of(nation) + [order])
    except IllegalOrder as exc:
        return str(exc)
    return ""


def vote(game, nation: str, draft_id: str, value: str) -> str:

    try:
        game.vote(nation, draft_id, value)
    except (IllegalOrder, PhaseError, RuleError) as exc:
        return str(exc)
    return ""


def answer(game, nation: str, proposal_id: str, reply: str) -> str:

    try:
        game.answer(nation, proposal_id, reply)
    except (IllegalOrder, PhaseError) as exc:
        return str(exc)
    return ""


def message(game, nation: str, to: list[str], text: str) -> str:

    try:
        game.send_message(nation, to, text)
    except (IllegalOrder, PhaseError) as exc:
        return str(exc)
    return ""
