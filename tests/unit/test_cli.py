"""The command line: one clear line for every mistake, never a traceback."""

import subprocess
import sys
from pathlib import Path

import pytest

from wargame.cli import main

ROOT = Path(__file__).resolve().parents[2]
BALTIC = str(ROOT / "campaigns" / "baltic-flashpoint.yaml")
P5 = "usa,uk,france,russia,china"
E10 = "algeria,denmark,greece,guyana,pakistan,panama,south_korea,sierra_leone,slovenia,somalia"


@pytest.mark.parametrize("args,line", [
    # the Crimea draft pattern: 13-1-1 with a permanent member against
    (["unsc", "--yes", "usa,uk,france," + E10, "--no", "russia", "--abstain", "china"],
     "NOT ADOPTED (13-1-1): vetoed by russia"),
    # a permanent member's abstention is not a veto
    (["unsc", "--yes", "usa,uk,france,russia," + E10, "--abstain", "china"],
     "ADOPTED (14-0-1): 14 votes in favour, 9 required"),
    (["unsc", "--yes", P5 + ",algeria,denmark,greece"], "NOT ADOPTED (8-0-0): 8 of 9 required votes"),
    # NATO: consensus, silence is consent; one objection blocks
    (["nato", "--yes", "estonia"], "ADOPTED (1-0-0): no objection"),
    (["nato", "--yes", "estonia", "--no", "hungary"], "NOT ADOPTED (1-1-0): objection by hungary"),
    # EU unanimity: abstention does not block (TFEU Art. 238(4)); an objection does
    (["eu", "--yes", "germany,france", "--abstain", "hungary"], "ADOPTED (2-0-1): unanimous"),
    (["eu", "--yes", "germany,france", "--no", "hungary"], "NOT ADOPTED (2-1-0): objection"),
    # Chapter VI: a party to the dispute abstains, so its "no" is no veto
    (["unsc", "--yes", "usa,uk,france,china," + E10, "--no", "russia", "--kind",
      "pacific_settlement", "--parties", "russia"], "ADOPTED (14-0-0)"),
    # --measure decides as the game does: a joint statement is Chapter VI...
    (["unsc", "--yes", "usa,uk,france,china," + E10, "--no", "russia", "--measure",
      "statement", "--parties", "russia"], "ADOPTED (14-0-0)"),
    # ...a ceasefire demand is a provisional measure (Art. 40): the party votes and vetoes
    (["unsc", "--yes", "usa,uk,france,china," + E10, "--no", "russia", "--measure",
      "ceasefire", "--parties", "russia"], "NOT ADOPTED (14-1-0): vetoed by russia"),
    # a referral under Uniting for Peace is procedural: Russia's no is no veto (Res. 2623)
    (["unsc", "--yes", "usa,uk,france,algeria,denmark,greece,guyana,panama,south_korea,"
      "sierra_leone,slovenia", "--no", "russia", "--abstain", "china", "--measure", "refer"],
     "ADOPTED (11-1-1): 11 votes in favour, 9 required"),
    # the General Assembly: two thirds of those present and voting (Art. 18(2))
    (["unga", "--yes", "usa,uk,france,estonia", "--no", "russia,belarus,tajikistan", "--abstain", "china"],
     "NOT ADOPTED (4-3-1): 4 of 7 voting in favour, 5 required"),
    # TEU Art. 31(1): declarations by a third of the members with a third of the people
    (["eu", "--yes", "estonia,poland,latvia,lithuania,finland,sweden,denmark,slovenia",
      "--declared", "germany,france,hungary,greece"],
     "NOT ADOPTED (8-0-4): blocked by the declared abstentions of germany, france, hungary, "
     "greece (4 of 12 members and 72% of the population"),
])
def test_rules_command_prints_the_decision(args, line, capsys):
    assert main(["rules", BALTIC, *args]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.startswith(line), out


@pytest.mark.parametrize("args,message", [
    (["natoo", "--yes", "usa"], "has no institution 'natoo'; did you mean 'nato'?"),
    (["unsc", "--yes", "atlantis"], "'atlantis' is not a member of UN Security Council"),
    (["unsc", "--yes", "usa", "--no", "usa"], "'usa' is named twice"),
    (["unsc", "--parties", "mars"], "there is no state 'mars'"),
    (["nato", "--declared", "germany"], "has no formal abstention"),
])
def test_rules_command_mistakes(args, message, capsys):
    assert main(["rules", BALTIC, *args]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""


def test_missing_campaign_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["rules", str(tmp_path / "nope.yaml"), "nato"]) == 2
    err = capsys.readouterr().err
    assert "nope.yaml" in err and "Traceback" not in err


def test_help_lists_the_commands():
    out = subprocess.run([sys.executable, "-m", "wargame.cli", "--help"], capture_output=True,
                         text=True, check=True).stdout
    for command in ("play", "validate", "rules"):
        assert command in out


# ------------------------------------------------------------------ play: before any screen
@pytest.fixture
def no_screen(monkeypatch):
    """Fail if the full-screen game would start; say that a terminal is there."""
    def tui(*args, **kwargs):
        raise AssertionError("the full-screen game started")

    monkeypatch.setattr("wargame.tui.run", tui)
    monkeypatch.setattr("wargame.cli._is_terminal", lambda: True)


def test_play_a_missing_campaign_is_refused_before_the_screen_opens(tmp_path, capsys,
                                                                      no_screen):
    missing = str(tmp_path / "nope.yaml")
    assert main(["play", missing]) == 2
    full_screen = capsys.readouterr()
    assert main(["play", "--text", missing]) == 2
    text = capsys.readouterr()
    assert full_screen.out == "" and "nope.yaml: cannot read the file" in full_screen.err
    assert full_screen.err == text.err  # the same words as the text game


def test_play_a_folder_without_campaigns_is_refused(tmp_path, capsys, no_screen):
    (tmp_path / "notes.txt").write_text("no campaign here", encoding="utf-8")
    assert main(["play", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{tmp_path}: is a folder with no campaign in it")
    assert "Traceback" not in err


def test_play_opens_a_folder_of_campaigns_and_a_file_with_mistakes(tmp_path, monkeypatch,
                                                                     capsys):
    """Setup offers a folder's campaigns and shows a broken file's errors: both open."""
    started = []
    monkeypatch.setattr("wargame.tui.run", lambda campaign, *a, **k: started.append(campaign)
                        or 0)
    monkeypatch.setattr("wargame.cli._is_terminal", lambda: True)
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [unclosed\n", encoding="utf-8")
    assert main(["play", str(tmp_path)]) == 0
    assert main(["play", str(broken)]) == 0
    assert main(["play", "demo"]) == 0  # the built-in demo world
    assert started == [str(tmp_path), str(broken), "demo"]
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("stdin,stdout", [(False, True), (True, False), (False, False)])
def test_play_without_a_terminal_says_so(stdin, stdout, monkeypatch, capsys):
    class Stream:
        def __init__(self, tty):
            self.tty = tty

        def isatty(self):
            return self.tty

        def write(self, text):
            return len(text)

        def flush(self):
            pass

    monkeypatch.setattr("wargame.tui.run", lambda *a, **k: pytest.fail("screen started"))
    monkeypatch.setattr(sys, "stdin", Stream(stdin))
    monkeypatch.setattr(sys, "stdout", Stream(stdout))
    assert main(["play", BALTIC]) == 2
    assert main([]) == 2  # 'wargame' alone plays too
    assert capsys.readouterr().err == "wargame play needs a terminal; use --text\n" * 2


def test_play_without_a_terminal_in_a_real_process(tmp_path):
    run = subprocess.run([sys.executable, "-m", "wargame.cli", "play", BALTIC],
                         stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
                         cwd=tmp_path)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr == "wargame play needs a terminal; use --text\n"


def test_play_text_needs_no_terminal(monkeypatch, capsys):
    seen = []
    monkeypatch.setattr("wargame.textplay.run", lambda *a, **k: seen.append(a) or 0)
    monkeypatch.setattr("wargame.cli._is_terminal", lambda: False)
    assert main(["play", "--text", BALTIC]) == 0
    assert seen and seen[0][0] == BALTIC


# ---------------------------------------------------------------- simulate --help
def test_simulate_help_describes_difficulty_and_every_policy():
    from wargame.ai import available

    out = subprocess.run([sys.executable, "-m", "wargame.cli", "simulate", "--help"],
                         capture_output=True, text=True, check=True).stdout
    words = " ".join(out.split())
    assert "--difficulty {easy,normal,hard} how well the computer players judge" in words
    assert "default normal" in words
    policy = words[words.index("--policy NAME one policy"):words.index("--save-dir DIR write")]
    for name in available():
        assert name in policy
    assert "passive (gives no orders and casts no votes)" in policy
    assert "'wargame.policies' entry points" in policy
