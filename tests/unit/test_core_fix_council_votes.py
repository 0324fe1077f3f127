"""UN Charter Art. 27(3) in play: a condemnation, and a ceasefire demand (a provisional
measure, Art. 40), are substantive (the party votes and may veto); where a party is
left out (Chapter VI drafts) the reason, the news, the view and the Votes tab all say
so, and the tally agrees with the list."""

import re

import pytest

from wargame.core import Game, Kind, Order, demo_world
from wargame.tui.widgets import choices


def plain(markup: str) -> str:
    return re.sub(r"\[/?[^\]]*\]", "", markup)


def voted(measure, votes):
    """Westland tables ``measure`` against Northland in the Council (Northland holds a
    veto there); the members vote ``votes``; the draft is decided."""
    game = Game(demo_world(), seed=1)
    game.state.stage = "tension"
    game.advance(); game.advance()
    game.submit_orders("west", [Order("west", "table_resolution", "north", "council", measure)])
    game.resolve()
    game.advance()  # diplomacy: the draft is open
    for nation, vote in votes.items():
        game.vote(nation, "d1", vote)
    return game


VOTES = {"north": "no", "centre": "yes", "isle": "yes"}
CASES = [
    # (measure, adopted, news, north excluded?)
    ("condemn", False,
     "Security Council votes on condemning Northland: NOT ADOPTED (3-1-0): vetoed by "
     "Northland.", False),
    ("ceasefire", False,
     "Security Council votes on demanding a ceasefire from Northland: NOT ADOPTED (3-1-0): "
     "vetoed by Northland.", False),
    ("statement", True,
     "Security Council votes on a joint statement on Northland: ADOPTED (3-0-0): "
     "3 votes in favour, 3 required; Northland, a party to the dispute, may not vote "
     "(UN Charter Art. 27(3)).", True),
    ("sanctions", False,
     "Security Council votes on sanctions against Northland: NOT ADOPTED (3-1-0): vetoed "
     "by Northland.", False),
]


@pytest.mark.parametrize("measure,adopted,news,excluded", CASES, ids=[c[0] for c in CASES])
def test_decision_news_and_votes_tab_agree(measure, adopted, news, excluded):
    game = voted(measure, VOTES)
    # before the vote closes, the party is warned on its card, and only the party
    card = {o.id: plain(o.prompt) for o in choices.draft_options(game.view("north"))}["d1"]
    warning = ("You are a party to the dispute: you may vote, but your vote will not count "
               "(UN Charter Art. 27(3)).")
    assert (warning in card) is excluded
    other = {o.id: plain(o.prompt) for o in choices.draft_options(game.view("centre"))}["d1"]
    assert "party to the dispute" not in other
    assert "Northland no (not counted)" in other if excluded else "Northland no" in other
    assert "No draft decided yet: the open drafts are decided when this phase ends" in \
        plain(choices.decided_text(game.view("centre")))
    events = [e for e in game.advance() if e.kind is Kind.DRAFT_DECIDED]
    assert [e.text for e in events] == [news]
    draft = game.state.drafts[0]
    assert draft.adopted is adopted
    view = game.view("west")
    assert bool(view.not_counted.get("d1")) is excluded
    tab = plain(choices.decided_text(view))
    lines = tab.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("d1"))
    headline, counted = lines[at], lines[at + 1]
    if excluded:
        assert "  party to the dispute, vote not counted: Northland (no)" in lines
        assert not any(line.startswith("  no:") for line in lines)
        assert counted == "  counted: 3 yes, 0 no, 0 abstained"  # as in the news: (3-0-0)
        # why the party votes on sanctions but not here: the rule, once, by measure
        note = next(line for line in lines if line.startswith("UN Charter Art. 27(3): "))
        assert "abstains on pacific settlement (Chapter VI: statements)" in note
        assert "on substantive measures (condemnation, ceasefire demands, sanctions, force" \
            in note
        assert "a ceasefire demand is a provisional measure (Art. 40)" in note
    else:
        assert "  vetoed: Northland" in lines
        assert counted == "  counted: 3 yes, 1 no, 0 abstained"  # as in the news: (3-1-0)
        assert "vote not counted" not in tab
        assert "Chapter VI" not in tab
    assert "((" not in headline and "))" not in headline.replace("27(3))", "")


def test_a_condemnation_adopted_costs_credibility_and_a_veto_spares_it():
    game = voted("condemn", {"north": "abstain", "centre": "yes", "isle": "yes"})
    game.advance()
    assert game.state.drafts[0].adopted  # an abstention is no veto
    assert game.state.nations["north"].credibility == pytest.approx(47)
    game = voted("condemn", VOTES)
    game.advance()
    assert game.state.nations["north"].credibility == pytest.approx(50)


def test_a_card_you_cannot_vote_on_does_not_ask_for_your_vote():
    game = voted("statement", {})
    card = {o.id: o for o in choices.draft_options(game.view("east"))}["d1"]  # no member
    text = plain(card.prompt)
    assert card.disabled
    assert "you do not vote here" in text and "your vote" not in text
    mine = {o.id: plain(o.prompt) for o in choices.draft_options(game.view("isle"))}["d1"]
    assert "your vote: not cast" in mine and "you do not vote here" not in mine


def test_unanimous_reason_is_not_nested_in_parentheses():
    game = Game(demo_world(), seed=1)
    game.state.stage = "tension"
    game.advance(); game.advance()
    game.submit_orders("centre", [Order("centre", "table_resolution", "north", "union",
                                        "sanctions")])
    game.resolve()
    game.advance()
    game.vote("east", "d1", "yes")
    game.advance()
    tab = plain(choices.decided_text(game.view("centre")))
    headline = next(line for line in tab.splitlines() if line.startswith("d1"))
    assert headline.endswith("— ADOPTED · unanimous (2 in favour)")


PARTIES = [
    # (how Northland's dispute stands, who is left out of a statement on Northland)
    ("Westland its main adversary", {("north", "west"): 30.0}, {}, {}, ["west", "north"]),
    ("Islay under attack by it", {}, {"isle": ["north"]}, {}, ["north", "isle"]),
    ("it holds Centralian land", {}, {}, {("north", "centre"): 20.0}, ["north", "centre"]),
    ("only a mild quarrel with Southia", {("north", "south"): 5.0}, {}, {}, ["north"]),
    ("a tie at the top", {("north", "west"): 30.0, ("north", "south"): 30.0}, {}, {},
     ["west", "north", "south"]),
]


@pytest.mark.parametrize("case,tension,attacked,held,left_out", PARTIES,
                         ids=[p[0] for p in PARTIES])
def test_both_sides_of_a_dispute_are_parties_under_art_27_3(case, tension, attacked, held,
                                                             left_out):
    from wargame.core.clauses import PARTY, not_counted, parties_to

    game = voted("statement", {})
    st = game.state
    st.tension = {k: v for k, v in st.tension.items() if "north" not in k}
    st.tension.update({tuple(sorted(k)): v for k, v in tension.items()})
    st.under_attack, st.occupation = dict(attacked), dict(held)
    draft = st.drafts[0]
    parties = parties_to(game.world, st, "north")
    members = game.world.institution["council"].members
    assert [m for m in members if m in parties] == [m for m in members if m in left_out]
    out = [m for m, why, _ in not_counted(game.world, st, draft) if why == PARTY]
    assert sorted(out) == sorted(m for m in left_out if m in members)
    # on a substantive measure every party votes
    draft.measure = "sanctions"
    assert not_counted(game.world, st, draft) == ()
