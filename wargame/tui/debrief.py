"""The debrief of a finished game: markup built from the whole game. No Textual
widgets here, so it is easy to test.

What it reveals: the end screen is shown to the whole table once the game is over,
so every state's objectives and scores are revealed, and so is what the human
governments alone saw in the last round (their private results: no hand-off screen
comes after it). Everything else stays as the game showed it: public news only.
Colours are theme text colours ($text-error, $text-warning, $text-success), which
read on light themes too.
"""

from __future__ import annotations

from .text import objective, OUTCOMES, burden_rows, esc, fraction, status, who, words

TURNING = {"stage_changed", "armed_attack", "territory", "clause_invoked",
           "ceasefire_agreed", "ceasefire_broken", "obligation_declined", "commitment_broken",
           "suspended", "authorised", "inject", "outside_scope", "membership",
           "not_recognised"}
KEPT_ALWAYS = {"armed_attack", "territory", "clause_invoked", "stage_changed",
               "ceasefire_agreed", "ceasefire_broken"}  # never cut from the turning points
TURNING_SHOWN = 40
# the last round's headlines, most telling first: the fighting and who came, then the
# turns of the crisis and the votes, then the moves (deployments, sanctions)
LAST_ROUND = (
    ("general_war", "armed_attack", "engagement", "territory", "clause_invoked", "obligation_kept",
     "obligation_declined", "obligation_lapsed", "ceasefire_proposed", "ceasefire_agreed",
     "ceasefire_broken"),
    ("stage_changed", "rung_crossed", "inject", "draft_decided", "authorised", "suspended",
     "membership", "not_recognised", "proposal_decided", "commitment_broken",
     "outside_scope"),
    ("deployment", "withdrawal", "blockade", "sanctions_imposed", "sanctions_lifted"),
)
# on the end screen, after those: the rest of the public news (statements, cyber
# attacks, meetings, deals), so that "a quiet last round" is said only of one
OTHER_NEWS = ("action", "consultation_opened", "meeting_called", "draft_tabled",
              "commitment_made", "commitment_kept")
LAST_SHOWN = 16
PRIVATE_SHOWN = 8


def _public(game, kinds, round_=None):
    return [e for e in game.log if not e.visible_to and e.kind.value in kinds
            and (round_ is None or e.round == round_)]


def attacks(game) -> list:
    """The armed attacks of the game (invasions and strikes), in order."""
    return _public(game, {"armed_attack"})


def holdings(game) -> list[str]:
    """'Russia still holds 25% of Estonia.', one line per occupation at the end."""
    world = game.world
    out = []
    for (occupier, victim), share in sorted(game.state.occupation.items(),
                                            key=lambda kv: -kv[1]):
        if share <= 0:
            continue
        amount = f"{share:.0f}%" if round(share) >= 1 else "under 1%"
        out.append(f"{world.name_of(occupier)} still holds {amount} of "
                   f"{world.name_of(victim)}.")
    return out


def war_note(game) -> str:
    """What 'war' means in the outcome, when the crisis did not end in war but there
    was fighting."""
    hits = attacks(game)
    if game.outcome == "war" or not hits:
        return ""
    shown = "; ".join(f"R{e.round} {e.text.rstrip('.')}" for e in hits[:3])
    more = f"; and {len(hits) - 3} more" if len(hits) > 3 else ""
    from ..core.machine import WAR_ROUNDS

    mark = game.world.ladder.war
    peak = max(game.state.history, default=game.state.escalation)
    return (f"No war by the game's definition (new aggression {WAR_ROUNDS} rounds running "
            f"with the crisis at the war mark, {mark:.0f}; the peak was {peak:.0f}), but "
            f"there were armed attacks: {shown}{more}.")


