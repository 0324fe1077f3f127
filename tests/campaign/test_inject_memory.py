"""The `fired` / `not_fired` conditions: an inject remembers what happened.

Conditions see the moment (`under_attack` holds while an attack lasts); an inject
that fires on it records the event, so `{not_fired: id}` says "not yet".
"""

from __future__ import annotations

import json
import textwrap

import pytest

from wargame.campaign import CampaignErrors, load_campaign
from wargame.campaign.schema import schema
from wargame.core import Game, Order
from wargame.core.injects import Condition
from wargame.core.injects import Test as Check

from . import draft07

BASE = """\
format: 1
title: Memory
briefing: Red may attack Blue.
rounds: 4
states:
  red: {name: Red, region: east, military: 200, economy: 500, defence_spending: 3, objectives: [{kind: avoid_war, points: 5}]}
  blue: {name: Blue, region: west, military: 50, economy: 400, defence_spending: 2, objectives: [{kind: keep_territory, points: 5}]}
start:
  stage: tension
  tensions: [{between: [red, blue], level: 20}]
"""

INJECTS = """\
injects:
  - id: attack_on_blue
    when: [{under_attack: blue}]
    effects: [{news: Blue is attacked.}]
  - id: calm
    repeat: true
    when: [{not_fired: attack_on_blue}]
    effects: [{news: No attack yet.}]
  - id: after
    repeat: true
    when: [{fired: attack_on_blue}]
    effects: [{news: There has been an attack.}]
"""


def load(tmp_path, extra: str):
    path = tmp_path / "m.yaml"
    path.write_text(BASE + textwrap.dedent(extra), encoding="utf-8")
    return load_campaign(path)


def test_the_loader_builds_the_conditions(tmp_path):
    c = load(tmp_path, INJECTS)
    calm, after = c.world.injects[1], c.world.injects[2]
    assert calm.when == (Condition(Check.NOT_FIRED, inject="attack_on_blue"),)
    assert after.when == (Condition(Check.FIRED, inject="attack_on_blue"),)
    assert c.warnings == ()


def _news(game, round_):
    return [e.text for e in game.log if e.round == round_ and e.kind.value == "inject"]


def _round(game, orders=()):
    game.advance()
    game.advance()
    if orders:
        game.submit_orders("red", list(orders))
    return game.resolve()


def test_not_fired_is_no_attack_yet_and_it_stays_true_after_the_attack_ends(tmp_path):
    game = Game(load(tmp_path, INJECTS).world, 1)
    _round(game)
    assert _news(game, 1) == ["No attack yet."]
    _round(game, [Order("red", "limited_strike", target="blue")])
    # the same aftermath: the inject listed first has fired, the later ones see it
    assert _news(game, 2) == ["Blue is attacked.", "There has been an attack."]
    _round(game)  # a strike is over at once: Blue is no longer under attack ...
    assert "blue" not in game.state.under_attack
    assert _news(game, 3) == ["There has been an attack."]  # ... but it happened


@pytest.mark.parametrize("when,message", [
    ("[{fired: nothing_here}]", "'nothing_here' is not an inject in this campaign"),
    ("[{not_fired: attack_on_blu}]", "'attack_on_blu' is not an inject in this campaign"),
])
def test_an_unknown_inject_is_an_error_at_its_place(tmp_path, when, message):
    extra = INJECTS + f"  - id: more\n    when: {when}\n    effects: [{{news: x}}]\n"
    with pytest.raises(CampaignErrors) as info:
        load(tmp_path, extra)
    (e,) = info.value.errors
    column = len("    when: [{") + len(when.split(":")[0].lstrip("[{")) + len(": ") + 1
    assert (e.line, e.column, e.message) == (BASE.count("\n") + 14, column, message)
    assert str(e).startswith(f"{e.file}:{e.line}:{e.column}: ")
    if "attack_on_blu" in when:
        assert e.hint == "did you mean 'attack_on_blue'?"


def test_a_condition_may_name_an_inject_listed_later(tmp_path):
    c = load(tmp_path, """\
        injects:
          - {id: first, when: [{not_fired: second}], effects: [{news: a}]}
          - {id: second, round: 2, effects: [{news: b}]}
        end:
          - {when: [{fired: second}], outcome: frozen}
        """)
    assert c.world.injects[0].when[0].inject == "second"
    assert c.world.end_conditions[0].when[0].inject == "second"


@pytest.mark.parametrize("extra,message", [
    ("injects:\n  - {id: loop, when: [{fired: loop}], effects: [{news: x}]}\n",
     "inject 'loop' can never fire: it waits until it has fired itself (fired: its own id)"),
    ("injects:\n  - {id: a, round: 1, effects: [{news: x}]}\n"
     "  - {id: b, when: [{fired: a}, {not_fired: a}], effects: [{news: y}]}\n",
     "inject 'b' can never fire: inject 'a' cannot have fired and not fired at once"),
])
def test_conditions_that_can_never_hold_are_warned(tmp_path, extra, message):
    assert message in [w.message for w in load(tmp_path, extra).warnings]


def test_a_repeating_inject_that_waits_for_itself_is_warned_and_never_fires(tmp_path):
    from wargame.core import Game

    c = load(tmp_path, "injects:\n  - {id: again, repeat: true, when: [{fired: again}], "
                       "effects: [{news: x}]}\n")
    assert any("inject 'again' can never fire" in w.message for w in c.warnings)
    game = Game(c.world, 1)
    for _ in range(3):
        while game.phase != "orders":
            game.advance()
        game.resolve()
        game.advance()
    assert "again" not in game.state.fired


def test_the_schema_knows_the_conditions(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(BASE + INJECTS, encoding="utf-8")
    from .test_campaign_schema import as_json

    s = json.loads(json.dumps(schema()))
    assert draft07.errors(s, as_json(path)) == []
    bad = tmp_path / "bad.yaml"
    bad.write_text(BASE + INJECTS.replace("{not_fired: attack_on_blue}",
                                          "{not_fired: Attack On Blue}"), encoding="utf-8")
    assert draft07.errors(s, as_json(bad))  # not an id
