"""Computer states vote as one, like their orders: each decides from the view before
any of them has voted, so no state's vote depends on the order states are asked in."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from wargame.ai.base import Policy, drafts_to_vote
from wargame.ai.runner import ComputerPlayers
from wargame.campaign import load_campaign
from wargame.core import Game, Order

WORLD = Path(__file__).parents[1] / "scenarios" / "worlds" / "league-manchuria.yaml"


class YesMan(Policy):
    """Votes yes on every draft."""

    def votes(self, view):
        return {d.id: "yes" for d in drafts_to_vote(view, self.world)}


class Bandwagon(Policy):
    """Votes yes on a draft only if two members or more already voted yes in the tally
    it was shown (the draft's author and one more)."""

    def votes(self, view):
        return {d.id: "yes" if sum(v == "yes" for v in d.votes.values()) >= 2 else "no"
                for d in drafts_to_vote(view, self.world)}


def _draft_open():
    """Round 2's diplomacy phase: the UK's draft condemning Japan is open, its author's
    yes its only vote."""
    world = load_campaign(WORLD).world
    game = Game(world, seed=1)
    game.advance()
    game.advance()
    game.submit_orders("uk", [Order("uk", "table_resolution", target="japan",
                                    institution="league", measure="condemn")])
    game.resolve()
    game.advance()
    assert game.phase == "diplomacy"
    (draft,) = game.drafts()
    assert draft.votes == {"uk": "yes"}
    return world, game


@pytest.mark.parametrize("order", [("france", "italy"), ("italy", "france")])
def test_a_computer_vote_does_not_depend_on_the_order_states_are_asked_in(order):
    world, game = _draft_open()
    players = ComputerPlayers(world, 1, nations=order, policies="passive")
    made = {"france": YesMan, "italy": Bandwagon}
    players.policies = {n: made[n](world, n, random.Random(0)) for n in order}
    players.vote(game)
    (draft,) = game.drafts()
    # France's yes, cast in the same moment, is not in the tally Italy was shown
    assert draft.votes == {"uk": "yes", "france": "yes", "italy": "no"}
    assert players.errors == []


def test_drafts_to_vote_are_those_of_its_active_institutions():
    """A state is asked to vote on the open drafts of the institutions it sits in
    now, not suspended: in the drafts' order, whatever else the view lists."""
    from types import SimpleNamespace
    inst = lambda ident, members, suspended=(): SimpleNamespace(  # noqa: E731
        id=ident, members=members, suspended=suspended,
        active=lambda n, m=members, s=suspended: n in m and n not in s)
    draft = lambda ident, where: SimpleNamespace(id=ident, institution=where)  # noqa: E731
    institutions = (inst("un", ("a", "b")), inst("nato", ("a",), ("a",)),
                    inst("eu", ("b",)), inst("osce", ("a", "b")))
    drafts = (draft("d1", "nato"), draft("d2", "un"), draft("d3", "eu"),
              draft("d4", "un"), draft("d5", "osce"))
    for nation, wanted in (("a", ["d2", "d4", "d5"]), ("b", ["d2", "d3", "d4", "d5"]),
                           ("c", [])):
        view = SimpleNamespace(nation=nation, drafts=drafts, institutions=institutions)
        assert [d.id for d in drafts_to_vote(view, None)] == wanted
    view = SimpleNamespace(nation="a", drafts=(), institutions=institutions)
    assert drafts_to_vote(view, None) == []