def outcome_text(game) -> str:
    ending = next((e.text for e in reversed(game.log) if e.kind.value == "game_over"), "")
    head = OUTCOMES.get(game.outcome, game.outcome)
    style = {"war": "$text-error", "frozen": "$text-warning"}.get(game.outcome,
                                                                 "$text-success")
    lines = [f"[b {style}]{esc(head)}[/]"]
    if ending and not ending.startswith("The game is over"):
        lines.append(esc(ending))
    note = war_note(game)
    if note:
        lines.append(f"[$text-warning]{esc(note)}[/]")
    held = holdings(game)
    if held:
        lines.append("[b]Who holds what:[/b] " + esc(" ".join(held)))
    elif attacks(game):
        lines.append("No land is occupied at the end.")
    peak = max(game.state.history, default=game.state.escalation)
    lines.append(f"[$text-dim]{game.round} round(s) played · peak escalation {peak:.0f} · "
                 f"final stage {esc(words(game.stage))}[/]")
    return "\n".join(lines)


def last_round_text(game, seats) -> str:
    """The last round's public headlines, then what each human government alone saw
    in it (the game ends before any briefing could show them)."""
    world, last = game.world, game.round
    rank = {kind: i for i, kinds in enumerate(LAST_ROUND + (OTHER_NEWS,)) for kind in kinds}
    heads = sorted(_public(game, rank, last), key=lambda e: rank[e.kind.value])
    lines = [f"[b]Round {last}[/b], the last:"]
    if heads:
        shown = heads[:LAST_SHOWN]
        lines += [f"  • {esc(event_text(game, e))}" for e in shown]
        if len(heads) > len(shown):
            lines.append(f"  [$text-dim]… and {len(heads) - len(shown)} more[/]")
    else:
        lines.append("  [$text-dim]No headline: a quiet last round.[/]")
    for n in world.ids:
        seat = seats.get(n)
        if not (seat and seat.human):
            continue
        mine = [e for e in game.log if e.round == last and n in e.visible_to
                and e.kind.value not in ("round_started", "game_over")]
        if not mine:
            continue
        name = who(world.name_of(n), seat.player.strip())
        label = "you" if seat.player.strip() == "You" else name
        lines.append(f"[b]Seen only by {esc(label)}[/b]" + (
            f" [$text-dim]({esc(world.name_of(n))})[/]" if label == "you" else "") + ":")
        lines += [f"  • {esc(e.text)}" for e in mine[:PRIVATE_SHOWN]]
        if len(mine) > PRIVATE_SHOWN:
            lines.append(f"  [$text-dim]… and {len(mine) - PRIVATE_SHOWN} more[/]")
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
            mark = "[$text-success]✓[/]" if ok else "[$text-error]✗[/]"
            text = objective(o, world)
            lines.append(f"    {mark} {esc(text)} [$text-dim]({o.points})[/]")
    return "\n".join(lines)


def rungs_text(game) -> str:
    crossed = [e for e in game.log if e.kind.value == "rung_crossed"]
    if not crossed:
        return "[$text-dim]No rung of the ladder was crossed.[/]"
    return "\n".join(f"[$text-dim]R{e.round}[/] {esc(e.text)}" for e in crossed)


def obligations_text(game) -> str:
    st, world = game.state, game.world
    if not st.obligations and not st.commitments:
        return "[$text-dim]No obligation arose and no commitment was made.[/]"
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
            lines.append(f"  [$text-dim]… and {len(st.commitments) - 6} more, all in the "
                         "ledger[/]")
    return "\n".join(lines)


def burden_text(game) -> str:
    """Burden sharing in the Ledger's words (Contrib., GDP share, Defence, Protection),
    with a legend. A member the 3/4 rule would name but that is not judged (attacked in
    the game, or too small) says why."""
    from ..core.burden import FREE_RIDER_RATIO, MIN_BENEFIT_SHARE, burden_sharing

    world = game.world
    tables = burden_sharing(world, game.state, game.victims(), game.attackers())
    if not tables:
        return "[$text-dim]No alliance in this campaign.[/]"
    lines = [
        "[$text-dim]Contrib.: share of the alliance's defence spending and of what was put in "
        "(forces sent, aid, sanctions borne, losses) · GDP share: what the alliance "
        "protects · Protection: allied forces on its soil, and a tenth of each ally that "
        f"honoured a duty to it · free rider: Contrib. under {fraction(FREE_RIDER_RATIO)} of GDP "
        "share, and Defence under the alliance's rate; not judged: members attacked in the "
        "game, or under "
        f"{MIN_BENEFIT_SHARE:.0%} of GDP share; an attacker is left out of the shares.[/]"]
    for inst, rows in tables.items():
        lines.append(f"[b]{esc(world.name_of(inst))}[/b]")
        lines += burden_rows(rows, world.name_of, style="$text-error")
    return "\n".join(lines)


