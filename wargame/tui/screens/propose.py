"""Compose a proposal from typed terms (or a counter-proposal), keyboard first.

Recipients (states) or an institution, terms added one by one with pickers (party,
kind, then target, institution, measure or value as the kind needs), due in N rounds.
The engine checks every term (through the seat: ``Seat.term_problem``) and refuses
the proposal with its reason, which is shown here; nothing is sent until it accepts.
Like the game screen, it reads only the seat's view and the public campaign.
The pickers offer only what the engine would allow where it can tell (kinds of
term, targets, institutions, measures), and a term given twice is refused at once.
"""

from __future__ import annotations

import math

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from ...core.terms import NEEDS_TARGET, Term, TermKind
from ..text import MEASURES, capital, esc, words
from . import dialogs
from .orders import MEASURE_TARGET

KINDS = {
    TermKind.DEPLOY: "deploy forces to a state (an ally)",
    TermKind.SANCTION: "sanction a state",
    TermKind.LIFT_SANCTIONS: "lift its sanctions on a state",
    TermKind.RAISE_SPENDING: "reach a level of defence spending (% of GDP)",
    TermKind.SUPPORT_RESOLUTION: "vote yes on a draft in an institution",
    TermKind.WITHDRAW: "give back a state's territory",
    TermKind.CEASEFIRE: "agree a ceasefire with a state",
    TermKind.CONSULT: "request consultation in an institution",
    TermKind.AID: "send aid to a state",
    TermKind.NO_ATTACK: "not strike or invade a state",
}
SPENDING = [x / 2 for x in range(2, 13)]  # 1% .. 6% of GDP
# terms that help their target: the party's allies come first in the target list
SUPPORTIVE = {TermKind.DEPLOY, TermKind.AID}
TARGET_PROMPT = {
    TermKind.DEPLOY: "deploy forces to which ally?",
    TermKind.SANCTION: "sanction which state?",
    TermKind.LIFT_SANCTIONS: "lift its sanctions on which state?",
    TermKind.WITHDRAW: "give back the territory of which state?",
    TermKind.CEASEFIRE: "agree a ceasefire with which state?",
    TermKind.AID: "send aid to which state?",
    TermKind.NO_ATTACK: "not attack which state?",
}


PickScreen = dialogs.PickScreen  # Enter or Space chooses


# why a term of this kind fits no state at all, in words that name no bystander
NO_TARGET_WHY = {
    TermKind.LIFT_SANCTIONS: "{} sanctions no one",
    TermKind.WITHDRAW: "{} holds no other state's land",
    TermKind.CEASEFIRE: "{} is in no dispute",
    TermKind.DEPLOY: "{} has no ally to deploy to",
}


