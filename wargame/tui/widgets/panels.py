"""Small read-only panels: the status line, your own numbers, the round briefing."""

from __future__ import annotations

from textual.widgets import Static

from ...core.legal import available_forces
from .. import text as t
from ..text import esc


class StatusLine(Static):
    """Round, stage, phase and whose turn it is, on one line."""

    def show(self, view, player: str, title: str, note: str = "") -> None:
        """``note``: what the host says of the phase over a network (the clock, a
        pause, your role), plain text."""
        who = esc(t.who(view.name, player))
        extra = f"[b $text-warning]{esc(note)}[/] · " if note else ""
        self.update(
            f"[b]{who}[/b] · Round [b]{view.round}[/b]/{view.rounds_limit} · "
            f"[b]{esc(t.stage(view.stage))}[/b] · [b $text-accent]{t.PHASES.get(view.phase, '')} "
            f"phase[/] · {extra}[$text-dim]{esc(title)}[/]")


def you_lines(view) -> list[str]:
    me = view.me
    home = available_forces(me)
    forces = f"military {me.military:.0f}" if home >= me.military - 0.5 else \
        f"forces {home:.0f}/{me.military:.0f} home"
    lines = [
        # the status line above names the state: here its numbers, each line < 38 wide
        f"[b]You[/b]: {forces} · {t.gdp(me.economy)}",
        f"support {me.support:.0f} · credibility {me.credibility:.0f}",
        f"territory {me.territory:.0f}% · defence {me.spending:.1f}% GDP",
    ]
    last = f"readiness {t.readiness(me.readiness)}"
    owed = owed_count(view)
    if owed:
        last += f" · [b $text-warning]{owed} owed (tab 8)[/]"
    elif view.ceasefire_offers:
        last += " · [b $text-success]ceasefire offered[/]"
    lines.append(last)
    return lines


def owed_count(view) -> int:
    """Your open duties: obligations under treaty clauses and promises you made."""
    return sum(1 for o in (*view.obligations, *view.commitments)
               if o.debtor == view.nation and o.status.value == "open")


def you_short(view) -> str:
    """Your numbers on one line, for narrow screens where the panel does not fit
    (78 columns at most, the width of the body at 80)."""
    me = view.me
    owed = owed_count(view)
    line = (f"military {me.military:.0f} · {t.gdp(me.economy)} · support "
            f"{me.support:.0f} · cred. {me.credibility:.0f} · ")
    terr = f"terr. {me.territory:.0f}%"
    line += f"[b $text-error]{terr}[/]" if me.territory < 99.5 else terr  # part of you occupied
    return line + (f" · [b $text-warning]{owed} owed (tab 8)[/]" if owed else " · nothing owed")


class YouPanel(Static):
    def show(self, view) -> None:
        self.update("\n".join(you_lines(view)))


HEADLINES = {"general_war", "stage_changed", "rung_crossed", "inject", "armed_attack", "territory",
             "draft_decided", "authorised", "suspended", "obligation_created",
             "obligation_declined", "commitment_broken", "ceasefire_agreed",
             "ceasefire_broken", "outside_scope", "game_over"}


def what_happened(view, public=None) -> list[str]:
    """Since the last round: headlines, what concerns you, then everything else.
    ``public``: every public event of the game (the view keeps only the latest)."""
    news = view.news if public is None else public
    recent = [e for e in (*news, *view.private) if e.round >= view.round - 1
              and e.kind.value != "round_started"]
    recent.sort(key=lambda e: e.round)  # stable: the log's order within a round
    if not recent:
        return ["[b]What happened[/b]: nothing yet."]
    me = view.nation
    heads = [e for e in recent if e.kind.value in HEADLINES and not e.visible_to]
    yours = [e for e in recent if e not in heads and (
        e.visible_to or me in (e.actor, e.target))]
    rest = [e for e in recent if e not in heads and e not in yours]
    out = []
    for title, events in (("Headlines", heads), ("Concerning you", yours),
                          ("Elsewhere", rest)):
        if events:
            out.append(f"[b]{title}[/b]")
            out += [f"  {line}" for line in _lines(events[-30:])]
    return out


