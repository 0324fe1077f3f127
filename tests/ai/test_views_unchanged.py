"""A view handed out never changes afterwards, although views of later moments share
the copies of messages and proposals that did not change: a whole game's views,
each compared at the end with a plain copy taken when it was handed out."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import pytest

from wargame.ai import play_game
from wargame.campaign import load_campaign
from wargame.campaign.bundled import find_campaign
from wargame.core import game as game_module


@pytest.mark.parametrize("campaign, seed", [("baltic-flashpoint", 3),
                                            ("pacific-strait", 5)])
def test_views_handed_out_stay_as_they_were(monkeypatch, campaign, seed):
    world = load_campaign(find_campaign(campaign)).world
    kept = game_module.Game.view
    handed: list[tuple] = []

    def recorded(self, nation):
        view = kept(self, nation)
        handed.append((self.round, self.phase, nation, view, _plain(view)))
        return view

    monkeypatch.setattr(game_module.Game, "view", recorded)
    play_game(world, seed)
    rounds = {r for r, *_ in handed}
    assert len(rounds) > 3  # views of many moments were handed out
    # copies of messages and proposals are shared by views of later rounds
    rounds_of: dict[int, set] = {}
    for r, _, _, view, _ in handed:
        for item in (*view.messages, *view.proposals):
            rounds_of.setdefault(id(item), set()).add(r)
    assert any(len(rs) > 1 for rs in rounds_of.values())
    for r, phase, nation, view, then in handed:
        assert _plain(view) == then, (r, phase, nation)


def _plain(x):
    """Everything in ``x`` as plain dicts and lists: a copy that shares nothing."""
    if dataclasses.is_dataclass(x):
        return (type(x).__name__, {f.name: _plain(getattr(x, f.name))
                                   for f in dataclasses.fields(x)})
    if isinstance(x, Mapping):
        return {k: _plain(v) for k, v in x.items()}
    if isinstance(x, (tuple, list)) or type(x).__name__ == "Targets":
        return [_plain(v) for v in x]
    if isinstance(x, (set, frozenset)):
        return sorted(x)
    return x
