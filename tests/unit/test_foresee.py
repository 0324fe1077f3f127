"""Before an act of war the game says what it may bring about; what it says must be
what the round then does."""

import itertools
import re

import pytest

from wargame.core import Game, Order, demo_world
from wargame.core.state import pair


def at_orders(**state) -> Game:
    game = Game(demo_world(), seed=1)
    for k, v in state.items():
        setattr(game.state, k, v)
    game.advance()
    game.advance()
    return game


def said(order: Order, game: Game | None = None) -> str:
    return "\n".join((game or at_orders()).war_consequences(order))


SAYS = [
    # (attacker, action, victim, words that must appear)
    ("north", "invasion", "east", "Eastmark is covered by Art. 5 of Northern Pact: its 3 other "
                                  "member(s) must assist, by such action as each deems "
                                  "necessary, next round"),
    ("north", "limited_strike", "east", "Limited strike against Eastmark is an act of war"),
    ("north", "invasion", "isle", "south atlantic lies outside its treaty area: Art. 5 creates "
                                  "no obligation"),
    ("north", "invasion", "east", "Security Council could sanction you or authorise force "
                                  "against you (it decides by qualified majority): you can "
                                  "block it yourself (as can Westland)"),
    ("north", "invasion", "east", "Union could sanction you (it decides by unanimity): "
                                  "Centralia, Eastmark, Islay could block it"),
    ("south", "invasion", "east", "Westland, Northland could block it"),
    ("west", "invasion", "north", "you can block it yourself (as can Northland)"),
    ("centre", "invasion", "east", "You are a member of Northern Pact yourself"),
]


@pytest.mark.parametrize("attacker,action,victim,words", SAYS, ids=[s[3][:40] for s in SAYS])
def test_what_an_act_of_war_may_bring(attacker, action, victim, words):
    assert words in said(Order(attacker, action, victim))


@pytest.mark.parametrize("order", [Order("north", "mobilise"), Order("west", "trade_embargo", "north"), Order("x", "no_such_action"),
                                   Order("west", "deploy_to_ally", "east")])
def test_other_orders_bring_no_war_warning(order):
    assert at_orders().war_consequences(order) == []


def test_the_tension_with_the_victims_allies_is_said_and_is_what_the_round_adds():
    """The warning names the allies whose tension with the attacker rises, and by how
    much; the round adds exactly that (the tension starts at 0 with each)."""
    game = at_orders(tension={})
    text = said(Order("north", "limited_strike", "east"), game)
    assert ("adds +18 to the tension between you, and +9 to your tension with each ally "
            "bound to defend it (Westland, Centralia, Islay)") in text
    game.submit_orders("north", [Order("north", "limited_strike", "east")])
    game.resolve()
    for ally in ("west", "centre", "isle"):
        assert game.state.tension[pair("north", ally)] == pytest.approx(9)
    assert pair("north", "south") not in game.state.tension
    # a state in no alliance: no allies named
    assert "ally bound" not in said(Order("north", "invasion", "south"))
    # a victim striking back at its attacker: no treaty protects the attacker from it
    assert "each ally bound to defend it (Centralia, Islay)" in said(
        Order("east", "limited_strike", "west"))
    game = at_orders(tension={})
    game.submit_orders("west", [Order("west", "limited_strike", "east")])
    game.resolve()
    game.advance()
    game.advance()
    assert "ally bound" not in said(Order("east", "limited_strike", "west"), game)


def test_no_alliance_sentence_for_a_state_in_none():
    text = said(Order("north", "invasion", "south"))
    assert "covered by" not in text and "treaty area" not in text


def test_forces_stationed_in_the_victim_are_named():
    game = at_orders()
    game.state.nations["west"].deployed["east"] = 30.0
    assert "Forces of Westland are stationed in Eastmark: they will fight beside it" in said(
        Order("north", "invasion", "east"), game)


def test_a_ceasefire_is_named():
    game = at_orders(truces=[pair("north", "east")])
    assert "You have a ceasefire with Eastmark: this breaks it" in said(
        Order("north", "invasion", "east"), game)


def test_a_suspended_member_is_not_covered():
    game = at_orders()
    game.state.institutions["pact"].suspended.append("east")
    assert "covered by" not in said(Order("north", "invasion", "east"), game)


