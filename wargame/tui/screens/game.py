"""The game screen: one human government's turn.

The screen plays one government's seat (:class:`wargame.text.port.Seat`): it reads
only the seat's view, the public news and the public campaign (ladder, action
catalogue, alliances, map), and acts only through the seat's verbs. So it is the
same over a game in this process (:class:`~wargame.text.port.LocalSeat`, hot-seat)
and over a network (:class:`~wargame.net.client.RemoteSeat`, ``wargame join``), and
hot-seat secrecy follows from the view: a new screen is built for each turn and
never holds another government's view. What the table around it knows (players'
names, who is human, the campaign's notes) comes in a :class:`~wargame.tui.table.Table`.

The tabs share three widgets — a head line, one list, one scrolling text — whose
content changes with the tab, and the tab bar is one line of clickable text.
Switching panes of widgets (TabbedContent) restyles and relays out the screen:
50 ms and more on a small machine; changing content costs a fraction of that.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, ScrollableContainer, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static

from ..widgets import choices as c
from ..widgets.footer import KeyFooter
from ..widgets.gauge import EscalationChart, EscalationGauge
from ..widgets.lists import inbox_text, institutions_text, ledger_text, news_text
from ..widgets.map import MapPane
from ..widgets.panels import StatusLine, YouPanel, briefing_text, you_short
from ..widgets.states import table_text
from . import orders as pick
from .dialogs import FreshKeys

TABS = {"briefing": "1 Briefing", "orders": "2 Orders", "diplomacy": "3 Votes",
        "inbox": "4 Inbox", "states": "5 States", "institutions": "6 Treaties",
        "news": "7 News", "ledger": "8 Ledger", "map": "9 Map"}
LISTS = ("orders", "diplomacy", "inbox")
HINTS = {
    "briefing": "[$text-dim]What happened, what you owe, what you want. 2 for orders, e ends "
                "your turn.[/]",
    "briefing-diplomacy": "[$text-dim]What happened, what you owe, what you want. 3 to vote, 4 "
                          "for proposals, e ends your turn.[/]",
    "inbox": "[$text-dim]Proposals: y accepts, n rejects, k counters the highlighted one; p "
             "proposes terms of your own.[/]",
    "states": "[$text-dim]Every state's public numbers, the most tense with you first. Tens. "
              "tension with you · Mil. military · Def. defence % GDP · Supp. support · Cred. "
              "credibility · Terr. territory[/]",
    "institutions": "[$text-dim]Who decides how, what each clause obliges, what is triggered "
                    "now.[/]",
    "news": "[$text-dim]Public news, the latest round first.[/]",
    "ledger": "[$text-dim]Who owes what, kept or declined, is public: credibility is made "
              "here.[/]",
}
BINDINGS_BY_MODE = {"orders": "x", "diplomacy": "yna", "inbox": "ynk"}


class GameScreen(FreshKeys, Screen[str]):
    """One turn of one human. Dismissed with "done" when the turn ends."""

    CSS_PATH = "game.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-normal"), (140, "-wide")]
    BINDINGS = [
        Binding("e", "end_turn", "End turn"),
        Binding("x", "remove_order", "Remove order"),
        Binding("y", "yes", "Yes"), Binding("n", "no", "No"), Binding("a", "abstain", "Abstain"),
        Binding("f", "declare", "Declared abstention"),
        Binding("c", "write", "Message"),
        Binding("p", "propose", "Propose"),
        Binding("k", "counter", "Counter"),
        Binding("ctrl+s", "save", "Save", show=False),
        # q as ctrl+q: the game is saved first (a dialog's text field types its q)
        Binding("q", "app.quit", "Quit"),
        *[Binding(str(i), f"tab('{tab}')", label, show=False)
          for i, (tab, label) in enumerate(TABS.items(), 1)],
        Binding("o", "tab('orders')", "Orders", show=False),
        Binding("d", "tab('diplomacy')", "Votes", show=False),
        Binding("m", "tab('map')", "Map", show=False),
    ]
    GAME_COMMANDS = [
        ("End turn", "Finish your turn: votes or orders are final (e)", "end_turn"),
        ("Orders", "The legal actions, with cost and risk (2, o)", "tab('orders')"),
        ("Votes on drafts", "Open drafts, and those decided lately (3, d)",
         "tab('diplomacy')"),
        ("Inbox: proposals and intelligence", "Answer proposals, read what is private (4)",
         "tab('inbox')"),
        ("Write a private message", "Only you and the recipients see it (c)", "write"),
        ("Propose terms", "A proposal from typed terms, to states or an institution (p)",
         "propose"),
        ("Counter a proposal", "Answer the highlighted proposal with other terms (4, k)",
         "counter"),
        ("Remove the last order", "Take back your last order (x)", "remove_order"),
        ("Briefing", "What happened, your obligations and objectives (1)", "tab('briefing')"),
        ("States", "Key numbers and tension with you (5)", "tab('states')"),
        ("Treaties and institutions", "Members, clauses, what is triggered (6)",
         "tab('institutions')"),
        ("News", "Public news, latest first (7)", "tab('news')"),
        ("Ledger", "Obligations and commitments (8)", "tab('ledger')"),
        ("Map", "Who holds what, forces, attacks; sanctions and duties with s (9, m)",
         "tab('map')"),
    ]

    def __init__(self, seat, table):
        super().__init__()
        self.seat, self.table = seat, table
        self.nation, self.campaign = seat.nation, seat.campaign
        self.refusal = ""
        self.mode = "briefing"
        self.view_ = seat.view()
        self.options: dict[str, list] = {}  # built once per view, by tab
        self.highlight: dict[str, int] = {}
        self.keys_shown = "?"
        self.note = ""  # the host's word on the phase, on the status line

    # ------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        ladder = self.campaign.ladder
        yield StatusLine(id="status")
        with Horizontal(id="top"):
            with Vertical(id="escalation"):
                yield EscalationGauge(ladder, id="gauge")
            yield EscalationChart(ladder, id="chart")
            yield YouPanel(id="you")
        yield Static(id="you-short")
        yield Static(id="tabs")
        yield Static(id="head")
        yield c.ChoiceList(id="list")
        with ScrollableContainer(id="body"):
            yield Static(id="body-text")
        yield MapPane(id="map")
        yield KeyFooter()

    def on_mount(self) -> None:
        if not self.query(EscalationGauge):  # closed before it showed (over a network,
            return  # the phase moved on as it opened): nothing to fill in
        self.unavailable = pick.unavailable(self.seat, self.view_)
        v = self.view_
        self.show_status()
        self.query_one(EscalationGauge).show(v.escalation, v.rung)
        self.query_one(EscalationChart).show(v.history)
        self.query_one(YouPanel).show(v)
        self.query_one("#you-short", Static).update(you_short(v))
        self.show_mode()

    # ----------------------------------------------------- attributes down
    def texts(self, mode: str) -> tuple[str, str]:
        """The head line and the body text of a tab, from the view."""
        v = self.view_
        if mode == "orders":
            head = c.chosen_text(v, self.seat.orders(), self.campaign.actions,
                                 self.campaign.orders_per_round, self.refusal)
            return head, self.orders_body()
        if mode == "diplomacy":
            return c.open_drafts_note(v), c.decided_text(v)
        if mode == "inbox":
            return HINTS["inbox"] if v.proposals else "", inbox_text(v)
        if mode == "map":
            return "", ""
        public = self.public_news()
        body = {"briefing": lambda: briefing_text(v, self.table.player(self.nation),
                                                  public, self.campaign, self.table.about),
                "states": lambda: table_text(v, self.body_width()),
                "institutions": lambda: institutions_text(v),
                "news": lambda: news_text(v, public), "ledger": lambda: ledger_text(v)}[mode]()
        if mode == "briefing" and v.phase == "diplomacy":
            return HINTS["briefing-diplomacy"], body
        return HINTS.get(mode, ""), body

    def body_width(self) -> int:
        """Columns of text in the body (the terminal's width before the first layout)."""
        width = self.query_one("#body").scrollable_content_region.width
        return width if width > 1 else max(self.app.size.width - 4, 20)

    def on_resize(self) -> None:
        if self.mode == "states":  # once the body has its new size
            self.call_after_refresh(self.show_mode, True)

    def public_news(self) -> list:
        """Every public event of the game so far (the view keeps only the latest);
        public news is the same for every government, so hot-seat secrecy holds."""
        return self.seat.public_news()

    def orders_body(self) -> str:
        """Details of the highlighted action: what it is, costs and risks, or why it is
        not possible now."""
        from ..text import names, option_details, unavailable_details

        listing = self.query_one("#list", c.ChoiceList)
        at = listing.highlighted if self.mode == "orders" else None
        at = self.highlight.get("orders", 0) if at is None else at
        rows = self.list_options("orders")
        if at is None or not 0 <= at < len(rows):
            return ""
        ident = rows[at].id
        option = next((o for o in self.view_.options if o.action.id == ident), None)
        if option is not None:
            return option_details(option, self.view_.me.economy, names(self.view_))
        reason = next((r for i, _, r in self.unavailable if i == ident), "")
        return unavailable_details(self.campaign.actions[ident], reason,
                                   self.view_.me.economy)

    def list_highlighted(self, index: int) -> None:
        """The list's highlight moved (called by the list itself, in the same frame)."""
        if self.mode == "orders" and self.is_mounted:
            self.set_body(self.orders_body())

    def set_body(self, text: str) -> None:
        """New body text; only repainted (not laid out again) when its size stays:
        the text fills the box and the new one is no taller. A relayout would redraw
        the list's scroll bar a frame later: a second screen update for one key."""
        body = self.query_one("#body-text", Static)
        room = self.query_one("#body").scrollable_content_region.height
        if body.size.height != room or not room:  # taller than the box, or not laid out
            body.update(text)
            return
        body.update(text, layout=False)
        if body.visual.get_height(body.styles, body.content_region.width) > room:
            body.refresh(layout=True)  # now taller: it scrolls

    def list_options(self, mode: str) -> list:
        if mode not in self.options:
            if mode == "orders":
                self.options[mode] = c.action_options(self.view_, self.campaign.actions,
                                                      self.unavailable)
            else:
                make = {"diplomacy": c.draft_options, "inbox": c.proposal_options}.get(mode)
                self.options[mode] = make(self.view_) if make else []
        return self.options[mode]

    def show_mode(self, keep_scroll: bool = False) -> None:
        mode = self.mode
        self.query_one("#tabs", Static).update(c.tab_bar(TABS, mode))
        head, body = self.texts(mode)
        head_w = self.query_one("#head", Static)
        head_w.update(head)
        listing = self.query_one("#list", c.ChoiceList)
        c.refill(listing, self.list_options(mode), self.highlight.get(mode, 0))
        listing.set_class(mode == "orders", "-actions")  # one line an action
        shown = bool(listing.option_count)
        if listing.display != shown:  # an empty list would still take a line
            listing.display = shown

        self.query_one("#body-text", Static).update(body)
        box = self.query_one("#body")
        box.set_class(mode == "states", "-table")
        self.show_map(mode == "map")
        if not keep_scroll and (box.scroll_x or box.scroll_y):
            box.scroll_home(animate=False)
        if mode == "map":
            box = self.query_one("#map-canvas")
        (listing if shown else box).focus()
        keys = BINDINGS_BY_MODE.get(mode, "")
        if mode == "inbox" and self.highlighted_id() is None:
            keys = "-"  # nothing to answer: y, n and k are shown off
        if keys != self.keys_shown:  # the footer recomposes: only when its keys change
            self.keys_shown = keys
            self.refresh_bindings()

    def show_map(self, on: bool) -> None:
        """The map in place of the body (drawn from the view when it is shown)."""
        pane = self.query_one(MapPane)
        if on:
            pane.show(self.view_, self.campaign, self.public_news())
        if pane.display != on:
            pane.display = on
            self.query_one("#body").display = not on
            self.query_one("#head").display = not on

    def reload(self) -> None:
        """The view again, after a verb changed what this government sees."""
        self.view_ = self.seat.view()
        self.refusal = ""  # a refusal is about the last order, not what came after
        self.options.clear()
        self.show_mode(keep_scroll=True)

    def show_status(self) -> None:
        self.query_one(StatusLine).show(self.view_, self.table.player(self.nation),
                                        self.table.title, self.note)

    def set_note(self, note: str) -> None:
        """What the host says of the phase (over a network: the clock, a pause)."""
        if note != self.note:
            self.note = note
            if self.is_mounted:
                self.show_status()

    def take_view(self, view) -> None:
        """The game moved on within the phase (over a network: another government
        voted, a proposal or a message came): shown, the highlights kept."""
        if view == self.view_ or not self.is_mounted:
            return
        listing = self.query_one("#list", c.ChoiceList)
        if listing.highlighted is not None:
            self.highlight[self.mode] = listing.highlighted
        self.reload()

    def check_action(self, action: str, parameters) -> bool | None:
        if self.mode == "inbox" and action in ("yes", "no", "counter"):
            # shown off (None) when no proposal awaits your answer: your own, or answered
            return True if self.highlighted_id() is not None else None
        if action in ("yes", "no"):
            return self.mode == "diplomacy"
        if action == "counter":
            return False
        if action == "abstain":
            return self.mode == "diplomacy"
        if action == "declare":  # only where a body allows a formal declaration
            return self.mode == "diplomacy" and c.declares(self.view_)
        if action == "remove_order":
            return self.mode == "orders"
        return True

    async def run_palette(self, action: str) -> None:
        """A game command from the palette: one that belongs to a tab goes there first,
        instead of doing nothing because the key is not active on this tab."""
        if action == "counter" and self.mode != "inbox":
            self.action_tab("inbox")
            self.notify("Highlight the proposal to counter, then press k.", timeout=5)
            return
        if action == "counter" and self.highlighted_id() is None:
            self.notify("No proposal awaits your answer.", severity="warning")
            return
        if action == "remove_order" and self.mode != "orders":
            self.action_tab("orders")
        await self.run_action(action)

    # ------------------------------------------------------------- actions
    def action_tab(self, tab: str) -> None:
        if tab == self.mode or tab not in TABS:
            return
        listing = self.query_one("#list", c.ChoiceList)
        if listing.highlighted is not None:
            self.highlight[self.mode] = listing.highlighted
        self.mode = tab
        self.table.tabs[self.nation] = tab
        self.show_mode()

    def action_save(self) -> None:
        self.app.action_save()

    @work(exclusive=True, group="end")
    async def action_end_turn(self) -> None:
        from .dialogs import ConfirmScreen

        phase = self.view_.phase
        questions = []
        uncast = pick.uncast_votes(self.view_) if phase == "diplomacy" else 0
        if uncast:
            questions.append(
                f"You have not voted on {uncast} open draft(s) where you vote. Not voting "
                "counts as being absent: under a consensus rule silence is consent, under "
                "the others absence is neither yes nor no. End your turn anyway?")
        waiting = [p for p in self.view_.proposals if p.status.value == "open"
                   and self.nation in p.to and self.nation not in p.answers]
        if waiting and phase in ("diplomacy", "orders"):
            later = " You may still answer in the orders phase." if phase == "diplomacy" else ""
            questions.append(
                f"{len(waiting)} proposal(s) await your answer (Inbox, 4: y accepts, n "
                f"rejects).{later} Unanswered, a proposal expires. End your turn anyway?")
        if phase == "orders" and not self.seat.orders():
            questions.append("You have given no orders this round. Doing nothing is a choice "
                             "too (others will read it). End your turn anyway?")
        for question in questions:  # each asked in turn; any "no" goes back to the turn
            if not await self.app.push_screen_wait(ConfirmScreen(question)):
                return
        error = self.seat.end_turn()  # over a network the host may refuse (an adviser)
        if error:
            self.notify(error, title="Refused", severity="error", timeout=8)
            return
        # notifications are the app's, not the screen's: one saying "Ordered: Invasion"
        # must not stay up for the next government to read
        self.app.clear_notifications()
        self.dismiss("done")

    def action_remove_order(self) -> None:
        orders = self.seat.orders() if self.view_.phase == "orders" else []
        if not orders:
            self.notify("No order to remove.", severity="warning")
            return
        self.refusal = self.seat.give_orders(orders[:-1])
        self.show_head()

    def show_head(self) -> None:
        """The head line again (orders given or taken back, a refusal): repainted in
        place when its height stays, as it does in the Orders tab (a line for each
        order the round allows, given or not), so the screen is not laid out again."""
        if self.mode == "orders":
            head = c.chosen_text(self.view_, self.seat.orders(), self.campaign.actions,
                                 self.campaign.orders_per_round, self.refusal)
        else:
            head, _ = self.texts(self.mode)
        widget = self.query_one("#head", Static)
        height = widget.content_region.height
        widget.update(head, layout=False)
        if not height or widget.visual.get_height(widget.styles,
                                                  widget.content_region.width) != height:
            widget.refresh(layout=True)

    @on(OptionList.OptionSelected, "#list")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        if self.mode != "orders":
            return
        limit = self.campaign.orders_per_round
        if len(self.seat.orders()) >= limit:  # refuse before asking anything
            self.refusal = (f"you have given {limit} of {limit} orders this round: remove "
                            "one (x) to give another.")
            self.show_head()
            return
        why = next((r for i, _, r in self.unavailable if i == event.option.id), None)
        if why is not None:  # shown in its place, dimmed: said why, not ordered
            name = self.campaign.actions[event.option.id].name
            self.refusal = f"{name} is not possible now: {why.removeprefix('not possible ')}."
            self.show_head()
            return
        self.choose(event.option.id)

    @work(exclusive=True, group="choose")
    async def choose(self, action_id: str) -> None:
        """Ask for the target, institution and measure an action needs, then add it."""
        from .dialogs import ConfirmScreen

        order = await pick.build_order(self, self.view_, action_id)
        if order is None:
            return
        warning = pick.war_warning(self.seat, order)
        if warning and not await self.app.push_screen_wait(ConfirmScreen(warning)):
            return
        # the head shows the order at once, in its numbered line (a refusal says why)
        self.refusal = pick.add_order(self.seat, order)
        self.show_head()

    def highlighted_id(self) -> str | None:
        option = self.query_one("#list", c.ChoiceList).highlighted_option
        return None if option is None or option.disabled else option.id

    def action_yes(self) -> None:
        self.decide("yes" if self.mode == "diplomacy" else "accept")

    def action_no(self) -> None:
        self.decide("no" if self.mode == "diplomacy" else "reject")

    def action_abstain(self) -> None:
        self.decide("abstain")

    def action_declare(self) -> None:
        """A formal declaration of abstention (TEU Art. 31(1)): an abstention that
        counts towards the blocking third."""
        self.decide("declared")

    def decide(self, value: str) -> None:
        """Vote on the highlighted draft, or answer the highlighted proposal."""
        ident = self.highlighted_id()
        what = "draft you can vote on" if self.mode == "diplomacy" else \
            "proposal awaiting your answer"
        if ident is None:
            self.notify(f"No {what} is highlighted.", severity="warning")
            return
        verb = pick.vote if self.mode == "diplomacy" else pick.answer
        error = verb(self.seat, ident, value)
        if error:
            self.notify(error, severity="error", title="Refused")
        self.reload()

    @work(exclusive=True, group="write")
    async def action_write(self) -> None:
        from .dialogs import MessageScreen

        others = [(s.id, s.name) for s in self.view_.states if s.id != self.nation]
        known = self.table.humans  # None: not known here (over a network)
        computers = [s for s in others if known is not None and s[0] not in known]
        note = ("Computer governments do not read messages: make them a proposal (p), "
                "which they answer (and say why they reject it)." if computers else "")
        humans = {n: self.table.player(n) for n in known or () if n != self.nation}
        result = await self.app.push_screen_wait(MessageScreen(
            others, allies=sorted(self.view_.allies_of(self.nation)), note=note,
            humans=humans if humans else None))
        if result:
            error = pick.message(self.seat, *result)
            if error:
                self.notify(error, severity="error", title="Message refused")
            else:
                self.notify("Message sent.", timeout=2)
                self.reload()

    @work(exclusive=True, group="write")
    async def action_propose(self, counter: str = "") -> None:
        from .propose import ProposeScreen

        if self.view_.outcome:
            return
        pid = await self.app.push_screen_wait(ProposeScreen(self.seat, counter,
                                                            humans=self.table.humans))
        if pid:
            self.notify(f"Proposal {pid} sent." if not counter else
                        f"Countered with {pid}.", timeout=3)
            self.reload()

    def action_counter(self) -> None:
        ident = self.highlighted_id()
        if ident is None:
            self.notify("No proposal awaiting your answer is highlighted.", severity="warning")
            return
        self.action_propose(ident)
