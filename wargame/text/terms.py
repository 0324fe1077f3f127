"""Typed terms of a proposal: 'Corvia deploys to Belmark; I raise spending to 3'.

A term is a party (a state's name, or I, we or you), what it promises, and what that
needs: a state, an institution, a measure, a level of spending. :func:`parse_terms`
turns a typed line into core :class:`~wargame.core.terms.Term` objects, or says
what it did not understand; :func:`typed` writes a term back the way it is typed,
so a counter-proposal can start from the terms it answers. Whether a party could
keep a term is the core's to say (:meth:`Seat.term_problem`), not this module's.
"""

from __future__ import annotations

import re

from ..core.terms import NEEDS_TARGET, Term, TermKind
from .names import find_in, longest, norm, words

# what the party promises, as typed (normalised words) -> the kind of term
PHRASES: dict[str, TermKind] = {}
for _kind, _phrases in (
    (TermKind.NO_ATTACK, ("does not attack", "do not attack", "doesn't attack", "not attack",
                          "no attack", "never attacks", "won't attack", "will not attack")),
    (TermKind.SUPPORT_RESOLUTION, ("votes for", "vote for", "votes yes on", "votes yes for",
                                   "supports", "support")),
    (TermKind.LIFT_SANCTIONS, ("lifts sanctions", "lift sanctions", "lifts its sanctions",
                               "lifts", "lift")),
    (TermKind.SANCTION, ("sanctions", "sanction", "imposes sanctions", "impose sanctions")),
    (TermKind.RAISE_SPENDING, ("raises spending", "raise spending", "raises defence spending",
                               "raise defence spending", "spends", "spend")),
    (TermKind.WITHDRAW, ("withdraws", "withdraw", "gives back", "give back")),
    (TermKind.CEASEFIRE, ("agrees a ceasefire", "agree a ceasefire", "agrees ceasefire",
                          "agree ceasefire", "ceasefire")),
    (TermKind.CONSULT, ("consults", "consult", "requests consultation",
                        "request consultation")),
    (TermKind.AID, ("sends aid", "send aid", "aids", "aid")),
    (TermKind.DEPLOY, ("deploys forces", "deploy forces", "deploys troops", "deploy troops",
                       "deploys", "deploy")),
):
    for _p in _phrases:
        PHRASES[_p] = _kind

# how each kind is written back, and shown in help
TYPED = {
    TermKind.DEPLOY: "{p} deploys to {t}",
    TermKind.SANCTION: "{p} sanctions {t}",
    TermKind.LIFT_SANCTIONS: "{p} lifts sanctions on {t}",
    TermKind.RAISE_SPENDING: "{p} raises spending to {v}",
    TermKind.SUPPORT_RESOLUTION: "{p} votes for {m} on {t} in {i}",
    TermKind.WITHDRAW: "{p} withdraws from {t}",
    TermKind.CEASEFIRE: "{p} agrees a ceasefire with {t}",
    TermKind.CONSULT: "{p} consults in {i}",
    TermKind.AID: "{p} aids {t}",
    TermKind.NO_ATTACK: "{p} does not attack {t}",
}
MEASURE_WORDS = {"condemnation": "condemn", "force": "use_of_force",
                 "peacekeepers": "peacekeeping", "suspension": "suspend",
                 "sanction": "sanctions", "expulsion": "expel", "recognition": "non_recognition"}
FILLER = {"to", "on", "with", "from", "in", "of", "the", "a", "an", "forces", "troops", "by",
          "at", "for", "against", "draft", "resolution", "percent", "gdp", "defence",
          "defense", "spending", "its", "will", "must", "shall", "%", "more", "than"}
NUMBER = re.compile(r"^(\d+(?:\.\d+)?)%?$")
PRONOUNS = {"i", "we", "me", "us", "myself"}


def split_terms(text: str) -> list[str]:
    """Terms are separated by semicolons (names may hold 'and' or commas)."""
    return [t.strip() for t in text.split(";") if t.strip()]


def parse_terms(text: str, campaign, me: str, others: list[str]) -> list[Term] | str:
    """The terms typed in ``text`` (separated by ;), or why one is not understood.
    ``others``: the other parties ('you' means the one other party, if there is one)."""
    pieces = split_terms(text)
    if not pieces:
        return "type at least one term, e.g. " + example(campaign, me, others)
    out = []
    for i, piece in enumerate(pieces, 1):
        term = parse_term(piece, campaign, me, others)
        if isinstance(term, str):
            return f"term {i} ({piece}): {term}" if len(pieces) > 1 else f"{piece}: {term}"
        out.append(term)
    return out


