"""The round's tension rule (wargame/core/context.py: Round.push) and the resolution's
news of an order (adjudicate._news): the rule clamps without calling min and max,
and must give the same floats as the plain rule; an order's news names the actor,
the action and its target, round after round."""

from __future__ import annotations

import random

from hypothesis import given, strategies as st

from wargame.core.actions import Order
from wargame.core.adjudicate import resolve
from wargame.core.context import Round
from wargame.core.game import Game
from wargame.core.worlds import demo_world

levels = st.one_of(st.just(0.0), st.just(-0.0), st.floats(-200.0, 200.0, allow_nan=False))


def _plain(tension: dict, top: float, a: str, b: str, amount: float) -> None:
    if a == b or not amount:
        return
    key = (a, b) if a < b else (b, a)
    level = min(top, max(0.0, tension.get(key, 0.0) + amount))
    if level < 0.5:
        tension.pop(key, None)
    else:
        tension[key] = level


@given(st.one_of(st.none(), st.floats(0.0, 120.0)), levels,
       st.sampled_from([100.0, 75.0, 0.4, 0.0]), st.sampled_from(["a", "b"]))
def test_a_push_gives_the_plain_rules_floats(start, amount, top, b):
    game = Game(demo_world(), 1)
    r = Round(game.world, game.state, random.Random(0), [])
    r.top = top
    start_tension = {} if start is None else {("a", b) if "a" < b else (b, "a"): start}
    game.state.tension = dict(start_tension)
    plain = dict(start_tension)
    r.push("a", b, amount)
    _plain(plain, top, "a", b, amount)
    assert game.state.tension == plain
    for key, level in game.state.tension.items():  # the same float, to the last bit
        assert level.hex() == plain[key].hex()


def test_an_orders_news_reads_the_same_when_its_text_is_kept():
    world = demo_world()
    game = Game(world, 3)
    a, b = world.ids[0], world.ids[1]
    support = next(x for x in world.actions.values() if x.effect.value == "support")
    texts = []
    for _ in range(2):
        events = resolve(world, game.state, {a: [Order(a, support.id, target=b)]},
                         random.Random(0))
        texts.append([e.text for e in events if e.actor == a and e.ref == support.id])
    want = f"{world.name_of(a)}: {support.name} ({world.name_of(b)})."
    assert texts == [[want], [want]]
