"""Lists a player acts on: legal orders, open drafts, proposals. Prompts built from views."""

from __future__ import annotations

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from .. import text as t
from ..text import esc
from .lists import proposal_text


def tab_bar(tabs: dict[str, str], active: str) -> str:
    """The tabs as one line: the active one stands out; each is clickable."""
    out = []
    for tab, label in tabs.items():
        if tab == active:
            out.append(f"[@click=screen.tab('{tab}')][b reverse $text-accent] {esc(label)} [/][/]")
        else:
            out.append(f"[@click=screen.tab('{tab}')][$text-dim]{esc(label)}[/][/]")
    return " ".join(out)


def chosen_text(view, orders, actions, limit: int, refusal: str = "") -> str:
    known = t.names(view)
    if view.phase != "orders":
        head = "[$text-dim]Orders are given in the orders phase, after the vote.[/]"
    else:
        head = f"[b]Your orders[/b] ({len(orders)} of {limit})"
        if orders:
            head += "  [$text-dim]x removes the last[/]"
    lines = [head]
    for i, o in enumerate(orders, 1):
        spec = actions.get(o.action)
        risk = f" · [{t.risk_style(t.felt(spec))}]{esc(t.risk_words(spec))}[/]" if spec else ""
        lines.append(f"  {i}. {t.order_text(o, actions, known)}{risk}")
    if view.phase == "orders":  # a line for each order still to give: the head keeps
        lines += [f"  {i}. [$text-dim]—[/]" for i in range(len(orders) + 1, limit + 1)]
    if refusal:
        lines.append(f"[b $text-error]Refused:[/] {esc(refusal)}")
    return "\n".join(lines)


def action_options(view, actions, unavailable) -> list[Option]:
    """Every action of the campaign, always in the catalogue's order, so that each
    keeps its place from round to round: a legal one as its name, category, risk
    and cost (Enter chooses it); one not possible now dimmed, with the reason. None
    is disabled: the arrow keys step over every row, so the same number of presses
    reaches the same action every round."""
    legal = {o.action.id: o for o in view.options}
    why = {ident: reason for ident, _, reason in unavailable}
    width = max((len(a.name) for a in actions.values()), default=0)
    out = []
    for ident, spec in actions.items():
        if ident in legal:
            out.append(Option(t.option_prompt(legal[ident], view.me.economy, width), id=ident))
        elif ident in why:
            reason = why[ident].removeprefix("not possible ")  # "not now · in the ... stage"
            out.append(Option(f"[$text-dim]{esc(spec.name):<{width}} not now · "
                              f"{esc(reason)}[/]", id=ident))
    return out


def _not_counted(view, draft_id: str) -> dict[str, tuple[str, str]]:
    """Members whose vote on a draft does not count -> (why, source), from the core."""
    return {m: (why, source) for m, why, source in getattr(view, "not_counted", {}).get(
        draft_id, ())}


def draft_prompt(d, view, rules: dict[str, str], votes_here: bool = True) -> str:
    known = t.names(view)
    n = lambda i: esc(known.get(i, i))  # noqa: E731
    out = _not_counted(view, d.id)
    votes = ", ".join(f"{n(m)} {esc(v)}" + (" [$text-dim](not counted)[/]" if m in out else "")
                      for m, v in d.votes.items()) or "none yet"
    mine = d.votes.get(view.nation, "")
    yours = ""
    if votes_here:
        yours = " · your vote: " + (f"[b $text-accent]{esc(mine)}[/]" if mine
                                    else "[b $text-warning]not cast[/]")
    text = (f"[b]{esc(d.id)}[/b] · {n(d.institution)}: [b]{t.draft_subject(d, known)}[/b] "
            f"· tabled by {n(d.by)} in round {d.tabled}\n"
            f"  votes so far: {votes}{yours}\n"
            f"  [$text-dim]decides by {esc(t.named(rules.get(d.institution, ''), known))}[/]")
    if votes_here and view.nation in out:
        why, source = out[view.nation]
        article = "a" if why.startswith("party") else ""
        text += (f"\n  [b $text-warning]You are {article + ' ' if article else ''}{esc(why)}: "
                 f"you may vote, but your vote will not count"
                 f"{f' ({esc(source)})' if source else ''}.[/]")
    return text


def draft_options(view) -> list[Option]:
    member = {i.id for i in view.institutions if i.member and view.nation not in i.suspended}
    rules = {i.id: i.rule for i in view.institutions}
    out = []
    for d in view.drafts:
        if d.institution in member:
            out.append(Option(draft_prompt(d, view, rules), id=d.id))
        else:
            out.append(Option(draft_prompt(d, view, rules, votes_here=False)
                              + "\n  [$text-dim]you do not vote here[/]", id=d.id, disabled=True))
    return out


def open_drafts_note(view) -> str:
    if view.drafts:
        notes = rule_notes(view, [d.id for d in view.drafts])
        return ("[$text-dim]y yes · n no · a abstain on the highlighted draft; you may change "
                "your vote until the phase ends. Votes are public as they are cast, as in "
                "a council chamber.[/]" + "".join(f"\n[$text-dim]{esc(x)}[/]"
                                                             for x in notes))
    return "No open draft."