def parse_term(text: str, campaign, me: str, others: list[str]) -> Term | str:
    ws = norm(text).split()
    if not ws:
        return "an empty term"
    if ws[0] in PRONOUNS:
        party, rest = me, ws[1:]
    elif ws[0] == "you":
        if len(others) != 1:
            return "'you' is unclear here: name the state that must act"
        party, rest = others[0], ws[1:]
    else:
        party, rest = longest(ws, lambda s: find_in(campaign.states, s))
        if party is None:
            return ("a term starts with the state that must act (or I), e.g. "
                    + example(campaign, me, others))
    while rest and rest[0] in ("will", "must", "shall", "to"):
        rest = rest[1:]
    kind, after = None, rest
    for k in range(min(4, len(rest)), 0, -1):  # the longest phrase first
        if " ".join(rest[:k]) in PHRASES:
            kind, after = PHRASES[" ".join(rest[:k])], rest[k:]
            break
    if kind is None:
        return (f"what does {campaign.name_of(party)} promise? e.g. "
                f"{TYPED[TermKind.NO_ATTACK].format(p=campaign.name_of(party), t='a state')} "
                "(help terms lists every kind of term)")
    return _arguments(party, kind, after, campaign)


def _arguments(party: str, kind: TermKind, ws: list[str], campaign) -> Term | str:
    states, insts, measures, numbers = [], [], [], []
    rest = list(ws)
    while rest:
        state, after = longest(rest, lambda s: find_in(campaign.states, s))
        if state is not None:
            states.append(state)
            rest = after
            continue
        inst, after = longest(rest, lambda s: find_in(campaign.institutions, s))
        if inst is not None:
            insts.append(inst)
            rest = after
            continue
        measure, after = longest(rest, _measure)
        if measure is not None:
            measures.append(measure)
            rest = after
            continue
        m = NUMBER.match(rest[0])
        if m:
            numbers.append(float(m.group(1)))
            rest = rest[1:]
            continue
        if rest[0] in FILLER:
            rest = rest[1:]
            continue
        return f"I did not understand {rest[0]!r}"
    target = states[0] if states else ""
    institution = insts[0] if insts else ""
    measure = measures[0] if measures else ""
    value = numbers[0] if numbers else 0.0
    if kind in NEEDS_TARGET and not target:
        return "which state? e.g. " + TYPED[kind].format(
            p=campaign.name_of(party), t="a state", v="", m="sanctions", i="an institution")
    if kind in (TermKind.SUPPORT_RESOLUTION, TermKind.CONSULT) and not institution:
        return "in which institution? e.g. " + TYPED[kind].format(
            p=campaign.name_of(party), t=campaign.name_of(target) or "a state", v="",
            m="sanctions", i=campaign.institutions[0][1] if campaign.institutions else "")
    if kind is TermKind.SUPPORT_RESOLUTION and not measure:
        known = campaign.measures.get(institution, ())
        return ("a draft deciding what? one of: "
                + ", ".join(words(m) for m in known))
    if kind is TermKind.RAISE_SPENDING and not value:
        return "to what share of GDP? e.g. " + TYPED[kind].format(p=campaign.name_of(party),
                                                                  v="3")
    if len(states) > 1 or len(insts) > 1 or len(measures) > 1 or len(numbers) > 1:
        return "one term names one state, one institution and one measure at most: " \
               "separate terms with ;"
    return Term(party, kind, target if kind in NEEDS_TARGET else "",
                institution if kind in (TermKind.SUPPORT_RESOLUTION, TermKind.CONSULT) else "",
                measure if kind is TermKind.SUPPORT_RESOLUTION else "",
                value if kind is TermKind.RAISE_SPENDING else 0.0)


def _measure(text: str) -> str | None:
    from ..core.actions import Measure

    wanted = norm(text)
    wanted = norm(MEASURE_WORDS.get(wanted, wanted))
    return next((m.value for m in Measure if norm(m.value) == wanted), None)


def typed(term: Term, campaign) -> str:
    """A term as the player would type it: parse_term(typed(t)) gives t back."""
    return TYPED[term.kind].format(p=campaign.name_of(term.party),
                                   t=campaign.name_of(term.target),
                                   v=f"{term.value:g}", m=words(term.measure),
                                   i=campaign.name_of(term.institution))


def example(campaign, me: str, others: list[str]) -> str:
    """An example term for this game: another party helping me, or my promise."""
    other = others[0] if others else next((i for i, _ in campaign.states if i != me), me)
    if other in campaign.allies.get(me, ()):
        return typed(Term(other, TermKind.DEPLOY, me), campaign)
    return typed(Term(me, TermKind.NO_ATTACK, other), campaign)
