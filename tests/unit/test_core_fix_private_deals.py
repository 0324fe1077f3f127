"""Hot-seat secrecy of private deals: a commitment from a private proposal, and its
"Promise" news, are seen by its parties only until the round in which it was agreed
resolves; from then on the ledger is public, as before."""

import pytest

from wargame.core import Game, Kind, Order, demo_world
from wargame.core.state import Status
from wargame.core.terms import Term, TermKind as T
from wargame.core.view import make_view


def game_in(phase):
    g = Game(demo_world(), seed=2)
    g.state.stage = "tension"
    while g.phase != phase:
        g.advance()
    return g


def promises(events):
    return [e.text for e in events if e.kind is Kind.COMMITMENT_MADE]


def what(g, nation):
    """What ``nation`` can learn of the deal: ledger, news, private news, every public
    event of the game (the TUI's Briefing and News), and a view built from scratch."""
    v = g.view(nation)
    fresh = make_view(g.world, g.state, g.log, nation, [])
    return {"ledger": [c.id for c in v.commitments],
            "news": promises(v.news),
            "private": promises(v.private),
            "public": promises(g.public_news()),
            "fresh": ([c.id for c in fresh.commitments], promises(fresh.news),
                      promises(fresh.private))}


PROMISE = "Promise: Westland deploys forces to Eastmark by round 2."
HIDDEN = {"ledger": [], "news": [], "private": [], "public": [], "fresh": ([], [], [])}
PARTY = {"ledger": ["c1"], "news": [], "private": [PROMISE], "public": [],
         "fresh": (["c1"], [], [PROMISE])}
PUBLIC = {"ledger": ["c1"], "news": [PROMISE], "private": [], "public": [PROMISE],
          "fresh": (["c1"], [PROMISE], [])}


@pytest.mark.parametrize("phase", ["diplomacy", "orders"])
def test_a_private_deal_is_the_parties_own_until_its_round_resolves(phase):
    g = game_in(phase)
    for nation in g.world.ids:  # views built before the deal: the shared cache is warm
        g.view(nation)
    pid = g.propose("east", ["west"], [Term("west", T.DEPLOY, "east")])
    g.answer("west", pid, "accept")
    assert [c.status for c in g.state.commitments] == [Status.OPEN]
    for nation in ("north", "centre", "isle", "south"):  # a later player learns nothing
        assert what(g, nation) == HIDDEN, nation
    for nation in ("east", "west"):
        assert what(g, nation) == PARTY, nation
    while g.phase != "orders":
        g.advance()
        assert what(g, "north") == HIDDEN
    g.submit_orders("north", [Order("north", "condemn", "east")])
    assert what(g, "north") == HIDDEN
    g.resolve()
    for nation in g.world.ids:  # from the end of the round: public, as before
        assert what(g, nation) == PUBLIC, nation
    promise = next(e for e in g.public_news() if e.kind is Kind.COMMITMENT_MADE)
    assert promise.round == 1  # in the news of the round it was agreed in
    round_1 = [e for e in g.public_news() if e.round == 1]
    assert round_1 == [e for e in g.log if e.round == 1 and e.public]  # in log order


def test_a_deal_that_ends_the_game_is_public_at_the_end():
    g = game_in("orders")
    g.state.round = g.world.rounds_limit
    pid = g.propose("east", ["west"], [Term("west", T.DEPLOY, "east")])
    g.answer("west", pid, "accept")
    assert what(g, "north")["ledger"] == []
    g.resolve()
    assert g.over
    assert [c.id for c in g.view("north").commitments] == ["c1"]
    assert len(promises(g.public_news())) == 1


def test_a_deal_made_in_an_institution_is_public_at_once():
    # the vote in an institution is public, so the commitments it makes are too
    g = game_in("briefing")
    g.advance()  # diplomacy
    pid = g.propose("east", [], [Term("east", T.RAISE_SPENDING, value=3.0)],
                    institution="pact")
    for member in ("west", "centre", "isle"):
        g.answer(member, pid, "accept")
    g.advance()  # the pact decides when diplomacy closes
    assert [c.id for c in g.view("north").commitments] == ["c1"]
    assert len(promises(g.view("north").news)) == 1
