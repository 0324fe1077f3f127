"""Plain lines from a view: one fact a line, no box drawing, no markup.

Every function takes a :class:`~wargame.core.View` (and the public campaign for
names) and returns lines; the caller prints them through
:func:`wargame.textsafe.printable`, so text from outside is shown, never obeyed.
"""

from __future__ import annotations

from ..core.actions import ActionSpec, Effect, Target
from ..core.rules import with_names
from ..core.scoring import describe
from ..textsafe import one_line
from .names import listing, words

MEASURE_PHRASE = {"sanctions": "sanctions against {}", "use_of_force": "force against {}",
                  "condemn": "condemnation of {}", "peacekeeping": "peacekeeping in {}",
                  "suspend": "suspending {}", "ceasefire": "a ceasefire demanded of {}",
                  "statement": "a statement of concern about {}", "expel": "expelling {}",
                  "non_recognition": "refusing to recognise the conquests of {}"}
READINESS = {0: "normal", 1: "raised", 2: "mobilised"}
STRENGTH = {"automatic": "must fight", "as_it_deems_necessary": "as it deems necessary",
            "constitutional_processes": "by its constitutional processes"}


class Names:
    """Ids to names for a view: states, institutions and clause labels."""

    def __init__(self, view, campaign) -> None:
        self.known = {s.id: s.name for s in view.states}
        self.known.update({i.id: i.name for i in view.institutions})
        self.labels = {(i.id, cid): label for i in view.institutions
                       for cid, label in i.clause_labels}
        self.campaign = campaign

    def __call__(self, ident: str) -> str:
        return self.known.get(ident) or self.campaign.name_of(ident)

    name_of = __call__

    def named(self, text: str) -> str:
        """A rules API sentence with its state ids as names."""
        return with_names(text, lambda i: self.known.get(i, i))


# ------------------------------------------------------------------ money and risk
def money(billions: float) -> str:
    if billions >= 1:
        return f"{billions:,.1f} billion dollars"
    if billions >= 0.0005:
        return f"{billions * 1000:,.0f} million dollars"
    return "under 1 million dollars"


def cost(spec: ActionSpec, economy: float) -> str:
    """What an action costs you, in words."""
    parts = []
    if spec.cost_economy:
        amount = money(economy * spec.cost_economy / 100)
        about = "" if amount.startswith("under") else "about "
        parts.append(f"{spec.cost_economy:g}% of your GDP ({about}{amount})")
    if spec.cost_support:
        parts.append(f"{spec.cost_support:g} points of public support")
    text = ("costs " + " and ".join(parts)) if parts else "free"
    if spec.effect is Effect.SANCTION:
        text += ", but costs you trade with the target"
    return text


def names_a_state(spec: ActionSpec) -> bool:
    """An order naming no state (a consultation) adds no tension between states."""
    return spec.target is not Target.INSTITUTION or spec.effect is Effect.TABLE


def risk(spec: ActionSpec) -> str:
    return spec.risk if names_a_state(spec) else "no escalation (it names no state)"


# ------------------------------------------------------------------ the round
def round_head(view) -> str:
    return (f"Round {view.round} of {view.rounds_limit}. Stage: {words(view.stage)}. "
            f"Escalation {view.escalation:.0f} ({view.rung}).")


def me_line(view) -> str:
    me = view.me
    return (f"You, {view.name}: military {me.military:.0f}, economy {me.economy:.0f} bn, "
            f"support {me.support:.0f}, credibility {me.credibility:.0f}, "
            f"territory {me.territory:.0f}%.")


def duties(view, name) -> list[str]:
    """Your open obligations, one a line."""
    out = []
    for o in view.obligations:
        if o.debtor == view.nation and o.status.value == "open":
            whom = (f"{name(o.beneficiary)} against {name(o.against)}" if o.beneficiary
                    else name(o.against))
            out.append(f"You are bound to {o.action} {whom} by round {o.due} "
                       f"({name(o.institution)}).")
    return out


def status_lines(view, name) -> list[str]:
    """Your state's numbers, one a line, and what you owe."""
    me = view.me
    out = [me_line(view),
           f"Defence spending: {me.spending:.1f}% of GDP.",
           f"Readiness: {READINESS.get(me.readiness, me.readiness)}."]
    tense = sorted(view.tension.items(), key=lambda kv: -kv[1])
    for other, level in tense:
        out.append(f"Tension with {name(other)}: {level:.0f}.")
    return out + duties(view, name)


