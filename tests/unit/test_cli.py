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