class ProposeScreen(ModalScreen[str | None]):
    """Returns the new proposal's id, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("plus,t", "add", "Add term"),
                Binding("delete,minus", "drop", "Remove highlighted term"),
                Binding("r", "recipients", "Recipients"), Binding("i", "institution", "In"),
                Binding("left_square_bracket", "due(-1)", "Due -"),
                Binding("right_square_bracket", "due(1)", "Due +"),
                Binding("ctrl+enter,p", "send", "Propose")]

    def __init__(self, seat, counter: str = "", to: tuple[str, ...] = (),
                 humans: tuple[str, ...] | list[str] | None = ()):
        super().__init__()
        self.seat, self.nation, self.counter = seat, seat.nation, counter
        self.campaign = seat.campaign
        self.view_ = seat.view()
        self._allies: dict[str, tuple] = {}  # party -> (the view, its allies)
        self.humans = humans  # states people play (None: not known, as over a network)
        self.to: list[str] = list(to)
        self.institution = ""
        self.terms: list[Term] = []
        self.due = 1
        self.at = 0  # the term highlighted after a redraw
        if counter:  # a counter starts from the terms it answers, to change
            answered = next((p for p in self.view_.proposals if p.id == counter), None)
            if answered is not None:
                self.terms, self.due = list(answered.terms), answered.due_in

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="propose-box"):
            title = f"Counter {self.counter} (its terms, to change)" if self.counter \
                else "A proposal"
            yield Static(f"[b]{esc(title)}[/b] — terms the engine checks before sending",
                         classes="hint")
            yield Static(id="propose-head", classes="hint")
            yield OptionList(id="terms")
            yield Static(id="propose-error", classes="hint")
            yield Static("[$text-dim]t add a term · - or Delete removes the highlighted one · "
                         "r recipients · i institution · \\[ ] due · "
                         "p propose · Escape cancels[/]", classes="hint")
            with Horizontal(id="message-buttons"):
                yield Button("Propose", variant="primary", id="send", compact=True)
                yield Button("Add term", id="add", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.show()
        self.query_one("#terms").focus()

    # ----------------------------------------------------------- drawing
    def nm(self, ident: str) -> str:
        return esc(self.campaign.name_of(ident)) if ident else ""

    def show(self, error: str = "") -> None:
        if self.counter:
            who = "the same parties"
        elif self.institution:
            who = f"tabled in [b]{self.nm(self.institution)}[/b] (all its members answer)"
        else:
            who = ", ".join(self.nm(s) for s in self.to) or "[b $text-warning]nobody yet (r)[/]"
        self.query_one("#propose-head", Static).update(
            f"To: {who} · due by the end of round [b]{self.due_round()}[/b] "
            f"[$text-dim]({self.due} round(s) after it is accepted{self.accepted_note()})[/]")
        terms = self.query_one("#terms", OptionList)
        terms.set_options([Option(f"{i}. {esc(t.describe(self.campaign))}")
                           for i, t in enumerate(self.terms, 1)]
                          or [Option("[$text-dim]No term yet: t adds one.[/]", disabled=True)])
        if self.terms:
            terms.highlighted = max(0, min(self.at, len(self.terms) - 1))
        self.query_one("#propose-error", Static).update(
            f"[b $text-error]Refused:[/] {esc(error)}" if error else "")

    def accepted_round(self) -> tuple[int, str]:
        """The earliest round the proposal can be accepted, and why not this one. The
        terms fall due ``self.due`` rounds after that (the ledger counts from then):
        computer governments answer, and an institution decides, in the diplomacy
        phase; a human recipient may answer in a turn of this round."""
        now = self.view_.round
        if self.view_.phase != "orders":
            return now, ""
        if self.institution:
            return now + 1, "an institution decides in the next diplomacy phase"
        others = [n for n in self.parties() if n != self.nation]
        if others and (self.humans is None or all(n in self.humans for n in others)):
            return now, ""
        return now + 1, "computer governments answer in the next diplomacy phase"

    def due_round(self) -> int:
        """The round the terms fall due by, as the ledger will record it."""
        return min(self.accepted_round()[0] + self.due, self.campaign.rounds_limit)

    def accepted_note(self) -> str:
        when, why = self.accepted_round()
        if when == self.view_.round:
            return ", if accepted this round"
        return f"; accepted in round {when} at the earliest: {esc(why)}"

    def parties(self) -> list[str]:
        if self.institution:
            return list(next((i.members for i in self.view_.institutions
                              if i.id == self.institution), ()))
        if self.counter:
            p = next((p for p in self.view_.proposals
                      if p.id == self.counter), None)
            return [self.nation, *(x for x in ([p.by, *p.to] if p else [])
                                   if x != self.nation)]
        return [self.nation, *self.to]

    # ----------------------------------------------------------- actions
    async def ask(self, title: str, choices: list[tuple[str, str]], hint: str = ""):
        return await self.app.push_screen_wait(PickScreen(title, choices, hint))

    @work(exclusive=True, group="propose")
    async def action_recipients(self) -> None:
        if self.counter:
            return
        states = [(i, n) for i, n in self.campaign.states if i != self.nation]
        picked = await self.ask("Add or remove a recipient (Space or Enter)", [
            (s, ("\\[x] " if s in self.to else "\\[ ] ") + esc(n)) for s, n in states])
        if picked:
            self.to = [s for s in self.to if s != picked] if picked in self.to \
                else [*self.to, picked]
            self.institution = ""
        self.show()

    @work(exclusive=True, group="propose")
    async def action_institution(self) -> None:
        if self.counter:
            return
        mine = [(i.id, esc(i.name)) for i in self.view_.institutions
                if self.nation in i.members]
        picked = await self.ask("Table the proposal in which institution?",
                                [("-", "[$text-dim]none: to the states I choose[/]"), *mine])
        if picked is not None:
            self.institution = "" if picked == "-" else picked
        self.show()

    def action_due(self, step: int) -> None:
        """[ and ]: when the terms fall due, up to five rounds on, never after the
        game's last round."""
        most = min(5, self.seat.last_due_in())
        due = max(1, min(most, self.due + step))
        if due == self.due and step > 0:
            self.show(f"the terms fall due by round {self.due_round()} at the "
                      "latest: " + ("the game's last round" if most < 5 else "five rounds on"))
            return
        self.due = due
        self.show()

    def action_drop(self) -> None:
        """Remove the highlighted term (not the last one)."""
        at = self.query_one("#terms", OptionList).highlighted
        if not self.terms:
            self.show("there is no term to remove")
            return
        if at is None or at >= len(self.terms):
            self.show("highlight a term (up and down) to remove it")
            return
        del self.terms[at]
        self.at = at
        self.show()

    # ------------------------------------------------ what the core allows
    def spending_levels(self, party: str) -> list[float]:
        """Defence spending levels ``party`` could promise by the due round: the round
        half-points and each step from where it is now, as the core allows them."""
        now = self.spending(party)
        # each step from now, to a tenth of a point below (3.43% -> 3.9%, not 3.93%)
        steps = {math.floor((now + 0.5 * k) * 10 + 1e-9) / 10 for k in range(1, 11)}
        return sorted(v for v in set(SPENDING) | steps
                      if not self.why(Term(party, TermKind.RAISE_SPENDING, value=v)))

    def why(self, term: Term, already=()) -> str:
        return self.seat.term_problem(term, self.due, list(already))

    def spending(self, party: str) -> float:
        """A state's defence spending now (% of GDP), a public number."""
        return next((s.spending for s in self.view_.states if s.id == party), 0.0)

    def allies(self, party: str) -> tuple[str, ...]:
        """``party``'s allies now, from the view (worked out once per view and party:
        the pickers ask for every state they list)."""
        found = self._allies.get(party)
        if found is None or found[0] is not self.view_:
            found = self._allies[party] = (self.view_, self.view_.allies_of(party))
        return found[1]

    def tension(self, party: str, other: str) -> float | None:
        """Tension between ``party`` and ``other`` if this government knows it (its own
        disputes only), else None."""
        if party == self.nation:
            return self.view_.tension.get(other, 0.0)
        if other == self.nation:
            return self.view_.tension.get(party, 0.0)
        return None

    def targets(self, party: str, kind: TermKind, institution: str = "",
                measure: str = "") -> tuple[list[str], str]:
        """The states ``party`` could promise this about (the core checks each, as
        it will the proposal), in a useful order; and a reason if there is none."""
        c = self.campaign
        ok, why = [], ""
        for n in c.ids:
            if n == party:
                continue
            reason = self.why(Term(party, kind, n, institution, measure))
            if reason:
                why = why or reason
            else:
                ok.append(n)
        if not ok and kind in NO_TARGET_WHY:  # said of no one state in particular
            why = NO_TARGET_WHY[kind].format(c.name_of(party))
        heat = {t: self.tension(party, t) or 0.0 for t in ok}
        if kind in SUPPORTIVE:
            allies = self.allies(party)
            ok.sort(key=lambda t: (t not in allies, heat[t]))
        else:
            ok.sort(key=lambda t: -heat[t])
        return ok, why

    def institutions(self, party: str, kind: TermKind) -> tuple[list[str], str]:
        """Institutions where ``party`` could keep a term of this kind."""
        ok, why = [], ""
        for inst in self.view_.institutions:
            if kind is TermKind.CONSULT:
                reason = self.why(Term(party, kind, institution=inst.id))
            else:  # a draft: a member, with some measure to decide
                reason = "" if party in inst.members and self.campaign.measures.get(
                    inst.id) else \
                    f"{self.campaign.name_of(party)} is not a member of {inst.name}"
            if reason:
                why = why or reason
            else:
                ok.append(inst.id)
        return ok, why

    def kinds(self, party: str) -> tuple[list[TermKind], list[str]]:
        """The kinds of term ``party`` could promise now, and why the others not."""
        ok, refused = [], []
        for kind in KINDS:
            if kind in (TermKind.SUPPORT_RESOLUTION, TermKind.CONSULT):
                found, why = self.institutions(party, kind)
            elif kind in NEEDS_TARGET:
                found, why = self.targets(party, kind)
            else:
                found, why = [kind], ""
            general = kind in NO_TARGET_WHY and \
                why == NO_TARGET_WHY[kind].format(self.campaign.name_of(party))
            if found:
                ok.append(kind)
            else:
                refused.append(f"{words(kind.value)} ({'' if general else 'e.g. '}{why})")
        return ok, refused

    def state_row(self, party: str, t: str) -> str:
        c = self.campaign
        heat = self.tension(party, t)
        ally = f" · ally of {esc(c.name_of(party))}" if t in self.allies(party) else ""
        tense = f"tension with {esc(c.name_of(party))} {heat:.0f}" if heat is not None \
            else ""
        return f"{self.nm(t)} [$text-dim]{tense}{ally if tense else ally[3:]}[/]"

    @work(exclusive=True, group="propose")
    async def action_add(self) -> None:
        world = self.campaign
        party = await self.ask("Who must act?", [(p, self.nm(p)) for p in self.parties()])
        if not party:
            return
        pname = world.name_of(party)
        offered, refused = self.kinds(party)
        kind = await self.ask(f"What does {pname} promise?", [
            (k.value, esc(capital(KINDS[k])))
            for k in offered], hint=f"Not possible for {pname} now: " + "; ".join(refused)
            if refused else "")
        if not kind:
            return
        kind = TermKind(kind)
        target = institution = measure = ""
        value = 0.0
        if kind in (TermKind.SUPPORT_RESOLUTION, TermKind.CONSULT):
            places, _ = self.institutions(party, kind)
            institution = await self.ask("In which institution?", [
                (i, self.nm(i)) for i in places])
            if not institution:
                return
        if kind is TermKind.SUPPORT_RESOLUTION:
            measure = await self.ask(f"A draft in {world.name_of(institution)} deciding what?", [
                (m, esc(capital(MEASURES.get(m, words(m)))))
                for m in world.measures.get(institution, ())
                if self.targets(party, kind, institution, m)[0]])  # one it could be about
            if not measure:
                return
        if kind in NEEDS_TARGET:
            states, why = self.targets(party, kind, institution, measure)
            if not states:
                self.show(why)
                return
            title, hint = MEASURE_TARGET.get(measure, ("", ""))
            title = (f"A draft: {title}" if measure else
                     f"{pname} promises to {TARGET_PROMPT.get(kind, 'act on which state?')}")
            target = await self.ask(title, [(t, self.state_row(party, t)) for t in states],
                                    hint)
            if not target:
                return
        if kind is TermKind.RAISE_SPENDING:
            now = self.spending(party)
            levels = self.spending_levels(party)
            if not levels:
                self.show(self.why(Term(party, kind, value=round(now + 0.5, 2))))
                return
            picked = await self.ask(
                f"To what share of GDP? ({pname} spends {now:.1f}% now)",
                [(str(v), f"{v:g}% of GDP") for v in levels],
                hint=f"Levels {pname} can reach in {self.due} round(s); a later due "
                     "round (] in the proposal) reaches higher.")
            if not picked:
                return
            value = float(picked)
        term = Term(party, kind, target, institution, measure, value)
        why = self.why(term, self.terms)
        if why:
            self.show(f"{term.describe(world)}: {why}")
            return
        self.terms.append(term)
        self.at = len(self.terms) - 1
        self.show()

    def action_send(self) -> None:
        if not self.terms:
            self.show("add at least one term (t)")
            return
        if self.counter:
            pid, error = self.seat.counter(self.counter, self.terms, due_in=self.due)
        else:
            pid, error = self.seat.propose(self.to, self.terms, institution=self.institution,
                                           due_in=self.due)
        if error:
            self.show(error)
            return
        self.dismiss(pid)

    def action_cancel(self) -> None:
        """Escape: a proposal with terms is thrown away only when the player says so."""
        from .dialogs import ConfirmScreen

        if not self.terms:
            self.dismiss(None)
            return
        n = len(self.terms)
        question = (f"Discard this proposal and its {n} term{'s' if n > 1 else ''}? "
                    "It has not been sent.")
        self.app.push_screen(ConfirmScreen(question),
                             lambda yes: self.dismiss(None) if yes else None)

    @on(Button.Pressed, "#send")
    def send_pressed(self) -> None:
        self.action_send()

    @on(Button.Pressed, "#add")
    def add_pressed(self) -> None:
        self.action_add()

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.action_cancel()