def deterrence_text(game) -> str:
    """For each first attack: the allied forces that stood in the victim and the
    clauses that covered it (core/deterrence)."""
    from ..core.deterrence import first_attacks

    world = game.world
    attacks_ = first_attacks(world, game.log)
    if not attacks_:
        return "[$text-dim]No armed attack: deterrence, or restraint, held.[/]"
    lines = []
    for a in attacks_:
        there = (", ".join(f"{world.name_of(o)} ({f:.0f})" for o, f in a.stationed)
                 if a.stationed else "none (no tripwire)")
        cover = ", ".join(f"{world.name_of(i)} {label}" for i, label in a.covered_by)
        if a.outside:
            out = " and ".join(world.name_of(i) for i in a.outside)
            cover = (f"{cover}; " if cover else "none: ") + \
                f"it lies outside the treaty area of {out}"
        cover = cover or "no collective-defence clause"
        lines.append(f"[$text-dim]R{a.round}[/] {esc(world.name_of(a.attacker))} attacked "
                     f"{esc(world.name_of(a.victim))}. Allied forces sent there: {esc(there)}. "
                     f"Covered by: {esc(cover)}.")
    lines.append("[$text-dim]Allied forces on the ground fight at once beside the victim; a "
                 "clause promises help a round or more later. An attacker weighs both.[/]")
    return "\n".join(lines)


def event_text(game, e) -> str:
    """An event's text; an invoked clause says so ('NATO Art. 5 invoked: 13 members
    are obliged to assist Estonia against Russia ...')."""
    text = e.text
    if e.kind.value == "clause_invoked" and e.institution in game.world.institution:
        inst = game.world.institution[e.institution]
        label = inst.clause_label(e.ref)
        head = f"{inst.name} {label}: "
        if text.startswith(head):
            text = f"{inst.name} {label} invoked: {text[len(head):]}"
    return text


def turning_line(game, e, why=None) -> str:
    """An event, and (for an armed attack by a computer-played state) why it attacked."""
    line = f"[$text-dim]R{e.round}[/] {esc(event_text(game, e))}"
    reason = (why or {}).get((e.round, e.actor, e.target)) if e.kind.value == "armed_attack" \
        else None
    return f"{line}\n    [$text-dim]why: {esc(reason)}[/]" if reason else line


def is_turning_point(game, e) -> bool:
    """A public event that changed the crisis; a campaign's teaching notes (a
    tutorial's tips) are not."""
    from ..core.injects import teaching_note

    if e.visible_to or teaching_note(game.world.injects, e):
        return False
    return e.kind.value in TURNING or (e.kind.value == "draft_decided" and bool(e.value))


def turning_points(game, why=None) -> str:
    """The turning points; ``why`` maps (round, state, target) to a computer-played
    state's one-line reason for its decision (ComputerPlayers.why)."""
    points = [e for e in game.log if is_turning_point(game, e)]
    if not points:
        return "[$text-dim]A quiet crisis: no turning point.[/]"
    if len(points) > TURNING_SHOWN:  # keep the attacks, invocations and stages; cut the rest
        room = max(TURNING_SHOWN - sum(e.kind.value in KEPT_ALWAYS for e in points), 0)
        kept = []
        for e in points:
            if e.kind.value in KEPT_ALWAYS:
                kept.append(e)
            elif room:
                kept.append(e)
                room -= 1
        left = len(points) - len(kept)
        points = kept
    else:
        left = 0
    lines = [turning_line(game, e, why) for e in points]
    if left:
        lines.append(f"[$text-dim]… and {left} more: 'wargame report' lists them all[/]")
    return "\n".join(lines)
