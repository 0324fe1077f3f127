"""`wargame actions CAMPAIGN`: the action ids an author needs, with what each does."""

from __future__ import annotations

import json

from wargame.cli import main
from wargame.core.actions import CATALOGUE


def test_lists_every_action_of_the_catalogue_by_id(capsys):
    assert main(["actions", "tutorial"]) == 0
    out = capsys.readouterr().out
    for aid in CATALOGUE:
        assert f"  {aid}: " in out
    assert "invasion: Invasion. Effect invade, targets a state, escalation +30, any but " \
           "peace." in out
    assert "propose_ceasefire: Propose a ceasefire. Effect propose_ceasefire, targets a " \
           "state, escalation -2, from incident on." in out


def test_shows_what_the_campaign_changed(capsys):
    assert main(["actions", "abyssinia-1935"]) == 0
    out = capsys.readouterr().out
    assert "oil_sanction: Oil sanction (variant of financial_sanctions)." in out
    assert "Disabled in this campaign: cyber_attack" in out
    assert "  cyber_attack:" not in out


def test_json_has_one_row_per_action(capsys):
    assert main(["actions", "baltic-flashpoint", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    rows = {r["id"]: r for r in data["actions"]}
    assert rows["anchor_drag"]["change"] == "variant of cyber_attack"
    assert rows["cyber_attack"]["change"] == "retuned"
    assert rows["invasion"]["stages"][0] == "tension"
    assert set(CATALOGUE) <= set(rows)


def test_a_broken_campaign_is_one_clean_error(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\ntitle: [\n", encoding="utf-8")
    assert main(["actions", str(bad)]) == 2
    captured = capsys.readouterr()
    assert "bad.yaml:" in captured.err and "Traceback" not in captured.err
