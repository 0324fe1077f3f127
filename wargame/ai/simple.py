"""Two baseline policies: random legal play, and doing nothing."""

from __future__ import annotations

from ..core.actions import Order
from ..core.view import View
from ..core.rules import Vote
from .base import Policy, drafts_to_vote
from .choice import OrderSet


class RandomPolicy(Policy):
    """Random legal orders (1 to ``orders_per_round``) and random votes.

    Like :func:`wargame.core.randomplay.random_orders`, but from the view alone.
    """

    name = "random"

    def orders(self, view: View) -> list[Order]:
        s = OrderSet(view, self.world.orders_per_round, self.world)
        opts = list(view.options)
        for _ in range(self.rng.randint(0, self.world.orders_per_round)):
            if not opts:
                break
            opt = self.rng.choice(opts)
            s.add(opt,
                  target=self.rng.choice(opt.targets) if opt.targets else "",
                  institution=self.rng.choice(opt.institutions) if opt.institutions else "",
                  measure=self.rng.choice(opt.measures) if opt.measures else "")
        return s.orders

    def votes(self, view: View) -> dict[str, Vote]:
        out = {}
        for d in drafts_to_vote(view, self.world):
            out[d.id] = self.rng.choice((Vote.YES, Vote.NO, Vote.ABSTAIN))
        return out


class PassivePolicy(Policy):
    """Gives no orders and casts no votes: a state that sits the crisis out."""

    name = "passive"

    def orders(self, view: View) -> list[Order]:
        return []
