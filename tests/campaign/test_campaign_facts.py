"""Facts a teacher would notice in the bundled campaigns (issue: institutions and
authoring): trade both ways, the right year's figures, treaties' real scope."""

from __future__ import annotations

import pytest

from wargame.campaign import bundled_campaigns, load_campaign

CAMPAIGNS = {p.stem: p for p in bundled_campaigns()}


@pytest.mark.parametrize("name", sorted(CAMPAIGNS))
def test_trade_that_matters_is_listed_by_both_partners(name):
    """If A lists B, B's share with A is about A's share x A's GDP / B's GDP (trade
    roughly in proportion to GDP): where that is 1.5% or more, B must list A too,
    or a sanction by B on A would cover nothing while costing B (the USSR and Italy
    in Abyssinia 1935 did exactly that)."""
    w = load_campaign(CAMPAIGNS[name]).world
    missing = [(n.id, t, round(v * n.economy / w.nation[t].economy, 3))
               for n in w.nations for t, v in n.trade.items()
               if v > 0 and not w.nation[t].trade.get(n.id)
               and v * n.economy / w.nation[t].economy >= 0.015]
    assert missing == []


def test_abyssinia_figures_of_1935():
    w = load_campaign(CAMPAIGNS["abyssinia-1935"]).world
    assert w.nation["italy"].trade["soviet_union"] > 0  # Soviet oil for Italy's army
    assert w.nation["usa"].economy == 699  # Maddison, 1935 (833 was 1937)
    assert "Constantinople Convention" in w.nation["uk"].briefing
    assert "stop your army" not in w.nation["italy"].briefing  # sanctions cost GDP only


def test_the_us_philippines_treaty_covers_us_metropolitan_territory():
    """Mutual Defense Treaty (1951), Art. V: an attack on the metropolitan territory
    of either party."""
    w = load_campaign(CAMPAIGNS["pacific-strait"]).world
    treaty = w.institution["us_philippines"]
    assert treaty.scope.covers(w.nation["usa"].region)
    assert treaty.scope.covers(w.nation["philippines"].region)


def test_a_quarantine_in_the_last_round_scores_chinas_target_sanctioned():
    """China's objective in Pacific Strait is Taiwan under its 'quarantine' at the
    end; the quarantine is a blockade variant, so a blockade in the last round counts
    for target_sanctioned, as sanctions in force do."""
    from wargame.core import Game, Order
    from wargame.core.model import ObjectiveKind
    from wargame.core.scoring import met

    c = load_campaign(CAMPAIGNS["pacific-strait"])
    game = Game(c.world, 1)
    (obj,) = [o for o in c.world.nation["china"].objectives
              if o.kind is ObjectiveKind.TARGET_SANCTIONED]
    assert not met(c.world, game.state, "china", obj)
    while game.phase != "orders":
        game.advance()
    game.submit_orders("china", [Order("china", "quarantine", target="taiwan")])
    game.resolve()
    st = game.state
    assert st.nations["taiwan"].blockaded == 1
    st.round = 1  # as at the end of a game that ended in this round
    assert met(c.world, st, "china", obj)
    st.round = 2  # a round later without a quarantine: no longer
    assert not met(c.world, st, "china", obj)
