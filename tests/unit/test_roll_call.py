"""Who voted how: the roll call of every decided draft, in replay, report and simulate.

The tally ("4-1-10") says how many; a teacher needs who. The roll call is recorded
as the vote is decided (a party whose vote the rule left out is named as such), and
every headless output shows it.
"""

from __future__ import annotations

import json

import pytest

from wargame.cli import main
from wargame.core import Game, Order
from wargame.core.clauses import roll_call, roll_call_lines
from wargame.core.state import Draft
from wargame.core.worlds import demo_world


def _decided_statement():
    """The demo Council decides a joint statement on Northland (Chapter VI): Northland,
    a party, votes no and is not counted; Isle stays away."""
    game = Game(demo_world(), seed=1)
    while game.phase != "orders":
        game.advance()
    game.submit_orders("west", [Order("west", "table_resolution", institution="council",
                                      measure="statement", target="north")])
    game.resolve()
    while game.phase != "diplomacy":
        game.advance()
    game.vote("north", "d1", "no")
    game.vote("centre", "d1", "abstain")
    game.advance()
    return game


def test_a_decided_draft_records_whose_vote_was_not_counted():
    game = _decided_statement()
    (d,) = game.state.drafts
    assert d.decided and not d.adopted  # 1 of 3 required votes
    assert d.excluded == ["north"]
    calls = roll_call(game.world, game.state, d)
    assert calls["not_counted"] == ["north"]
    assert calls["yes"] == ["west"] and calls["abstain"] == ["centre"]
    assert "isle" in calls["absent"]
    every = [m for group in calls.values() for m in group]
    members = [m for m in game.world.institution["council"].members]
    assert sorted(every) == sorted(members)  # each member once


@pytest.mark.parametrize("votes, excluded, want", [
    ({"a": "yes", "b": "no"}, [], {"yes": ["a"], "no": ["b"], "absent": ["c"]}),
    ({"a": "yes", "b": "no", "c": "abstain"}, ["b"],
     {"yes": ["a"], "abstain": ["c"], "not_counted": ["b"]}),
    ({}, [], {"absent": ["a", "b", "c"]}),
])
def test_roll_call_groups_every_member_once_in_member_order(votes, excluded, want):
    from wargame.core.model import Institution, Nation, World
    from wargame.core.rules import Consensus
    from wargame.core.state import GameState

    nations = tuple(Nation(i, i.upper(), "r", 10, 10, 1) for i in ("a", "b", "c"))
    world = World("t", nations, (Institution("club", "Club", ("a", "b", "c"), Consensus()),))
    d = Draft("d1", "club", "a", "condemn", "c", 1, dict(votes), True, True, "", excluded)
    got = {k: v for k, v in roll_call(world, GameState.start(world), d).items() if v}
    assert got == want
    assert roll_call_lines(world, GameState.start(world), d)[0].startswith(
        {"yes": "yes: ", "absent": "absent: "}[next(iter(want))])


@pytest.fixture(scope="module")
def tutorial_save(tmp_path_factory):
    folder = tmp_path_factory.mktemp("saves")
    assert main(["simulate", "tutorial", "--games", "1", "--seed", "1", "--jobs", "1",
                 "--save-dir", str(folder)]) == 0
    (path,) = folder.iterdir()
    return path


def test_replay_prints_who_voted_how_under_each_decision(tutorial_save, capsys):
    capsys.readouterr()
    assert main(["replay", str(tutorial_save)]) == 0
    out = capsys.readouterr().out.splitlines()
    at = next(i for i, line in enumerate(out) if "draft_decided" in line)
    assert "vetoed by Ardenia" in out[at]
    assert out[at + 1].strip() == "yes: Belmark, Corvia, Dunmore"
    assert out[at + 2].strip() == "no: Ardenia"


def test_the_report_has_a_votes_section_with_names(tutorial_save, capsys):
    capsys.readouterr()
    assert main(["report", str(tutorial_save), "-o", "-"]) == 0
    out = capsys.readouterr().out
    votes = out.split("## Votes", 1)[1].split("\n## ", 1)[0]
    assert "| 4 | Council of Four | demanding a ceasefire from Ardenia | not adopted: " \
           "vetoed by Ardenia | yes: Belmark, Corvia, Dunmore; no: Ardenia |" in votes


def test_simulate_json_gives_each_games_roll_calls(capsys):
    capsys.readouterr()
    assert main(["simulate", "tutorial", "--games", "1", "--seed", "1", "--jobs", "1",
                 "--json"]) == 0
    (game,) = json.loads(capsys.readouterr().out)["games"]
    first = game["votes"][0]
    assert first == {"round": 4, "institution": "council", "measure": "ceasefire",
                     "target": "ardenia", "adopted": False,
                     "yes": ["belmark", "corvia", "dunmore"], "no": ["ardenia"],
                     "abstain": [], "absent": [], "not_counted": []}
