"""A plain-text game in the terminal: one human government, the computer plays the rest.

For simple terminals and screen readers (`wargame play --text`): plain lines in,
plain lines out. It uses only the core's verb API and the computer players, so
it shows exactly what a player may see and do.
"""

from __future__ import annotations

import sys
from typing import Callable, TextIO

from .core import Game, IllegalOrder, Option, Order, PhaseError, View, World
from .core.scoring import describe

Ask = Callable[[str], str]


def _load(campaign: str | None) -> tuple[World, int, str, dict[str, str]]:
    """The world to play, its seed, title and computer policies (a campaign file)."""
    from .campaign import DEFAULT_CAMPAIGN, load_campaign

    c = load_campaign(campaign or DEFAULT_CAMPAIGN)
    return c.world, c.seed, c.title, dict(c.policies)


def run(campaign: str | None = None, seed: int | None = None, nation: str | None = None,
        rounds: int | None = None, ask: Ask = input, out: TextIO = sys.stdout, *,
        loaded=None, saves_dir: str | None = None) -> int:
    """Play in plain text. ``loaded``: a :class:`~wargame.saves.LoadedSave` to play on.
    The game is saved after every round (to ``saves_dir``, or the default folder)."""
    from .ai import ComputerPlayers

    from .campaign import DEFAULT_CAMPAIGN, CampaignErrors

    try:
        world, default_seed, title, policies = _load(campaign)
    except CampaignErrors as exc:
        print(exc, file=sys.stderr)
        return 2
    if loaded is not None:
        game, world = loaded.game, loaded.game.world
        title = getattr(loaded.campaign, "title", title)
        source = loaded.source
        nation = nation or loaded.meta.get("text_player")
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
    say(f"wargame: {title}")
    say(world.briefing)
    try:
        me = nation or _choose_nation(world, ask, say)
        computer = ComputerPlayers(world, game.seed, [n for n in world.ids if n != me],
                                   policies)
        for obj in world.nation[me].objectives:
            say(f"  your objective: {describe(world, obj)} ({obj.points} points)")
        while not game.over and (rounds is None or game.round <= rounds):
            _play_round(game, me, computer, ask, say)
            _autosave(game, source, saves_dir, me, say)
    except EOFError:
        say("\nGoodbye.")
        return 0
    say("")
    for e in game.log[-1:]:
        say(e.text)
    sc = game.scores()[me]
    say(f"Your score: {sc.total} of {sc.possible}.")
    for obj, ok in sc.results:
        say(f"  [{'x' if ok else ' '}] {describe(game.world, obj)} ({obj.points} points)")
    return 0


def _autosave(game: Game, source, saves_dir, me: str, say) -> None:
    from .saves import SaveWriteError, save_game

    try:
        path = save_game(game, source, saves_dir, meta={"text_player": me})
    except SaveWriteError as exc:
        say(f"  (not saved: {exc})")
        return
    say(f"  (saved: {path})")


def _choose_nation(world: World, ask: Ask, say) -> str:
    for i, n in enumerate(world.nations, 1):
        say(f"  {i:2}. {n.name} ({n.id})")
    while True:
        text = ask("Which government do you lead? ").strip()
        if text.isdigit() and 1 <= int(text) <= len(world.nations):
            return world.nations[int(text) - 1].id
        if text and world.state_called(text):
            return world.state_called(text)
        say("Type a number from the list, a state's name or its id.")


def _show(view: View, say) -> None:
    say("")
    say(f"=== Round {view.round}/{view.rounds_limit} | {view.stage.replace('_', ' ')} | "
        f"escalation {view.escalation:.0f} ({view.rung}) ===")
    for e in view.news:
        if e.round >= view.round - 1:
            say(f"  news: {e.text}")
    for e in view.private:
        if e.round >= view.round - 1:
            say(f"  private: {e.text}")
    me = view.me
    say(f"  You ({view.name}): military {me.military:.0f}, economy {me.economy:.0f} bn, "
        f"support {me.support:.0f}, credibility {me.credibility:.0f}, territory "
        f"{me.territory:.0f}%")
    mine = [o for o in view.obligations if o.debtor == view.nation and o.status.value == "open"]
    for o in mine:
        say(f"  obligation {o.id}: {o.action} {o.beneficiary or o.against} by round {o.due}")


def _play_round(game: Game, me: str, computer, ask: Ask, say) -> None:
    _show(game.view(me), say)
    game.advance()  # diplomacy
    computer.answer(game)
    computer.vote(game)
    for d in game.drafts():
        inst = game.world.institution[d.institution]
        if me in inst.members and d.by != me:  # the state that tabled it voted yes
            while True:
                v = ask(f"Vote on {inst.name} draft {d.id} ({d.measure} concerning "
                        f"{d.target}) [yes/no/abstain/absent]: ").strip() or "absent"
                try:
                    game.vote(me, d.id, v)
                    break
                except (IllegalOrder, PhaseError, ValueError) as exc:
                    say(f"  refused: {exc}")
    for e in game.advance():  # orders: drafts are decided now
        if e.seen_by(me):
            say(f"  > {e.text}")
    computer.give_orders(game)
    options = game.legal_actions(me)
    for i, opt in enumerate(options, 1):
        extra = ""
        if opt.targets:
            extra = " -> " + ", ".join(opt.targets[:8]) + (" ..." if len(opt.targets) > 8 else "")
        if opt.institutions:
            extra += " in " + ", ".join(opt.institutions)
        say(f"  {i:2}. {opt.action.name} [{opt.action.id}] ({opt.action.risk}){extra}")
    orders: list[Order] = []
    while True:
        text = ask(f"Order (number [target] [institution] [measure]; Enter to end; "
                   f"{len(orders)}/{game.world.orders_per_round}): ").strip()
        if not text:
            break
        order = _parse(me, text, options)
        if order is HELP:
            say(f"  {HELP}")
            continue
        if isinstance(order, str):
            say(f"  refused: {order}")
            continue
        try:
            game.submit_orders(me, orders + [order])
            orders.append(order)
            say(f"  ordered: {game.world.actions[order.action].name}")
        except IllegalOrder as exc:
            say(f"  refused: {exc}")
    for e in game.resolve():
        if e.seen_by(me):
            say(f"  > {e.text}")


HELP = ("Type an action's number or its name (e.g. 'condemn russia'), then its target, "
        "institution and measure as listed; Enter alone ends your orders. Action names "
        "stay the same every round; numbers follow the list shown.")


def _parse(me: str, text: str, options: list[Option]) -> Order | str:
    parts = text.split()
    if parts[0].lower() in ("help", "?"):
        return HELP
    by_id = {o.action.id: o for o in options}
    if parts[0] in by_id:
        opt = by_id[parts[0]]
    elif parts[0].isdigit() and 1 <= int(parts[0]) <= len(options):
        opt = options[int(parts[0]) - 1]
    else:
        return (f"choose an action by its number, 1 to {len(options)}, or its name "
                f"(type help)")
    rest = parts[1:]
    target = institution = measure = ""
    if opt.targets:
        if not rest:
            return f"{opt.action.name} needs a target: {', '.join(opt.targets[:8])}"
        target = rest.pop(0)
    if opt.institutions:
        institution = rest.pop(0) if rest else (opt.institutions[0] if len(opt.institutions) == 1
                                                else "")
    if opt.measures:
        measure = rest.pop(0) if rest else ""
    return Order(me, opt.action.id, target=target, institution=institution, measure=measure)
