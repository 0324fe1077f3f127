"""The game's index of each state's messages and proposals (view.TalkIndex): a view
lists what its state sent or was sent, as a list made from nothing does; a proposal
answered later gets a new copy in its parties' next views, and the copy an earlier
view holds stays as it was handed out."""

from wargame.core import Game, demo_world
from wargame.core.negotiation import ProposalStatus
from wargame.core.terms import Term, TermKind as T
from wargame.core.view import talk_of


def in_diplomacy():
    g = Game(demo_world(), seed=2)
    g.state.stage = "tension"
    while g.phase != "diplomacy":
        g.advance()
    return g


def listed(g, nation):
    v = g.view(nation)
    return ([m.id for m in v.messages], [(p.id, p.status, dict(p.answers)) for p in v.proposals])


def made_from_nothing(g, nation):
    messages, proposals = talk_of(g.state, nation)
    return ([m.id for m in messages], [(p.id, p.status, dict(p.answers)) for p in proposals])


def test_each_view_lists_its_own_talk_and_an_answer_leaves_earlier_views_alone():
    g = in_diplomacy()
    for nation in g.world.ids:  # an index made before anything was said
        assert listed(g, nation) == ([], [])
    pid = g.propose("east", ["west"], [Term("west", T.DEPLOY, "east")])
    mid = g.send_message("north", ["east"], "We are watching the border.")
    before = g.view("east")
    assert [m.id for m in before.messages] == [mid]
    assert [(p.id, p.status) for p in before.proposals] == [(pid, ProposalStatus.OPEN)]
    assert listed(g, "south") == ([], [])  # a state party to neither sees neither
    assert listed(g, "west") == ([], [(pid, ProposalStatus.OPEN, {})])

    g.answer("west", pid, "accept")
    assert listed(g, "east")[1] == [(pid, ProposalStatus.ACCEPTED, {"west": "accept"})]
    # the copy the earlier view holds is the one handed out
    assert before.proposals[0].status is ProposalStatus.OPEN and before.proposals[0].answers == {}
    for nation in g.world.ids:
        assert listed(g, nation) == made_from_nothing(g, nation), nation


def test_a_counter_closes_the_old_proposal_in_every_party_view():
    g = in_diplomacy()
    pid = g.propose("east", ["west", "north"], [Term("west", T.DEPLOY, "east")])
    for nation in g.world.ids:
        g.view(nation)
    new = g.counter("west", pid, [Term("east", T.DEPLOY, "west")])
    for nation in ("east", "west", "north"):
        ids = [p[0] for p in listed(g, nation)[1]]
        assert ids == [pid, new], nation
        assert listed(g, nation) == made_from_nothing(g, nation), nation
    assert listed(g, "east")[1][0][1] is ProposalStatus.COUNTERED
