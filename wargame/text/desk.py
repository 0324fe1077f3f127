"""One government's desk in the text mode: what it is shown, and its turn of commands.

A desk reads only its seat (:mod:`wargame.text.port`): the seat's view, the public
news and the public campaign; everything it does goes through the seat's verbs. A
turn is a loop of typed lines: in the orders phase a line that starts with an
action's number or name is an order; any other line is a command of the table in
:mod:`wargame.text.commands`; Enter on an empty line ends the turn.
"""

from __future__ import annotations

from typing import Callable

from ..core import Option, Order
from ..core.actions import ActionSpec
from ..core.events import Kind
from ..core.legal import COMMITTING
from .names import find_in, listing, longest, norm
from . import words as w

Ask = Callable[[str], str]
VOTE_WORDS = {"y": "yes", "yes": "yes", "n": "no", "no": "no", "a": "abstain",
              "abstain": "abstain", "absent": "absent"}


OWN = (Kind.PROPOSAL_MADE, Kind.PROPOSAL_ANSWERED)  # your own talks: confirmed as typed


class EndTurn(Exception):
    """The player ended the turn (Enter on an empty line, or done)."""


class Desk:
    """What one government sees and types, through its seat."""

    def __init__(self, seat, ask: Ask, say: Callable[[str], None], save=None) -> None:
        self.seat, self.ask, self.say = seat, ask, say
        self.campaign = seat.campaign
        self.me = seat.nation
        self.catalogue = list(self.campaign.actions)  # an action's number: its place, from 1
        self.shown: set = set()  # events already printed
        self.round_shown = 0  # the last round whose head was printed
        self.listed: set[str] | None = None  # action ids in the last list printed
        self.save = save  # () -> None: save the game now (the driver's)
        self.phase = ""
        self.briefed = False  # the private briefing has been printed
        self.who = ""  # before each prompt: the government's name in hot-seat ("Corvia: ")

    # ------------------------------------------------------------ small helpers
    def view(self):
        return self.seat.view()

    def names(self, view=None) -> w.Names:
        return w.Names(view or self.view(), self.campaign)

    def name(self, ident: str) -> str:
        return self.campaign.name_of(ident)

    def lines(self, lines) -> None:
        for line in lines:
            self.say(line)

    def refuse(self, reason: str) -> None:
        self.say(f"Refused: {reason}")

    def find_state(self, text: str) -> str | None:
        return find_in(self.campaign.states, text)

    def find_institution(self, text: str) -> str | None:
        return find_in(self.campaign.institutions, text)

    def number(self, action: str) -> int:
        return self.catalogue.index(action) + 1 if action in self.catalogue else 0

    def action_named(self, text: str) -> ActionSpec | None:
        text = text.strip()
        if text.isdigit():
            k = int(text)
            return self.campaign.actions[self.catalogue[k - 1]] \
                if 1 <= k <= len(self.catalogue) else None
        wanted = norm(text)
        return next((a for a in self.campaign.actions.values()
                     if wanted and wanted in (norm(a.id), norm(a.name))), None)

    def starts_with_action(self, text: str) -> bool:
        ws = text.split()
        return bool(ws) and (ws[0].isdigit() or longest(ws, self.action_named)[0] is not None)

    # ------------------------------------------------------------ showing
    def briefing(self) -> None:
        view = self.view()
        if view.private_briefing.strip():
            self.say("")
            self.say("Your private briefing, for you alone:")
            self.say(view.private_briefing.strip())
        self.say("")
        self.say("Your objectives:")
        self.lines(w.objectives(view, self.campaign))

    def events(self, events, heading: str = "") -> None:
        """Print the events not printed yet, under ``heading``."""
        new = [e for e in events if e not in self.shown]
        if new and heading:
            self.say(heading)
        for e in new:
            self.shown.add(e)
            self.say(e.text)

    def new_events(self, heading: str = "") -> None:
        """What happened since this desk last printed events (public, then private)."""
        view = self.view()
        since = view.round - 1
        news = [e for e in self.seat.public_news() if e.round >= since
                and e.kind is not Kind.ROUND_STARTED]  # the round's head says it
        asked = {p.id for p in w.waiting(view)}  # shown whole with how to answer
        private = [e for e in view.private if e.round >= since]
        said = [e for e in private if (e.actor == self.me and e.kind in OWN)  # when typed
                or (e.kind is Kind.PROPOSAL_MADE and e.ref in asked)]  # below, whole
        self.shown.update(said)
        self.events(news, heading)
        self.events(private, "For you alone:")

    def start_turn(self, phase: str) -> None:
        """The turn's opening lines: the round (once a round), what is new, what waits."""
        view = self.view()
        self.phase = phase
        if self.round_shown != view.round:
            self.say("")
            self.say(w.round_head(view))
            self.new_events("News:")
            self.say(w.me_line(view))
            names = self.names(view)
            self.lines(w.duties(view, names))
            self.round_shown = view.round
        else:
            self.new_events("Since your last turn:")
        names = self.names(view)
        for n in view.ceasefire_offers:
            k = self.number("accept_ceasefire")
            self.say(f"{names(n)} offers you a ceasefire: to accept, order {k} {names(n)}."
                     if k else f"{names(n)} offers you a ceasefire.")
        self.new_messages(view, names)
        self.waiting(view, names)

    def new_messages(self, view, names) -> None:
        new = [m for m in view.messages if m.sender != self.me and ("m", m.id) not in self.shown]
        if new:
            self.say(f"New messages ({len(new)}):")
        for m in new:
            self.shown.add(("m", m.id))
        self.lines(w.message_lines(_only(view, messages=new), names) if new else [])

    def waiting(self, view, names) -> None:
        for p in w.waiting(view):
            self.say(f"Proposal {p.id} from {names(p.by)} awaits your answer "
                     f"(until the end of round {p.expires}):")
            self.lines(f"{p.id} term {k}: {t.describe(names)}." for k, t in enumerate(p.terms, 1))
            how = (f"accept {p.id} or reject {p.id} (a vote in {names(p.institution)})"
                   if p.institution else f"accept {p.id}, reject {p.id} or counter {p.id}")
            self.say(f"To answer, type {how}.")

    # ------------------------------------------------------------ actions
    def options(self) -> list[Option]:
        return list(self.view().options)

    def action_line(self, opt: Option, economy: float) -> str:
        a = opt.action
        text = f"{self.number(a.id)}. {a.name}: {w.risk(a)}; {w.cost(a, economy)}."
        if opt.targets:
            text += f" Target: {self.targets(opt)}."
        if opt.institutions:
            text += f" In: {listing(list(opt.institutions))}."
        return text

    def targets(self, opt: Option) -> str:
        if set(opt.targets) >= set(self.campaign.ids) - {self.me}:
            return "any state"
        if len(opt.targets) <= 6:
            return listing([self.name(x) for x in opt.targets])
        return (f"{len(opt.targets)} states; type about {self.number(opt.action.id)} "
                "for the list")

    def show_actions(self) -> None:
        view = self.view()
        options = list(view.options)
        if view.phase != "orders":
            self.say(f"Orders are given in the orders phase; the actions of this campaign "
                     f"({len(self.catalogue)}):")
            self.lines(f"{self.number(a)}. {self.campaign.actions[a].name}."
                       for a in self.catalogue)
            return
        self.say(f"Actions you can order now ({len(options)} of {len(self.catalogue)}; "
                 "the numbers stay the same all game):")
        for opt in options:
            self.say(self.action_line(opt, view.me.economy))
        self.listed = {o.action.id for o in options}

    def action_changes(self) -> None:
        """Once the list has been printed: only the actions that opened or closed."""
        now = {o.action.id for o in self.options()}
        if self.listed is None:
            self.show_actions()
            return
        opened = [a for a in self.catalogue if a in now - self.listed]
        closed = [a for a in self.catalogue if a in self.listed - now]
        if opened:
            self.say("Now open: " + "; ".join(
                f"{self.number(a)}. {self.campaign.actions[a].name}" for a in opened) + ".")
        if closed:
            self.say("No longer open: " + "; ".join(
                f"{self.number(a)}. {self.campaign.actions[a].name}" for a in closed) + ".")
        self.listed = now

    def about(self, text: str) -> None:
        spec = self.action_named(text) if text.strip() else None
        if spec is None:
            self.refuse(f"there is no action {text.strip()!r}: type about and a number, "
                        f"1 to {len(self.catalogue)}")
            return
        view = self.view()
        say = self.say
        say(f"{self.number(spec.id)}. {spec.name}, {spec.category}.")
        if spec.description:
            say(spec.description)
        say(f"Cost: {w.cost(spec, view.me.economy).removeprefix('costs ')}.")
        risk = w.risk(spec)
        if w.names_a_state(spec) and spec.escalation:
            risk += f" ({spec.escalation:+g} to the tension it touches)"
        say(f"Risk: {risk}.")
        opt = next((o for o in view.options if o.action.id == spec.id), None)
        if opt is None:
            why = self.why_not(spec, view)
            say(f"You cannot order it now: {why}." if why else "You cannot order it now.")
            return
        if opt.targets:
            say("Targets: " + listing([self.name(x) for x in opt.targets]) + ".")
        for inst in opt.institutions:
            measures = opt.measures_for(inst) if opt.measures else ()
            line = f"In {inst}: {self.name(inst)}"
            if measures:
                line += ". Measures: " + listing([m.replace("_", " ") for m in measures])
            say(line + ".")
        say("Example: " + self.example(opt) + ".")

    def why_not(self, spec: ActionSpec, view) -> str:
        """The engine's reason, for an order of this action on its likeliest target."""
        if view.phase != "orders":
            return "orders are given in the orders phase"
        from ..core.actions import Target

        mine = [i.id for i in view.institutions if i.member] or [""]
        pool = sorted((s for s in self.campaign.ids if s != self.me),
                      key=lambda s: -view.tension.get(s, 0.0))
        if spec.target is Target.ALLY:
            pool = list(view.allies_of(self.me)) or pool
        if spec.target is Target.NONE:
            orders = [Order(self.me, spec.id)]
        elif spec.target is Target.INSTITUTION:
            orders = [Order(self.me, spec.id, institution=i) for i in mine]
        else:
            orders = [Order(self.me, spec.id, target=pool[0])] if pool else []
        reasons = [r for r in (self.seat.check(o) for o in orders) if r]
        return reasons[0] if reasons else ""

    def example(self, opt: Option) -> str:
        parts = [str(self.number(opt.action.id))]
        if opt.targets:
            disputes = self.view().tension
            rival = max((x for x in opt.targets if x in disputes), default=opt.targets[0],
                        key=lambda x: disputes.get(x, 0.0))
            parts.append(self.name(rival))
        if opt.institutions and (len(opt.institutions) > 1 or opt.measures):
            parts.append(opt.institutions[0])
        if opt.measures:
            ms = opt.measures_for(opt.institutions[0]) or opt.measures
            parts.append(ms[0].replace("_", " "))
        return " ".join(parts)

    def example_line(self, options: list[Option]) -> str:
        plain = [o for o in options if o.targets and not o.institutions]
        opt = next((o for o in plain if o.action.escalation > 0), plain[0] if plain else None)
        return self.example(opt) if opt else "1"

    # ------------------------------------------------------------ orders
    def order_text(self, order: Order) -> str:
        text = self.campaign.actions[order.action].name
        if order.target:
            text += f", {self.name(order.target)}"
        if order.institution:
            text += f", in {self.name(order.institution)}"
        if order.measure:
            text += f", {order.measure.replace('_', ' ')}"
        if order.forces:
            text += f", {order.forces:.0%} of your forces"
        return text

    def give(self, text: str) -> None:
        """An order typed as a line: parsed, checked, confirmed if grave, then given."""
        view = self.view()
        if view.phase != "orders":
            self.refuse("orders are given in the orders phase, after this diplomacy phase "
                        "(type help for what you can do now)")
            return
        limit = self.campaign.orders_per_round
        orders = self.seat.orders()
        if len(orders) >= limit:
            self.refuse(f"you have given {limit} of {limit} orders this round: remove one "
                        "(remove, or x) to give another")
            return
        order = self.parse(text, list(view.options))
        if isinstance(order, str):
            self.refuse(order)
            return
        self.place(order)

    def place(self, order: Order) -> None:
        error = self.seat.check(order)  # first: what follows reads the order's target
        if error:
            self.refuse(error)
            return
        if not self.confirmed(order):
            self.say("Not ordered.")
            return
        error = self.seat.give_orders(self.seat.orders() + [order])
        if error:
            self.refuse(error)
            return
        self.say(f"Ordered: {self.order_text(order)}.")
        left = self.campaign.orders_per_round - len(self.seat.orders())
        if not left:
            self.say(f"That is all {self.campaign.orders_per_round} orders for this round.")

    def confirmed(self, order: Order) -> bool:
        """Before an act of war, a blockade across a ceasefire or standing down: what
        it brings about or gives up, then yes or no (anything but yes is no)."""
        lines = self.seat.consequences(order)
        if not lines:
            return True
        head, *rest = lines
        self.say(head)
        for line in rest:
            self.say(f"- {line}")
        return self.ask("Give this order? (yes/no): ").strip().casefold() in ("y", "yes")

    def parse(self, text: str, options: list[Option]) -> Order | str:
        ws = text.split()
        by_id = {o.action.id: o for o in options}
        if ws[0].isdigit():
            spec, rest = self.action_named(ws[0]), ws[1:]
            if spec is None:
                return (f"there is no action {ws[0]}: the actions are numbered 1 to "
                        f"{len(self.catalogue)} (type actions for the list)")
        else:
            spec, rest = longest(ws, self.action_named)
            if spec is None:
                return (f"{ws[0]!r} is neither a command nor an action: choose an action by "
                        "its number or its name, or type help for the commands")
        opt = by_id.get(spec.id)
        if opt is None:
            return (f"{spec.name} ({self.number(spec.id)}) cannot be ordered now "
                    "(type actions for the list)")
        target = institution = measure = ""
        forces, rest = _forces(rest)
        if forces and opt.action.effect not in COMMITTING:
            return f"{spec.name} commits no forces: leave out {forces:.0%}"
        if opt.targets:
            if not rest:
                return f"{spec.name} needs a target: {self.targets(opt)}"
            found, rest = longest(rest, self.find_state)
            target = found if found is not None else rest.pop(0)
        if opt.institutions:
            found, rest = longest(rest, self.find_institution)
            if found is not None:
                institution = found
            elif rest:
                institution = rest.pop(0)
            elif len(opt.institutions) == 1:
                institution = opt.institutions[0]
            else:
                return f"{spec.name} needs an institution: {listing(list(opt.institutions))}"
        if opt.measures:
            measures = opt.measures_for(institution) or opt.measures
            if not rest:
                return (f"{spec.name} needs a measure: "
                        f"{listing([m.replace('_', ' ') for m in measures])}")
            measure = next((m for m in measures if norm(m) == norm(" ".join(rest))),
                           "_".join(rest))
            rest = []
        if rest:
            return f"I did not understand {' '.join(rest)!r} after {spec.name}"
        return Order(self.me, spec.id, target=target, institution=institution,
                     measure=measure, forces=forces)

    # ------------------------------------------------------------ votes
    def vote_on_drafts(self) -> None:
        """Ask for a vote on each open draft where you vote, your own drafts too."""
        view = self.view()
        names = self.names(view)
        member = {i.id for i in view.institutions if i.active(self.me)}
        for d in view.drafts:
            if d.institution not in member:
                continue
            self.say(f"{names(d.institution)} votes on draft {d.id}, tabled by "
                     f"{'you' if d.by == self.me else names(d.by)}. Measure: "
                     f"{d.measure.replace('_', ' ')}. Concerning: {names(d.target)}.")
            for m, why, _ in view.not_counted.get(d.id, ()):
                if m == self.me:
                    self.say(f"Your vote on {d.id} is not counted: {why}.")
            now = d.votes.get(self.me, "")
            if now:
                self.say(f"Your vote on {d.id} so far: {now}"
                         + (" (you tabled it)." if d.by == self.me else "."))
            self.ask_vote(d.id, now)

    def ask_vote(self, draft: str, now: str) -> None:
        keep = now or "absent"
        while True:
            text = self.ask(f"{self.who}Your vote on {draft}: yes, no, abstain or absent "
                            f"(Enter: {keep})? ").strip()
            word = text.casefold()
            if not text:
                if now:
                    self.say(f"You keep your vote: {now}.")
                    return
                word = "absent"
            if word in ("help", "?", "h"):
                self.say("Type yes (or y), no (or n), abstain (or a) or absent; Enter keeps "
                         f"{keep}. You may change your vote with vote {draft} and a vote "
                         "until the diplomacy phase ends. Any other command works here too.")
                continue
            value = VOTE_WORDS.get(word)
            if value is None and self.command(text):
                continue
            error = self.seat.vote(draft, value or text)
            if not error:
                self.say(f"You vote {value} on {draft}.")
                return
            self.refuse(error)

    # ------------------------------------------------------------ a turn
    def command(self, text: str) -> bool:
        """Run ``text`` if it starts with a command word; False if it does not."""
        from .commands import find

        word, _, rest = text.strip().partition(" ")
        cmd = find(word)
        if cmd is None:
            return False
        cmd.run(self, rest.strip())
        return True

    def line(self, text: str) -> None:
        """One typed line of a turn: an order, a command, or a refusal with the reason."""
        text = text.strip()
        if not text:
            raise EndTurn
        if self.phase == "orders" and self.starts_with_action(text):
            self.give(text)
            return
        if self.command(text):
            return
        if self.starts_with_action(text):
            self.give(text)  # refused with the reason: not in this phase
            return
        if self.phase == "orders":
            self.give(text)  # refused: neither a command nor an action
            return
        self.refuse(f"{text.split()[0]!r} is not a command: type help for the commands")

    def diplomacy_turn(self) -> None:
        self.start_turn("diplomacy")
        self.vote_on_drafts()
        self.say("Diplomacy: write, propose, answer proposals or change a vote; type help "
                 "for the commands. Enter on an empty line goes on to the orders.")
        self.loop(lambda: "Diplomacy, a command (Enter ends your turn): ")
        self.end_notes()

    def orders_turn(self) -> None:
        self.start_turn("orders")
        view = self.view()
        limit = self.campaign.orders_per_round
        self.say("")
        self.action_changes()
        for o in self.seat.orders():  # a loaded game: the orders given before it was saved
            self.say(f"Already ordered: {self.campaign.actions[o.action].name}.")
        self.say(f"Give up to {limit} orders: a number and a target, e.g. "
                 f"{self.example_line(list(view.options))}. Enter alone ends your orders; "
                 "help lists the other commands.")

        def prompt() -> str:
            n = len(self.seat.orders())
            return (f"Order {n + 1} of {limit}: " if n < limit else
                    f"All {limit} orders given; a command (Enter ends your turn): ")

        self.loop(prompt)
        self.end_notes()

    def loop(self, prompt: Callable[[], str]) -> None:
        while True:
            try:
                self.line(self.ask(self.who + prompt()))
            except EndTurn:
                return

    def end_notes(self) -> None:
        """What you leave unanswered, said once as the turn ends."""
        view = self.view()
        for p in w.waiting(view):
            self.say(f"Proposal {p.id} from {self.name(p.by)} still awaits your answer; "
                     f"unanswered by the end of round {p.expires}, it expires.")


def _only(view, **fields):
    from dataclasses import replace

    return replace(view, **{k: tuple(v) for k, v in fields.items()})


def _forces(ws: list[str]) -> tuple[float, list[str]]:
    """A share of forces typed as the last word, '50%': (share, the rest)."""
    if ws and ws[-1].endswith("%"):
        try:
            return float(ws[-1][:-1]) / 100, ws[:-1]
        except ValueError:
            return 0.0, ws
    return 0.0, ws


__all__ = ["Desk", "EndTurn"]
