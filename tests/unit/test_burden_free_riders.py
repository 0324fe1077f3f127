"""Who is labelled a free rider: the 3/4 rule, and the two kinds of member it spares
(the victim of an armed attack, and a member too small for the shares to mean anything)."""

from __future__ import annotations

import pytest

from wargame.core.burden import (ATTACKED, ATTACKER, MIN_BENEFIT_SHARE, TOO_SMALL,
                                 burden_sharing, victims)
from wargame.core.model import Clause, ClauseKind, Institution, Nation, World
from wargame.core.rules import Consensus
from wargame.core.state import GameState, Obligation, Status
from wargame.core.model import Strength


def alliance(members: dict[str, tuple[float, float]]) -> World:
    """One alliance with a collective-defence clause; members: id -> (GDP, spending %)."""
    nations = tuple(Nation(n, n.title(), "europe", military=10, economy=gdp,
                           defence_spending=spend, support=60, credibility=60)
                    for n, (gdp, spend) in members.items())
    nations += (Nation("foe", "Foe", "europe", military=100, economy=500, defence_spending=4,
                       support=60, credibility=50),)
    inst = Institution("ally", "Alliance", tuple(members), Consensus(),
                       clauses=(Clause("art5", ClauseKind.COLLECTIVE_DEFENCE, "Art. 5"),),
                       credibility=60)
    return World("t", nations, (inst,))


# GDP, spending: "big" spends 4% of 1000; the others are judged against it
BIG = {"big": (1000.0, 4.0)}

CASES = [
    # id, (GDP, spending), how it was attacked, free rider?, exempt
    ("low spender of size", (400.0, 1.0), "", True, ""),
    ("fair spender of size", (400.0, 4.0), "", False, ""),
    ("low spender, invaded: land occupied", (400.0, 1.0), "occupied", False, ATTACKED),
    ("low spender, under attack now", (400.0, 1.0), "under_attack", False, ATTACKED),
    ("low spender, owed assistance", (400.0, 1.0), "owed", False, ATTACKED),
    ("low spender, attacked earlier (from the log)", (400.0, 1.0), "log", False, ATTACKED),
    ("tiny low spender: shares are noise", (5.0, 0.5), "", False, TOO_SMALL),
    ("tiny fair spender", (5.0, 4.0), "", False, TOO_SMALL),
    ("just above the floor, low spender", (11.0, 1.0), "", True, ""),
]


