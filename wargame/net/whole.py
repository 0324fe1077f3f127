"""What the instructor's console shows and takes, as plain text (no Textual here).

:func:`whole_state` is every government's numbers and, marked PRIVATE, what only it
knows; :func:`debrief` the end of the game and the after-action report for the
class; :func:`console_command` the console's command line.
"""

from __future__ import annotations

from ..core.scoring import describe
from .host import PHASES, Host, Refused


def whole_state(host: Host) -> str:
    g = host.game
    w = g.world
    lines = [f"{host.title}: round {g.round} of {w.rounds_limit}, {g.phase} phase, "
             f"stage {g.stage}, escalation {g.state.escalation:.0f}"
             + (f", over: {g.outcome}" if g.over else ""), ""]
    scores = g.scores()
    for n in w.nations:
        s = g.state.nations[n.id]
        lines.append(f"== {n.name} ({n.id}): military {s.military:.0f}, economy "
                     f"{s.economy:.0f} bn, support {s.support:.0f}, credibility "
                     f"{s.credibility:.0f}, territory {s.territory:.0f}%")
        orders = g.orders_of(n.id)
        lines.append("   PRIVATE orders this round: " + (", ".join(
            w.actions[o.action].name + (f" ({w.name_of(o.target)})" if o.target else "")
            for o in orders) or "none"))
        sc = scores[n.id]
        lines.append(f"   PRIVATE objectives ({sc.total} of {sc.possible} points now):")
        for obj, ok in sc.results:
            lines.append(f"     {'met' if ok else 'not met'}: {describe(w, obj)} "
                         f"({obj.points})")
        if n.briefing.strip():
            lines.append("   PRIVATE briefing: " + " ".join(n.briefing.split()))
        _, private = g.seen_by(n.id)
        for e in private[-5:]:
            lines.append(f"   PRIVATE r{e.round}: {e.text}")
        lines.append("")
    lines.append("Injects the console can fire (inject ID): "
                 + (", ".join(i.id for i in w.injects) or "none in this campaign"))
    return "\n".join(lines)


def debrief(host: Host) -> str:
    """The end for the class: the outcome, every government's score, and the
    after-action report (also written beside the save)."""
    g = host.game
    if not g.over:
        return ("The game is not over yet: the debrief and the after-action report come "
                "at the end.\n\n" + whole_state(host))
    lines = [f"The game is over: {g.outcome}.", ""]
    for n, sc in g.scores().items():
        lines.append(f"{host.name(n)}: {sc.total} of {sc.possible}")
    if host.saved is not None:
        from ..saves.reporting import report_text, write_report

        out = host.saved.with_name(host.saved.stem + ".report.md")
        try:
            write_report(host.saved, out, "md", force=False)
            lines += ["", f"The after-action report is in {out}", ""]
            lines.append(report_text(host.saved)[0])
        except Exception as exc:  # a report that cannot be written must not stop the console
            lines += ["", f"The after-action report could not be written: {exc}"]
    return "\n".join(lines)


def console_command(host: Host, text: str) -> None:
    """``deadline PHASE SECONDS`` · ``inject ID`` · ``news all: TEXT`` ·
    ``news STATE,STATE: TEXT``; :class:`Refused` with the reason otherwise."""
    word, _, rest = text.strip().partition(" ")
    word = word.casefold()
    if word == "deadline":
        parts = rest.split()
        if len(parts) != 2 or parts[0] not in PHASES:
            raise Refused("type deadline diplomacy SECONDS or deadline orders SECONDS")
        try:
            seconds = float(parts[1])
        except ValueError:
            raise Refused(f"{parts[1]!r} is not a number of seconds") from None
        if not 0 <= seconds <= 24 * 3600:
            raise Refused("a deadline is between 0 (none) and 86400 seconds")
        host.set_deadline(parts[0], seconds or None)
    elif word == "inject":
        host.fire(rest.strip())
    elif word == "news":
        whom, sep, body = rest.partition(":")
        if not sep or not body.strip():
            raise Refused("type news all: TEXT, or news STATE,STATE: TEXT")
        to = [] if whom.strip().casefold() in ("all", "") else \
            [w.strip() for w in whom.split(",") if w.strip()]
        unknown = [n for n in to if n not in host.seats]
        if unknown:
            raise Refused(f"there is no state {unknown[0]!r}: use ids such as "
                          + ", ".join(list(host.seats)[:3]))
        host.news(body.strip(), to)
    else:
        raise Refused(f"{word!r} is not a command: deadline, inject or news")