def states_lines(view, name) -> list[str]:
    """Every state's public numbers, one state a line, the most tense with you first."""
    rows = sorted(view.states, key=lambda s: (-view.tension.get(s.id, 0.0), s.name))
    out = []
    for s in rows:
        you = " (you)" if s.id == view.nation else \
            f", tension with you {view.tension.get(s.id, 0.0):.0f}"
        out.append(f"{s.name}{you}: military {s.military:.0f}, economy {s.economy:.0f} bn, "
                   f"defence {s.spending:.1f}% of GDP, support {s.support:.0f}, "
                   f"credibility {s.credibility:.0f}, territory {s.territory:.0f}%"
                   f"{', nuclear' if s.nuclear else ''}.")
    return out


def event_line(ev) -> str:
    mark = "For you alone: " if ev.visible_to else ""
    return f"Round {ev.round}: {mark}{ev.text}"


# ------------------------------------------------------------------ treaties
def treaty_lines(view, name) -> list[str]:
    out = []
    for i in view.institutions:
        you = " You are a member." if i.member else ""
        out.append(f"{i.name} ({i.id}): {len(i.members)} members, decides by {i.rule}, "
                   f"credibility {i.credibility:.0f}.{you}")
        out.append(f"{i.name} members: {', '.join(name(m) for m in i.members)}.")
        for c in i.clauses:
            out.append(f"{i.name} clause {c}.")
        if i.veto:
            out.append(f"{i.name}: a veto is held by {listing([name(v) for v in i.veto], 'and')}.")
        if i.regions:
            out.append(f"{i.name}: its collective defence applies in "
                       f"{listing(list(i.regions), 'and')}.")
        if i.binds:
            out.append(f"{i.name}: its binding decisions bind {i.binds}.")
        if i.suspended:
            out.append(f"{i.name}: suspended: {', '.join(name(m) for m in i.suspended)}.")
        for who, due in i.notices:
            out.append(f"{i.name}: {name(who)} has given notice of withdrawal: it leaves at "
                       f"the end of round {due}.")
        if i.left:
            out.append(f"{i.name}: no longer members: "
                       f"{', '.join(name(m) for m in i.left)}"
                       + (f" (expelled: {', '.join(name(m) for m in i.expelled)})"
                          if i.expelled else "") + ".")
        if i.not_recognising:
            out.append(f"{i.name}: recognises no conquest of "
                       f"{', '.join(name(m) for m in i.not_recognising)}.")
        if i.sanctions_on:
            out.append(f"{i.name}: sanctions in force on "
                       f"{', '.join(name(m) for m in i.sanctions_on)}.")
        if i.force_on:
            out.append(f"{i.name}: force authorised against "
                       f"{', '.join(name(m) for m in i.force_on)}.")
    return out


# ------------------------------------------------------------------ the ledger
def obligation_line(o, name, labels) -> str:
    what = (f"assist {name(o.beneficiary)} against {name(o.against)}" if o.action == "assist"
            else f"sanction {name(o.against)}")
    how = "binding" if o.action != "assist" else STRENGTH.get(o.strength.value,
                                                               words(o.strength.value))
    clause = labels.get((o.institution, o.clause), o.clause)
    return (f"{o.id}: {name(o.debtor)} must {what} under {name(o.institution)} {clause} "
            f"by round {o.due} ({how}): {o.status.value}.")


def commitment_line(c, name) -> str:
    where = f" in {name(c.institution)}" if c.institution else ""
    return (f"{c.id}: {c.term.describe(name)} by round {c.due}, promised to "
            f"{listing([name(x) for x in c.creditors], 'and')}{where} "
            f"(proposal {c.proposal}): {c.status.value}.")


def ledger_lines(view, names: Names) -> list[str]:
    out = []
    if view.obligations:
        out.append(f"Obligations under treaties ({len(view.obligations)}):")
        out += [obligation_line(o, names, names.labels) for o in view.obligations]
    else:
        out.append("No obligation under a treaty so far.")
    if view.commitments:
        out.append(f"Promises from proposals ({len(view.commitments)}):")
        out += [commitment_line(c, names) for c in view.commitments]
    else:
        out.append("No promise from a proposal so far.")
    return out


