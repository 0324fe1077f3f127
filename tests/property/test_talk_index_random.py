"""The game's index of messages and proposals (view.TalkIndex) lists for every state
exactly what a list made from nothing does, whatever is said, proposed, answered or
countered in whatever order, and a view handed out keeps the copies it was given."""

import copy

from hypothesis import HealthCheck, given, settings, strategies as st

from wargame.core import Game, demo_world
from wargame.core.errors import IllegalOrder, PhaseError
from wargame.core.terms import Term, TermKind as T
from wargame.core.view import talk_of

WORLD = demo_world(rounds=6)
IDS = WORLD.ids


def _plain(items) -> list:
    return [(type(i).__name__, dict(vars(i), answers=dict(getattr(i, "answers", {}))))
            for i in items]


def _talk(view) -> tuple[list, list]:
    return _plain(view.messages), _plain(view.proposals)


step = st.tuples(st.sampled_from(["message", "propose", "table", "accept", "reject",
                                  "counter", "advance"]),
                 st.sampled_from(IDS), st.sampled_from(IDS), st.integers(0, 30))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 1000), st.lists(step, min_size=1, max_size=25))
def test_every_view_lists_the_talk_a_list_made_from_nothing_does(seed, steps):
    game = Game(WORLD, seed)
    game.state.stage = "tension"
    game.advance()
    handed = []
    for verb, a, b, k in steps:
        open_ = [p.id for p in game.state.proposals if b in p.to]
        pid = open_[k % len(open_)] if open_ else "p1"
        try:
            if verb == "message":
                game.send_message(a, [b], f"note {k}")
            elif verb == "propose":
                game.propose(a, [b], [Term(b, T.DEPLOY, a)])
            elif verb == "table":
                inst = WORLD.institutions[k % len(WORLD.institutions)].id
                game.propose(a, [], [Term(a, T.DEPLOY, b)], institution=inst)
            elif verb in ("accept", "reject"):
                game.answer(b, pid, verb)
            elif verb == "counter":
                game.counter(b, pid, [Term(a, T.DEPLOY, b)])
            elif not game.over:
                game.advance()
        except (IllegalOrder, PhaseError):
            pass  # refused with a reason: nothing changed
        if game.over:
            break
        for nation in (a, b):  # some views of this moment, kept to check later
            view = game.view(nation)
            messages, proposals = talk_of(game.state, nation)
            assert _talk(view) == (_plain(messages), _plain(proposals)), nation
            handed.append((view, copy.deepcopy(_talk(view))))
    for view, then in handed:  # no view handed out changed afterwards
        assert _talk(view) == then