def _lines(events) -> list[str]:
    """Event lines; the rungs one round's escalation crossed, one way, in one line."""
    out, run = [], []

    def flush() -> None:
        if len(run) == 1:
            out.append(t.event_line(run[0]))
        elif run:
            word = "climbs past" if run[0].value >= 0 else "falls below"
            rungs = [e.text.split(f"{word} ", 1)[-1].rstrip(".") for e in run]
            out.append(f"[$text-dim]R{run[0].round}[/] " + esc(
                f"The crisis {word} {len(run)} rungs: {', '.join(rungs[:-1])} and "
                f"{rungs[-1]}."))
        run.clear()

    for e in events:
        if e.kind.value == "rung_crossed" and not e.visible_to and (
                not run or (run[0].round == e.round and (run[0].value >= 0) == (e.value >= 0))):
            run.append(e)
            continue
        flush()
        if e.kind.value == "rung_crossed" and not e.visible_to:
            run.append(e)
        else:
            out.append(t.event_line(e))
    flush()
    return out


def briefing_text(view, player: str = "", public=None, world=None, about=None) -> str:
    """The start of a turn: what happened, what you owe, what you want; at the end,
    ``about`` the campaign (its designer's notes and sources), if it has any."""
    known = t.names(view)
    out = [f"[b]Round {view.round} of {view.rounds_limit}[/b] — {t.PHASES.get(view.phase, '')}"
           f" phase. You govern [b]{esc(t.who(view.name, player))}[/b]."]
    if view.phase == "diplomacy":
        out.append("[$text-accent]Vote on the open drafts (3 or d) and answer proposals (4), "
                   "then end your turn (e). Orders come next.[/]")
    elif view.phase == "orders":
        out.append("[$text-accent]Give your orders in Orders (2 or o), then end your turn (e). "
                   "Everyone's orders are resolved together.[/]")
    out += ["", *what_happened(view, public)]
    mine = [o for o in view.obligations if o.debtor == view.nation and o.status.value == "open"]
    if mine:
        out += ["", "[b $text-warning]Your obligations[/] (you may decline, at a price)"]
        out += [f"  {t.obligation_text(o, known)}" for o in mine]
    promised = [c for c in view.commitments if c.debtor == view.nation
                and c.status.value == "open"]
    if promised:
        out += ["", "[b $text-warning]Your promises[/] (kept by your orders; broken, they "
                "cost credibility)"]
        out += [f"  {esc(c.id)}: {esc(t.term_text(c.term, known))} by round {c.due}"
                for c in promised]
    if view.ceasefire_offers:
        offers = ", ".join(esc(known.get(n, n)) for n in view.ceasefire_offers)
        out += ["", f"[b $text-success]Ceasefire offered to you by {offers}[/]: accept it with "
                "the order 'Accept a ceasefire'."]
    if view.private_briefing:  # what to do: before the objectives, nearer the top
        out += ["", "[b]Your private briefing[/b]", esc(view.private_briefing.strip())]
    out += ["", "[b]Your objectives[/b] (private)"]
    for obj in view.objectives:
        desc = t.objective(obj, world, known)
        out.append(f"  • {esc(desc)} [$text-dim]({obj.points} points)[/]")
    if view.briefing:
        out += ["", "[b]The situation[/b]", esc(view.briefing.strip())]
    out += about_lines(about)
    return "\n".join(out)


def about_lines(scenario) -> list[str]:
    """The campaign's designer's notes and sources: what is simplified, what the
    numbers mean, where the facts come from."""
    notes = getattr(scenario, "notes", "").strip()
    sources = getattr(scenario, "sources", ())
    out = []
    if notes:
        out += ["", "[b]About this campaign[/b] [$text-dim](the designer's notes)[/]", esc(notes)]
    if sources:
        out += ["", "[b]Sources[/b]", *(f"  • {esc(s)}" for s in sources)]
    return out
