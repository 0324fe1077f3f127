"""The table a game is played at: turns in order, hand-offs, the computer deciding.

This screen shows nothing private: only the round, the stage and whose turn is
next. Turns are separate screens pushed above it; between them, while the
computer governments decide in a worker thread, it says so.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, LoadingIndicator, Static
from textual.worker import WorkerCancelled, WorkerFailed

from .. import saving
from ..text import esc, stage
from .dialogs import FreshKeys


def save_now(screen, session) -> None:
    """ctrl+s: save, and say where (or why not)."""
    text, ok = saving.save(session)
    screen.notify(text, title="Save", severity="information" if ok else "warning",
                  timeout=4 if ok else 8)


class HandoffScreen(FreshKeys, ModalScreen[None]):
    """Between two humans: everything private is off screen until Enter."""

    BINDINGS = [Binding("enter", "go", "I am ready")]

    def __init__(self, government: str, player: str, round_: int, phase: str,
                 details: str = ""):
        super().__init__()
        self.text = (f"[b]Pass the keyboard to the Government of {esc(government)}[/b]"
                     + (f" ({esc(player)})" if player else "")
                     + f", then press Enter.\n\n[$text-dim]Round {round_} · {esc(phase)} phase. "
                     "Others: please look away — what follows is private.[/]"
                     + (f"\n\n{details}" if details else ""))

    def compose(self) -> ComposeResult:
        with Middle(), Center():  # scrolls (↑ ↓) when it is taller than the terminal
            with VerticalScroll(id="handoff"):
                yield Static(self.text, id="handoff-text")

    def action_go(self) -> None:
        self.dismiss(None)


class PlayScreen(Screen):
    """Runs the session: asks it for the next step, and does it."""

    BINDINGS = [Binding("ctrl+s", "save", "Save")]

    def __init__(self, session):
        super().__init__()
        self.session = session
        self.shown_round = None  # the round of the last hand-off (headlines at a new one)
        self.last_turn: tuple[int, str] | None = None  # (round, state) of the last turn
        problem = saving.start(session)
        if problem:
            self.notify(problem, severity="warning")

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(id="play-status")
        yield LoadingIndicator(id="deciding")
        yield Footer()

    def on_mount(self) -> None:
        import gc

        # the world, the core and the screens live as long as the game: take them out
        # of the collector's scans, so its pauses stay short while people play
        gc.collect()
        gc.freeze()
        self.flow()

    def say(self, text: str, busy: bool = False) -> None:
        g = self.session.game
        head = (f"[b]{esc(self.session.scenario.title)}[/b] · Round {g.round}/"
                f"{g.world.rounds_limit} · {esc(stage(g.stage))}")
        self.query_one("#play-status", Static).update(f"{head}\n\n{text}")
        self.query_one("#deciding").display = busy

    @work(exclusive=True, group="flow")
    async def flow(self) -> None:
        from .game import GameScreen

        s = self.session
        while True:
            step = s.next_step()
            if step.kind == "over":
                from .end import EndScreen

                self.app.switch_screen(EndScreen(s))
                return
            if step.kind == "turn":
                name, player = s.name(step.nation), s.player(step.nation)
                # the same government again in the same round (diplomacy, then
                # orders): the keyboard stays where it is, no hand-off
                same = self.last_turn == (s.game.round, step.nation)
                self.last_turn = (s.game.round, step.nation)
                if s.hotseat and not same:
                    self.app.clear_notifications()  # nothing of the last turn stays up
                    self.say(f"Next: the Government of {esc(name)}.")
                    await self.app.push_screen_wait(
                        HandoffScreen(name, player, s.game.round, step.phase,
                                      self.handoff_details(step)))
                await self.app.push_screen_wait(GameScreen(s.seat_of(step.nation), s.table))
                s.end_turn(step.nation)
                continue
            what = "votes and answers" if step.phase == "diplomacy" else "orders"
            self.say(f"The computer governments are deciding their {what}...", busy=True)
            try:
                await self.decide().wait()
            except WorkerCancelled:  # the app is closing
                return
            except WorkerFailed as exc:  # a bug, not a rule: say it, keep the app alive
                self.say(f"[b $text-error]The computer players failed:[/] {esc(exc.error)}\n"
                         "Please report this with the campaign and seed.")
                return
            self.say("")

    def handoff_details(self, step) -> str:
        """Public facts for the table: whose turn of how many, who is skipped and
        why, what comes after; at a new round, what the last one brought."""
        s = self.session
        playing, skipped = s.turn_order()
        out = []
        if s.game.round != self.shown_round:
            if self.shown_round is not None:
                out += self.last_round_headlines(s.game.round - 1)
            self.shown_round = s.game.round
        turn = playing.index(step.nation) + 1 if step.nation in playing else 1
        out.append(f"Turn {turn} of {len(playing)} in this phase.")
        if skipped:
            names = ", ".join(esc(s.name(n)) for n in skipped)
            out.append(f"{names}: no draft to vote on, so no turn in this phase; every "
                       "government answers proposals and gives orders in the next.")
        if turn == len(playing):
            out.append("After this turn the computer governments decide"
                       + (" and the round is resolved." if step.phase == "orders" else
                          "; then the orders phase."))
        return "[$text-dim]" + "\n".join(out) + "[/]"

    def last_round_headlines(self, round_: int) -> list[str]:
        """The round's public headlines, the most telling first (attacks and battles,
        then the turns of the crisis, then the rest); teaching notes are left to the
        briefing."""
        from ...core.injects import teaching_note
        from ..debrief import LAST_ROUND
        from ..widgets.panels import HEADLINES

        g = self.session.game
        rank = {kind: i for i, kinds in enumerate(LAST_ROUND) for kind in kinds}
        heads = [e for e in g.public_news()
                 if e.round == round_ and e.kind.value in HEADLINES | set(rank)
                 and e.kind.value != "game_over" and not teaching_note(g.world.injects, e)]
        if not heads:
            return [f"Round {round_} is over: no headline.", ""]
        heads.sort(key=lambda e: rank.get(e.kind.value, len(LAST_ROUND)))
        shown = heads[:6]
        more = f" (and {len(heads) - len(shown)} more in News)" if len(heads) > len(shown) else ""
        return ([f"[b]Round {round_} is over.[/b] Headlines{more}:"]
                + [f"• {esc(e.text)}" for e in shown] + [""])

    @work(thread=True, exclusive=True, group="computer")
    def decide(self) -> None:
        """The computer's part of the phase, in a thread so the interface never freezes;
        after a round, the autosave."""
        s = self.session
        s.play_computer()
        if s.round_over:
            s.round_over = False
            problem = saving.autosave(s)
            if problem:
                self.app.call_from_thread(self.notify, problem, severity="warning")

    def action_save(self) -> None:
        save_now(self, self.session)
