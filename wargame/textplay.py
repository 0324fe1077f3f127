"""A plain-text game in the terminal: one human government, the computer plays the rest.

For simple terminals and screen readers (`wargame play --text`): plain lines in,
plain lines out, no box drawing. It uses only the core's verb API and the computer
players, so it shows exactly what a player may see and do.

An action keeps one number all game: its place in the campaign's action catalogue
(the list shows only those legal now); its name works too. At any question, quit
(q, exit), the end of input or Ctrl+C saves the game and prints the
``wargame play --text --load NAME`` that goes on from there, in the same phase.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, TextIO

from .core import Game, Option, Order, View, WargameError, World
from .core.actions import ActionSpec, Effect, Target as ActTarget
from .core.legal import COMMITTING
from .core.scoring import describe
from .textsafe import clean_input, printable

Ask = Callable[[str], str]


def _load(campaign: str | None) -> tuple[World, int, str, dict[str, str]]:
    """The world to play, its seed, title and computer policies (a campaign file)."""
    from .campaign import DEFAULT_CAMPAIGN, load_campaign

    c = load_campaign(campaign or DEFAULT_CAMPAIGN)
    return c.world, c.seed, c.title, dict(c.policies)


class _Leave(Exception):
    """The player leaves at a prompt: typed quit, ended the input or pressed Ctrl+C."""

    def __init__(self, how: str) -> None:
        super().__init__(how)
        self.how = how  # "quit", "eof" or "interrupt"


QUIT = ("quit", "q", "exit")
VOTES = {"": "absent", "y": "yes", "n": "no"}  # Enter is absent; y and n for short


def _asking(ask: Ask, out: TextIO) -> Ask:
    """``ask`` that turns quit, the end of input and Ctrl+C at a prompt into :class:`_Leave`;
    what is typed loses its control characters (a pasted escape sequence, a stray
    ESC) before the game keeps it."""
    def wrapped(prompt: str) -> str:
        try:  # input() may write the prompt to the terminal itself, past sys.stdout
            text = clean_input(ask(printable(prompt)), lines=False)
        except EOFError:
            print(file=out)
            raise _Leave("eof") from None
        except KeyboardInterrupt:
            print(file=out)
            raise _Leave("interrupt") from None
        if text.strip().casefold() in QUIT:
            raise _Leave("quit")
        return text

    return wrapped


def run(campaign: str | None = None, seed: int | None = None, nation: str | None = None,
        rounds: int | None = None, ask: Ask = input, out: TextIO = sys.stdout, *,
        loaded=None, saves_dir: str | None = None) -> int:
    """Play in plain text. ``loaded``: a :class:`~wargame.saves.LoadedSave` to play on.
    ``rounds``: play at most this many rounds now. The game is saved after every round
    and when the player leaves (to ``saves_dir``, or the default folder)."""
    from .ai import ComputerPlayers

    from .campaign import DEFAULT_CAMPAIGN, CampaignErrors

    try:
        world, default_seed, title, policies = _load(campaign)
    except CampaignErrors as exc:
        print(exc, file=sys.stderr)
        return 2
    acted: tuple = ()
    if loaded is not None:
        game, world = loaded.game, loaded.game.world
        title = getattr(loaded.campaign, "title", None) or loaded.title
        policies = dict(getattr(loaded.campaign, "policies", None) or policies)
        source = loaded.source
        nation = nation or loaded.meta.get("text_player")
        acted = tuple(loaded.meta.get("text_computer") or ())
    else:
        game = Game(world, default_seed if seed is None else seed)
        source = campaign or DEFAULT_CAMPAIGN
    say = lambda text="": print(text, file=out)  # noqa: E731
    if nation:
        nation = world.state_called(nation) or nation
    if nation and nation not in world.nation:
        print(f"wargame play: there is no state {nation!r} in {title}; choose one of: "
              f"{', '.join(world.ids)}", file=sys.stderr)
        return 2
    ask = _asking(ask, out)
    say(f"wargame: {title}")
    if loaded is not None:
        say(f"Going on with the saved game, round {game.round} of {world.rounds_limit}.")
    say("")
    say(world.briefing.strip())
    try:
        me = nation or _choose_nation(world, ask, say)
    except _Leave as leave:
        say("Nothing was saved: the game had not begun.")
        say("Goodbye.")
        return 130 if leave.how == "interrupt" else 0
    t = _Text(game, me, ask, say, source, saves_dir, acted)
    t.computer = ComputerPlayers(world, game.seed, [n for n in world.ids if n != me], policies)
    if loaded is not None:
        t.computer.recall(game)
        t.saved = loaded.path
    say("")
    say(f"You lead {world.nation[me].name}.")
    t.briefing()
    say("")
    say("Type help at any question to hear the commands; quit saves and leaves.")
    played = 0
    try:
        while not game.over and (rounds is None or played < rounds):
            t.play_round()
            played += 1
            t.autosave()
    except _Leave as leave:
        say("Interrupted." if leave.how == "interrupt" else
            "Input ended." if leave.how == "eof" else "Leaving the game.")
        t.save()
        t.how_to_go_on()
        say("Goodbye.")
        return 130 if leave.how == "interrupt" else 0
    except KeyboardInterrupt:  # while the game was working out the round: not saved now
        say("")
        say("Interrupted while the round was being worked out.")
        if t.saved is not None:
            say("You can go on from its last save.")
        t.how_to_go_on()
        say("Goodbye.")
        return 130
    say("")
    if not game.over:
        say(f"You stopped after {played} round{'s' if played != 1 else ''}.")
        t.how_to_go_on()
        sc = game.scores()[me]
        say(f"Your score so far: {sc.total} of {sc.possible}.")
    else:
        t.events(game.log[-1:])  # how it ended, unless just shown
        sc = game.scores()[me]
        say(f"The game is over. Your score: {sc.total} of {sc.possible}.")
        if t.saved is not None:
            say(f"The game is saved in {t.saved}.")
    for obj, ok in sc.results:
        say(f"{'Met' if ok else 'Not met'}: {describe(game.world, obj)} ({obj.points} points)")
    return 0


def _choose_nation(world: World, ask: Ask, say) -> str:
    say("")
    say("The governments:")
    for i, n in enumerate(world.nations, 1):
        say(f"{i}. {n.name}")
    while True:
        text = ask("Which government do you lead? Type its number or name: ").strip()
        if text.isdigit() and 1 <= int(text) <= len(world.nations):
            return world.nations[int(text) - 1].id
        if text and _state(world, text):
            return _state(world, text)
        if text.casefold() in ("help", "?"):
            say("Type a number from the list or a state's name; quit leaves.")
            continue
        say(f"Type a number from 1 to {len(world.nations)}, or a state's name; quit leaves.")


def _norm(text: str) -> str:
    """'Use_of-force ' -> 'use of force': how typed names are compared."""
    return " ".join(text.replace("_", " ").replace("-", " ").casefold().split())


def _state(world: World, text: str) -> str | None:
    """The id of the state named ``text`` (its id or name, any case, _ or spaces)."""
    wanted = _norm(text)
    return next((n.id for n in world.nations if wanted in (_norm(n.id), _norm(n.name))), None)


def _institution(world: World, text: str) -> str | None:
    wanted = _norm(text)
    return next((i.id for i in world.institutions
                 if wanted in (_norm(i.id), _norm(i.name))), None)


def _longest(words: list[str], find) -> tuple[object, list[str]]:
    """The longest leading run of ``words`` that ``find`` knows, and the words after it."""
    for k in range(len(words), 0, -1):
        found = find(" ".join(words[:k]))
        if found is not None:
            return found, words[k:]
    return None, words


# ------------------------------------------------------------------ words
def _money(billions: float) -> str:
    if billions >= 1:
        return f"{billions:,.1f} billion dollars"
    if billions >= 0.0005:
        return f"{billions * 1000:,.0f} million dollars"
    return "under 1 million dollars"


def _cost(spec: ActionSpec, economy: float) -> str:
    """What an action costs you, in words."""
    parts = []
    if spec.cost_economy:
        money = _money(economy * spec.cost_economy / 100)
        about = "" if money.startswith("under") else "about "
        parts.append(f"{spec.cost_economy:g}% of your GDP ({about}{money})")
    if spec.cost_support:
        parts.append(f"{spec.cost_support:g} points of public support")
    text = ("costs " + " and ".join(parts)) if parts else "free"
    if spec.effect is Effect.SANCTION:
        text += ", but costs you trade with the target"
    return text


def _names_a_state(spec: ActionSpec) -> bool:
    """An order naming no state (a consultation) adds no tension between states."""
    return spec.target is not ActTarget.INSTITUTION or spec.effect is Effect.TABLE


def _risk(spec: ActionSpec) -> str:
    """The escalation an action risks, in words (the core's words)."""
    return spec.risk if _names_a_state(spec) else "no escalation (it names no state)"


def _list(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " or " + items[-1] if len(items) > 1 else "".join(items)


class _Text:
    """One player's game in text: what is shown, asked and saved."""

    def __init__(self, game: Game, me: str, ask: Ask, say, source, saves_dir, acted) -> None:
        self.game, self.me, self.ask, self.say = game, me, ask, say
        self.world = game.world
        self.source, self.saves_dir = source, saves_dir
        self.acted = acted  # (round, phase) in which the computer players have played
        self.saved = None  # the latest save's path
        self.shown: set = set()  # events already printed
        self.catalogue = list(self.world.actions)  # an action's number: its place here, from 1
        self.computer = None

    # ------------------------------------------------------------ saving
    def _meta(self) -> dict:
        return {"text_player": self.me, "text_computer": list(self.acted)}

    def save(self) -> bool:
        """Save the game now; False (said) when the file cannot be written."""
        from .saves import SaveWriteError, save_game

        try:
            self.saved = save_game(self.game, self.source, self.saves_dir, meta=self._meta())
            self._new_game_notice()
        except SaveWriteError as exc:
            self.say(f"The game could not be saved: {exc}")
            if self.saved is not None:
                self.say("You can go on from its last save.")
            return False
        return True

    def _new_game_notice(self) -> None:
        """Saved as a new game because another process has this one: say so once."""
        from .saves import take_notice

        note = take_notice(self.game)
        if note:
            self.say(note)

    def autosave(self) -> None:
        if self.save():
            self.say("The game is saved.")

    def how_to_go_on(self) -> None:
        import shlex

        from .saves import default_saves_dir

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

    # ------------------------------------------------------------ showing
    def name(self, ident: str) -> str:
        return self.world.name_of(ident)

    def briefing(self) -> None:
        say, nat = self.say, self.world.nation[self.me]
        if nat.briefing.strip():
            say("")
            say("Your private briefing, for you alone:")
            say(nat.briefing.strip())
        say("")
        say("Your objectives:")
        for obj in nat.objectives:
            say(f"{describe(self.world, obj)} ({obj.points} points)")

    def events(self, events, heading: str = "") -> None:
        """Print the events the player may see and has not seen yet, under ``heading``."""
        new = [e for e in events if e.seen_by(self.me) and e not in self.shown]
        if new and heading:
            self.say(heading)
        for e in new:
            self.shown.add(e)
            self.say(e.text)

    def show_round(self, view: View) -> None:
        say = self.say
        say("")
        say(f"Round {view.round} of {view.rounds_limit}. Stage: {view.stage.replace('_', ' ')}. "
            f"Escalation {view.escalation:.0f} ({view.rung}).")
        first = not self.shown  # the first round shown: last round's news too
        news = [e for e in view.news if e.round >= view.round - (1 if first else 0)
                and e not in self.shown]
        private = [e for e in view.private if e.round >= view.round - (1 if first else 0)
                   and e not in self.shown]
        self.events(news, "News:")
        self.events(private, "For you alone:")
        me = view.me
        say(f"You, {view.name}: military {me.military:.0f}, economy {me.economy:.0f} bn, "
            f"support {me.support:.0f}, credibility {me.credibility:.0f}, "
            f"territory {me.territory:.0f}%.")
        for o in view.obligations:
            if o.debtor == view.nation and o.status.value == "open":
                whom = (f"{self.name(o.beneficiary)} against {self.name(o.against)}"
                        if o.beneficiary else self.name(o.against))
                say(f"You are bound to {o.action} {whom} by round {o.due} "
                    f"({self.name(o.institution)}).")
        for n in view.ceasefire_offers:
            number = self.number("accept_ceasefire")
            say(f"{self.name(n)} offers you a ceasefire: to accept, order "
                f"{number} {self.name(n)}." if number else
                f"{self.name(n)} offers you a ceasefire.")

    def number(self, action: str) -> int:
        return self.catalogue.index(action) + 1 if action in self.catalogue else 0

    def targets(self, opt: Option) -> str:
        if set(opt.targets) >= set(self.world.ids) - {self.me}:
            return "any state"
        if len(opt.targets) <= 6:
            return _list([self.name(x) for x in opt.targets])
        return (f"{len(opt.targets)} states; type about {self.number(opt.action.id)} "
                "for the list")

    def action_line(self, opt: Option, economy: float) -> str:
        a = opt.action
        text = f"{self.number(a.id)}. {a.name}: {_risk(a)}; {_cost(a, economy)}."
        if opt.targets:
            text += f" Target: {self.targets(opt)}."
        if opt.institutions:
            text += f" In: {_list(list(opt.institutions))}."
        return text

    def show_actions(self, options: list[Option]) -> None:
        economy = self.game.view(self.me).me.economy
        self.say(f"Actions you can order now ({len(options)} of {len(self.catalogue)}; "
                 "the numbers stay the same all game):")
        for opt in options:
            self.say(self.action_line(opt, economy))

    def about(self, text: str, options: list[Option]) -> None:
        spec = self.action_named(text) if text.strip() else None
        if spec is None:
            self.say(f"There is no action {text!r}. Type about and a number, "
                     f"1 to {len(self.catalogue)}.")
            return
        economy = self.game.view(self.me).me.economy
        say = self.say
        say(f"{self.number(spec.id)}. {spec.name}, {spec.category}.")
        if spec.description:
            say(spec.description)
        say(f"Cost: {_cost(spec, economy).removeprefix('costs ')}.")
        risk = _risk(spec)
        if _names_a_state(spec) and spec.escalation:
            risk += f" ({spec.escalation:+g} to the tension it touches)"
        say(f"Risk: {risk}.")
        opt = next((o for o in options if o.action.id == spec.id), None)
        if opt is None:
            say("You cannot order it now.")
            return
        if opt.targets:
            say("Targets: " + _list([self.name(x) for x in opt.targets]) + ".")
        for inst in opt.institutions:
            measures = opt.measures_for(inst) if opt.measures else ()
            line = f"In {inst}: {self.name(inst)}"
            if measures:
                line += ". Measures: " + _list([m.replace("_", " ") for m in measures])
            say(line + ".")
        say("Example: " + self.example(opt) + ".")

    def example(self, opt: Option) -> str:
        words = [str(self.number(opt.action.id))]
        if opt.targets:
            disputes = self.game.view(self.me).tension
            rival = max((x for x in opt.targets if x in disputes), default=opt.targets[0],
                        key=lambda x: disputes.get(x, 0.0))
            words.append(self.name(rival))
        if opt.institutions and (len(opt.institutions) > 1 or opt.measures):
            words.append(opt.institutions[0])
        if opt.measures:
            ms = opt.measures_for(opt.institutions[0]) or opt.measures
            words.append(ms[0].replace("_", " "))
        return " ".join(words)

    def action_named(self, text: str) -> ActionSpec | None:
        text = text.strip()
        if text.isdigit():
            k = int(text)
            return self.world.actions[self.catalogue[k - 1]] if 1 <= k <= len(self.catalogue) \
                else None
        wanted = _norm(text)
        return next((a for a in self.world.actions.values()
                     if wanted in (_norm(a.id), _norm(a.name))), None)

    # ------------------------------------------------------------ a round
    def play_round(self) -> None:
        game = self.game
        self.show_round(game.view(self.me))
        if game.phase == "briefing":
            game.advance()  # diplomacy
        if game.phase == "diplomacy":
            if self.acted != (game.round, "diplomacy"):
                self.computer.answer(game)
                self.computer.vote(game)
                self.acted = (game.round, "diplomacy")
            self.votes()
            self.events(game.advance(), "Diplomacy:")  # orders: drafts are decided now
        if game.phase == "orders":
            if self.acted != (game.round, "orders"):
                self.computer.give_orders(game)
                self.acted = (game.round, "orders")
            self.orders()
            heading = f"Round {game.round} resolves:"
            self.events(game.resolve(), heading)

    def votes(self) -> None:
        game, me = self.game, self.me
        for d in game.drafts():
            inst = self.world.institution[d.institution]
            if (me not in inst.members or d.by == me or me in d.votes
                    or me in game.state.institutions[inst.id].suspended):
                continue  # the state that tabled it voted yes
            self.say(f"{inst.name} votes on draft {d.id}, tabled by {self.name(d.by)}. "
                     f"Measure: {d.measure.replace('_', ' ')}. Concerning: "
                     f"{self.name(d.target)}.")
            while True:
                v = self.ask("Your vote: yes, no, abstain or absent? ").strip()
                if v.casefold() in ("help", "?"):
                    self.say("Type yes (or y), no (or n), abstain or absent (Enter is absent). "
                             "briefing repeats your briefing; quit saves and leaves.")
                    continue
                if v.casefold() == "briefing":
                    self.briefing()
                    continue
                v = VOTES.get(v.casefold(), v.casefold())
                try:
                    game.vote(me, d.id, v)
                    self.say(f"You vote {v}.")
                    break
                except (WargameError, ValueError) as exc:
                    self.say(f"Refused: {exc}")

    def orders(self) -> None:
        game, me, say = self.game, self.me, self.say
        options = game.legal_actions(me)
        limit = game.world.orders_per_round
        orders = game.orders_of(me)  # a loaded game: the orders given before it was saved
        say("")
        self.show_actions(options)
        for o in orders:
            say(f"Already ordered: {self.world.actions[o.action].name}.")
        say(f"Give up to {limit} orders: a number and a target, e.g. "
            f"{self.example_line(options)}. Enter alone ends your orders.")
        while len(orders) < limit:
            text = self.ask(f"Order {len(orders) + 1} of {limit}: ").strip()
            if not text:
                break
            word, _, rest = text.partition(" ")
            command = word.casefold()
            if command in ("help", "?"):
                self.help(options)
                continue
            if command in ("actions", "list"):
                self.show_actions(options)
                continue
            if command == "briefing":
                self.briefing()
                continue
            if command == "about":
                self.about(rest, options)
                continue
            order = self.parse(text, options)
            if isinstance(order, str):
                say(f"Refused: {order}")
                continue
            if not self.confirmed(order):
                say("Not ordered.")
                continue
            try:
                game.submit_orders(me, orders + [order])
                orders.append(order)
                say(f"Ordered: {self.order_text(order)}.")
            except WargameError as exc:
                say(f"Refused: {exc}")
        if len(orders) >= limit:
            say(f"That is all {limit} orders for this round.")

    def confirmed(self, order: Order) -> bool:
        """Before an act of war, a blockade across a ceasefire or standing down: what
        it brings about or gives up, then yes or no (anything but yes is no)."""
        lines = self.game.war_consequences(order) or self.game.stand_down_consequences(order)
        if not lines:
            return True
        head, *rest = lines
        self.say(head)
        for line in rest:
            self.say(f"- {line}")
        return self.ask("Give this order? (yes/no): ").strip().casefold() in ("y", "yes")

    def help(self, options: list[Option]) -> None:
        """The commands, with examples from this game's actions and states."""
        number = self.example_line(options)
        spec = self.action_named(number.split()[0])
        named = " ".join([spec.name.lower(), *number.split()[1:]]) if spec else "an action's name"
        table = next((o for o in options if o.measures), None)
        resolution = self.example(table) if table else "8, a state, an institution, a measure"
        for line in HELP:
            self.say(line.format(number=number, named=named, resolution=resolution,
                                 about=number.split()[0]))

    def example_line(self, options: list[Option]) -> str:
        plain = [o for o in options if o.targets and not o.institutions]
        opt = next((o for o in plain if o.action.escalation > 0), plain[0] if plain else None)
        return self.example(opt) if opt else "1"

    def order_text(self, order: Order) -> str:
        text = self.world.actions[order.action].name
        if order.target:
            text += f", {self.name(order.target)}"
        if order.institution:
            text += f", in {self.name(order.institution)}"
        if order.measure:
            text += f", {order.measure.replace('_', ' ')}"
        if order.forces:
            text += f", {order.forces:.0%} of your forces"
        return text

    def parse(self, text: str, options: list[Option]) -> Order | str:
        words = text.split()
        by_id = {o.action.id: o for o in options}
        if words[0].isdigit():
            spec, rest = self.action_named(words[0]), words[1:]
            if spec is None:
                return (f"there is no action {words[0]}: the actions are numbered 1 to "
                        f"{len(self.catalogue)} (type actions for the list)")
        else:
            spec, rest = _longest(words, self.action_named)
            if spec is None:
                return ("choose an action by its number or its name "
                        "(type actions for the list, help for the commands)")
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
            found, rest = _longest(rest, lambda s: _state(self.world, s))
            target = found if found is not None else rest.pop(0)
        if opt.institutions:
            found, rest = _longest(rest, lambda s: _institution(self.world, s))
            if found is not None:
                institution = found
            elif rest:
                institution = rest.pop(0)
            elif len(opt.institutions) == 1:
                institution = opt.institutions[0]
            else:
                return f"{spec.name} needs an institution: {_list(list(opt.institutions))}"
        if opt.measures:
            measures = opt.measures_for(institution) or opt.measures
            if not rest:
                return (f"{spec.name} needs a measure: "
                        f"{_list([m.replace('_', ' ') for m in measures])}")
            measure = next((m for m in measures if _norm(m) == _norm(" ".join(rest))),
                           "_".join(rest))
            rest = []
        if rest:
            return f"I did not understand {' '.join(rest)!r} after {spec.name}"
        return Order(self.me, spec.id, target=target, institution=institution,
                     measure=measure, forces=forces)


def _forces(words: list[str]) -> tuple[float, list[str]]:
    """A share of forces typed as the last word, '50%' (or '0.5'): (share, the rest)."""
    if words and words[-1].endswith("%"):
        try:
            return float(words[-1][:-1]) / 100, words[:-1]
        except ValueError:
            return 0.0, words
    return 0.0, words


HELP = (
    "To order: an action's number or its name, then its target,",
    "for example {number}, or {named}.",
    "A resolution also takes an institution and a measure,",
    "for example {resolution}.",
    "An attack, a defence, a counter-offensive or a deployment may end with the share",
    "of your forces at home it commits, for example 50% (the default otherwise).",
    "Numbers stay the same all game; the list shows only what you can order now.",
    "Enter on an empty line: end your orders for this round.",
    "actions: list the actions you can order now, with cost and risk.",
    "about and a number, for example about {about}: what that action does,",
    "costs and risks, and its targets.",
    "briefing: your private briefing and your objectives again.",
    "quit, q or exit: save the game and leave; it tells you how to go on.",
    "help: these commands.",
)
