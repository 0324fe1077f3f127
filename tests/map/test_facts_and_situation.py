"""The map's facts come from one government's view only, and the situation in words
says the same, one line per state."""

from __future__ import annotations

from wargame.core import Game, demo_world
from wargame.map import map_facts
from wargame.map.situation import situation_lines


def test_every_government_sees_the_same_map_but_for_you(war):
    game, news, lay = war
    seen = {}
    for me in game.world.ids:
        facts = map_facts(game.view(me), news)
        assert facts.own == me and [s.id for s in facts.states.values() if s.own] == [me]
        lines = situation_lines(game.view(me), lay, news)
        seen[me] = [line.replace(" (you)", "") for line in lines]
        assert sum(" (you)" in line for line in lines) == 1
        assert "secret-intelligence" not in "\n".join(lines)
    assert len({tuple(v) for v in seen.values()}) == 1


def test_one_line_per_state_with_what_the_map_shows(war):
    game, news, lay = war
    lines = situation_lines(game.view("east"), lay, news)
    assert len(lines) == len(game.world.ids)
    east = next(line for line in lines if line.startswith("Eastmark"))
    assert "(you)" in east
    assert "holds 75% of its land, 25% held by Northland (garrison 30)" in east
    assert "forces here: Westland 12" in east
    assert "round 1: attacked by Northland, lost 25%" in east
    assert "bloc: Northern Pact" in east
    north = next(line for line in lines if line.startswith("Northland"))
    assert "holds 25% of Eastmark (garrison 30)" in north
    assert "sanctioned by Westland" in north and "blockaded by Westland" in north
    west = next(line for line in lines if line.startswith("Westland"))
    assert "its forces abroad: 12 in Eastmark" in west and "sanctions Northland" in west


def test_before_any_round_resolves_there_are_no_marks():
    game = Game(demo_world(), 1)
    facts = map_facts(game.view("north"))
    assert facts.marks == () and facts.marks_round == 0
