"""The game screen: one human government's turn.

Everything shown comes from ``game.view(nation)`` (plus the campaign's public
ladder and action catalogue), so hot-seat secrecy follows from the view: a new
screen is built for each turn and never holds another government's view.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static, TabbedContent, TabPane

from ..widgets.choices import (ActionList, DraftList, ProposalList, action_options,
                               chosen_text, decided_text, draft_options, open_drafts_note,
                               proposal_options, refill)
from ..widgets.gauge import EscalationChart, EscalationGauge
from ..widgets.lists import inbox_text, institutions_text, ledger_text, news_text
from ..widgets.panels import StatusLine, YouPanel, briefing_text
from ..widgets.states import StatesTable
from . import orders as pick

TABS = ("briefing", "orders", "diplomacy", "inbox", "states", "institutions", "news", "ledger")
FOCUS = {"orders": "#actions", "diplomacy": "#drafts", "inbox": "#proposals",
         "states": "#states"}


class GameScreen(Screen[str]):
    """One turn of one human. Dismissed with "done" when the turn ends."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-normal"), (140, "-wide")]
    BINDINGS = [
        Binding("e", "end_turn", "End turn"),
        Binding("x", "remove_order", "Remove order"),
        Binding("c", "write", "Message"),
        *[Binding(str(i), f"tab('{tab}')", tab.capitalize(), show=False)
          for i, tab in enumerate(TABS, 1)],
        Binding("o", "tab('orders')", "Orders", show=False),
        Binding("d", "tab('diplomacy')", "Diplomacy", show=False),
    ]

    GAME_COMMANDS = [
        ("End turn", "Finish your turn: votes or orders are final (e)", "end_turn"),
        ("Orders", "The legal actions, with cost and risk (2, o)", "tab('orders')"),
        ("Diplomacy: vote on drafts", "Open drafts and decided ones (3, d)",
         "tab('diplomacy')"),
        ("Inbox: proposals and intelligence", "Answer proposals, read what is private (4)",
         "tab('inbox')"),
        ("Write a private message", "Only you and the recipients see it (c)", "write"),
        ("Remove the last order", "Take back your last order (x)", "remove_order"),
        ("Briefing", "What happened, your obligations and objectives (1)", "tab('briefing')"),
        ("States", "Key numbers and tension with you (5)", "tab('states')"),
        ("Institutions", "Members, clauses, what is triggered (6)", "tab('institutions')"),
        ("News", "Public news, latest first (7)", "tab('news')"),
        ("Ledger", "Obligations and commitments (8)", "tab('ledger')"),
    ]

    def __init__(self, session, nation: str):
        super().__init__()
        self.session, self.nation = session, nation
        self.game = session.game
        self.refusal = ""
        self.view_ = self.game.view(nation)

    # ------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        ladder = self.game.world.ladder
        yield StatusLine(id="status")
        with Horizontal(id="top"):
            with Vertical(id="escalation"):
                yield EscalationGauge(ladder, id="gauge")
            yield EscalationChart(ladder, id="chart")
            yield YouPanel(id="you")
        with TabbedContent(id="tabs", initial="briefing"):
            with TabPane("1 Briefing", id="briefing"):
                yield VerticalScroll(Static(id="briefing-text"))
            with TabPane("2 Orders", id="orders"):
                yield Static(id="chosen")
                yield ActionList(id="actions")
            with TabPane("3 Votes", id="diplomacy"):
                yield Static(id="drafts-note")
                yield DraftList(id="drafts")
                yield VerticalScroll(Static(id="decided"), id="decided-box")
            with TabPane("4 Inbox", id="inbox"):
                yield ProposalList(id="proposals")
                yield VerticalScroll(Static(id="inbox-text"))
            with TabPane("5 States", id="states-tab"):
                yield StatesTable(id="states")
            with TabPane("6 Treaties", id="institutions"):
                yield VerticalScroll(Static(id="institutions-text"))
            with TabPane("7 News", id="news"):
                yield VerticalScroll(Static(id="news-text"))
            with TabPane("8 Ledger", id="ledger"):
                yield VerticalScroll(Static(id="ledger-text"))
        yield Footer()

    def on_mount(self) -> None:
        self.unavailable = pick.unavailable(self.game, self.nation, self.view_)
        self.show_all()
        self.query_one("#tabs", TabbedContent).active = "briefing"
        self.query_one("#briefing-text").parent.focus()

    # ----------------------------------------------------- attributes down
    def show_all(self) -> None:
        v = self.view_
        self.query_one(StatusLine).show(v, self.session.player(self.nation),
                                        self.session.scenario.title)
        self.query_one(EscalationGauge).show(v.escalation, v.rung)
        self.query_one(EscalationChart).show(v.history)
        self.query_one(YouPanel).show(v)
        self.query_one("#briefing-text", Static).update(
            briefing_text(v, self.session.player(self.nation)))
        refill(self.query_one("#actions", ActionList), action_options(v, self.unavailable))
        self.query_one(StatesTable).show(v)
        self.query_one("#institutions-text", Static).update(institutions_text(v))
        self.query_one("#news-text", Static).update(news_text(v))
        self.show_talks()
        self.show_orders()

    def show_orders(self) -> None:
        self.query_one("#chosen", Static).update(chosen_text(
            self.view_, self.game.orders_of(self.nation), self.game.world.actions,
            self.game.world.orders_per_round, self.refusal))

    def show_talks(self) -> None:
        v = self.view_
        drafts = self.query_one("#drafts", DraftList)
        refill(drafts, draft_options(v))
        drafts.display = bool(v.drafts)
        self.query_one("#drafts-note", Static).update(open_drafts_note(v))
        self.query_one("#decided", Static).update(decided_text(v))
        proposals = self.query_one("#proposals", ProposalList)
        refill(proposals, proposal_options(v))
        proposals.display = bool(v.proposals)
        self.query_one("#inbox-text", Static).update(inbox_text(v))
        self.query_one("#ledger-text", Static).update(ledger_text(v))

    def reload(self) -> None:
        self.view_ = self.game.view(self.nation)

    # ------------------------------------------------------------- actions
    def action_tab(self, tab: str) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        tabs.active = "states-tab" if tab == "states" else tab
        target = FOCUS.get(tab)
        widget = self.query_one(target) if target else None
        if widget is None or not widget.display:
            widget = tabs.active_pane.query(VerticalScroll).first(None)
        if widget is not None:
            widget.focus()

    @on(TabbedContent.TabActivated)
    def tab_activated(self, event: TabbedContent.TabActivated) -> None:
        tab = "states" if event.pane.id == "states-tab" else event.pane.id
        self.session.tabs[self.nation] = tab

    def action_end_turn(self) -> None:
        self.dismiss("done")

    def action_remove_order(self) -> None:
        orders = self.game.orders_of(self.nation)
        if self.game.phase != "orders" or not orders:
            self.notify("No order to remove.", severity="warning")
            return
        self.game.submit_orders(self.nation, orders[:-1])
        self.refusal = ""
        self.show_orders()

    @on(OptionList.OptionSelected, "#actions")
    def action_chosen(self, event: OptionList.OptionSelected) -> None:
        self.choose(event.option.id)

    @work(exclusive=True, group="choose")
    async def choose(self, action_id: str) -> None:
        """Ask for the target, institution and measure an action needs, then add it."""
        order = await pick.build_order(self, self.view_, action_id)
        if order is None:
            return
        self.refusal = pick.add_order(self.game, self.nation, order)
        if not self.refusal:
            name = self.game.world.actions[order.action].name
            self.notify(f"Ordered: {name}", timeout=2)
        self.show_orders()

    def action_vote(self, value: str) -> None:
        drafts = self.query_one("#drafts", DraftList)
        option = drafts.highlighted_option
        if option is None or option.disabled:
            self.notify("No draft you can vote on is highlighted.", severity="warning")
            return
        error = pick.vote(self.game, self.nation, option.id, value)
        if error:
            self.notify(error, severity="error", title="Vote refused")
            return
        self.reload()
        self.show_talks()

    def action_answer(self, reply: str) -> None:
        option = self.query_one("#proposals", ProposalList).highlighted_option
        if option is None or option.disabled:
            self.notify("No proposal awaiting your answer is highlighted.",
                        severity="warning")
            return
        error = pick.answer(self.game, self.nation, option.id, reply)
        if error:
            self.notify(error, severity="error", title="Answer refused")
        self.reload()
        self.show_talks()

    @work(exclusive=True, group="write")
    async def action_write(self) -> None:
        from .dialogs import MessageScreen

        others = [(s.id, s.name) for s in self.view_.states if s.id != self.nation]
        result = await self.app.push_screen_wait(MessageScreen(others))
        if result:
            error = pick.message(self.game, self.nation, *result)
            if error:
                self.notify(error, severity="error", title="Message refused")
            else:
                self.notify("Message sent.", timeout=2)
                self.reload()
                self.show_talks()
