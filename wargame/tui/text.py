"""Words for numbers and rules: the plain-language lines the screens show.

Everything here takes view objects (never the game state) and returns Textual
markup with game text escaped by :func:`esc`, so a name with a bracket cannot break
a screen. :func:`esc` is the one way text from outside (a campaign, a save, a
player's name, a typed message) enters markup.
"""

from __future__ import annotations

from ..textsafe import printable

STAGES = {
    "peace": "Peace", "tension": "Tension", "incident": "Incident",
    "consultation": "Consultation", "sanctions": "Sanctions",
    "collective_response": "Collective response", "armed_conflict": "Armed conflict",
    "settlement": "Settlement", "resolved": "Resolved", "war": "War",
}
PHASES = {"briefing": "Briefing", "diplomacy": "Diplomacy", "orders": "Orders",
          "resolution": "Resolution", "aftermath": "Aftermath"}
READINESS = ("normal", "raised", "mobilised")
OUTCOMES = {
    "resolved": "The crisis is resolved.",
    "settled": "A ceasefire holds: the crisis is settled, not resolved.",
    "frozen": "The crisis is frozen: no war, no settlement.",
    "war": "The crisis has ended in war.",
}
MEASURES = {
    "statement": "a joint statement of concern",
    "condemn": "a condemnation",
    "ceasefire": "a demand for a ceasefire",
    "sanctions": "sanctions (binding if the clause says so)",
    "use_of_force": "authorising the use of force",
    "peacekeeping": "a peacekeeping mandate",
    "suspend": "suspending a member",
    "expel": "expelling a member (it is no longer one)",
    "non_recognition": "refusing to recognise a state's conquests",
}


def capital(text: str) -> str:
    """'a condemnation' -> 'A condemnation' (a choice in a list)."""
    return text[:1].upper() + text[1:]


def who(nation_name: str, player: str) -> str:
    """'Estonia (Ana)'; just 'Estonia' for the solo default player 'You'."""
    return nation_name if player in ("", "You") else f"{nation_name} ({player})"


def esc(text: object) -> str:
    """``text`` as literal Textual markup, control characters made visible.

    Every ``[`` is escaped, so no tag, closer (``[/]``) or action
    (``[@click=...]``) can start inside game text. A backslash is literal in Textual
    markup except right before a ``[``, where it would escape the markup's own next
    tag: a zero-width space after a final backslash keeps it apart."""
    out = printable(text).replace("[", "\\[")
    return out + "\u200b" if out.endswith("\\") else out


def words(ident: str) -> str:
    return ident.replace("_", " ")


def stage(name: str) -> str:
    return STAGES.get(name, words(name).capitalize())


def names(view) -> dict[str, str]:
    """Ids to names for every state and institution a view mentions, and each clause
    under the key (institution id, clause id): "Art. 5"."""
    out = {s.id: s.name for s in view.states}
    out.update({i.id: i.name for i in view.institutions})
    out.update({(i.id, cid): label for i in view.institutions
                for cid, label in i.clause_labels})
    return out


def named(text: str, known: dict[str, str]) -> str:
    """A reason or rule of the rules API ('vetoed by north') with its state ids
    replaced by names: only where the rules API writes ids, never a word of the
    sentence (a state with the id 'no' leaves 'no objection' alone)."""
    from ..core.rules import with_names

    return with_names(text, lambda i: known.get(i, i))


def risk_style(escalation: float) -> str:
    if escalation < 0:
        return "$text-success"
    if escalation <= 3:
        return "$text-dim"
    if escalation <= 8:
        return "$text-warning"
    return "$text-error"


def cost_words(spec, economy: float) -> str:
    """What an action costs, in words: share of GDP (and billions), support."""
    parts = []
    if spec.cost_economy:
        parts.append(f"{spec.cost_economy:g}% of GDP ({money(economy * spec.cost_economy / 100)})")
    if spec.cost_support:
        parts.append(f"{spec.cost_support:g} points of public support")
    out = "costs " + " and ".join(parts) if parts else "no direct cost"
    if spec.effect.value == "sanction":
        out += "; it costs you more the more you trade with the target"
    return out


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def money(billions: float) -> str:
    if billions >= 0.1:
        return f"${billions:,.1f} bn"
    return f"${billions:.2f} bn" if billions >= 0.005 else "under $0.01 bn"


def gdp(billions: float) -> str:
    """A GDP in few characters, never split by a line break: $80bn, $3.3tn."""
    return f"${billions / 1000:.1f}tn" if billions >= 1000 else f"${billions:.0f}bn"


