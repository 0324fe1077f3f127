"""A campaign action defined ``like: cyber_attack`` is reported under its own name, in
the actor's result, the public news and the victim's intelligence."""

from pathlib import Path

import pytest

from wargame.campaign import load_campaign
from wargame.core import Game, Kind, Order

BALTIC = Path(__file__).resolve().parents[2] / "campaigns" / "baltic-flashpoint.yaml"

CASES = [
    # (action, public news, the actor's result, the victim's intelligence)
    ("anchor_drag",
     "An undersea sabotage disrupts Estonia's infrastructure; no one claims it.",
     "Your undersea sabotage against Estonia succeeded",
     "Intelligence attributes the undersea sabotage to Russia."),
    ("cyber_attack",
     "A cyber attack disrupts Estonia's infrastructure; no one claims it.",
     "Your cyber attack against Estonia succeeded",
     "Intelligence attributes the cyber attack to Russia."),
]


def _round(action: str, seed: int):
    campaign = load_campaign(BALTIC)
    game = Game(campaign.world, seed=seed)
    game.state.stage = "tension"
    game.advance(); game.advance()
    game.submit_orders("russia", [Order("russia", action, "estonia")])
    game.resolve()
    return game


@pytest.mark.parametrize("action,news,result,intel", CASES, ids=[c[0] for c in CASES])
def test_incident_reported_under_its_own_name(action, news, result, intel):
    attributed = 0
    for seed in range(8):  # attribution is a matter of chance (0.7): some seeds name Russia
        game = _round(action, seed)
        third = game.view("latvia")
        assert news in [e.text for e in third.news]
        assert not any("cyber" in e.text.lower() for e in third.news) or action == "cyber_attack"
        mine = [e.text for e in game.view("russia").private if e.kind is Kind.PRIVATE_ACTION]
        assert any(t.startswith(result) for t in mine), mine
        theirs = [e.text for e in game.view("estonia").private if e.kind is Kind.INTELLIGENCE]
        attributed += intel in theirs
        assert not any("attributes the" in t and t != intel for t in theirs)
        assert not any(intel in e.text for e in third.private + third.news)
    assert attributed  # the victim's services named Russia at least once
