"""Text panels built from a view: institutions, news, inbox, the ledger."""

from __future__ import annotations

from .. import text as t
from ..text import esc


def war_text(view) -> list[str]:
    """The public facts of war: each conflict's sides, land held and its garrison,
    forces stationed abroad. Empty in peace."""
    known = t.names(view)
    n = lambda i: esc(known.get(i, i))  # noqa: E731
    w = view.war
    live = [c for c in w.conflicts if not c.ended]
    if not (live or w.holdings or w.stationed):
        return []
    out = ["[b]War and forces[/b]"]
    for c in live:
        side = f"; fighting for {n(c.victim)}: {', '.join(map(n, c.side))}" if c.side else ""
        out.append(f"  {n(c.attacker)} attacked {n(c.victim)} in round {c.started} "
                   f"(the attacker of record){side}")
    for h in w.holdings:
        out.append(f"  {n(h.occupier)} holds {h.share:.0f}% of {n(h.land)} "
                   f"(garrison {h.garrison:.0f})")
    if w.stationed:
        out.append("  Forces stationed abroad: " + "; ".join(
            f"{n(s.owner)} in {n(s.host)} {s.forces:.0f}" for s in w.stationed))
    return out + [""]


def institutions_text(view) -> str:
    known = t.names(view)
    n = lambda i: esc(known.get(i, i))  # noqa: E731
    out = war_text(view)
    mine = [i for i in view.institutions if i.member] + [i for i in view.institutions
                                                         if not i.member]
    for inst in mine:
        tag = "[b $text-success]member[/]" if inst.member else "[$text-dim]not a member[/]"
        if view.nation in inst.suspended:
            tag = "[b $text-error]suspended[/]"
        rule = esc(t.named(inst.rule, known))
        out.append(f"[b]{esc(inst.name)}[/b] · {tag} · decides by {rule} · "
                   f"credibility {inst.credibility:.0f}")
        out.append(f"  Members: {', '.join(n(m) for m in inst.members)}")
        if inst.clauses:
            out.append(f"  Clauses: {esc('; '.join(inst.clauses))}")
            if inst.binds:
                out.append(f"  Its binding decisions bind {esc(inst.binds)}.")
        now = []
        if inst.sanctions_on:
            now.append("sanctions authorised against " + ", ".join(map(n, inst.sanctions_on)))
        for a in view.war.authorisations:
            if a.institution == inst.id:
                you = " (you may)" if view.nation in a.addressed else ""
                now.append(f"force authorised against {n(a.target)}: {len(a.addressed)} "
                           f"state(s) may strike, invade or take its conquests back under "
                           f"it{you}")
        authorised = {a.target for a in view.war.authorisations if a.institution == inst.id}
        if set(inst.force_on) - authorised:  # voted, but this body's vote authorises nobody
            now.append("force called for against " + ", ".join(
                map(n, [x for x in inst.force_on if x not in authorised])) +
                " (this body cannot authorise it)")
        if inst.suspended:
            now.append("suspended: " + ", ".join(map(n, inst.suspended)))
        for who, due in inst.notices:
            now.append(f"{n(who)} has given notice: it leaves at the end of round {due}")
        if inst.expelled:
            now.append("expelled: " + ", ".join(map(n, inst.expelled)))
        gone = [m for m in inst.left if m not in inst.expelled]
        if gone:
            now.append("left: " + ", ".join(map(n, gone)))
        if inst.not_recognising:
            now.append("recognises no conquest of " + ", ".join(map(n, inst.not_recognising)))
        triggered = [o for o in view.obligations if o.institution == inst.id
                     and o.status.value == "open"]
        if triggered:
            now.append(f"{len(triggered)} open obligation(s) under its clauses")
        out.append("  Now: " + ("; ".join(now) if now else "[$text-dim]nothing triggered[/]"))
        yours = [o for o in triggered if o.debtor == view.nation]
        for o in yours:
            out.append(f"  [b $text-warning]You owe:[/] {t.obligation_text(o, known)}")
        out.append("")
    return "\n".join(out) or "No institutions in this campaign."


