"""A formal (declared) abstention by key: f on the Votes tab, where a body decides by
unanimity with constructive abstention (TEU Art. 31(1)); elsewhere the key is not
offered. A declaration is an abstention that counts towards the blocking third."""

from __future__ import annotations

from wargame.tui.app import WargameApp
from wargame.tui.scenario import DEMO

from .helpers import end_turn, run, screen_text, start_solo, wait_for_turn

CAMPAIGN = """\
format: 1
title: Declared abstention
briefing: Corland has seized a border post; the Union meets.
rounds: 4
quiet: [no_objectives]
states:
  ardenia: {name: Ardenia, region: west, military: 50, economy: 300, defence_spending: 2,
            population: 10, objectives: [{kind: avoid_war, points: 5}]}
  belmark: {name: Belmark, region: west, military: 50, economy: 300, defence_spending: 2,
            population: 60}
  dunmore: {name: Dunmore, region: west, military: 50, economy: 300, defence_spending: 2,
            population: 30}
  corland: {name: Corland, region: east, military: 90, economy: 200, defence_spending: 4,
            population: 20}
institutions:
  union:
    name: Union
    members: [ardenia, belmark, dunmore]
    decides_by: {rule: unanimity, constructive_abstention: true}
    clauses:
      - {id: cfsp, kind: sanctions, title: restrictive measures, binding: true}
injects:
  - id: draft
    round: 1
    effects:
      - table_draft: {by: belmark, institution: union, measure: sanctions, target: corland}
"""


def _flat(text: str) -> str:
    return " ".join(text.split())


async def declare(path) -> dict:
    app = WargameApp(str(path))
    seen = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await start_solo(pilot)
        assert app.screen.nation == "ardenia"
        await end_turn(pilot)  # round 1: no orders; the inject tables the draft
        await wait_for_turn(pilot)
        assert app.session.game.phase == "diplomacy"
        await pilot.press("3")
        await pilot.pause()
        seen["before"] = screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        seen["after"] = screen_text(app)
        seen["vote"] = app.session.game.state.drafts[0].votes.get("ardenia")
        await end_turn(pilot)
        await wait_for_turn(pilot)
        await pilot.press("3")
        await pilot.pause()
        seen["decided"] = screen_text(app)
    return seen


def test_f_declares_an_abstention_and_the_screen_says_so(tmp_path):
    path = tmp_path / "declared.yaml"
    path.write_text(CAMPAIGN, encoding="utf-8")
    seen = run(declare(path))
    assert "f a declared abstention" in _flat(seen["before"])  # the key is explained
    assert "Declared abstention" in seen["before"]  # and in the footer
    assert seen["vote"] == "declared"
    assert "your vote: declared" in seen["after"]
    assert "Union: sanctions against Corland" in seen["decided"]  # decided, and then:
    assert "1 abstained" in seen["decided"] and "declared: Ardenia" in seen["decided"]


async def no_declaration_key() -> str:
    app = WargameApp(DEMO)
    async with app.run_test(size=(120, 40)) as pilot:
        await start_solo(pilot)
        await pilot.press("3")
        await pilot.pause()
        return screen_text(app)


def test_no_declared_key_where_no_body_takes_declarations():
    shown = run(no_declaration_key())
    assert "Declared abstention" not in shown