# ------------------------------------------------------------------ drafts
def draft_subject(d, name) -> str:
    return MEASURE_PHRASE.get(d.measure, words(d.measure) + " on {}").format(name(d.target))


def tally(votes: dict) -> str:
    counts = {v: sum(1 for x in votes.values() if x == v) for v in ("yes", "no", "abstain")}
    return f"{counts['yes']} yes, {counts['no']} no, {counts['abstain']} abstaining"


def draft_lines(view, names: Names) -> list[str]:
    out = []
    member = {i.id for i in view.institutions if i.member}
    if view.drafts:
        out.append(f"Open drafts ({len(view.drafts)}), voted on in this diplomacy phase:")
    for d in view.drafts:
        mine = d.votes.get(view.nation, "")
        you = (f" Your vote: {mine}." if mine else " You have not voted.") \
            if d.institution in member else " You do not vote there."
        out.append(f"{d.id}: {names(d.institution)}, {draft_subject(d, names)}, tabled by "
                   f"{names(d.by)}. Votes so far: {tally(d.votes)}.{you}")
        out += [f"{d.id}: {names(m)}'s vote is not counted: {why}."
                for m, why, _ in view.not_counted.get(d.id, ())]
    if view.decided:
        out.append(f"Decided lately ({len(view.decided)}):")
    for d in sorted(view.decided, key=lambda d: -d.tabled):
        result = "adopted" if d.adopted else "not adopted"
        reason = f" ({names.named(d.reason)})" if d.reason else ""
        out.append(f"{d.id}: {names(d.institution)}, {draft_subject(d, names)}, round "
                   f"{d.tabled}: {result}{reason}.")
        by = {v: [names(m) for m, x in d.votes.items() if x == v]
              for v in ("yes", "no", "abstain")}
        for v, who in by.items():
            if who:
                out.append(f"{d.id} {'voted ' + v if v != 'abstain' else 'abstained'}: "
                           f"{', '.join(who)}.")
    if not out:
        out.append("No draft is open and none was decided lately. Table one with the order "
                   "Table a resolution: it is voted on in the next diplomacy phase.")
    return out


# ------------------------------------------------------------------ talks
def waiting(view) -> list:
    """Proposals awaiting your answer."""
    return [p for p in view.proposals if p.status.value == "open" and view.nation in p.to
            and view.nation not in p.answers]


def proposal_lines(view, names: Names, campaign) -> list[str]:
    """Each proposal made by you or to you: who, what, when due, where it stands."""
    out = []
    for p in view.proposals:
        whom = (f"tabled in {names(p.institution)}" if p.institution else
                f"to {listing([names(x) for x in p.to], 'and')}")
        by = "You propose" if p.by == view.nation else f"{names(p.by)} proposes"
        counter = f", countering {p.counter_of}" if p.counter_of else ""
        due_by = max((c.due for c in view.commitments if c.proposal == p.id), default=0)
        due = f"due by round {due_by}" if due_by else \
            f"due {p.due_in} round{'s' if p.due_in != 1 else ''} after it is accepted"
        state = p.status.value
        if p in waiting(view):
            state = f"awaits your answer until the end of round {p.expires}"
        elif state == "open" and p.by == view.nation:
            answered = listing([names(x) for x in p.answers], "and")
            state = "open, " + (f"answered so far by {answered}" if p.answers else
                                "no answer yet")
        reason = f" ({names.named(p.reason)})" if p.reason else ""
        out.append(f"{p.id}, round {p.round}: {by}, {whom}{counter}, {due}: "
                   f"{state}{reason}.")
        for k, t in enumerate(p.terms, 1):
            out.append(f"{p.id} term {k}: {t.describe(names)}.")
    return out or ["No proposal made by you or to you so far."]


def message_lines(view, names: Names) -> list[str]:
    out = []
    for m in view.messages:
        by = "you" if m.sender == view.nation else names(m.sender)
        to = listing(["you" if x == view.nation else names(x) for x in m.recipients], "and")
        out.append(f"{m.id}, round {m.round}, from {by} to {to}: {one_line(m.text)}")
    return out or ["No message sent or received so far."]


def objectives(view, campaign) -> list[str]:
    return [f"{describe(campaign, o)} ({o.points} points)" for o in view.objectives]
