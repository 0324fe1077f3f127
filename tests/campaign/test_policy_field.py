"""A campaign names the computer player of each state; simulate and play use it."""

from wargame.campaign import load_campaign

CAMPAIGN = b"""format: 1
title: Two states
briefing: A quarrel.
states:
  a: {name: A, region: r, military: 10, economy: 10, defence_spending: 1, policy: passive,
      objectives: [{kind: avoid_war, points: 1}]}
  b: {name: B, region: r, military: 10, economy: 10, defence_spending: 1,
      objectives: [{kind: avoid_war, points: 1}]}
"""


def test_policy_per_state_defaults_to_default():
    c = load_campaign("two.yaml", CAMPAIGN)
    assert dict(c.policies) == {"a": "passive", "b": "default"}


def test_simulate_plays_each_state_with_its_campaign_policy():
    from wargame.ai import play_game

    c = load_campaign("two.yaml", CAMPAIGN)
    record = play_game(c.world, 1, dict(c.policies))
    assert record.outcome  # the game was played to an end with those policies
