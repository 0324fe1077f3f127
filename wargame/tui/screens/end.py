"""The end of a game: outcome, scores, and the debrief for the class."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from .. import debrief
from ..text import esc
from ..widgets.gauge import EscalationChart


class EndScreen(Screen):
    CSS_PATH = "end.tcss"

    BINDINGS = [Binding("n", "app.new_game", "New game"),
                Binding("t", "app.title_screen", "Title"),
                Binding("q", "app.quit", "Quit")]

    def __init__(self, session):
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        g = self.session.game
        with VerticalScroll(id="end"):
            yield Static(f"[b]Game over — {esc(self.session.scenario.title)}[/b]",
                         classes="h1")
            yield Static(debrief.outcome_text(g), id="outcome")
            yield Static("[b]The last round[/b]", classes="h2")
            yield Static(debrief.last_round_text(g, self.session.seat), id="last-round")
            yield Static("[b]Scores[/b] [$text-dim](each state's private objectives, now revealed)"
                         "[/]", classes="h2")
            yield Static(debrief.scores_text(g, self.session.seat), id="scores")
            yield Static("[b]Escalation over the rounds[/b]", classes="h2")
            yield EscalationChart(g.world.ladder, id="curve")
            yield Static("[b]Rungs of the ladder crossed[/b]", classes="h2")
            yield Static(debrief.rungs_text(g))
            yield Static("[b]Obligations kept and declined[/b]", classes="h2")
            yield Static(debrief.obligations_text(g))
            yield Static("[b]Burden sharing[/b]", classes="h2")
            yield Static(debrief.burden_text(g), id="burden")
            yield Static("[b]Deterrence when it failed[/b]", classes="h2")
            yield Static(debrief.deterrence_text(g), id="deterrence")
            yield Static("[b]Turning points[/b]", classes="h2")
            yield Static(debrief.turning_points(g, self.session.computers.why()), id="turning")
            yield Static("[$text-dim]n new game · t title screen · q quit[/]")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(EscalationChart).show(self.session.game.state.history)
        self.query_one("#end").focus()
