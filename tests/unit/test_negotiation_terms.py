"""Terms a proposal may hold: no term twice, only measures the institution can take."""

from dataclasses import replace

import pytest

from wargame.core import Game, IllegalOrder, demo_world
from wargame.core.terms import Term, TermKind as T, draft_measures, feasible


def game_in(phase="diplomacy", stage="tension"):
    g = Game(demo_world(), seed=2)
    g.state.stage = stage
    while g.phase != phase:
        g.advance()
    return g


def test_the_same_term_twice_is_refused_with_its_place():
    g = game_in()
    pledge = Term("east", T.NO_ATTACK, "west")
    with pytest.raises(IllegalOrder, match="term 2: this term is already in the proposal"):
        g.propose("east", ["west"], [pledge, Term("east", T.NO_ATTACK, "west")])
    with pytest.raises(IllegalOrder, match="term 3: this term is already in the proposal"):
        g.propose("east", ["west"], [pledge, Term("west", T.NO_ATTACK, "east"), pledge])
    assert g.state.proposals == []
    # different targets, parties or values are different terms
    g.propose("east", ["west"], [pledge, Term("east", T.NO_ATTACK, "centre"),
                                 Term("west", T.NO_ATTACK, "east")])
    assert len(g.state.proposals) == 1


def test_feasible_says_a_term_is_already_there():
    g = game_in()
    pledge = Term("east", T.NO_ATTACK, "west")
    assert feasible(g.world, g.state, pledge, 1) == ""
    assert feasible(g.world, g.state, pledge, 1, [pledge]) == \
        "this term is already in the proposal"
    assert feasible(g.world, g.state, pledge, 1, [Term("east", T.NO_ATTACK, "centre")]) == ""


def test_draft_measures_follow_the_clauses():
    w = demo_world()
    assert "sanctions" not in draft_measures(w, "pact")  # consultation and defence only
    assert "sanctions" in draft_measures(w, "council")
    assert "peacekeeping" in draft_measures(w, "council")
    assert "suspend" not in draft_measures(w, "council")
    assert "suspend" in draft_measures(w, "forum")
    assert {"statement", "condemn", "ceasefire"} <= set(draft_measures(w, "pact"))
    assert draft_measures(w, "atlantis") == ()


def test_only_a_member_can_be_suspended():
    w = demo_world()
    forum = w.institution["forum"]
    small = replace(forum, members=tuple(m for m in forum.members if m != "south"))
    w = replace(w, institutions=tuple(small if i.id == "forum" else i
                                      for i in w.institutions))
    g = Game(w, seed=2)
    ok = Term("east", T.SUPPORT_RESOLUTION, "north", "forum", "suspend")
    assert feasible(g.world, g.state, ok, 1) == ""
    outside = Term("east", T.SUPPORT_RESOLUTION, "south", "forum", "suspend")
    assert feasible(g.world, g.state, outside, 1) == \
        "Southia is not a member of Security Forum, so it cannot be suspended"
    bad = Term("west", T.SUPPORT_RESOLUTION, "north", "pact", "suspend")
    assert "no suspension clause" in feasible(g.world, g.state, bad, 1)


@pytest.mark.parametrize("setup, term, why", [
    (lambda st: st.nations["west"].sanctioning.update(north=0.3),
     Term("west", T.SANCTION, "north"), "Westland already sanctions Northland"),
    (lambda st: st.truces.append(("east", "north")),
     Term("north", T.CEASEFIRE, "east"), "already have a ceasefire"),
])
def test_a_promise_already_kept_cannot_be_made_for_credit(setup, term, why):
    g = game_in()
    g.state.tension[("east", "north")] = 30.0
    setup(g.state)
    assert why in feasible(g.world, g.state, term, 1)
    with pytest.raises(IllegalOrder, match=why):
        g.propose(term.party, ["east" if term.party != "east" else "west"], [term])


def test_forces_stationed_before_do_not_keep_a_promise_to_deploy():
    from wargame.core import Order
    from wargame.core.terms import kept

    g = game_in()
    g.state.nations["west"].deployed["east"] = 50.0
    promise = Term("west", T.DEPLOY, "east")
    assert not kept(g.world, g.state, promise, [])
    assert kept(g.world, g.state, promise, [Order("west", "deploy_to_ally", "east")])
