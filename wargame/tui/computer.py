"""The computer-played states of a session. No Textual here: screens run this in a worker.

The policies of ``wargame.ai`` play them (answers, votes, orders, proposals), one
group per difficulty. Without that package, :func:`computer_orders` gives random
legal orders and the computer abstains: replace that one function, nothing else.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

DIFFICULTIES = ("easy", "normal", "hard")


def computer_orders(game, nation: str, rng: random.Random) -> list:
    """Orders for a computer-played state when no AI package is installed."""
    from ..core.randomplay import random_orders

    return random_orders(game.world, game.state, nation, rng)


class Computers:
    """The computer players of one game: ``difficulty`` maps each state they play to
    easy, normal or hard."""

    def __init__(self, world, seed: int, difficulty: Mapping[str, str],
                 policies: Mapping[str, str] | None = None):
        self.nations = [n for n in world.ids if n in difficulty]
        self.errors: list[str] = []
        self._rng = random.Random(f"wargame-tui-{seed}")
        try:
            from ..ai import ComputerPlayers, available
        except ImportError:
            self.groups = []
            return
        known = set(available())  # a policy the campaign names but is not installed: default
        named = {n: p for n, p in (policies or {}).items() if p in known}
        self.groups = [
            ComputerPlayers(world, seed, nations=[n for n in self.nations
                                                  if difficulty[n] == level],
                            policies={n: named.get(n, "default") for n in self.nations},
                            difficulty=level)
            for level in DIFFICULTIES if level in difficulty.values()
        ]

    def why(self) -> dict:
        """(round, state, target) -> why a computer-played state decided (the debrief)."""
        out: dict = {}
        for g in self.groups:
            for key, text in g.why().items():
                out.setdefault(key, text)
        return out

    def recall(self, game) -> None:
        """A game loaded from a save: the computer players remember its past rounds."""
        for g in self.groups:
            g.recall(game)

    def diplomacy(self, game) -> None:
        """Answer proposals and vote on drafts (diplomacy phase)."""
        for g in self.groups:
            g.answer(game)
        for g in self.groups:
            g.vote(game)

    def orders(self, game) -> None:
        """Give this round's orders (orders phase)."""
        if not self.groups:
            for n in self.nations:
                game.submit_orders(n, computer_orders(game, n, self._rng))
            return
        for g in self.groups:
            g.give_orders(game)
            self.errors.extend(g.errors)
            g.errors.clear()
