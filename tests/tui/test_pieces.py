"""The pure pieces of the interface, and what importing it costs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.content import Content

from wargame.core import Game, demo_world
from wargame.core.ladder import DEFAULT_LADDER
from wargame.tui.session import Seat, Session, default_seats
from wargame.tui.scenario import DEMO, choices, load_scenario
from wargame.tui.widgets.gauge import chart_lines, gauge_lines

ROOT = Path(__file__).resolve().parents[2]


def plain(lines):
    return [Content.from_markup(line).plain for line in lines]


def test_the_gauge_marks_every_threshold_and_fills_to_the_level():
    head, bar, labels = plain(gauge_lines(34, "Military posturing", DEFAULT_LADDER, 60))
    assert head == "Escalation 34/100 · Military posturing"
    assert len(bar) == 60 and bar.count("┃") == 4
    filled = bar.replace("┃", "█").index("░")
    assert abs(filled - 60 * 34 / 100) <= 2
    for mark in ("12", "38", "60", "84"):
        assert mark in labels


@given(level=st.floats(0, 100), rung=st.text(st.characters(codec="ascii", categories=["L", "Zs"]),
                                             min_size=1, max_size=80),
       width=st.integers(20, 160))
def test_every_gauge_line_fits_its_width(level, rung, width):
    """A long rung name ("Grey-zone and hybrid attacks") never wraps the gauge's first
    line into the bar; the threshold labels use whole words or short forms."""
    head, bar, labels = plain(gauge_lines(level, rung, DEFAULT_LADDER, width))
    assert len(head) <= width and len(bar) == width and len(labels) <= width
    for word in labels.split():
        assert word.rstrip(".").isdigit() or word in ("tension", "incident", "attack", "war",
                                                      "tens.", "inc.", "att.")


def test_the_chart_has_one_column_pair_per_round_and_an_axis():
    lines = plain(chart_lines([10, 50, 90], DEFAULT_LADDER, width=40, height=4))
    assert lines[0].startswith("100┤") and lines[2].startswith("  0┤")
    assert "1" in lines[-1] and "3" in lines[-1]
    assert lines[0].rstrip()[-1] in "▁▂▃▄▅▆▇█"  # 90 reaches the top row
    assert lines[0][4:6] == "  "  # 10 does not


def test_the_session_orders_turns_humans_then_computer():
    scenario = load_scenario(DEMO)
    seats = default_seats(scenario.world, "east")
    seats[2] = Seat("west", "Bea")
    s = Session(scenario, seats, seed=3)
    assert s.hotseat and s.humans == ["east", "west"]
    step = s.next_step()
    assert (step.kind, step.phase) == ("computer", "diplomacy")  # no draft: no human turn
    s.play_computer()
    step = s.next_step()
    assert (step.kind, step.phase, step.nation) == ("turn", "orders", "east")
    s.end_turn("east")
    assert s.next_step().nation == "west"
    s.end_turn("west")
    assert s.next_step().kind == "computer"
    s.play_computer()
    assert s.game.round == 2 and not s.done


def test_campaign_choices_put_a_given_file_first_and_the_demo_last():
    found = choices()
    assert found[-1].key == DEMO
    assert choices(DEMO)[0].key == DEMO


def test_the_in_game_help_is_docs_how_to_play():
    ours = (ROOT / "wargame" / "tui" / "how-to-play.md").read_text(encoding="utf-8")
    docs = (ROOT / "docs" / "how-to-play.md").read_text(encoding="utf-8")
    assert ours == docs


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\n"
                          "print('\\n'.join(sorted(sys.modules)))"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return set(out.stdout.split())


def test_importing_the_package_imports_nothing_heavy():
    mods = _modules_after("import wargame.tui")
    assert "textual" not in mods and "wargame.core" not in mods


def test_the_app_starts_without_the_rules_core_or_campaigns():
    mods = _modules_after("import wargame.tui.app")
    assert "textual.app" in mods
    for heavy in ("wargame.core", "wargame.campaign", "wargame.ai", "yaml", "transitions"):
        assert heavy not in mods, heavy


def test_computer_orders_fallback_gives_legal_orders():
    import random

    from wargame.tui.computer import computer_orders

    game = Game(demo_world(), 1)
    game.advance()
    game.advance()
    for nation in game.world.ids:
        game.submit_orders(nation, computer_orders(game, nation, random.Random(nation)))


def test_the_theme_chosen_is_kept_for_the_next_game(tmp_path, monkeypatch):
    """A teacher who switches to a light theme for the projector finds it next time;
    a settings file that is not JSON is ignored, no traceback."""
    import asyncio

    from wargame.tui import settings
    from wargame.tui.app import WargameApp

    monkeypatch.setenv("WARGAME_CONFIG_DIR", str(tmp_path))

    async def theme_after(change_to: str | None) -> str:
        app = WargameApp()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            if change_to:
                app.theme = change_to
                await pilot.pause()
            return app.theme

    (tmp_path / "settings.json").write_text("{not json", encoding="utf-8")
    default = asyncio.run(theme_after(None))
    assert asyncio.run(theme_after("textual-light")) == "textual-light"
    assert settings.load() == {"theme": "textual-light"}
    assert asyncio.run(theme_after(None)) == "textual-light"
    assert default != "textual-light"


RISK_WORDS = [("support_statement", "it changes no tension"),
              ("joint_exercise", "between you and the target's adversaries"),
              ("deploy_to_ally", "between you and the target's adversaries"),
              ("defend_ally", "between you and the attackers"),
              ("mobilise", "in each of your disputes"),
              ("table_resolution", "with the state the draft names"),
              ("request_consultation", "names no state, so no tension between states changes"),
              ("call_meeting", "names no state"),
              ("invasion", "+30 to the tension with its target")]


@pytest.mark.parametrize("action,words", RISK_WORDS)
def test_the_risk_line_says_where_the_tension_goes(action, words):
    from wargame.core.actions import CATALOGUE
    from wargame.tui.text import tension_note

    assert words in tension_note(CATALOGUE[action])


def test_an_action_that_names_no_state_is_shown_without_risk_and_adds_none():
    from wargame.core import Order
    from wargame.core.actions import CATALOGUE
    from wargame.tui.text import option_details, option_prompt

    def after(orders):
        g = Game(demo_world(), seed=1)
        g.advance()
        g.advance()
        if orders:
            g.submit_orders("east", orders)
        g.resolve()
        return dict(g.state.tension), g.state.escalation

    consult = Order("east", "request_consultation", institution="pact")
    assert after([consult]) == after([])  # the engine: nothing moves
    g = Game(demo_world(), seed=1)
    g.advance()
    g.advance()
    option = next(o for o in g.view("east").options if o.action.id == "request_consultation")
    assert CATALOGUE["request_consultation"].escalation > 0  # its figure, not what it does
    assert "Risk: [$text-dim]no escalation[/]" in option_details(option, 40, {})
    assert "no risk" in option_prompt(option, 40)


def test_the_ledger_names_clauses_by_their_labels():
    from wargame.core import Order
    from wargame.tui.widgets.lists import ledger_text

    g = Game(demo_world(), seed=1)
    g.advance()
    g.advance()
    g.submit_orders("north", [Order("north", "invasion", "east")])
    g.resolve()
    text = ledger_text(g.view("west"))
    assert "Westland: assist Eastmark against Northland under Northern Pact Art. 5" in text
    assert "art5" not in text


@pytest.fixture(scope="module")
def baltic_view():
    campaign = pytest.importorskip("wargame.campaign")
    path = next(p for p in campaign.bundled_campaigns() if p.name == "baltic-flashpoint.yaml")
    scenario = load_scenario(str(path))
    return Game(scenario.world, 1).view("estonia")


@given(st.integers(min_value=40, max_value=160))
def test_the_states_table_fits_the_width_it_is_given(baltic_view, width):
    import re

    from wargame.tui.widgets.states import table_text

    plain = [re.sub(r"\[/?[^\]]*\]", "", line) for line in
             table_text(baltic_view, width).splitlines()]

    def longest(text):
        return max(len(re.sub(r"\[/?[^\]]*\]", "", line)) for line in text.splitlines())

    widest, narrowest = longest(table_text(baltic_view)), longest(table_text(baltic_view, 1))
    assert narrowest < widest
    assert max(len(line) for line in plain) <= max(width, narrowest)
    assert plain[0].startswith("State") and "Region" in plain[0] or width < widest
    korea = next(line for line in plain if line.startswith("Republic of"))
    assert "Republic of Korea" in korea or width < widest
    assert "(you)" in plain[1]  # your own row keeps its mark, whatever the width
    assert plain[1].startswith("Estonia (you)") or width < widest
    if width >= widest:  # room for everything: nothing shortened
        assert "…" not in "".join(plain)


def test_at_80_columns_the_states_table_keeps_every_column(baltic_view):
    from wargame.tui.widgets.states import table_text

    lines = table_text(baltic_view, 76).splitlines()  # 80 less padding and scroll bar
    assert lines[0].rstrip().endswith("Region[/b]")
    assert any(line.rstrip().endswith(" europe") for line in lines)
    assert any("United Kingdom " in line for line in lines)


def test_promises_count_as_owed_and_are_in_the_briefing():
    from wargame.core.terms import Term
    from wargame.tui.widgets.panels import briefing_text, you_short

    g = Game(demo_world(), seed=1)
    g.advance()
    assert "nothing owed" in you_short(g.view("east"))
    pid = g.propose("west", ["east"], [Term("east", "raise_spending", value=3.0)])
    g.answer("east", pid, "accept")
    view = g.view("east")
    assert "1 owed (tab 8)" in you_short(view)
    text = briefing_text(view)
    assert "Your promises" in text and "Eastmark raises defence spending to 3% of GDP" in text
    assert "nothing owed" in you_short(g.view("west"))  # the promise is Eastmark's


def test_rungs_crossed_in_one_round_read_as_one_line():
    from wargame.core import Order
    from wargame.tui.widgets.panels import what_happened

    g = Game(demo_world(), seed=1)
    g.advance()
    g.advance()
    g.submit_orders("north", [Order("north", "invasion", "east")])
    g.resolve()
    g.advance()
    crossed = [e for e in g.log if e.kind.value == "rung_crossed"]
    assert len(crossed) >= 2
    text = "\n".join(what_happened(g.view("east"), g.public_news()))
    assert text.count("climbs past") == 1
    assert f"The crisis climbs past {len(crossed)} rungs: " in text
    for e in crossed:  # every rung is still named
        assert e.text.split("climbs past ")[1].rstrip(".") in text


def test_a_long_dialog_title_wraps_instead_of_being_cut_off():
    from textual.app import App

    from wargame.tui.screens.dialogs import PickScreen

    from .helpers import run, screen_text

    title = ("Table a resolution in North Atlantic Treaty Organization: what would the "
             "draft decide?")

    from wargame.tui.app import WargameApp

    class One(App):
        CSS_PATH = str(ROOT / "wargame" / "tui" / "app.tcss")
        get_css_variables = WargameApp.get_css_variables  # $text-dim and the others

        def on_mount(self):
            self.push_screen(PickScreen(title, [("a", "Alpha")]))

    async def shown():
        app = One()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            return screen_text(app)

    text = run(shown())
    assert "what would" in text and "the draft decide?" in text


def every_bundled_view():
    """(campaign file name, a state's first view) for every state of every bundled
    campaign."""
    campaign = pytest.importorskip("wargame.campaign")
    for path in campaign.bundled_campaigns():
        g = Game(load_scenario(str(path)).world, seed=1)
        for n in g.world.ids:
            yield path.name, g.view(n)


def test_your_numbers_fit_one_line_at_80_columns_in_every_bundled_campaign():
    from wargame.tui.widgets.panels import you_short

    for name, view in every_bundled_view():
        line = Content.from_markup(you_short(view)).plain
        assert line.endswith(" · nothing owed")
        owing = line.replace("nothing owed", "2 owed (tab 8)")  # the longer ending
        assert len(owing) <= 78, (name, owing)


@pytest.mark.parametrize("owed,expected", [
    ((), ["russia", "belarus", "china", "germany"]),  # most tense first; an ally last of equals
    (("china",), ["china", "russia", "belarus", "germany"]),  # an obligation against it: first
])
def test_sanction_targets_put_obligations_then_tension_first(owed, expected):
    from wargame.tui.screens.orders import target_order

    tension = {"russia": 40.0, "belarus": 10.0}
    assert target_order(["germany", "china", "belarus", "russia"], tension, {"germany"},
                        False, set(owed)) == expected


def test_the_briefing_ends_with_the_campaigns_notes_and_sources():
    pytest.importorskip("wargame.campaign")
    from wargame.tui.widgets.panels import briefing_text

    scenario = load_scenario("abyssinia-1935")
    g = Game(scenario.world, seed=1)
    text = Content.from_markup(briefing_text(g.view(scenario.world.ids[0]),
                                             about=scenario)).plain
    about = text.split("About this campaign", 1)[1]
    assert scenario.notes.strip().splitlines()[0] in about
    assert "Sources" in about and scenario.sources[0] in about


def test_your_panel_lines_fit_its_width_in_every_bundled_campaign():
    from wargame.tui.widgets.panels import you_lines

    for name, view in every_bundled_view():
        for line in you_lines(view):
            plain = Content.from_markup(line).plain
            assert len(plain) <= 38, (name, plain)  # the panel at 110 columns
