"""The debrief of a finished game: markup built from the whole game (nothing is secret
any more). No Textual widgets here, so it is easy to test."""

from __future__ import annotations

from .text import objective, OUTCOMES, esc, status, words

TURNING = {"stage_changed", "armed_attack", "ceasefire_agreed", "ceasefire_broken",
           "obligation_declined", "commitment_broken", "suspended", "authorised", "inject",
           "outside_scope"}


def outcome_text(game) -> str:
    ending = next((e.text for e in reversed(game.log) if e.kind.value == "game_over"), "")
    head = OUTCOMES.get(game.outcome, game.outcome)
    style = {"war": "$error", "frozen": "$warning"}.get(game.outcome, "$success")
    lines = [f"[b {style}]{esc(head)}[/]"]
    if ending and not ending.startswith("The game is over"):
        lines.append(esc(ending))
    peak = max(game.state.history, default=game.state.escalation)
    lines.append(f"[dim]{game.round} round(s) played · peak escalation {peak:.0f} · "
                 f"final stage {esc(words(game.stage))}[/]")
    return "\n".join(lines)


def scores_text(game, seats) -> str:
    """Each state's score and objectives, humans first, then by share of points."""
    scores = game.scores()
    world = game.world

    def key(n):
        sc = scores[n]
        return (not (n in seats and seats[n].human),
                -(sc.total / sc.possible if sc.possible else 0), world.ids.index(n))

    lines = []
    for n in sorted(world.ids, key=key):
        sc = scores[n]
        seat = seats.get(n)
        who = seat.describe() if seat else "computer"
        style = "b" if seat and seat.human else ""
        head = f"{esc(world.name_of(n))} ({esc(who)})"
        lines.append(f"[{style or 'not b'}]{head}[/]: [b]{sc.total}[/b] of {sc.possible} points")
        for o, ok in sc.results:
            mark = "[$success]✓[/]" if ok else "[$error]✗[/]"
            text = objective(o, world)
            lines.append(f"    {mark} {esc(text)} [dim]({o.points})[/]")
    return "\n".join(lines)


def rungs_text(game) -> str:
    crossed = [e for e in game.log if e.kind.value == "rung_crossed"]
    if not crossed:
        return "[dim]No rung of the ladder was crossed.[/]"
    return "\n".join(f"[dim]R{e.round}[/] {esc(e.text)}" for e in crossed)


def obligations_text(game) -> str:
    st, world = game.state, game.world
    if not st.obligations and not st.commitments:
        return "[dim]No obligation arose and no commitment was made.[/]"
    per: dict[str, dict[str, int]] = {}
    for ob in st.obligations:
        per.setdefault(ob.debtor, {}).setdefault(ob.status.value, 0)
        per[ob.debtor][ob.status.value] += 1
    lines = []
    if per:
        lines.append("[b]Treaty obligations[/b] by state (kept / declined / lapsed / open)")
        for n in world.ids:
            if n in per:
                c = per[n]
                lines.append(f"  {esc(world.name_of(n))}: {c.get('kept', 0)} kept, "
                             f"{c.get('declined', 0)} declined, {c.get('lapsed', 0)} lapsed, "
                             f"{c.get('open', 0)} open")
    if st.commitments:
        counts: dict[str, int] = {}
        for c in st.commitments:
            counts[c.status.value] = counts.get(c.status.value, 0) + 1
        lines.append("[b]Commitments[/b] from accepted proposals: " + ", ".join(
            f"{k} {status(v)}" for v, k in sorted(counts.items())))
        broken = [c for c in st.commitments if c.status.value == "broken"]
        for c in broken[:12] or st.commitments[:6]:
            lines.append(f"  {status(c.status.value)} {esc(c.term.describe(world))} "
                         f"(due round {c.due})")
        if not broken and len(st.commitments) > 6:
            lines.append(f"  [dim]… and {len(st.commitments) - 6} more, all in the ledger[/]")
    return "\n".join(lines)


def burden_text(game) -> str:
    from ..core.burden import burden_sharing

    world = game.world
    tables = burden_sharing(world, game.state)
    if not tables:
        return "[dim]No alliance in this campaign.[/]"
    lines = []
    for inst, rows in tables.items():
        lines.append(f"[b]{esc(world.name_of(inst))}[/b]  [dim]share of contributions vs "
                     "share of benefits[/]")
        for r in sorted(rows, key=lambda r: r.ratio):
            flag = " [b $error]free rider[/]" if r.free_rider else ""
            lines.append(f"  {esc(world.name_of(r.nation)):<22} spends {r.spending:.1f}% · "
                         f"contributes {r.contribution_share:5.1%} · benefits "
                         f"{r.benefit_share:5.1%}{flag}")
    return "\n".join(lines)


def turning_points(game) -> str:
    points = [e for e in game.log if not e.visible_to and (
        e.kind.value in TURNING or (e.kind.value == "draft_decided" and e.value))]
    if not points:
        return "[dim]A quiet crisis: no turning point.[/]"
    return "\n".join(f"[dim]R{e.round}[/] {esc(e.text)}" for e in points[:40])
