"""A bundled campaign can be named on the command line: `wargame play tutorial`.

A bare name that is not an existing path is the bundled campaign of that file name
(with or without .yaml); when nothing matches, one line names the bundled campaigns.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from wargame.campaign import bundled_campaigns, campaigns_dir
from wargame.campaign.bundled import bundled_names, find_campaign
from wargame.cli import main

TUTORIAL = campaigns_dir() / "tutorial.yaml"
NAMES = ", ".join(bundled_names())


@pytest.fixture(autouse=True)
def elsewhere(tmp_path, monkeypatch):
    """Run from a folder holding no campaign, as a new user would."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WARGAME_SAVES_DIR", str(tmp_path / "saves"))
    return tmp_path


@pytest.mark.parametrize("arg", ["tutorial", "tutorial.yaml", "Tutorial", "tutorial.yml"])
def test_a_bundled_name_with_or_without_yaml_is_found(arg):
    assert find_campaign(arg) == TUTORIAL


def test_every_bundled_campaign_is_found_by_its_name():
    assert {find_campaign(p.stem) for p in bundled_campaigns()} == set(bundled_campaigns())
    assert "tutorial" in bundled_names() and "baltic-flashpoint" in bundled_names()


def test_a_path_that_exists_wins_and_a_path_is_never_a_name(elsewhere):
    (elsewhere / "tutorial").write_text("title: mine\n", encoding="utf-8")
    assert find_campaign("tutorial") == Path("tutorial")  # the file here, not the bundled one
    assert find_campaign("sub/tutorial.yaml") == Path("sub/tutorial.yaml")  # not a name


def test_validate_rules_and_simulate_take_a_name(capsys):
    assert main(["validate", "tutorial", "baltic-flashpoint.yaml"]) == 0
    out = capsys.readouterr().out
    assert "OK: Tutorial: The Harbour at Belport" in out and "OK: Baltic Flashpoint" in out
    assert main(["rules", "tutorial", "council", "--yes", "belmark,corvia,dunmore",
                 "--no", "ardenia"]) == 0
    assert "vetoed by ardenia" in capsys.readouterr().out
    assert main(["simulate", "tutorial", "--games", "2", "--seed", "1", "--json",
                 "--jobs", "1"]) == 0
    assert json.loads(capsys.readouterr().out)["campaign"].startswith("Tutorial")


def test_play_text_takes_a_name(elsewhere):
    run = subprocess.run([sys.executable, "-m", "wargame.cli", "play", "--text", "tutorial",
                          "--as", "belmark", "--rounds", "0"], stdin=subprocess.DEVNULL,
                         capture_output=True, text=True, timeout=120, cwd=elsewhere)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("wargame: Tutorial: The Harbour at Belport")


def test_play_full_screen_is_given_the_bundled_file(monkeypatch, capsys):
    started = []
    monkeypatch.setattr("wargame.tui.run", lambda campaign, *a, **k: started.append(campaign)
                        or 0)
    monkeypatch.setattr("wargame.cli._is_terminal", lambda: True)
    assert main(["play", "baltic-flashpoint"]) == 0
    assert main(["play", "demo"]) == 0  # the built-in demo world keeps its name
    assert started == [str(campaigns_dir() / "baltic-flashpoint.yaml"), "demo"]
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("argv", [
    ["play", "--text", "tutorrial"],
    ["validate", "tutorrial"],
    ["rules", "tutorrial", "council"],
    ["simulate", "tutorrial", "--games", "1"],
])
def test_an_unknown_name_is_one_line_listing_the_bundled_campaigns(argv, capsys):
    assert main(argv) == 2
    captured = capsys.readouterr()
    text = captured.err + captured.out
    line = next(t for t in text.splitlines() if "cannot read the file" in t)
    assert line.endswith(f"did you mean 'tutorial'? Otherwise choose a file, or one of: {NAMES}")
    assert "hint:" not in text and "Traceback" not in text


def test_an_unknown_name_before_the_screen_opens(monkeypatch, capsys):
    monkeypatch.setattr("wargame.tui.run", lambda *a, **k: pytest.fail("screen started"))
    monkeypatch.setattr("wargame.cli._is_terminal", lambda: True)
    assert main(["play", "zzz"]) == 2
    err = capsys.readouterr().err
    assert err == f"zzz: cannot read the file: No such file or directory; choose a file, " \
                  f"or one of: {NAMES}\n"


@pytest.mark.parametrize("command", ["play", "validate", "rules", "simulate"])
def test_help_says_a_bundled_campaign_can_be_named(command):
    out = subprocess.run([sys.executable, "-m", "wargame.cli", command, "--help"],
                         capture_output=True, text=True, check=True).stdout
    assert "bundled campaign" in " ".join(out.split())
