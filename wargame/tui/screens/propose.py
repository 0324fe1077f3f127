"""Compose a proposal from typed terms (or a counter-proposal), keyboard first.

Recipients (states) or an institution, terms added one by one with pickers (party,
kind, then target, institution, measure or value as the kind needs), due in N rounds.
The engine checks every term (``wargame.core.terms.feasible``) and refuses the
proposal with its reason, which is shown here; nothing is sent until it accepts.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from ...core import IllegalOrder, PhaseError
from ...core.terms import NEEDS_TARGET, Term, TermKind, feasible
from ..text import MEASURES, esc, words

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


class ProposeScreen(ModalScreen[str | None]):
    """Returns the new proposal's id, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("plus,t", "add", "Add term"),
                Binding("delete,minus", "drop", "Remove term"),
                Binding("r", "recipients", "Recipients"), Binding("i", "institution", "In"),
                Binding("left_square_bracket", "due(-1)", "Due −"),
                Binding("right_square_bracket", "due(1)", "Due +"),
                Binding("ctrl+enter,p", "send", "Propose")]

    def __init__(self, game, nation: str, counter: str = "", to: tuple[str, ...] = ()):
        super().__init__()
        self.game, self.nation, self.counter = game, nation, counter
        self.to: list[str] = list(to)
        self.institution = ""
        self.terms: list[Term] = []
        self.due = 1

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="propose-box"):
            title = f"Counter {self.counter}" if self.counter else "A proposal"
            yield Static(f"[b]{esc(title)}[/b] — terms the engine checks before sending",
                         classes="hint")
            yield Static(id="propose-head", classes="hint")
            yield OptionList(id="terms")
            yield Static(id="propose-error", classes="hint")
            yield Static("[dim]t add a term · − remove · r recipients · i institution · "
                         "[ ] due · p propose · Escape cancels[/]", classes="hint")
            with Horizontal(id="message-buttons"):
                yield Button("Propose", variant="primary", id="send", compact=True)
                yield Button("Add term", id="add", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.show()
        self.query_one("#terms").focus()

    # ----------------------------------------------------------- drawing
    def nm(self, ident: str) -> str:
        return esc(self.game.world.name_of(ident)) if ident else ""

    def show(self, error: str = "") -> None:
        if self.counter:
            who = "the same parties"
        elif self.institution:
            who = f"tabled in [b]{self.nm(self.institution)}[/b] (all its members answer)"
        else:
            who = ", ".join(self.nm(s) for s in self.to) or "[b $warning]nobody yet (r)[/]"
        self.query_one("#propose-head", Static).update(
            f"To: {who} · due in [b]{self.due}[/b] round(s)")
        terms = self.query_one("#terms", OptionList)
        terms.set_options([Option(esc(t.describe(self.game.world))) for t in self.terms]
                          or [Option("[dim]No term yet: t adds one.[/]", disabled=True)])
        self.query_one("#propose-error", Static).update(
            f"[b $error]Refused:[/] {esc(error)}" if error else "")

    def parties(self) -> list[str]:
        if self.institution:
            return list(self.game.world.institution[self.institution].members)
        if self.counter:
            p = next((p for p in self.game.view(self.nation).proposals
                      if p.id == self.counter), None)
            return [self.nation, *(x for x in ([p.by, *p.to] if p else [])
                                   if x != self.nation)]
        return [self.nation, *self.to]

    # ----------------------------------------------------------- actions
    async def ask(self, title: str, choices: list[tuple[str, str]], hint: str = ""):
        from .dialogs import PickScreen

        return await self.app.push_screen_wait(PickScreen(title, choices, hint))

    @work(exclusive=True, group="propose")
    async def action_recipients(self) -> None:
        if self.counter:
            return
        states = [(n.id, n.name) for n in self.game.world.nations if n.id != self.nation]
        picked = await self.ask("Add or remove a recipient", [
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
        mine = [(i.id, esc(i.name)) for i in self.game.world.institutions
                if self.nation in i.members]
        picked = await self.ask("Table the proposal in which institution?",
                                [("-", "[dim]none: to the states I choose[/]"), *mine])
        if picked is not None:
            self.institution = "" if picked == "-" else picked
        self.show()

    def action_due(self, step: int) -> None:
        self.due = max(1, min(5, self.due + step))
        self.show()

    def action_drop(self) -> None:
        at = self.query_one("#terms", OptionList).highlighted
        if self.terms and at is not None and at < len(self.terms):
            del self.terms[at]
        self.show()

    @work(exclusive=True, group="propose")
    async def action_add(self) -> None:
        world = self.game.world
        party = await self.ask("Who must act?", [(p, self.nm(p)) for p in self.parties()])
        if not party:
            return
        kind = await self.ask(f"What does {world.name_of(party)} promise?", [
            (k.value, f"[b]{esc(words(k.value))}[/b] [dim]{esc(d)}[/]") for k, d in KINDS.items()])
        if not kind:
            return
        kind = TermKind(kind)
        target = institution = measure = ""
        value = 0.0
        if kind in (TermKind.SUPPORT_RESOLUTION, TermKind.CONSULT):
            institution = await self.ask("In which institution?", [
                (i.id, esc(i.name)) for i in world.institutions if party in i.members])
            if not institution:
                return
        if kind is TermKind.SUPPORT_RESOLUTION:
            measure = await self.ask("A draft deciding what?", [
                (m, f"[b]{esc(words(m))}[/b] [dim]{esc(d)}[/]") for m, d in MEASURES.items()])
            if not measure:
                return
        if kind in NEEDS_TARGET:
            target = await self.ask("Concerning which state?", [
                (n.id, esc(n.name)) for n in world.nations if n.id != party])
            if not target:
                return
        if kind is TermKind.RAISE_SPENDING:
            picked = await self.ask("To what share of GDP?", [(str(v), f"{v:g}% of GDP")
                                                              for v in SPENDING])
            if not picked:
                return
            value = float(picked)
        term = Term(party, kind, target, institution, measure, value)
        why = feasible(world, self.game.state, term, self.due)
        if why:
            self.show(f"{term.describe(world)}: {why}")
            return
        self.terms.append(term)
        self.show()

    def action_send(self) -> None:
        if not self.terms:
            self.show("add at least one term (t)")
            return
        try:
            if self.counter:
                pid = self.game.counter(self.nation, self.counter, self.terms, due_in=self.due)
            else:
                pid = self.game.propose(self.nation, self.to, self.terms,
                                        institution=self.institution, due_in=self.due)
        except (IllegalOrder, PhaseError, ValueError) as exc:
            self.show(str(exc))
            return
        self.dismiss(pid)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#send")
    def send_pressed(self) -> None:
        self.action_send()

    @on(Button.Pressed, "#add")
    def add_pressed(self) -> None:
        self.action_add()

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.action_cancel()
