"""A demo game in the middle of a war: Northland holds a quarter of Eastmark,
Westland keeps forces in Eastmark, Westland sanctions Northland, and round 1's
invasion, counter-offensive and blockade are in the news."""

from __future__ import annotations

import pytest

from wargame.core import Game, demo_world
from wargame.core.events import Event, Kind
from wargame.map import layout


def war_game() -> tuple[Game, list[Event]]:
    game = Game(demo_world(), seed=1)
    st = game.state
    st.occupation[("north", "east")] = 25.0
    st.nations["east"].territory = 75.0
    st.nations["north"].garrisons["east"] = 30.0
    st.nations["west"].deployed["east"] = 12.0
    st.nations["west"].sanctioning["north"] = 0.4
    st.round = 2
    news = [Event(1, Kind.ARMED_ATTACK, "Northland invades Eastmark.", actor="north",
                  target="east"),
            Event(1, Kind.TERRITORY, "Northland now holds 25% of Eastmark.", actor="north",
                  target="east", value=25.0),
            Event(1, Kind.ENGAGEMENT, "Counter-offensive in Eastmark.", actor="north",
                  target="east", ref="counter_offensive"),
            Event(1, Kind.BLOCKADE, "Westland blockades Northland.", actor="west",
                  target="north"),
            Event(1, Kind.INTELLIGENCE, "secret-intelligence-for-west", target="north",
                  visible_to=("west",))]
    return game, news


@pytest.fixture
def war():
    game, news = war_game()
    return game, news, layout(game.world)
