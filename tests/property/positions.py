"""Game positions reached by random play, for the property tests."""

import random

from wargame.core import Game
from wargame.core.randomplay import random_orders


def orders_phase(world, seed: int, rounds: int) -> Game:
    """A game of random orders played until round ``rounds``, then brought to that
    round's orders phase (unless it ended first: then it is over)."""
    game = Game(world, seed)
    rng = random.Random(seed)
    while not game.over and game.round < rounds:
        game.advance()
        game.advance()
        for n in world.ids:
            game.submit_orders(n, random_orders(world, game.state, n, rng))
        game.resolve()
    if not game.over:
        game.advance()
        game.advance()
    return game
