"""The authoring guide: its complete example loads cleanly, its reference is current."""

from __future__ import annotations

import re

from wargame.campaign import campaigns_dir, load_campaign
from wargame.campaign.reference import END, START, reference

README = campaigns_dir() / "README.md"


def test_the_annotated_example_loads_without_errors_or_warnings(tmp_path):
    text = README.read_text(encoding="utf-8")
    section = text.split("## A complete example, annotated", 1)[1]
    example = re.search(r"```yaml\n(.*?)```", section, re.S)[1]
    path = tmp_path / "harbour.yaml"
    path.write_text(example, encoding="utf-8")
    campaign = load_campaign(path)
    assert campaign.warnings == ()
    assert campaign.summary() == {"states": 3, "institutions": 2, "clauses": 3, "injects": 2,
                                  "objectives": 6}


def test_the_field_reference_is_generated_from_the_format():
    text = README.read_text(encoding="utf-8")
    start, end = text.index(START), text.index(END) + len(END)
    assert text[start:end] + "\n" == reference(), \
        "regenerate it: python -m wargame.campaign.reference"


def test_campaign_policies_are_the_builtin_computer_players():
    from wargame.ai.registry import BUILTIN
    from wargame.campaign.fmt import POLICIES

    assert set(POLICIES) == set(BUILTIN)


def _gulf_example(tmp_path):
    text = README.read_text(encoding="utf-8")
    section = text.split("### A crisis that can be reversed", 1)[1]
    example = re.search(r"```yaml\n(.*?)```", section, re.S)[1]
    path = tmp_path / "gulf.yaml"
    path.write_text(example, encoding="utf-8")
    return load_campaign(path)


def _older():
    from wargame.core.injects import Change, Test

    conditions = {Test.ROUND_AT_LEAST, Test.STAGE_IS, Test.ESCALATION_AT_LEAST,
                  Test.ESCALATION_BELOW, Test.UNDER_ATTACK, Test.TERRITORY_BELOW,
                  Test.SANCTIONED, Test.SUPPORT_BELOW, Test.QUIET_ROUNDS_AT_LEAST, Test.FIRED,
                  Test.NOT_FIRED}
    return conditions, {Change.NEWS, Change.ADJUST, Change.INCIDENT, Change.TABLE_DRAFT}


OLDER_CONDITIONS, OLDER_EFFECTS = _older()
"""What the format had before issue 15: every condition and effect added since must be
in the Gulf example (a new one fails the test below until the example uses it)."""


def test_the_gulf_example_uses_every_new_condition_effect_and_objective(tmp_path):
    from wargame.core.injects import Change, Test
    from wargame.core.model import ObjectiveKind

    campaign = _gulf_example(tmp_path)
    assert campaign.warnings == ()
    w = campaign.world
    conditions = {c.test for i in w.injects for c in i.when} | \
        {c.inner.test for i in w.injects for c in i.when if c.inner} | \
        {c.test for e in w.end_conditions for c in e.when}
    assert set(Test) - {Test.NOT} - OLDER_CONDITIONS <= conditions
    assert set(Change) - OLDER_EFFECTS <= {e.change for i in w.injects for e in i.effects}
    assert {ObjectiveKind.PROTECT_TERRITORY, ObjectiveKind.MEASURE_ADOPTED} <= \
        {o.kind for n in w.nations for o in n.objectives}
    assert {o.measure for n in w.nations for o in n.objectives} >= {"use_of_force", "expel"}


def test_the_gulf_example_plays_to_the_end_and_its_injects_tell_the_truth(tmp_path):
    from wargame.ai.runner import ComputerPlayers
    from wargame.core import Game
    from wargame.core.injects import at_war_with

    from wargame.core.membership import is_member

    campaign = _gulf_example(tmp_path)
    invaded = liberated = expelled = 0
    for seed in range(20):
        game = Game(campaign.world, seed)
        players = ComputerPlayers(campaign.world, seed, policies=dict(campaign.policies))
        while not game.over:
            seen = len(game.log)
            was_member = is_member(game.world, game.state, "coalition", "uk")
            players.play_round(game)
            news = {e.ref for e in game.log[seen:]}
            if "kuwait_liberated" in news:  # said only when it is true, at that moment
                assert game.state.nations["kuwait"].territory >= 100
                assert not at_war_with(game.state, "kuwait")
                liberated += 1
            if "null_and_void" in news:  # a conquest to refuse to recognise
                assert ("unsc", "iraq") in game.state.not_recognised
            if "coalition_goes_home" in news:  # it left what it had joined
                assert was_member and not is_member(game.world, game.state, "coalition", "uk")
        invaded += any(e.kind.value == "armed_attack" and e.actor == "iraq" for e in game.log)
        if "iraq" in game.state.institutions["arab_league"].expelled:
            assert not is_member(game.world, game.state, "arab_league", "iraq")
            assert "iraq" not in game.state.institutions["arab_league"].notices
            expelled += 1
    assert invaded, "Iraq never invades in twenty seeded games: the example shows nothing"
    assert liberated, "Kuwait is never liberated in twenty seeded games"
    assert expelled, "the Arab League never expels Iraq in twenty seeded games"


def test_the_guide_names_every_warning():
    from wargame.campaign.lint import WARNINGS

    text = README.read_text(encoding="utf-8")
    table = text.split("quiet: [no_objectives, region_used_once]", 1)[1].split("\n## ", 1)[0]
    assert set(re.findall(r"^\| `(\w+)` \|", table, re.M)) == set(WARNINGS)
