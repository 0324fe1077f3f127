"""An order that names the share of forces it commits is saved, loaded and replayed
with that share: the battle comes out the same."""

from __future__ import annotations

from wargame.campaign import campaigns_dir, load_campaign
from wargame.core import Game, Order
from wargame.saves import load_save, replay_save, save_game


def test_a_chosen_share_of_forces_survives_save_load_and_replay(tmp_path):
    campaign = load_campaign(campaigns_dir() / "tutorial.yaml")
    game = Game(campaign.world, 3)
    game.advance()
    game.advance()
    game.submit_orders("ardenia", [Order("ardenia", "invasion", "belmark", forces=0.6)])
    game.resolve()
    battle = next(e.text for e in game.log if e.kind.value == "engagement")
    path = save_game(game, campaign, tmp_path)
    loaded = load_save(path).game
    assert loaded.inputs[-2]["orders"][0]["forces"] == 0.6
    assert loaded.state_hash() == game.state_hash()
    replayed = replay_save(path)
    assert replayed.checked >= 1
    assert replayed.game.state_hash() == game.state_hash()
    assert next(e.text for e in replayed.game.log if e.kind.value == "engagement") == battle
