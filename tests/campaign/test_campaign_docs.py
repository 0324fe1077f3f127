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
