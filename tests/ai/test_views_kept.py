"""The game keeps the public part of views between verbs and refreshes only what a
verb changed (votes: the drafts; an accepted proposal: the commitments). Every view
a computer player is given must equal the view built from nothing at that moment."""

from __future__ import annotations

import dataclasses

import pytest

from wargame.ai import play_game
from wargame.campaign import load_campaign
from wargame.campaign.bundled import find_campaign
from wargame.core import game as game_module, legal
from wargame.core.view import make_view


@pytest.mark.parametrize("campaign, seeds", [("baltic-flashpoint", (3, 4)),
                                             ("pacific-strait", (5,))])
def test_every_view_in_play_equals_a_view_built_from_nothing(monkeypatch, campaign, seeds):
    world = load_campaign(find_campaign(campaign)).world
    kept = game_module.Game.view
    compared = []

    def checked(self, nation):
        view = kept(self, nation)
        options = legal.options(self.world, self.state, nation) if self.phase == "orders" \
            else []
        fresh = make_view(self.world, self.state, self.log, nation, options)
        assert view == fresh, (self.round, self.phase, nation)
        # views are made without View's own __init__: the same as one made with it
        assert dataclasses.replace(view) == view
        compared.append(self.phase)
        return view

    monkeypatch.setattr(game_module.Game, "view", checked)
    for seed in seeds:
        play_game(world, seed)
    # views were compared after votes and answers (diplomacy) and in the orders phase
    assert {"diplomacy", "orders"} <= set(compared)
