"""The instructor's verbs in the core: recorded as inputs, refused with the reason."""

import pytest

from wargame.core import Game, demo_world
from wargame.core.errors import IllegalOrder, PhaseError


def _game():
    from wargame.campaign import load_campaign

    c = load_campaign("campaigns/tutorial.yaml")
    return Game(c.world, c.seed)


def test_firing_an_inject_and_sending_news_replay_exactly():
    g = _game()
    g.advance()
    inject = g.world.injects[-1].id
    g.fire_inject(inject)
    g.announce("Only Belmark hears this.", ["belmark"])
    g.announce("Everyone hears this.")
    assert inject in g.state.fired
    assert any(e.text == "Only Belmark hears this." for e in g.view("belmark").private)
    assert not any("Only Belmark" in e.text for e in g.view("ardenia").private
                   + g.view("ardenia").news)
    assert any(e.text == "Everyone hears this." for e in g.view("ardenia").news)
    again = Game.replay(g.world, g.seed, g.inputs)
    assert again.state_hash() == g.state_hash() and again.log == g.log


@pytest.mark.parametrize("call, error, words", [
    (lambda g: g.fire_inject("no-such"), IllegalOrder, "no inject"),
    (lambda g: g.announce("   "), IllegalOrder, "needs some text"),
    (lambda g: g.announce("x" * 2001), IllegalOrder, "at most 2000"),
    (lambda g: g.announce("hi", ["narnia"]), IllegalOrder, "no state"),
])
def test_bad_instructor_inputs_are_refused_with_the_reason(call, error, words):
    g = _game()
    with pytest.raises(error, match=words):
        call(g)
    assert g.inputs == []


def test_nothing_is_announced_after_the_end():
    g = Game(demo_world(rounds=1), seed=1)
    g.advance(), g.advance(), g.resolve()
    assert g.over
    with pytest.raises(PhaseError, match="over"):
        g.announce("late news")