def news_text(view, public=None) -> str:
    """Public news, the latest round first: all of it when ``public`` (every public event
    of the game, which every government may read) is given, else the view's latest."""
    news = view.news if public is None else public
    if not news:
        return "No news yet."
    out, last = [], None
    for ev in reversed(news):
        if ev.round != last:
            if last is not None:
                out.append("")
            out.append(f"[b]Round {ev.round}[/b]")
            last = ev.round
        out.append(f"  {esc(ev.text)}")
    return "\n".join(out)


def inbox_text(view) -> str:
    """Private intelligence, your own costs, messages: only yours, by construction."""
    known = t.names(view)
    out = []
    if not view.proposals:
        out += ["[$text-dim]No proposal made to you or by you (p proposes terms). Computer "
                "governments may propose terms; accepted terms become commitments in the "
                "Ledger (8).[/]", ""]
    if view.messages:
        out.append("[b]Messages[/b]")
        for m in reversed(view.messages):
            to = ", ".join(esc(known.get(r, r)) for r in m.recipients)
            out.append(f"  [$text-dim]R{m.round}[/] "
                       f"[b]{esc(known.get(m.sender, m.sender))}[/b] → {to}: {esc(m.text)}")
        out.append("")
    out.append("[b]Private information[/b] (intelligence, démarches, your costs)")
    if not view.private:
        out.append("  [$text-dim]Nothing private yet.[/]")
    for ev in reversed(view.private):
        out.append(f"  [$text-dim]R{ev.round}[/] {esc(ev.text)}")
    return "\n".join(out)


def proposal_text(p, known: dict[str, str], me: str) -> str:
    terms = "; ".join(esc(t.term_text(term, known)) for term in p.terms)
    by = esc(known.get(p.by, p.by))
    where = f" in {esc(known.get(p.institution, p.institution))}" if p.institution else ""
    state = p.status.value
    if state == "open" and me in p.to and me not in p.answers:
        state = "[b $text-warning]awaiting your answer[/]"
    elif state == "open":
        state = "open"
    reason = t.named(p.reason, known)  # an institution's vote names states by id
    if reason and reason.startswith(state):
        shown = esc(reason)  # "rejected by ..." says the state itself
    else:
        shown = f"{state} · {esc(reason)}" if reason else state
    return f"[b]{esc(p.id)}[/b] from {by}{where} (round {p.round}): {terms}\n    {shown}"


def ledger_text(view) -> str:
    """The public ledger: obligations under clauses, and commitments from proposals."""
    known = t.names(view)
    out = ["[b]Obligations under treaty clauses[/b] (public)"]
    if not view.obligations:
        out.append("  [$text-dim]None yet: they arise when a clause is triggered.[/]")
    for o in reversed(view.obligations):
        mine = " [b $text-accent]← you[/]" if o.debtor == view.nation else ""
        out.append(f"  {t.status(o.status.value)} {t.obligation_text(o, known)}{mine}")
    out += ["", "[b]Commitments from accepted proposals[/b] "
                "(public; a private deal from the end of its round)"]
    if not view.commitments:
        out.append("  [$text-dim]None yet.[/]")
    for c in reversed(view.commitments):
        mine = " [b $text-accent]← you[/]" if c.debtor == view.nation else ""
        out.append(f"  {t.status(c.status.value)} {esc(c.id)}: {esc(t.term_text(c.term, known))} "
                   f"by round {c.due}{mine}")
    burden = burden_text(view)
    return "\n".join(out + (["", burden] if burden else []))


def burden_text(view) -> str:
    """Burden sharing in each alliance now, free riders marked."""
    if not view.burden:
        return ""
    known = t.names(view)
    from ...core.burden import FREE_RIDER_RATIO, MIN_BENEFIT_SHARE

    out = ["[b]Burden sharing[/b] (public) [$text-dim]free rider: share of contributions below "
           f"{t.fraction(FREE_RIDER_RATIO)} of share of the alliance's GDP, and defence "
           "spending below the alliance's rate; not judged: a member attacked in the game, "
           f"or under {MIN_BENEFIT_SHARE:.0%} of it; an attacker is left out[/]"]
    for inst, rows in view.burden.items():
        out.append(f"  [b]{esc(known.get(inst, inst))}[/b]")
        out += t.burden_rows(rows, lambda n: known.get(n, n), view.nation)
    return "\n".join(out)