def short_cost(spec, economy: float) -> str:
    parts = []
    if spec.cost_economy:
        parts.append(money(economy * spec.cost_economy / 100))
    if spec.cost_support:
        parts.append(f"{spec.cost_support:g} support")
    if spec.effect.value == "sanction":
        parts.append("costs trade")
    return " + ".join(parts) if parts else "free"


def short_risk(escalation: float) -> str:
    if escalation < 0:
        return "calms"
    if escalation == 0:
        return "no risk"
    if escalation <= 3:
        return "low risk"
    if escalation <= 8:
        return "moderate risk"
    if escalation <= 15:
        return "high risk"
    return "act of war"


def option_prompt(option, economy: float, width: int = 26) -> str:
    """One line for one legal action: name, category, risk in words, cost."""
    a = option.action
    return (f"[b]{esc(a.name):<{width}}[/b] [$text-dim]{esc(a.category):<10}[/] "
            f"[{risk_style(felt(a))}]{short_risk(felt(a)):<13}[/] "
            f"[$text-dim]{esc(short_cost(a, economy))}[/]")


def option_details(option, economy: float, known: dict[str, str]) -> str:
    """What the highlighted action does, costs and risks, and whom it may target."""
    a = option.action
    lines = [f"[b]{esc(a.name)}[/b]: {esc(a.description)}",
             f"Cost: {esc(cost_words(a, economy).removeprefix('costs '))}.",
             f"Risk: [{risk_style(felt(a))}]{esc(risk_words(a))}[/] "
             f"[$text-dim]({esc(tension_note(a))})[/]"]
    if option.institutions:
        lines.append("In: " + ", ".join(esc(known.get(i, i)) for i in option.institutions))
    if option.targets and len(option.targets) <= 12:
        lines.append("Targets: " + ", ".join(esc(known.get(x, x)) for x in option.targets))
    elif option.targets:
        lines.append(f"Targets: {len(option.targets)} states")
    lines.append("[$text-dim]Enter to order it.[/]")
    return "\n".join(lines)


def unavailable_details(action, reason: str, economy: float) -> str:
    """The highlighted action when it is not possible now: why, then what it is."""
    return "\n".join([
        f"[b]{esc(action.name)}[/b] [b $text-warning]is not possible now:[/] "
        f"{esc(reason.removeprefix('not possible '))}.",
        f"{esc(action.description)}",
        f"Cost: {esc(cost_words(action, economy).removeprefix('costs '))}.",
        f"Risk: [{risk_style(felt(action))}]{esc(risk_words(action))}[/]"])


def risk_words(action) -> str:
    """The escalation risk in words, as the resolution will apply it."""
    return action.risk if felt(action) else "no escalation"


def felt(action) -> float:
    """The escalation an action really adds: none for one that names no state."""
    from ..core.legal import names_no_state

    return 0.0 if names_no_state(action) else action.escalation


def tension_note(action) -> str:
    """Where an action's escalation goes, as the resolution applies it."""
    from ..core.actions import Effect, Target
    from ..core.adjudicate import ALLY_SHARE, FRIENDLY, HOSTILE
    from ..core.legal import names_no_state

    x = f"{action.escalation:+g}"
    if names_no_state(action):
        return "it names no state, so no tension between states changes"
    if action.escalation == 0:
        return "it changes no tension"
    if action.effect is Effect.DEFEND:
        return f"adds {x} to the tension between you and the attackers"
    if action.effect in FRIENDLY:
        return f"adds {x} to the tension between you and the target's adversaries"
    if action.target is Target.NONE:
        return f"adds {x} to the tension in each of your disputes"
    if action.effect is Effect.TABLE:
        return f"adds {x} to the tension with the state the draft names"
    if action.effect in HOSTILE:
        return (f"adds {x} to the tension with its target, and "
                f"{action.escalation * ALLY_SHARE:+g} with each ally bound to defend it")
    return f"adds {x} to the tension with its target"


MEASURE_PHRASE = {"sanctions": "sanctions against {}", "use_of_force": "force against {}",
                  "condemn": "condemnation of {}", "peacekeeping": "peacekeeping in {}",
                  "suspend": "suspend {}", "ceasefire": "a ceasefire by {}",
                  "statement": "a statement on {}",
                  "refer": "referring the matter of {} to the Assembly",
                  "expel": "expel {}", "non_recognition": "no recognition of {}'s conquests"}


def draft_subject(draft, known: dict[str, str]) -> str:
    """What a draft decides, in words and escaped: 'condemnation of Ardenia'."""
    phrase = MEASURE_PHRASE.get(draft.measure, words(draft.measure) + " on {}")
    return esc(phrase.format(known.get(draft.target, draft.target)))


