"""Random games with every kind of input (orders, votes, messages, proposals, answers),
for the saves tests, the fixture maker, the fault test's child and the benchmark."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterator
from pathlib import Path

from wargame.core import Game, IllegalOrder, PhaseError, RuleError
from wargame.core.randomplay import random_orders
from wargame.core.terms import Term, TermKind


FIXTURES = Path(__file__).resolve().parent / "fixtures"
V1 = FIXTURES / "v1-tutorial.json"
V2 = FIXTURES / "v2-tutorial.json"


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()

def steps(game: Game, rng: random.Random, rounds: int | None = None,
          talk: float = 0.3, vote_rate: float = 0.5) -> Iterator[str]:
    """Play ``game`` on from whatever phase it is in, one input at a time, yielding after
    each (the name of the step), so a test can save, load or compare at any moment,
    mid-round included. ``rounds``: stop after that many more round ends."""
    world = game.world
    last = game.round + (rounds if rounds is not None else 10 ** 6) - 1
    while not game.over and game.round <= last:
        if game.phase == "briefing":
            if rng.random() < talk:
                a, b = rng.sample(list(world.ids), 2)
                game.send_message(a, [b], f"round {game.round}: {rng.random():.3f} ünïcode ✓")
                yield "message"
            game.advance()  # briefing -> diplomacy
            yield "advance"
        elif game.phase == "diplomacy":
            if rng.random() < talk:
                a, b = rng.sample(list(world.ids), 2)
                spend = round(game.state.nations[a].spending + 0.5, 2)
                try:
                    pid = game.propose(a, [b], [Term(a, TermKind.RAISE_SPENDING, value=spend)],
                                       due_in=rng.randint(1, 2))
                except IllegalOrder:
                    pid = ""
                if pid:
                    yield "propose"
                    game.answer(b, pid, rng.choice(["accept", "reject"]))
                    yield "answer"
            for d in game.drafts():
                for m in world.institution[d.institution].members:
                    if rng.random() < vote_rate:
                        try:
                            game.vote(m, d.id, rng.choice(["yes", "no", "abstain"]))
                        except (IllegalOrder, RuleError):
                            continue
                        yield "vote"
            game.advance()  # diplomacy -> orders
            yield "advance"
        elif game.phase == "orders":
            for n in world.ids:
                if not game.orders_of(n) and rng.random() < 0.9:
                    game.submit_orders(n, random_orders(world, game.state, n, rng))
                    yield "orders"
            game.resolve()
            yield "resolve"
        else:  # pragma: no cover - resolution and aftermath happen inside resolve()
            raise PhaseError(f"unexpected phase {game.phase}")


def play(game: Game, rng: random.Random, rounds: int | None = None,
         each: Callable[[Game, str], None] | None = None, **kw) -> Game:
    for step in steps(game, rng, rounds, **kw):
        if each is not None:
            each(game, step)
    return game


def replay_inputs(game: Game, inputs: list[dict]) -> Game:
    for entry in inputs:
        game.apply(entry)
    return game


__all__ = ["IllegalOrder", "PhaseError", "play", "replay_inputs", "steps"]
