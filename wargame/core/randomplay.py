"""Random legal orders: a baseline player for property tests, benchmarks and simulation."""

from __future__ import annotations

import random

from .actions import Order
from .errors import IllegalOrder
from .legal import COMMITTING, check_all
from .offers import options

SHARES = (0.25, 0.5, 0.75, 1.0)  # forces a random order may name (else the default)


def random_orders(world, state, nation: str, rng: random.Random, most: int = 3) -> list[Order]:
    """Up to ``most`` orders picked at random from the legal options, legal together."""
    opts = options(world, state, nation)
    chosen: list[Order] = []
    for _ in range(rng.randint(0, min(most, world.orders_per_round))):
        if not opts:
            break
        opt = rng.choice(opts)
        order = Order(
            nation,
            opt.action.id,
            target=rng.choice(opt.targets) if opt.targets else "",
            institution=rng.choice(opt.institutions) if opt.institutions else "",
            measure=rng.choice(opt.measures) if opt.measures else "",
            forces=(rng.choice(SHARES) if opt.action.effect in COMMITTING
                    and rng.random() < 0.5 else 0.0),
        )
        try:
            check_all(world, state, chosen + [order])
        except IllegalOrder:
            continue
        chosen.append(order)
    return chosen