def _members_said(text: str) -> int:
    return sum(int(n) for n in re.findall(r"its (\d+) other member\(s\)", text))


PAIRS = [p for p in itertools.permutations(["north", "east", "west", "centre", "isle", "south"], 2)]


@pytest.mark.parametrize("attacker,victim", PAIRS)
def test_the_warning_counts_the_obligations_the_attack_creates(attacker, victim):
    """The number of allies the warning says must assist is the number of assistance
    obligations the round creates when the attack is made."""
    game = at_orders()
    order = Order(attacker, "invasion", victim)
    expected = _members_said(said(order, game))
    before = len(game.state.obligations)
    game.submit_orders(attacker, [order])
    game.resolve()
    created = [o for o in game.state.obligations[before:]
               if o.beneficiary == victim and o.against == attacker and o.action == "assist"]
    assert len(created) == expected


@pytest.mark.parametrize("action", ["invasion", "limited_strike"])
def test_a_promise_not_to_attack_is_named_and_its_breach_is_what_the_round_does(action):
    from wargame.core.terms import Term

    game = Game(demo_world(), seed=1)
    game.advance()
    pid = game.propose("east", ["north"], [Term("north", "no_attack", "east")], due_in=2)
    game.answer("north", pid, "accept")
    game.advance()
    before = game.state.nations["north"].credibility
    text = said(Order("north", action, "east"), game)
    m = re.search(r"You promised \((\w+)\) that Northland does not attack Eastmark, until "
                  r"round (\d+): this breaks that promise, and costs you (\d+) credibility",
                  text)
    assert m, text
    assert said(Order("north", action, "south"), game).count("You promised") == 0
    game.submit_orders("north", [Order("north", action, "east")])
    game.resolve()
    [c] = game.state.commitments
    assert c.id == m.group(1) and c.status.value == "broken" and c.due == int(m.group(2))
    broken = [e for e in game.log if e.kind.value == "commitment_broken"]
    assert broken and broken[0].value == -int(m.group(3))
    assert game.state.nations["north"].credibility < before


def test_standing_down_says_what_it_gives_up_and_the_round_does_it():
    game = at_orders()
    game.submit_orders("north", [Order("north", "invasion", "east")])
    game.submit_orders("west", [Order("west", "deploy_to_ally", "east")])
    game.resolve()
    while game.phase != "orders":
        game.advance()
    held = game.state.occupation[("north", "east")]
    assert held > 0
    north = "\n".join(game.stand_down_consequences(Order("north", "stand_down")))
    assert f"You give back the land you hold: {held:.0f}% of Eastmark." in north
    west = "\n".join(game.stand_down_consequences(Order("west", "stand_down")))
    assert "Your forces abroad come home: Eastmark (" in west
    assert game.stand_down_consequences(Order("south", "stand_down")) == []  # nothing to lose
    assert game.stand_down_consequences(Order("north", "mobilise")) == []
    game.submit_orders("north", [Order("north", "stand_down")])
    game.submit_orders("west", [Order("west", "stand_down")])
    game.resolve()
    assert ("north", "east") not in game.state.occupation
    assert not game.state.nations["west"].deployed


def _blockade_game() -> Game:
    game = at_orders(stage="settlement", truces=[pair("north", "east")])
    game.state.tension[pair("north", "east")] = 40.0
    return game


def test_a_blockade_across_a_ceasefire_is_named_and_breaks_it_as_said():
    game = _blockade_game()
    text = said(Order("north", "blockade", "east"), game)
    assert text == "A blockade of Eastmark breaks your ceasefire with it and costs you 10 credibility."
    assert said(Order("north", "blockade", "south"), game) == ""  # no ceasefire with Southland
    game.submit_orders("north", [Order("north", "blockade", "east")])
    game.resolve()
    assert pair("north", "east") not in game.state.truces
    broken = [e for e in game.log if e.kind.value == "ceasefire_broken"]
    assert [(e.actor, e.target) for e in broken] == [("north", "east")]
    assert game.stage == "incident"  # the settlement is over: "a ceasefire holds" no more


