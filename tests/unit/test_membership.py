"""Membership held in the game state (wargame.core.membership): who belongs to a body
now and who takes part in its decisions, read by votes, obligations and views."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given, settings, strategies as st

from wargame.core import Game, IllegalOrder, Order, demo_world
from wargame.core.membership import (active_in, active_members, admit, allies, is_active,
                                     is_member, member_of, members, remove)
from wargame.core.model import Objective, ObjectiveKind as K
from wargame.core.scoring import met
from wargame.saves.codec import decode_state, encode_state, fast_state_hash

PACT = ("west", "centre", "east", "isle")  # the demo world's Northern Pact

# (joined, left, suspended) -> (members now, active members now)
TABLE = [
    ((), (), (), PACT, PACT),
    (("south",), (), (), PACT + ("south",), PACT + ("south",)),
    ((), ("isle",), (), ("west", "centre", "east"), ("west", "centre", "east")),
    ((), (), ("east",), PACT, ("west", "centre", "isle")),
    (("south",), ("south",), (), PACT, PACT),  # joined, then left again
    (("north",), ("west",), ("north",), ("centre", "east", "isle", "north"),
     ("centre", "east", "isle")),
]


@pytest.mark.parametrize("joined,left,suspended,now,active", TABLE)
def test_members_and_active_members(joined, left, suspended, now, active):
    game = Game(demo_world(), seed=1)
    ist = game.state.institutions["pact"]
    ist.joined, ist.left, ist.suspended = list(joined), list(left), list(suspended)
    assert members(game.world, game.state, "pact") == now
    assert active_members(game.world, game.state, "pact") == active
    for n in game.world.ids:
        assert is_member(game.world, game.state, "pact", n) == (n in now)
        assert is_active(game.world, game.state, "pact", n) == (n in active)
        assert ("pact" in member_of(game.world, game.state, n)) == (n in now)
        assert ("pact" in active_in(game.world, game.state, n)) == (n in active)
    # a government's screens read the allies from its view: the same states
    for n in game.world.ids:
        view = game.view(n)
        for other in game.world.ids:
            assert view.allies_of(other) == allies(game.world, game.state, other), (n, other)


OPS = st.lists(st.tuples(st.sampled_from(("join", "leave", "expel", "suspend")),
                         st.sampled_from(("north", "south", "west", "east", "isle"))),
               max_size=12)


@settings(max_examples=150, deadline=None)
@given(OPS)
def test_any_sequence_of_joins_and_departures_keeps_one_consistent_membership(ops):
    """Whatever joins, departures, expulsions and suspensions happen, a state is a
    member exactly when its last move made it one, nobody is listed twice, and a
    suspended member takes no part."""
    game = Game(demo_world(), seed=1)
    base = game.world.institution["pact"].members
    expect = set(base)
    ist = game.state.institutions["pact"]
    for op, n in ops:
        if op == "join":
            admit(game.state, "pact", n, base)
            expect.add(n)
        elif op in ("leave", "expel"):
            remove(game.state, "pact", n, expelled=op == "expel")
            expect.discard(n)
        elif n in expect and n not in ist.suspended:
            ist.suspended.append(n)
    now = members(game.world, game.state, "pact")
    assert set(now) == expect and len(now) == len(set(now))
    active = active_members(game.world, game.state, "pact")
    assert set(active) == expect - set(ist.suspended)
    assert set(ist.expelled) <= set(ist.left)
    assert not set(ist.suspended) - expect  # a departure ends a suspension


def test_a_joined_state_votes_and_a_state_that_left_cannot():
    game = Game(demo_world(), seed=1)
    union = game.state.institutions["union"]
    union.joined.append("west")
    union.left.append("isle")
    game.advance()
    game.advance()
    game.submit_orders("west", [Order("west", "table_resolution", target="north",
                                      institution="union", measure="sanctions")])
    with pytest.raises(IllegalOrder, match="Islay is not a member of Union"):
        game.submit_orders("isle", [Order("isle", "table_resolution", target="north",
                                          institution="union", measure="condemn")])
    game.resolve()
    game.advance()
    with pytest.raises(IllegalOrder, match="Islay is not a member of Union"):
        game.vote("isle", "d1", "no")
    game.vote("centre", "d1", "yes")
    decided = [e for e in game.advance() if e.kind.value == "draft_decided"]
    assert decided and "ADOPTED (2-0-0)" in decided[0].text  # west and centre; isle gone
    view = game.view("west")
    union_view = next(i for i in view.institutions if i.id == "union")
    assert union_view.member and union_view.active("west")
    assert "isle" not in union_view.members and union_view.left == ("isle",)


def test_a_suspended_member_is_still_a_member_an_expelled_one_is_not():
    game = Game(demo_world(), seed=1)
    forum = game.state.institutions["forum"]
    forum.suspended.append("north")
    assert is_member(game.world, game.state, "forum", "north")
    assert not is_active(game.world, game.state, "forum", "north")
    remove(game.state, "forum", "north", expelled=True)
    assert not is_member(game.world, game.state, "forum", "north")
    assert forum.suspended == [] and forum.expelled == ["north"]


def test_non_recognition_denies_the_occupier_its_gain_territory_objective():
    game = Game(demo_world(), seed=1)
    game.state.occupation[("north", "east")] = 40.0
    goal = Objective(K.GAIN_TERRITORY, points=10, target="east", threshold=30)
    assert met(game.world, game.state, "north", goal)
    game.state.not_recognised.append(("west", "north"))
    assert not met(game.world, game.state, "north", goal)
    keep = Objective(K.AGGRESSOR_WITHDRAWS, points=5, target="north")
    assert not met(game.world, game.state, "west", keep)  # it still holds the land


def test_the_notice_needs_a_withdrawal_clause():
    world = demo_world()
    game = Game(world, seed=1)
    game.advance()
    game.advance()
    with pytest.raises(IllegalOrder, match="Union's treaty provides for no withdrawal"):
        game.submit_orders("east", [Order("east", "give_notice", institution="union")])
    union = replace(world.institution["union"], withdrawal_notice_days=365)
    world = replace(world, institutions=tuple(union if i.id == "union" else i
                                              for i in world.institutions))
    game = Game(world, seed=1)
    game.advance()
    game.advance()
    offered = lambda: {o.action.id for o in game.legal_actions("east")  # noqa: E731
                       if "union" in o.institutions}
    assert "give_notice" in offered()
    game.submit_orders("east", [Order("east", "give_notice", institution="union")])
    events = game.resolve()
    assert any(e.kind.value == "membership" and "until the end of round 14" in e.text
               for e in events)  # 365 days of 30-day rounds: 13 rounds after round 1
    assert game.state.institutions["union"].notices == {"east": 14}
    game.advance()
    game.advance()
    assert "give_notice" not in offered()  # once is enough: the notice is running


def test_membership_fields_survive_a_save_and_change_the_state_hash():
    game = Game(demo_world(), seed=1)
    before = fast_state_hash(game.state)
    ist = game.state.institutions["pact"]
    ist.joined.append("south")
    ist.left.append("isle")
    ist.expelled.append("isle")
    ist.notices["east"] = 5
    game.state.not_recognised.append(("council", "north"))
    back = decode_state(encode_state(game.state))
    assert back.institutions["pact"].joined == ["south"]
    assert back.institutions["pact"].notices == {"east": 5}
    assert back.not_recognised == [("council", "north")]
    assert fast_state_hash(back) == fast_state_hash(game.state) != before


def test_old_snapshots_without_membership_fields_load_with_the_campaigns_members():
    game = Game(demo_world(), seed=1)
    data = encode_state(game.state)
    for inst in data["institutions"].values():
        for k in ("joined", "left", "expelled", "notices"):
            inst.pop(k, None)
    data.pop("not_recognised", None)
    back = decode_state(data)
    assert members(game.world, back, "pact") == PACT
    assert back.not_recognised == []


def test_random_legal_play_never_lists_a_member_twice():
    from wargame.core.randomplay import random_orders

    world = demo_world()
    game = Game(world, seed=4)
    rng = random.Random(4)
    for _ in range(6):
        game.advance()
        game.advance()
        for n in world.ids:
            game.submit_orders(n, random_orders(world, game.state, n, rng))
        game.resolve()
        for inst in world.institutions:
            now = members(world, game.state, inst.id)
            assert len(now) == len(set(now))
        if game.state.outcome:
            break


def test_wargame_rules_decides_an_expulsion_as_the_game_does(capsys):
    """Art. 16(4): the member concerned and the other party have no say."""
    from pathlib import Path

    from wargame.cli import main

    world = Path(__file__).parents[1] / "scenarios" / "worlds" / "league-1939.yaml"
    assert main(["rules", str(world), "council", "--measure", "expel", "--subject", "ussr",
                 "--parties", "ussr,finland", "--yes",
                 "uk,france,belgium,bolivia,egypt,south_africa,dominican_republic",
                 "--abstain", "china,greece,yugoslavia", "--no", "ussr,finland"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ADOPTED (7-0-3): unanimous (7 in favour); ussr and finland, "
                          "parties to the dispute, may not vote")


def test_a_state_that_joins_an_alliance_is_an_ally_for_deployments():
    game = Game(demo_world(), seed=1)
    game.advance()
    game.advance()
    order = Order("west", "deploy_to_ally", target="south")
    with pytest.raises(IllegalOrder, match="Southia is not your ally"):
        game.check(order)
    game.state.institutions["pact"].joined.append("south")
    game.check(order)  # legal now
    deploy = next(o for o in game.legal_actions("west") if o.action.id == "deploy_to_ally")
    assert "south" in deploy.targets
    game.state.institutions["pact"].left.append("south")
    with pytest.raises(IllegalOrder, match="Southia is not your ally"):
        game.check(order)