def order_text(order, actions, known: dict[str, str]) -> str:
    spec = actions.get(order.action)
    out = esc(spec.name if spec else order.action)
    name = lambda i: esc(known.get(i, i))  # noqa: E731
    if order.measure and order.institution:  # "Table a resolution in X: sanctions against Y"
        what = MEASURE_PHRASE.get(order.measure, words(order.measure) + " on {}")
        return (f"{out} in {name(order.institution)}: "
                f"{what.format(name(order.target)) if order.target else words(order.measure)}")
    if order.target:
        out += f" → {name(order.target)}"
    if order.institution:
        out += f" in {name(order.institution)}"
    if order.measure:
        out += f" ({esc(words(order.measure))})"
    if order.forces:
        out += f" · {order.forces:.0%} of your forces"
    return out


def term_text(term, known: dict[str, str]) -> str:
    """A term in words, from the names a view knows (Term.describe needs the world)."""

    class _Names:
        def name_of(self, ident: str) -> str:
            return known.get(ident, ident)

    return term.describe(_Names())


def obligation_text(ob, known: dict[str, str]) -> str:
    n = lambda i: esc(known.get(i, i))  # noqa: E731
    what = (f"assist {n(ob.beneficiary)} against {n(ob.against)}" if ob.action == "assist"
            else f"sanction {n(ob.against)}")
    how = ("binding" if ob.action != "assist" else
           OBLIGATION_STRENGTH.get(ob.strength.value, words(ob.strength.value)))
    return (f"{n(ob.debtor)}: {what} under {n(ob.institution)} "
            f"{esc(known.get((ob.institution, ob.clause), ob.clause))} "
            f"by round {ob.due} ({esc(how)})")


OBLIGATION_STRENGTH = {"automatic": "must fight", "as_it_deems_necessary":
                       "as it deems necessary", "constitutional_processes":
                       "by its constitutional processes"}


STATUS_STYLE = {"open": "$text-warning", "kept": "$text-success", "declined": "$text-error",
                "broken": "$text-error", "lapsed": "$text-dim"}


def status(value: str) -> str:
    return f"[{STATUS_STYLE.get(value, '')}]{esc(value)}[/]"


def event_line(ev, nation: str = "") -> str:
    """One event as a line: its round, a mark on private ones, its text."""
    mark = "[b $text-accent]private[/] · " if ev.visible_to else ""
    return f"[$text-dim]R{ev.round}[/] {mark}{esc(ev.text)}"


def readiness(level: int) -> str:
    return READINESS[level] if 0 <= level < len(READINESS) else str(level)


def objective(obj, world=None, known: dict[str, str] | None = None) -> str:
    """An objective in words: the core's own sentence when the world is at hand."""
    if world is not None:
        from ..core.scoring import describe

        return describe(world, obj)
    known = known or {}
    return obj.text or f"{words(obj.kind.value)} {known.get(obj.target, obj.target)}".strip()


def fraction(x: float) -> str:
    """0.75 -> '3/4' (a rule's share in words a class reads at once)."""
    from fractions import Fraction

    f = Fraction(x).limit_denominator(10)
    return f"{f.numerator}/{f.denominator}"


def burden_rows(rows, name_of, me: str = "", style: str = "$text-warning") -> list[str]:
    """One alliance's burden-sharing table: a head, then a line per member, the
    lowest contributor for its worth first, each marked (:func:`burden_mark`)."""
    out = [f"  [$text-dim]{'Member':<22} {'Contrib.':>8} {'GDP share':>9} "
           f"{'Defence':>7} {'Protection':>10}[/]"]
    from ..core.burden import ATTACKER

    for r in sorted(rows, key=lambda r: r.ratio):
        name = name_of(r.nation) + (" (you)" if r.nation == me else "")
        shares = (f"{'—':>8} {'—':>9}" if r.exempt == ATTACKER else
                  f"{r.contribution_share:>8.1%} {r.benefit_share:>9.1%}")
        out.append(f"  {esc(name[:22]):<22} {shares} {r.spending:>6.1f}% "
                   f"{r.protection:>10.0f}{burden_mark(r, style)}")
    return out


def burden_mark(row, style: str = "$text-warning") -> str:
    """After a burden-sharing row: 'free rider', or why a member the 3/4 rule would
    name is not judged ('attacked' in the game, 'too small' a share)."""
    from ..core.burden import ATTACKER, FREE_RIDER_RATIO

    if row.free_rider:
        return f" [b {style}]free rider[/]"
    if row.exempt and (row.ratio < FREE_RIDER_RATIO or row.exempt == ATTACKER):
        return f" [$text-dim]{esc(row.exempt)}[/]"
    return ""
