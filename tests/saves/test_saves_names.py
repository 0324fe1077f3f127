"""A save is named as `wargame saves` lists it: report, replay, branch and play --load
take that name (with or without .json) as well as a path; `saves --all` lists backups."""

from __future__ import annotations

import os
import random
import shutil

import pytest
from saveplay import play

from wargame.campaign import campaigns_dir, load_campaign
from wargame.cli import main as cli
from wargame.core import Game
from wargame.saves import ENV_VAR, save_game


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """A tutorial game saved after every round: its latest save and three backups."""
    folder = tmp_path_factory.mktemp("saves")
    campaign = load_campaign(campaigns_dir() / "tutorial.yaml")
    game = Game(campaign.world, 5)
    play(game, random.Random(5), rounds=5,
         each=lambda g, step: step == "resolve" and save_game(g, campaign, folder))
    latest = save_game(game, folder=folder)
    return folder, latest


def _listed(capsys, *args) -> str:
    assert cli(["saves", *args]) == 0
    return capsys.readouterr().out


def test_every_command_takes_the_name_saves_lists(saved, capsys, tmp_path, monkeypatch):
    folder, latest = saved
    monkeypatch.chdir(tmp_path)  # not the checkout: the name alone cannot be a path here
    listed = _listed(capsys, "--saves-dir", str(folder))
    assert f"  {latest.name}\n" in listed
    assert "wargame play --load NAME" in listed and "--saves-dir" in listed
    for name in (latest.name, latest.stem):
        assert cli(["replay", name, "--quiet", "--saves-dir", str(folder)]) == 0
        out, err = capsys.readouterr()
        assert out.startswith("state hash ") and err == ""
        assert cli(["report", name, "--saves-dir", str(folder)]) == 0
        out = capsys.readouterr().out
        assert out.startswith("# ") and "Tutorial" in out
    assert cli(["branch", latest.stem, "--round", "2", "--saves-dir", str(folder),
                "-o", str(tmp_path / "branches")]) == 0
    out = capsys.readouterr().out
    assert "goes on as a new game" in out and list((tmp_path / "branches").glob("*.json"))


def test_the_environment_variable_names_the_folder_too(saved, capsys, tmp_path, monkeypatch):
    folder, latest = saved
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(ENV_VAR, str(folder))
    assert latest.name in _listed(capsys)
    assert cli(["replay", latest.stem, "--quiet"]) == 0
    assert capsys.readouterr().out.startswith("state hash ")


def test_a_path_still_works(saved, capsys, tmp_path, monkeypatch):
    folder, latest = saved
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "elsewhere"))
    assert cli(["replay", str(latest), "--quiet"]) == 0
    assert cli(["replay", os.path.relpath(latest, tmp_path), "--quiet"]) == 0
    assert capsys.readouterr().out.count("state hash ") == 2


def test_an_unknown_name_says_where_it_looked(saved, capsys, tmp_path, monkeypatch):
    folder, _ = saved
    monkeypatch.chdir(tmp_path)
    for command in (["report", "nope"], ["replay", "nope"], ["branch", "nope", "--round", "1"],
                    ["play", "--text", "--load", "nope"]):
        assert cli([*command, "--saves-dir", str(folder)]) == 2
        out, err = capsys.readouterr()
        assert out == "" and err.count("\n") == 1, err
        assert "nope: there is no such save" in err
        assert f"in the saves folder {folder}" in err
        assert f"wargame saves --saves-dir {folder}" in err


def test_play_load_takes_a_name(saved, capsys, tmp_path, monkeypatch):
    folder, latest = saved
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)  # playing on saves again: not in the shared folder
    monkeypatch.chdir(tmp_path)
    seen = {}

    def play(campaign, seed, nation, rounds, *, loaded=None, saves_dir=None):
        seen.update(loaded=loaded, saves_dir=saves_dir)
        return 0

    monkeypatch.setattr("wargame.textplay.run", play)
    assert cli(["play", "--text", "--load", latest.stem, "--saves-dir", str(copy)]) == 0
    assert "no such save" not in capsys.readouterr().err
    assert seen["loaded"].path == copy / latest.name
    assert seen["loaded"].game.round == 6 and seen["saves_dir"] == str(copy)


def test_saves_all_lists_the_backups(saved, capsys, tmp_path, monkeypatch):
    folder, latest = saved
    monkeypatch.chdir(tmp_path)
    backups = sorted((folder / "backups").glob("*.json"))
    assert len(backups) == 3
    short = _listed(capsys, "--saves-dir", str(folder))
    assert "backups/" not in short
    everything = _listed(capsys, "--saves-dir", str(folder), "--all")
    assert latest.name in everything and "Older saves kept in" in everything
    for b in backups:
        assert f"  backups/{b.name}\n" in everything
    assert everything.count("(backup, save ") == 3
    # and a backup is opened by the name listed
    name = f"backups/{backups[0].name}"
    assert cli(["replay", name, "--quiet", "--saves-dir", str(folder)]) == 0
    assert capsys.readouterr().out.startswith("state hash ")


def test_saves_all_says_when_there_are_no_backups(capsys, tmp_path):
    campaign = load_campaign(campaigns_dir() / "tutorial.yaml")
    game = Game(campaign.world, 1)
    save_game(game, campaign, tmp_path)
    out = _listed(capsys, "--saves-dir", str(tmp_path), "--all")
    assert "No older saves in backups/." in out
