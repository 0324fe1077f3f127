"""The text mode's commands: one entry each in :data:`COMMANDS`.

A command is a name, its short forms, a usage line, a one-line summary, the lines
``help NAME`` adds, and a function ``run(desk, rest)`` that reads the desk's seat
and calls its verbs. Adding a command is adding one :class:`Command` to the table
(for example a ``situation`` command printing one line per state from the view).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..core import Order
from ..core.actions import Effect
from ..core.terms import TermKind
from ..textsafe import clean_input
from . import words as w
from .names import listing, longest, norm, plural
from .terms import TYPED, parse_terms, typed


@dataclass(frozen=True)
class Command:
    name: str
    short: tuple[str, ...]
    usage: str
    summary: str
    run: Callable[[object, str], None]
    details: tuple[str, ...] = ()

    def words(self) -> tuple[str, ...]:
        return (self.name, *self.short)


# ------------------------------------------------------------------ reading
def _help(desk, rest: str) -> None:
    if rest.strip():
        topic = rest.split()[0].casefold()
        cmd = find(topic)
        if cmd is None:
            desk.refuse(f"there is no command {rest.strip()!r}: help alone lists them")
            return
        desk.say(f"{cmd.usage}: {cmd.summary}.")
        if cmd.short:
            desk.say(f"Also typed as {listing(list(cmd.short))}.")
        desk.lines(_fill(desk, line) for line in cmd.details)
        return
    options = desk.options()
    number = desk.example_line(options)
    spec = desk.action_named(number.split()[0])
    named = " ".join([spec.name.lower(), *number.split()[1:]]) if spec else "an action's name"
    table = next((o for o in options if o.measures), None)
    resolution = desk.example(table) if table else "8 a-state an-institution a-measure"
    say = desk.say
    say("To order (orders phase): an action's number or its name, then its target,")
    say(f"for example {number}, or {named}.")
    say("A resolution also takes an institution and a measure,")
    say(f"for example {resolution}.")
    say("An attack, a defence, a counter-offensive or a deployment may end with the share")
    say("of your forces at home it commits, for example 50% (the default otherwise).")
    say("Numbers stay the same all game; the list shows only what you can order now.")
    say("Enter on an empty line: end your turn (your orders for this round).")
    say("Commands (help and a command's name tells more, e.g. help propose):")
    for cmd in COMMANDS:
        short = f" (also {listing(list(cmd.short))})" if cmd.short else ""
        say(f"{cmd.usage}{short}: {cmd.summary}.")


def _fill(desk, line: str) -> str:
    """A help line with this game's names in its examples: {me}, {other}, {ally},
    {institution} (the templates are the program's own, never typed text)."""
    view = desk.view()
    others = [s for s in desk.campaign.ids if s != desk.me]
    allies = list(view.allies_of(desk.me))
    rival = max(others, key=lambda s: view.tension.get(s, 0.0)) if others else desk.me
    mine = [i.id for i in view.institutions if i.member] or [desk.campaign.institutions[0][0]]
    return line.format(me=desk.name(desk.me), other=desk.name(rival),
                       ally=desk.name(allies[0] if allies else rival),
                       institution=desk.name(mine[0]))


def _actions(desk, rest: str) -> None:
    desk.show_actions()


def _about(desk, rest: str) -> None:
    desk.about(rest)


def _briefing(desk, rest: str) -> None:
    desk.briefing()


def _status(desk, rest: str) -> None:
    view = desk.view()
    desk.say(w.round_head(view))
    desk.lines(w.status_lines(view, desk.names(view)))


def _states(desk, rest: str) -> None:
    view = desk.view()
    desk.lines(w.states_lines(view, desk.names(view)))


def _news(desk, rest: str) -> None:
    view = desk.view()
    public = desk.seat.public_news()
    private = list(view.private)
    every = rest.strip().casefold() == "all"
    if not every:
        public = [e for e in public if e.round >= view.round - 1]
        private = [e for e in private if e.round >= view.round - 1]
    desk.say(f"The whole game's news, the latest last ({plural(len(public), 'item')}):"
             if every else f"News of this round and the last ({plural(len(public), 'item')}; "
             "news all for the whole game):")
    desk.lines(w.event_line(e) for e in public)
    if private:
        desk.say(f"For you alone ({plural(len(private), 'item')}):")
        desk.lines(w.event_line(e) for e in private)
    desk.shown.update(public + private)


def _situation(desk, rest: str) -> None:
    from ..map.situation import situation_lines

    desk.say("The situation, a state a line, in map order (what the Map tab draws):")
    desk.lines(situation_lines(desk.view(), desk.campaign.layout, desk.seat.public_news()))


def _ledger(desk, rest: str) -> None:
    view = desk.view()
    desk.lines(w.ledger_lines(view, desk.names(view)))


def _treaties(desk, rest: str) -> None:
    view = desk.view()
    desk.lines(w.treaty_lines(view, desk.names(view)))


def _drafts(desk, rest: str) -> None:
    view = desk.view()
    desk.lines(w.draft_lines(view, desk.names(view)))


def _proposals(desk, rest: str) -> None:
    view = desk.view()
    desk.lines(w.proposal_lines(view, desk.names(view), desk.campaign))


def _messages(desk, rest: str) -> None:
    view = desk.view()
    desk.lines(w.message_lines(view, desk.names(view)))
    desk.shown.update(("m", m.id) for m in view.messages)


def _terms(desk, rest: str) -> None:
    desk.say("A term: the state that must act (or I, or you when there is one other "
             "party), then what it promises:")
    for kind in TermKind:
        desk.say(TYPED[kind].format(p="X", t="a state", v="a share of GDP such as 3",
                                    m="a measure", i="an institution") + ".")
    desk.say("Separate terms with a semicolon; end with due and a number of rounds "
             "after they are accepted (due 2); due 1 otherwise.")


# ------------------------------------------------------------------ talks
def _recipients(desk, text: str) -> list[str] | str:
    """States typed before the colon: names separated by commas or 'and', or 'allies'."""
    out: list[str] = []
    for part in re.split(r",|\band\b", text):
        part = part.strip()
        if not part:
            continue
        if part.casefold() in ("allies", "my allies"):
            allies = list(desk.view().allies_of(desk.me))
            if not allies:
                return "you have no ally (no alliance or consultation pact)"
            out += [a for a in allies if a not in out]
            continue
        state = desk.find_state(part)
        if state is None:
            return f"there is no state {part!r}"
        if state not in out:
            out.append(state)
    return out or "name at least one state before the colon"


def _write(desk, rest: str) -> None:
    to, colon, text = rest.partition(":")
    if not colon:
        desk.refuse(f"put a colon after the recipients, e.g. write {_fill(desk, '{ally}')}: "
                    "your words")
        return
    states = _recipients(desk, to)
    if isinstance(states, str):
        desk.refuse(states)
        return
    error = desk.seat.message(states, clean_input(text, lines=False).strip())
    if error:
        desk.refuse(error)
        return
    desk.say(f"Message sent to {listing([desk.name(s) for s in states], 'and')}.")


DUE = re.compile(r"(?:\s|;|,)*\b(?:due(?:\s+in)?|within)\s+(\d+)(?:\s+rounds?)?\s*\.?\s*$",
                 re.IGNORECASE)
def _due(text: str) -> tuple[str, int]:
    """The terms without their 'due N', and N (1 if not said)."""
    m = DUE.search(text)
    return (text[:m.start()], int(m.group(1))) if m else (text, 1)


def _terms_of(desk, text: str, others: list[str]):
    """(terms, due_in) from typed terms, or the reason they are refused."""
    body, due = _due(text)
    if not 1 <= due <= 6:
        return "terms fall due in 1 to 6 rounds"
    terms = parse_terms(body, desk.campaign, desk.me, others)
    if isinstance(terms, str):
        return terms
    due = min(due, desk.seat.last_due_in())
    for i, term in enumerate(terms, 1):  # the core's own check, term by term
        why = desk.seat.term_problem(term, due, terms[:i - 1])
        if why:
            label = f"term {i} ({typed(term, desk.campaign)})" if len(terms) > 1 else \
                typed(term, desk.campaign)
            return f"{label}: {why}"
    return terms, due


def _due_words(desk, due: int) -> str:
    """When the terms fall due: counted from the round they are accepted in, as the
    ledger counts them (a proposal answered next round falls due a round later)."""
    return f"its terms fall due {plural(due, 'round')} after it is accepted"


def _propose(desk, rest: str) -> None:
    to, colon, text = rest.partition(":")
    if not colon:
        desk.refuse("put a colon after the recipients, e.g. "
                    + _fill(desk, "propose {ally}: {ally} deploys to {me}"))
        return
    where = to.strip()
    institution = ""
    if norm(where).startswith("in "):
        institution = desk.find_institution(where.strip()[3:])
        if institution is None:
            desk.refuse(f"there is no institution {where.strip()[3:]!r}")
            return
        states = [m for m in _members(desk, institution) if m != desk.me]
    else:
        states = _recipients(desk, where)
        if isinstance(states, str):
            desk.refuse(states)
            return
    found = _terms_of(desk, text, states)
    if isinstance(found, str):
        desk.refuse(found)
        return
    terms, due = found
    pid, error = desk.seat.propose(states if not institution else [], terms, institution, due)
    if error:
        desk.refuse(error)
        return
    whom = (f"tabled in {desk.name(institution)}: its members answer by vote when the "
            "diplomacy phase ends" if institution else
            f"to {listing([desk.name(s) for s in states], 'and')}")
    desk.say(f"Proposal {pid} sent, {whom}; {_due_words(desk, due)}.")
    desk.lines(f"{pid} term {k}: {t.describe(desk.names())}." for k, t in enumerate(terms, 1))


def _members(desk, institution: str) -> list[str]:
    view = desk.view()
    inst = next((i for i in view.institutions if i.id == institution), None)
    return list(inst.members) if inst else []


def _proposal(desk, rest: str):
    pid = rest.strip().split(":")[0].strip().casefold()
    if not pid:
        return None
    view = desk.view()
    return next((p for p in view.proposals if p.id.casefold() == pid), None)


def _reply(reply: str):
    def run(desk, rest: str) -> None:
        pid = rest.strip()
        if not pid:
            waiting = w.waiting(desk.view())
            if len(waiting) != 1:
                desk.refuse(f"{reply} which proposal? e.g. {reply} p1 (proposals lists them)")
                return
            pid = waiting[0].id
        error = desk.seat.answer(pid.casefold(), reply)
        if error:
            desk.refuse(error)
            return
        p = _proposal(desk, pid)
        desk.say(f"You {reply} proposal {pid}." + (f" It is now {p.status.value}."
                                                    if p and p.status.value != "open" else ""))
        if p is not None and p.status.value == "accepted":
            desk.say("Its terms are promises in the ledger now (type ledger).")
    return run


def _counter(desk, rest: str) -> None:
    pid, colon, text = rest.partition(":")
    p = _proposal(desk, pid)
    if p is None:
        desk.refuse(f"there is no proposal {pid.strip()!r} made to you "
                    "(proposals lists them)" if pid.strip() else
                    "counter which proposal? e.g. counter p1: your terms")
        return
    if not colon or not text.strip():
        desk.say(f"Its terms, as you would type them to change them:")
        desk.say(f"counter {p.id}: " + "; ".join(typed(t, desk.campaign) for t in p.terms)
                 + f" due {p.due_in}")
        return
    others = [x for x in (p.by, *p.to) if x != desk.me]
    found = _terms_of(desk, text, others)
    if isinstance(found, str):
        desk.refuse(found)
        return
    terms, due = found
    new, error = desk.seat.counter(p.id, terms, due)
    if error:
        desk.refuse(error)
        return
    desk.say(f"You counter {p.id} with {new}, to "
             f"{listing([desk.name(s) for s in others], 'and')}; {_due_words(desk, due)}.")


def _vote(desk, rest: str) -> None:
    ws = rest.split()
    if len(ws) != 2:
        desk.refuse("vote takes a draft and a vote, e.g. vote d1 yes (drafts lists them)")
        return
    from .desk import VOTE_WORDS

    value = VOTE_WORDS.get(ws[1].casefold(), ws[1])
    error = desk.seat.vote(ws[0].casefold(), value)
    if error:
        desk.refuse(error)
        return
    desk.say(f"You vote {value} on {ws[0].casefold()}.")


# ------------------------------------------------------------------ orders
def _orders(desk, rest: str) -> None:
    orders = desk.seat.orders()
    limit = desk.campaign.orders_per_round
    if not orders:
        desk.say(f"No order given this round (up to {limit}).")
    for k, o in enumerate(orders, 1):
        desk.say(f"Order {k} of {limit}: {desk.order_text(o)}.")


def _remove(desk, rest: str) -> None:
    orders = desk.seat.orders()
    if not orders:
        desk.refuse("no order to remove")
        return
    k = len(orders)
    if rest.strip():
        if not rest.strip().isdigit() or not 1 <= int(rest.strip()) <= len(orders):
            desk.refuse(f"remove takes an order's place, 1 to {len(orders)} (orders lists them)")
            return
        k = int(rest.strip())
    gone = orders.pop(k - 1)
    error = desk.seat.give_orders(orders)
    if error:
        desk.refuse(error)
        return
    desk.say(f"Removed: {desk.order_text(gone)}.")


def _order(desk, rest: str) -> None:
    if not rest.strip():
        desk.refuse("order what? e.g. order " + desk.example_line(desk.options()))
        return
    desk.give(rest)


def _by_effect(desk, effect: Effect) -> str:
    return next((a.id for a in desk.campaign.actions.values() if a.effect is effect), "")


def _consult(desk, rest: str) -> None:
    action = _by_effect(desk, Effect.CONSULT)
    inst = desk.find_institution(rest) if rest.strip() else None
    if not action:
        desk.refuse("this campaign has no consultation order")
        return
    if inst is None:
        desk.refuse(f"consult in which institution? e.g. "
                    + _fill(desk, "consult {institution}"))
        return
    _checked(desk, Order(desk.me, action, institution=inst))


def _table(desk, rest: str) -> None:
    action = _by_effect(desk, Effect.TABLE)
    if not action:
        desk.refuse("this campaign has no order to table a resolution")
        return
    ws = norm(rest).split()
    inst = target = measure = ""
    from .terms import _measure

    while ws:
        for find, slot in ((desk.find_institution, "i"), (desk.find_state, "t"), (_measure, "m")):
            found, after = longest(ws, find)
            if found is not None:
                ws = after
                if slot == "i":
                    inst = found
                elif slot == "t":
                    target = found
                else:
                    measure = found
                break
        else:
            if ws[0] in ("in", "on", "against", "of", "the", "a"):
                ws = ws[1:]
                continue
            desk.refuse(f"I did not understand {ws[0]!r}: table, then an institution, a "
                        "measure and a state, e.g. " + _fill(desk, "table {institution} "
                                                                  "condemn {other}"))
            return
    if not (inst and target and measure):
        missing = [x for x, v in (("an institution", inst), ("a measure", measure),
                                  ("a state", target)) if not v]
        desk.refuse(f"table needs {listing(missing, 'and')}, e.g. "
                    + _fill(desk, "table {institution} condemn {other}"))
        return
    order = Order(desk.me, action, target=target, institution=inst, measure=measure)
    doomed = desk.seat.cannot_pass(inst, measure, target)
    if doomed:
        desk.say(f"Note: this draft cannot pass: {doomed}.")
    _checked(desk, order)


def _checked(desk, order: Order) -> None:
    if desk.view().phase != "orders":
        desk.refuse("orders are given in the orders phase, after this diplomacy phase")
        return
    limit = desk.campaign.orders_per_round
    if len(desk.seat.orders()) >= limit:
        desk.refuse(f"you have given {limit} of {limit} orders this round: remove one first")
        return
    error = desk.seat.check(order)
    if error:
        desk.refuse(error)
        return
    desk.place(order)


# ------------------------------------------------------------------ the turn
def _done(desk, rest: str) -> None:
    from .desk import EndTurn

    raise EndTurn


def _save(desk, rest: str) -> None:
    if desk.save is None:
        desk.refuse("this game cannot be saved from here")
        return
    desk.save()


def _quit(desk, rest: str) -> None:  # the prompt itself leaves on quit; listed for help
    desk.say("Type quit alone on a line to save and leave.")


COMMANDS: list[Command] = [
    Command("help", ("h", "?"), "help", "these lines; help and a command's name tells "
            "more about it", _help),
    Command("actions", ("a", "list"), "actions", "the actions you can order now, with cost "
            "and risk (printed once; then only what opens or closes)", _actions),
    Command("about", ("ab",), "about NUMBER", "what an action does, costs and risks, its "
            "targets, or why you cannot order it now", _about,
            ("For example: about 2.",)),
    Command("orders", ("o",), "orders", "the orders you have given this round", _orders),
    Command("remove", ("x", "undo"), "remove", "take back your last order; remove and a number, "
            "that order", _remove),
    Command("order", ("or",), "order ACTION TARGET ...", "give an order (the same as typing "
            "the action alone)", _order),
    Command("consult", ("cons",), "consult INSTITUTION", "order a request for consultation "
            "in an institution", _consult, ("For example: consult {institution}.",)),
    Command("table", ("tab",), "table INSTITUTION MEASURE STATE", "order a draft "
            "resolution, voted on in the next diplomacy phase", _table,
            ("For example: table {institution} condemn {other}.",
             "Every member votes on it, you too: it counts your yes unless you change it.")),
    Command("briefing", ("b",), "briefing", "your private briefing and objectives",
            _briefing),
    Command("status", ("s", "me"), "status", "your numbers, tensions and obligations",
            _status),
    Command("situation", ("si", "map"), "situation", "the map in words: each state's bloc, "
            "who holds its land, forces stationed there, this round's attacks, sanctions and "
            "duties", _situation),
    Command("states", ("st",), "states", "every state's public numbers, one a line",
            _states),
    Command("news", ("n",), "news", "the news of this round and the last; news all, the "
            "whole game's", _news),
    Command("drafts", ("d", "votes"), "drafts", "open drafts with the votes so far, and "
            "those decided lately", _drafts),
    Command("vote", ("v",), "vote DRAFT VOTE", "vote yes, no, abstain or absent on a "
            "draft, or change your vote (diplomacy phase)", _vote, ("For example: vote d1 yes.",)),
    Command("proposals", ("i", "inbox"), "proposals", "proposals made by you or to "
            "you, and where each stands", _proposals),
    Command("propose", ("p", "pr"), "propose STATES: TERMS", "propose terms to states, or "
            "table them with propose in INSTITUTION: TERMS", _propose,
            ("For example: propose {ally}: {ally} deploys to {me}; I raise spending to 3 "
             "due 2.",
             "Or: propose in {institution}: {ally} deploys to {me}.",
             "Terms are separated by semicolons. They fall due in one round unless you end "
             "with due and a number of rounds, counted from the round it is accepted in.",
             "Each term is checked before anything is sent; help terms lists the kinds.")),
    Command("accept", ("acc",), "accept PROPOSAL", "accept a proposal made to you",
            _reply("accept"), ("For example: accept p1.",)),
    Command("reject", ("rej",), "reject PROPOSAL", "reject a proposal made to you",
            _reply("reject"), ("For example: reject p1.",)),
    Command("counter", ("k",), "counter PROPOSAL: TERMS", "reject a proposal and answer "
            "it with other terms; counter and the proposal alone shows its terms to edit", _counter,
            ("For example: counter p1: {me} does not attack {other} due 2.",)),
    Command("terms", ("te",), "terms", "the kinds of term a proposal can hold", _terms),
    Command("write", ("w", "message"), "write STATES: TEXT", "a private message; only you "
            "and the recipients see it", _write,
            ("For example: write {ally}: Will you stand with us?",
             "STATES: names separated by commas or and, or allies.",
             "Computer governments do not read messages: make them a proposal.")),
    Command("messages", ("m",), "messages", "messages you sent or received", _messages),
    Command("ledger", ("l",), "ledger", "obligations and promises, kept or broken",
            _ledger),
    Command("treaties", ("t", "institutions"), "treaties", "institutions: members, rules, "
            "clauses, what is in force", _treaties),
    Command("done", ("e", "end"), "done", "end your turn (as Enter on an empty line)", _done),
    Command("save", (), "save", "save the game now", _save),
    Command("quit", ("q", "exit"), "quit", "save the game and leave; it tells you how to "
            "go on", _quit),
]


def find(word: str) -> Command | None:
    word = word.strip().casefold()
    return next((c for c in COMMANDS if word in c.words()), None) if word else None


def check_table() -> list[str]:
    """Problems in the table: a word used twice (tests call it)."""
    seen: dict[str, str] = {}
    problems = []
    for c in COMMANDS:
        for word in c.words():
            if word in seen:
                problems.append(f"{word!r}: {seen[word]} and {c.name}")
            seen[word] = c.name
    return problems


__all__ = ["COMMANDS", "Command", "find"]
