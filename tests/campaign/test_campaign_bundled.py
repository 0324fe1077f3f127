"""The bundled campaigns: they load without warnings, they are found, they play."""

from __future__ import annotations

import io
import random
import time

import pytest

from wargame.campaign import DEFAULT_CAMPAIGN, bundled_campaigns, load_campaign
from wargame.campaign.validate import run
from wargame.core import Game, IllegalOrder, Order, World

BUNDLED = bundled_campaigns()
IDS = [p.stem for p in BUNDLED]
NAMES = {"baltic-flashpoint", "abyssinia-1935", "pacific-strait", "tutorial", "korea-1950"}


def test_the_five_campaigns_are_bundled_with_the_default_first():
    assert {p.stem for p in BUNDLED} == NAMES
    assert BUNDLED[0] == DEFAULT_CAMPAIGN and DEFAULT_CAMPAIGN.name == "baltic-flashpoint.yaml"


@pytest.mark.parametrize("path", BUNDLED, ids=IDS)
def test_bundled_campaign_loads_without_warnings(path):
    campaign = load_campaign(path)
    assert campaign.warnings == ()
    assert isinstance(campaign.world, World)
    assert campaign.title and campaign.description and campaign.notes
    assert all(n.objectives for n in campaign.world.nations)


@pytest.mark.parametrize("path", BUNDLED, ids=IDS)
def test_bundled_campaign_starts_with_the_schema_line(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schema/campaign-v1.json"
    assert (path.parent / "schema" / "campaign-v1.json").is_file()


def test_validate_summarises_every_bundled_campaign():
    out = io.StringIO()
    assert run([str(p) for p in BUNDLED], out) == 0
    text = out.getvalue()
    assert text.count(": OK: ") == len(BUNDLED) and "warning" not in text
    assert "Baltic Flashpoint (version 1.0): 28 states, 7 institutions, 12 clauses" in text


def _order(nation: str, option) -> Order:
    return Order(nation, option.action.id,
                 target=option.targets[0] if option.targets else "",
                 institution=option.institutions[0] if option.institutions else "",
                 measure=option.measures[0] if option.measures else "")


def play(world: World, seed: int, choose) -> Game:
    game = Game(world, seed)
    for _ in range(world.rounds_limit + 1):
        if game.over:
            break
        game.advance()  # diplomacy
        for draft in game.drafts():
            suspended = game.state.institutions[draft.institution].suspended
            for m in world.institution[draft.institution].members:
                if m != draft.by and m not in suspended:
                    game.vote(m, draft.id, choose.vote(m))
        game.advance()  # orders
        for n in world.ids:
            orders = choose.orders(n, game.legal_actions(n), game.check)
            if orders:
                try:
                    game.submit_orders(n, orders)
                except IllegalOrder:  # legal alone, not together (e.g. sanction and lift)
                    game.submit_orders(n, orders[:1])
        game.resolve()
    assert game.over
    return game


class FirstOption:
    def vote(self, nation):
        return "yes"

    def orders(self, nation, options, check):
        return [_order(nation, options[0])] if options else []


class Random:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    def vote(self, nation):
        return self.rng.choice(["yes", "no", "abstain", "absent"])

    def orders(self, nation, options, check):
        """Up to two random legal orders (a tabled draft's measure may not fit)."""
        picked, seen = [], set()
        for opt in self.rng.sample(options, min(2, len(options))):
            if opt.action.effect.value in seen:
                continue
            order = Order(nation, opt.action.id,
                          target=self.rng.choice(opt.targets) if opt.targets else "",
                          institution=self.rng.choice(opt.institutions)
                          if opt.institutions else "",
                          measure=self.rng.choice(opt.measures) if opt.measures else "")
            try:
                check(order)
            except IllegalOrder:
                continue
            seen.add(opt.action.effect.value)
            picked.append(order)
        return picked


@pytest.mark.parametrize("path", BUNDLED, ids=IDS)
def test_bundled_campaign_plays_to_the_end_with_the_first_legal_option(path):
    c = load_campaign(path)
    game = play(c.world, c.seed, FirstOption())
    assert game.outcome in ("resolved", "settled", "frozen", "war")
    assert set(game.scores()) == set(c.world.ids)


@pytest.mark.parametrize("path", BUNDLED, ids=IDS)
def test_bundled_campaign_plays_to_the_end_with_random_legal_orders(path):
    c = load_campaign(path)
    for seed in range(3):
        game = play(c.world, seed, Random(seed))
        assert game.over


def test_the_default_campaign_encodes_the_institutions_it_promises():
    w = load_campaign(DEFAULT_CAMPAIGN).world
    nato, unsc, eu = w.institution["nato"], w.institution["unsc"], w.institution["eu"]
    assert nato.rule.name == "consensus" and "north_atlantic" in nato.scope.regions
    assert [c.kind.value for c in nato.clauses] == ["consultation", "collective_defence"]
    assert nato.clauses[1].strength.value == "as_it_deems_necessary"
    assert len(unsc.members) == 15 and unsc.rule.required == 9
    assert set(unsc.rule.veto) == {"usa", "uk", "france", "russia", "china"}
    assert unsc.rule.parties.value == "chapter_vi_only"
    assert eu.rule.name == "unanimity" and eu.has(eu.clauses[0].kind)
    assert w.nation["poland"].defence_spending == pytest.approx(4.12)
    assert w.nation["estonia"].briefing and w.nation["russia"].personality.aggression > 0.5
    assert {"baltic_sentry", "anchor_drag"} <= set(w.actions)


def test_loading_and_validating_the_default_campaign_is_well_under_100_ms():
    load_campaign(DEFAULT_CAMPAIGN)  # warm imports and caches
    best = min(_timed(lambda: run([str(DEFAULT_CAMPAIGN)], io.StringIO())) for _ in range(5))
    assert best < 0.1, f"{best * 1000:.1f} ms"


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def test_the_wargame_validate_command_checks_the_default_campaign(capsys):
    from wargame.cli import main

    assert main(["validate", str(DEFAULT_CAMPAIGN)]) == 0
    assert ": OK: Baltic Flashpoint" in capsys.readouterr().out


def test_installed_campaigns_are_found_under_the_prefix(tmp_path, monkeypatch):
    """After a regular install the files live in <prefix>/share/wargame/campaigns."""
    from wargame.campaign import bundled

    site = tmp_path / "lib" / "site-packages" / "wargame" / "campaign"
    site.mkdir(parents=True)
    share = tmp_path / "share" / "wargame" / "campaigns"
    share.mkdir(parents=True)
    for p in BUNDLED:
        (share / p.name).write_bytes(p.read_bytes())
    monkeypatch.setattr(bundled, "_HERE", site)
    monkeypatch.setattr(bundled.sysconfig, "get_path", lambda name: str(tmp_path))
    assert bundled.campaigns_dir() == share
    assert [p.name for p in bundled.bundled_campaigns()][0] == "baltic-flashpoint.yaml"


def test_a_missing_default_campaign_says_so(monkeypatch, tmp_path):
    from wargame.campaign import CampaignErrors, load
    gone = tmp_path / "baltic-flashpoint.yaml"
    monkeypatch.setattr(load, "DEFAULT_CAMPAIGN", gone)
    with pytest.raises(CampaignErrors) as info:
        load_campaign(gone)
    assert "bundled campaigns were not installed" in info.value.errors[0].hint