def decided_text(view) -> str:
    """Drafts decided lately: the result with its reason, and who voted how, by name."""
    if not view.decided and view.drafts:
        return ("[$text-dim]No draft decided yet: the open drafts are decided when this "
                "phase ends.[/]")
    if not view.decided:
        return ("[$text-dim]No draft decided lately. Table one with the order 'Table a "
                "resolution' (Orders, o): it is voted in the next diplomacy phase.[/]")
    known = t.names(view)
    n = lambda i: esc(known.get(i, i))  # noqa: E731
    members = {i.id: i.members for i in view.institutions}
    vetoes = {i.id: i.veto for i in view.institutions}
    lines = ["[b]Decided lately[/b] [$text-dim](a veto is a no by a veto holder; abstaining or "
             "staying away is not)[/]"]
    for d in sorted(view.decided, key=lambda d: -d.tabled):
        style = "$text-success" if d.adopted else "$text-error"
        result = "ADOPTED" if d.adopted else "NOT ADOPTED"
        out = _not_counted(view, d.id)
        counted = {m: v for m, v in d.votes.items() if m not in out}
        tally = {v: sum(1 for x in counted.values() if x == v) for v in ("yes", "no", "abstain")}
        reason = f" · {esc(t.named(d.reason, known))}" if d.reason else ""
        lines.append(f"[b]{esc(d.id)}[/b] · {n(d.institution)}: [b]{t.draft_subject(d, known)}"
                     f"[/b] (round {d.tabled}) — "
                     f"[b {style}]{result}[/][$text-dim]{reason}[/]")
        lines.append(f"  [$text-dim]counted: {tally['yes']} yes, {tally['no']} no, "
                     f"{tally['abstain']} abstained[/]")
        holders = set(vetoes.get(d.institution, ()))
        by = {"yes": [], "no": [], "abstain": []}
        for m, v in counted.items():
            by.setdefault(v, []).append(m)
        vetoed = [m for m in by["no"] if m in holders] \
            if not d.adopted and "vetoed" in d.reason.lower() else []
        absent = [m for m in members.get(d.institution, ())
                  if m not in d.votes and m not in out]
        for label, who in (("yes", by["yes"]), ("no", [m for m in by["no"] if m not in vetoed]),
                           ("vetoed", vetoed), ("abstained", by["abstain"]),
                           ("absent", absent)):
            if who:
                lines.append(f"  {label}: {', '.join(n(m) for m in who)}")
        for other, who in by.items():
            if other not in ("yes", "no", "abstain") and who:
                lines.append(f"  {esc(other)}: {', '.join(n(m) for m in who)}")
        for why in dict.fromkeys(w for w, _ in out.values()):
            who = [f"{n(m)} ({esc(d.votes.get(m, 'did not vote'))})"
                   for m, (w, _) in out.items() if w == why]
            lines.append(f"  {esc(why)}, vote not counted: {', '.join(who)}")
    notes = rule_notes(view, [d.id for d in view.decided])
    return "\n".join(lines + ([f"[$text-dim]{esc(x)}[/]" for x in notes]))


def rule_notes(view, draft_ids) -> list[str]:
    """Why parties vote on some drafts and not on others: one note per rule cited."""
    from ...core.clauses import parties_rule_note

    sources = dict.fromkeys(src for i in draft_ids for _, _, src in
                            getattr(view, "not_counted", {}).get(i, ()))
    return [note for src in sources if (note := parties_rule_note(src))]


def proposal_options(view) -> list[Option]:
    known = t.names(view)
    out = []
    for p in reversed(view.proposals):
        waiting = p.status.value == "open" and view.nation in p.to and \
            view.nation not in p.answers
        out.append(Option(proposal_text(p, known, view.nation), id=p.id,
                          disabled=not waiting))
    return out


class ChoiceList(OptionList):
    """The one list of the game screen: legal actions, open drafts or proposals, by
    tab. The screen binds y / n / a to act on the highlighted item."""

    def _size_updated(self, size, virtual_size, container_size, layout: bool = True) -> bool:
        # Textual's ScrollView compares the layout's virtual size with its own (which
        # it keeps itself, from its lines: they never match), so every relayout of
        # the screen redraws this list's scroll bar, a frame after the rest: a second
        # screen update for a key. Here the scroll bar is redrawn when the size
        # changes; the list redraws it itself when its lines change.
        return super()._size_updated(size, self.virtual_size, container_size, layout)

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        # tell the screen now, not by message: its details then change in the same
        # frame as the highlight, instead of a frame or two later
        hook = getattr(self.screen, "list_highlighted", None)
        if hook is not None and highlighted is not None:
            hook(highlighted)


def refill(widget: OptionList, options: list[Option], at: int | None = None) -> None:
    """Replace a list's options, keeping the highlight where it was (or at ``at``)."""
    at = widget.highlighted if at is None else at
    widget.set_options(options)
    if options:
        widget.highlighted = min(at or 0, len(options) - 1)
