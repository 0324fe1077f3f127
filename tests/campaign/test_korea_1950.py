"""Korea 1950: the Council of eleven acts while the Soviet chair is empty, the veto
returns in August, the Assembly takes over, China answers Pyongyang's call.

Checked against the record (S/1501, S/1511; GA Res. 377A(V)) where the game follows
it, and over seeded computer games where the players decide.
"""

from __future__ import annotations

import pytest

from wargame.ai.runner import ComputerPlayers
from wargame.campaign import load_campaign
from wargame.campaign.bundled import find_campaign
from wargame.core import Game, IllegalOrder, Order
from wargame.core.clauses import roll_call
from wargame.core.injects import at_war_with
from wargame.simulate import game_seed

KOREA = load_campaign(find_campaign("korea-1950"))
WORLD = KOREA.world


def test_the_council_of_1950():
    unsc = WORLD.institution["unsc"]
    assert len(unsc.members) == 11
    assert unsc.rule.required == 7
    assert set(unsc.rule.veto) == {"usa", "uk", "france", "ussr", "roc"}  # China's seat: the ROC
    not_members = {"prc", "north_korea", "south_korea"}
    assert not not_members & set(unsc.members)
    assert not not_members & set(WORLD.institution["unga"].members)
    assert WORLD.days_per_round == 30


def _play(seed: int) -> Game:
    game = Game(WORLD, seed)
    players = ComputerPlayers(WORLD, seed, policies=dict(KOREA.policies))
    while not game.over:
        players.play_round(game)
    return game


@pytest.fixture(scope="module")
def first_game() -> Game:
    return _play(game_seed(1, 0))


def test_the_council_acts_while_the_soviet_chair_is_empty(first_game):
    g = first_game
    decided = {(d.measure, d.target): d for d in g.state.drafts
               if d.institution == "unsc" and d.tabled <= 2}
    for measure in ("ceasefire", "use_of_force"):  # Res. 82 and Res. 83
        d = decided[(measure, "north_korea")]
        assert d.adopted, d.reason
        calls = roll_call(WORLD, g.state, d)
        assert calls["absent"] == ["ussr"]  # absence is no veto
        assert "yugoslavia" not in calls["yes"] or measure == "ceasefire"
    texts = [e.text for e in g.log]
    assert any("Jacob Malik takes the Council's chair" in t for t in texts)
    # back in the chair, the Soviet Union votes again, and its no is a veto
    assert any(e.kind.value == "draft_decided" and "vetoed by Soviet Union" in e.text
               and e.round > 3 for e in g.log)
    assert any(d.measure == "refer" and d.adopted for d in g.state.drafts)  # Uniting for Peace


def test_over_many_games_the_war_is_reversed_and_china_answers_kims_call():
    games = [_play(game_seed(1, i)) for i in range(12)]
    invaded = sum(any(e.kind.value == "armed_attack" and e.actor == "north_korea"
                      for e in g.log) for g in games)
    freed = sum(g.state.nations["south_korea"].territory >= 99.5 for g in games)
    china = sum(any(e.ref == "chinese_volunteers" for e in g.log) for g in games)
    assert invaded == 12
    assert freed >= 8, freed
    assert china >= 4, china


def test_a_boycotting_member_casts_no_vote_tables_nothing_and_returns_by_voting():
    game = Game(WORLD, 5)
    while game.round == 1:  # the boycott begins in the first aftermath
        while game.phase != "orders":
            game.advance()
        game.resolve()
    assert "ussr" in game.state.institutions["unsc"].boycotting
    view = game.view("ussr")
    assert "ussr" in next(i for i in view.institutions if i.id == "unsc").boycotting
    while game.phase != "orders":
        game.advance()
    with pytest.raises(IllegalOrder, match="boycotting UN Security Council"):
        game.check(Order("ussr", "table_resolution", target="south_korea",
                         institution="unsc", measure="condemn"))
    game.submit_orders("usa", [Order("usa", "table_resolution", target="north_korea",
                                     institution="unsc", measure="condemn")])
    game.resolve()
    while game.phase != "diplomacy":
        game.advance()
    players = ComputerPlayers(WORLD, 5, policies=dict(KOREA.policies))
    players.vote(game)
    (draft,) = game.drafts()
    assert "ussr" not in draft.votes  # the computer keeps the boycott
    assert "ussr" in game.state.institutions["unsc"].boycotting
    game.vote("ussr", draft.id, "no")  # a player may end it by voting
    assert "ussr" not in game.state.institutions["unsc"].boycotting
    assert draft.votes["ussr"] == "no"


def test_kim_asks_for_help_only_when_the_war_reaches_the_north():
    asked = 0
    for i in range(6):
        g = Game(WORLD, game_seed(2, i))
        players = ComputerPlayers(WORLD, game_seed(2, i), policies=dict(KOREA.policies))
        while not g.over:
            before = len(g.state.fired)
            players.play_round(g)
            if "kim_asks_for_help" in g.state.fired[before:]:
                assert g.state.nations["north_korea"].territory < 100
                assert at_war_with(g.state, "north_korea")
                assert ("north_korea", "prc") in g.state.requests
                asked += 1
    assert asked, "the war never reached the north in six games: nothing was checked"
