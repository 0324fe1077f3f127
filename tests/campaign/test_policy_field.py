"""A campaign names the computer player of each state; simulate and play use it."""

from wargame.campaign import load_campaign

CAMPAIGN = b"""format: 1
title: Two states
briefing: A quarrel.
states:
  a: {name: A, region: r, military: 10, economy: 10, defence_spending: 1, policy: passive,
      objectives: [{kind: avoid_war, points: 1}]}
  b: {name: B, region: r, military: 10, economy: 10, defence_spending: 1, policy: random,
      objectives: [{kind: avoid_war, points: 1}]}
  c: {name: C, region: r, military: 10, economy: 10, defence_spending: 1,
      objectives: [{kind: avoid_war, points: 1}]}
"""


def test_policy_per_state_defaults_to_default():
    c = load_campaign("two.yaml", CAMPAIGN)
    assert dict(c.policies) == {"a": "passive", "b": "random", "c": "default"}


def test_each_state_is_played_by_its_campaign_policy():
    from wargame.ai import play_game

    c = load_campaign("two.yaml", CAMPAIGN)
    games = []
    play_game(c.world, 1, dict(c.policies), finished=games.append)
    orders = {n: [e["orders"] for e in games[0].inputs
                  if e["verb"] == "orders" and e["nation"] == n] for n in ("a", "b")}
    assert orders["a"] and all(o == [] for o in orders["a"])  # passive: never an order
    assert any(orders["b"])  # the random policy acts
