"""The text game at one terminal: which governments are human, whose turn it is, saving.

One human government, or several taking turns at one keyboard (hot-seat, ``--as
a,b``); the computer plays the rest. A round: the briefing; the diplomacy phase,
in which each human with a draft to vote on takes a turn (the same rule as the
full-screen game: who takes a turn is seen by everyone, so only public facts
decide it), then the computer answers proposals and votes; the orders phase, in
which the computer gives its orders and proposals, then each human takes a turn;
then the round resolves. The game is saved after every round and when a player
leaves (quit, the end of input or Ctrl+C), with the ``--load`` line to go on.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Callable, TextIO

from ..core import Game, World
from ..core.events import Kind
from ..core.scoring import describe
from ..textsafe import clean_input, printable
from .desk import Desk
from .names import find_in
from .port import LocalSeat, PublicCampaign

Ask = Callable[[str], str]
QUIT = ("quit", "q", "exit")
BLANK_LINES = 40  # between two governments' turns on a terminal, to scroll the last away


class Leave(Exception):
    """The player leaves at a prompt: typed quit, ended the input or pressed Ctrl+C."""

    def __init__(self, how: str) -> None:
        super().__init__(how)
        self.how = how  # "quit", "eof" or "interrupt"


def asking(ask: Ask, out: TextIO) -> Ask:
    """``ask`` that turns quit, the end of input and Ctrl+C at a prompt into
    :class:`Leave`; what is typed loses its control characters (a pasted escape
    sequence, a stray ESC, a bidi override) before the game keeps it."""
    def wrapped(prompt: str) -> str:
        try:  # input() may write the prompt to the terminal itself, past sys.stdout
            text = clean_input(ask(printable(prompt)), lines=False)
        except EOFError:
            print(file=out)
            raise Leave("eof") from None
        except KeyboardInterrupt:
            print(file=out)
            raise Leave("interrupt") from None
        if text.strip().casefold() in QUIT:
            raise Leave("quit")
        return text

    return wrapped


def _load(campaign: str | None):
    from ..campaign import DEFAULT_CAMPAIGN, load_campaign

    c = load_campaign(campaign or DEFAULT_CAMPAIGN)
    return c.world, c.seed, c.title, dict(c.policies)


def run(campaign: str | None = None, seed: int | None = None, nation: str | None = None,
        rounds: int | None = None, ask: Ask = input, out: TextIO = sys.stdout, *,
        loaded=None, saves_dir: str | None = None) -> int:
    """Play in plain text. ``nation``: the state to lead, or several separated by
    commas (hot-seat). ``loaded``: a :class:`~wargame.saves.LoadedSave` to play on.
    ``rounds``: play at most this many rounds now."""
    from ..campaign import DEFAULT_CAMPAIGN, CampaignErrors

    try:
        world, default_seed, title, policies = _load(campaign)
    except CampaignErrors as exc:
        print(exc, file=sys.stderr)
        return 2
    acted: tuple = ()
    named = [x.strip() for x in (nation or "").split(",") if x.strip()]
    if loaded is not None:
        game, world = loaded.game, loaded.game.world
        title = getattr(loaded.campaign, "title", None) or loaded.title
        policies = dict(getattr(loaded.campaign, "policies", None) or policies)
        source = loaded.source
        meta = loaded.meta or {}
        named = named or list(meta.get("text_players") or
                              ([meta["text_player"]] if meta.get("text_player") else []))
        acted = tuple(meta.get("text_computer") or ())
    else:
        game = Game(world, default_seed if seed is None else seed)
        source = campaign or DEFAULT_CAMPAIGN

    def say(text: str = "") -> None:
        print(printable(text), file=out)

    humans = []
    for n in named:
        found = world.state_called(n) or find_in(((s.id, s.name) for s in world.nations), n)
        if found is None:
            print(f"wargame play: there is no state {n!r} in {title}; choose one of: "
                  f"{', '.join(world.ids)}", file=sys.stderr)
            return 2
        if found not in humans:
            humans.append(found)
    ask = asking(ask, out)
    say(f"wargame: {title}")
    if loaded is not None:
        say(f"Going on with the saved game, round {game.round} of {world.rounds_limit}.")
    say("")
    say(world.briefing.strip())
    try:
        humans = humans or [_choose_nation(world, ask, say)]
    except Leave as leave:
        say("Nothing was saved: the game had not begun.")
        say("Goodbye.")
        return 130 if leave.how == "interrupt" else 0
    table = Table(game, humans, ask, say, out, source, saves_dir, acted, title, policies)
    if loaded is not None:
        table.computer.recall(game)
        table.saved = loaded.path
    return table.play(rounds)


def _choose_nation(world: World, ask: Ask, say) -> str:
    say("")
    say("The governments:")
    for i, n in enumerate(world.nations, 1):
        say(f"{i}. {n.name}")
    pairs = [(n.id, n.name) for n in world.nations]
    while True:
        text = ask("Which government do you lead? Type its number or name: ").strip()
        if text.isdigit() and 1 <= int(text) <= len(world.nations):
            return world.nations[int(text) - 1].id
        if text and find_in(pairs, text):
            return find_in(pairs, text)
        if text.casefold() in ("help", "?"):
            say("Type a number from the list or a state's name; quit leaves. For several "
                "players at one keyboard, start with --as and the states separated by "
                "commas.")
            continue
        say(f"Type a number from 1 to {len(world.nations)}, or a state's name; quit leaves.")


class Table:
    """The local game: the human desks, the computer players, the phases, the saves."""

    def __init__(self, game: Game, humans: list[str], ask, say, out, source, saves_dir,
                 acted, title: str, policies) -> None:
        from ..ai import ComputerPlayers

        self.game, self.humans, self.ask, self.say, self.out = game, humans, ask, say, out
        self.source, self.saves_dir, self.acted = source, saves_dir, acted
        self.saved = None  # the latest save's path
        campaign = PublicCampaign.of(game.world, title)
        self.desks = {n: Desk(LocalSeat(game, n, campaign), ask, say, save=self.autosave)
                      for n in humans}
        self.computer = ComputerPlayers(game.world, game.seed,
                                        [n for n in game.world.ids if n not in humans],
                                        policies)
        self.last = ""  # the human whose turn it was last (hot-seat hand-over)
        if self.hotseat:
            for n, desk in self.desks.items():
                desk.who = f"{desk.name(n)}: "

    @property
    def hotseat(self) -> bool:
        return len(self.humans) > 1

    # ------------------------------------------------------------ the game
    def play(self, rounds: int | None) -> int:
        game, say = self.game, self.say
        for n, desk in self.desks.items():
            say("")
            if self.hotseat:
                say(f"{desk.name(n)} is played at this keyboard too.")
                continue
            say(f"You lead {desk.name(n)}.")
            desk.briefing()
            desk.briefed = True
        say("")
        say("Type help at any question to hear the commands; quit saves and leaves.")
        played = 0
        try:
            while not game.over and (rounds is None or played < rounds):
                self.play_round()
                played += 1
                self.autosave()
        except Leave as leave:
            say("Interrupted." if leave.how == "interrupt" else
                "Input ended." if leave.how == "eof" else "Leaving the game.")
            self.save()
            self.how_to_go_on()
            say("Goodbye.")
            return 130 if leave.how == "interrupt" else 0
        except KeyboardInterrupt:  # while the game was working out the round: not saved now
            say("")
            say("Interrupted while the round was being worked out.")
            if self.saved is not None:
                say("You can go on from its last save.")
            self.how_to_go_on()
            say("Goodbye.")
            return 130
        say("")
        if not game.over:
            say(f"You stopped after {played} round{'s' if played != 1 else ''}.")
            self.how_to_go_on()
        else:
            first = self.desks[self.humans[0]]
            if not self.hotseat:
                first.new_events()  # how it ended, unless just shown
            else:  # the public end; each government's secrets stay its own
                first.events([e for e in first.seat.public_news()[-1:]
                              if e.kind is Kind.GAME_OVER])
            if self.saved is not None:
                say(f"The game is saved in {self.saved}.")
        for n, desk in self.desks.items():
            sc = desk.seat.score()
            whose = "Your" if not self.hotseat else f"{desk.name(n)}'s"
            say(f"The game is over. {whose} score: {sc.total} of {sc.possible}." if game.over
                else f"{whose} score so far: {sc.total} of {sc.possible}.")
            for obj, ok in sc.results:
                say(f"{'Met' if ok else 'Not met'}: {describe(desk.campaign, obj)} "
                    f"({obj.points} points)")
        return 0

    def has_business(self, nation: str) -> bool:
        """A draft to vote on: public facts only, as in the full-screen game."""
        view = self.desks[nation].view()
        member = {i.id for i in view.institutions if i.active(nation)}
        return any(d.institution in member for d in view.drafts)

    def play_round(self) -> None:
        game = self.game
        if game.phase == "briefing":
            game.advance()  # diplomacy
        if game.phase == "diplomacy":
            for n in self.humans:
                if self.has_business(n):
                    self.turn(n, "diplomacy")
            if self.acted != (game.round, "diplomacy"):
                self.computer.answer(game)
                self.computer.vote(game)
                self.acted = (game.round, "diplomacy")
            game.advance()  # orders: drafts are decided now
            desk = self.desks[self.humans[0]]
            if not self.hotseat and desk.round_shown == game.round:
                desk.new_events("Diplomacy:")  # the drafts decided, after your votes
        if game.phase == "orders":
            if self.acted != (game.round, "orders"):
                self.computer.give_orders(game)
                self.acted = (game.round, "orders")
            for n in self.humans:
                self.turn(n, "orders")
            played = game.round
            game.resolve()
            if not self.hotseat:
                self.desks[self.humans[0]].new_events(f"Round {played} resolves:")

    def turn(self, nation: str, phase: str) -> None:
        desk = self.desks[nation]
        if self.hotseat:
            self.hand_over(nation)
            if not desk.briefed:  # each government's secrets at its own first turn
                self.say(f"You lead {desk.name(nation)}.")
                desk.briefing()
        desk.briefed = True
        if phase == "diplomacy":
            desk.diplomacy_turn()
        else:
            desk.orders_turn()
        if self.hotseat:
            self.say(f"{desk.name(nation)}'s turn is over.")

    def hand_over(self, nation: str) -> None:
        """Between two governments: scroll the last one's lines away on a terminal,
        then wait until the next player is at the keyboard."""
        name = self.desks[nation].name(nation)
        if self.last and self.last != nation and _is_terminal(self.out):
            for _ in range(BLANK_LINES):
                self.say("")
        self.last = nation
        self.say("")
        self.say(f"Hand over to the government of {name}.")
        self.ask(f"{name}: press Enter to begin your turn (quit saves and leaves): ")
        self.say(f"{name}'s turn.")

    # ------------------------------------------------------------ saving
    def meta(self) -> dict:
        return {"text_player": self.humans[0], "text_players": list(self.humans),
                "text_computer": list(self.acted)}

    def save(self) -> bool:
        """Save the game now; False (said) when the file cannot be written."""
        from ..saves import SaveWriteError, save_game, take_notice

        try:
            self.saved = save_game(self.game, self.source, self.saves_dir, meta=self.meta())
            note = take_notice(self.game)
            if note:
                self.say(note)
        except SaveWriteError as exc:
            self.say(f"The game could not be saved: {exc}")
            if self.saved is not None:
                self.say("You can go on from its last save.")
            return False
        return True

    def autosave(self) -> None:
        if self.save():
            self.say("The game is saved.")

    def how_to_go_on(self) -> None:
        from ..saves import default_saves_dir

        if self.saved is None:
            self.say("Nothing was saved, so the game cannot go on later.")
            return
        path = Path(self.saved)
        self.say(f"The game is saved in {path}.")
        if self.saves_dir:
            arg = f"{shlex.quote(path.stem)} --saves-dir {shlex.quote(str(self.saves_dir))}"
        elif path.parent.resolve() == default_saves_dir().resolve():
            arg = shlex.quote(path.stem)
        else:
            arg = shlex.quote(str(path))
        self.say("To go on, type:")
        self.say(f"wargame play --text --load {arg}")


def _is_terminal(out) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False