def test_a_deniable_cyber_attack_leaves_the_ceasefire_standing():
    game = _blockade_game()
    assert said(Order("north", "cyber_attack", "east"), game) == ""
    game.submit_orders("north", [Order("north", "cyber_attack", "east")])
    game.resolve()
    assert pair("north", "east") in game.state.truces
    assert game.stage == "settlement"


def test_a_ceasefire_cannot_be_accepted_while_blockading_the_same_state():
    from wargame.core.errors import IllegalOrder

    game = at_orders(stage="incident")
    game.state.tension[pair("north", "east")] = 40.0
    game.state.ceasefire_offers[("east", "north")] = game.round
    with pytest.raises(IllegalOrder, match="cannot accept a ceasefire with Eastmark and "
                                           "blockade it in the same round"):
        game.submit_orders("north", [Order("north", "accept_ceasefire", "east"),
                                     Order("north", "blockade", "east")])


def test_a_ceasefire_offer_not_taken_up_lapses_in_the_news():
    game = at_orders(stage="armed_conflict")
    game.state.tension[pair("north", "east")] = 40.0
    game.submit_orders("east", [Order("east", "propose_ceasefire", "north")])
    for _ in range(2):  # the round it is made, and the next, in which north may accept
        game.resolve()
        while game.phase != "orders" and not game.over:
            game.advance()
    lapsed = [e.text for e in game.log if "did not take up" in e.text]
    assert lapsed == ["Northland did not take up Eastmark's ceasefire offer: it has lapsed."]
    assert ("east", "north") not in game.state.ceasefire_offers


@pytest.mark.parametrize("measure,target,cannot", [
    ("statement", "ardenia", "2 of 3 required votes; Ardenia and Belmark, parties to the "
                             "dispute, may not vote"),
    ("statement", "dunmore", ""),  # not a party to any dispute: all four vote
    ("condemn", "ardenia", ""),  # parties vote on anything but pacific settlement
    ("ceasefire", "ardenia", ""),  # a provisional measure (UN Charter Art. 40): they vote
    ("sanctions", "ardenia", ""),
])
def test_a_draft_that_no_vote_could_adopt_is_named(measure, target, cannot):
    campaign = pytest.importorskip("wargame.campaign")
    from wargame.campaign.bundled import find_campaign

    game = Game(campaign.load_campaign(find_campaign("tutorial")).world, seed=1)
    said = game.draft_cannot_pass("council", measure, target)
    assert said.startswith(cannot) and bool(said) == bool(cannot)


def test_no_ceasefire_offer_in_the_last_round():
    from wargame.core.errors import IllegalOrder

    game = at_orders(stage="armed_conflict")
    game.state.tension[pair("north", "east")] = 40.0
    game.state.round = game.world.rounds_limit
    offered = {o.action.id for o in game.legal_actions("east") if o.targets}
    assert "propose_ceasefire" not in offered
    with pytest.raises(IllegalOrder, match="last round: a ceasefire offered now could not "
                                           "be accepted before the game ends"):
        game.check(Order("east", "propose_ceasefire", "north"))


def test_a_strike_back_is_said_to_be_lawful_and_to_oblige_no_ally():
    from wargame.core.state import Conflict

    game = at_orders(stage="armed_conflict")
    game.state.conflicts.append(Conflict("north", "east", 1))
    before = said(Order("west", "limited_strike", "north"), game)
    back = said(Order("east", "limited_strike", "north"), game)
    assert "lawful use of force (self-defence)" in back
    assert "No treaty obliges Northland's allies" in back
    # Westland has no duty yet and no request: the same strike is no lawful act
    assert "lawful" not in before and "is an act of war" in before


def test_the_confirmation_changes_once_force_is_authorised():
    game = at_orders(stage="armed_conflict")
    order = Order("centre", "limited_strike", "north")
    before = said(order, game)
    game.state.institutions["council"].force_on.append("north")
    after = said(order, game)
    assert before != after
    assert "lawful use of force (authorised by Security Council)" in after


def test_the_forces_an_attack_commits_are_said():
    text = said(Order("north", "invasion", "east", forces=0.5))
    assert "It commits 50% of your available forces (about 150 of 300)" in text
    assert "stay there as the garrison" in text