@pytest.mark.parametrize("gdp_spend, how, rider, exempt",
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_who_is_a_free_rider(gdp_spend, how, rider, exempt):
    world = alliance({**BIG, "m": gdp_spend})
    st = GameState.start(world)
    attacked = ()
    if how == "occupied":
        st.occupation[("foe", "m")] = 25.0
    elif how == "under_attack":
        st.under_attack["m"] = ["foe"]
    elif how == "owed":
        st.obligations.append(Obligation("o1", "big", "ally", "art5", "assist", "m", "foe",
                                         Strength.AUTOMATIC, 3, 4, Status.KEPT))
    elif how == "log":
        attacked = ("m",)
    rows = {r.nation: r for r in burden_sharing(world, st, attacked)["ally"]}
    assert rows["m"].free_rider is rider
    assert rows["m"].exempt == exempt
    assert not rows["big"].free_rider


def test_the_floor_is_one_percent_of_the_alliances_gdp():
    assert MIN_BENEFIT_SHARE == 0.01
    # just under the floor: 10 of 1010 is 0.99%
    world = alliance({**BIG, "m": (10.0, 1.0)})
    row = next(r for r in burden_sharing(world, GameState.start(world))["ally"] if r.nation == "m")
    assert row.benefit_share < MIN_BENEFIT_SHARE and row.exempt == TOO_SMALL


def test_an_occupation_given_back_is_no_victim_in_the_state_alone():
    world = alliance({**BIG, "m": (400.0, 1.0)})
    st = GameState.start(world)
    st.occupation[("foe", "m")] = 0.0
    assert victims(st) == set()


def test_the_estonia_case_of_the_playtest():
    """Baltic Flashpoint, Russia invades Estonia in round 3: Estonia is never a free
    rider in any alliance table, whatever its shares."""
    from wargame.campaign import bundled_campaigns, load_campaign
    from wargame.core import Game, Order

    path = next(p for p in bundled_campaigns() if p.name == "baltic-flashpoint.yaml")
    world = load_campaign(path).world
    g = Game(world, 7)
    while g.round < 3 or g.phase != "orders":
        g.advance() if g.phase != "orders" else g.resolve()
    g.submit_orders("russia", [Order("russia", "invasion", "estonia")])
    g.resolve()
    tables = burden_sharing(world, g.state)
    rows = [r for rows in tables.values() for r in rows if r.nation == "estonia"]
    assert rows and all(not r.free_rider and r.exempt == ATTACKED for r in rows)


def test_a_state_attacked_earlier_is_not_a_free_rider_in_the_view_or_the_report():
    """The Ledger (the view), the after-action report and the end screen agree: a
    victim is 'attacked', long after the fighting stopped."""
    from wargame.core import Game, Order, demo_world
    from wargame.saves.report import after_action

    game = Game(demo_world(), seed=1)
    game.advance()
    game.advance()
    game.submit_orders("north", [Order("north", "limited_strike", "isle")])
    game.resolve()
    for _ in range(2):
        game.advance()
        while game.phase != "orders":
            game.advance()
        game.resolve()
    assert "isle" not in game.state.under_attack  # the state alone has forgotten
    row = next(r for r in game.view("west").burden["pact"] if r.nation == "isle")
    assert row.exempt == ATTACKED and not row.free_rider
    lines = after_action(game).burden["Northern Pact"]
    assert not next(b for b in lines if b.nation == "Islay").free_rider


@pytest.mark.parametrize("how", ["occupier", "attacked earlier (from the log)"])
def test_an_attacker_is_left_out_of_the_shares(how):
    """Italy in the League, 1935: what the aggressor spends is for its own war. It is
    never a free rider nor a contributor, and the others' shares are of the rest."""
    world = alliance({**BIG, "m": (400.0, 1.0), "agg": (600.0, 6.0)})
    st = GameState.start(world)
    attacking = ()
    if how == "occupier":
        st.occupation[("agg", "foe")] = 30.0
    else:
        attacking = ("agg",)
    rows = {r.nation: r for r in burden_sharing(world, st, (), attacking)["ally"]}
    agg = rows["agg"]
    assert agg.exempt == ATTACKER and not agg.free_rider
    assert agg.contribution_share == agg.benefit_share == 0.0
    # the shares of the others add up without it: 1000 and 400 of GDP
    assert rows["big"].benefit_share == pytest.approx(1000 / 1400)
    assert rows["big"].contribution_share + rows["m"].contribution_share == pytest.approx(1.0)


@pytest.mark.parametrize("spending,rider", [(5.0, False), (2.0, True)])
def test_a_small_member_above_the_alliances_rate_is_no_free_rider(spending, rider):
    """The tutorial's Belmark: it raised its spending as advised, and its big ally's
    troops sent to defend it made its share of contributions small. Spending above
    the alliance's rate (4% here), it carries its part; below it, it does not."""
    world = alliance({**BIG, "m": (40.0, spending)})
    st = GameState.start(world)
    st.nations["big"].contribution = 100.0  # forces deployed to m, aid...
    row = {r.nation: r for r in burden_sharing(world, st)["ally"]}["m"]
    assert row.ratio < 0.75  # what the 3/4 rule alone would call a free rider
    assert row.free_rider is rider


def test_who_struck_first_is_the_attacker_not_the_victim_striking_back():
    from wargame.core.burden import attackers_in
    from wargame.core.events import Event, Kind

    log = [Event(1, Kind.ARMED_ATTACK, "Italy invades Ethiopia.", actor="italy",
                 target="ethiopia"),
           Event(2, Kind.ARMED_ATTACK, "Ethiopia strikes Italy.", actor="ethiopia",
                 target="italy"),
           Event(3, Kind.ARMED_ATTACK, "Italy strikes Ethiopia.", actor="italy",
                 target="ethiopia")]
    assert attackers_in(log) == {"italy"}


def test_the_games_running_count_agrees_with_the_whole_log():
    """Game.attackers() reads the log a part at a time: a strike back read in a
    later part still does not make the victim an attacker."""
    from wargame.core import Game, Order, demo_world
    from wargame.core.burden import attackers_in

    game = Game(demo_world(), seed=1)
    game.advance()
    game.advance()
    game.submit_orders("north", [Order("north", "limited_strike", "east")])
    game.resolve()
    assert game.attackers() == {"north"}  # read now, before the strike back
    while game.phase != "orders":
        game.advance()
    game.submit_orders("east", [Order("east", "limited_strike", "north")])
    game.resolve()
    assert game.attackers() == attackers_in(game.log) == {"north"}


def test_a_views_table_shows_the_moment_it_was_made():
    # a view's burden table (core.burden.Tables) is worked out only when read: read
    # after the game moved on, it must still show the numbers of its own moment
    from wargame.core.burden import Tables

    world = alliance({**BIG, "small": (400.0, 1.0)})
    state = GameState.start(world)
    table = Tables(world, state)
    before = burden_sharing(world, state)
    state.nations["small"].spending = 9.0  # it raises spending after the view was made
    state.nations["big"].deployed["small"] = 5.0
    assert dict(table) == before
    assert table["ally"][1].free_rider and table["ally"][1].spending == 1.0
    assert burden_sharing(world, state)["ally"][1].spending == 9.0
