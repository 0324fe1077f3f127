"""The plain-text game: playable from typed lines alone, refusals explained, no traceback."""

import io
import re

from textdrive import play  # tests/unit is on sys.path
from wargame.textplay import run


def test_a_whole_game_from_typed_lines():
    # lead the first state, give no orders: the game runs to its end and scores
    code, text = play(["1"] + [""] * 200)
    assert code == 0
    assert "Round 2 of " in text  # more than one round was played
    assert "Your score:" in text and "Met: " in text  # the end: objectives met or not


def test_orders_refused_with_the_reason_and_retried():
    code, text = play(["estonia", "99", "1", "1 atlantis", "", ""], rounds=1)
    assert code == 0
    assert "Refused: there is no action 99: the actions are numbered 1 to " in text
    assert "Refused: Statement of support needs a target" in text
    assert "Refused: there is no state 'atlantis'" in text


def test_end_of_input_is_clean():
    code, text = play([])  # input ends at the first question
    assert code == 0 and "Goodbye" in text


def test_a_broken_campaign_is_reported_with_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [\n", encoding="utf-8")
    code, _ = play([], campaign=str(bad))
    assert code == 2
    assert "bad.yaml:" in capsys.readouterr().err
    assert bad.read_text(encoding="utf-8") == "title: [\n"


def test_actions_by_name_help_and_decisions_shown():
    # round 1: table EU sanctions on Russia by the action's name; round 2: the vote's
    # result is printed when diplomacy closes
    code, text = play(["help", "table_resolution russia eu sanctions", "", "", ""],
                      nation="estonia", rounds=2)
    assert code == 0
    assert "Numbers stay the same all game" in text
    assert "Ordered: Table a resolution, Russia, in European Union, sanctions." in text
    assert "European Union votes on sanctions against Russia" in text


def test_unknown_state_is_refused_before_the_game_starts(capsys):
    code, text = play([], nation="narnia")
    assert code == 2 and text == ""
    assert "wargame play: there is no state 'narnia'" in capsys.readouterr().err


def test_a_state_is_chosen_by_its_name_in_any_case():
    code, text = play([""] * 3, nation="united KINGDOM", rounds=1)
    assert code == 0
    assert "You, United Kingdom: military" in text


# ---------------------------------------------------------------- numbers that stay
def _numbered(section: str) -> dict[str, str]:
    """Action name -> its number, from the action list lines ('11. Targeted sanctions: ...')."""
    import re

    return {m.group(2): m.group(1)
            for m in re.finditer(r"^(\d+)\. ([^:\n]+): ", section, re.MULTILINE)}


def test_an_action_keeps_its_number_when_new_actions_open():
    # round 2 adds 'Propose a ceasefire' (the crisis is hot): nothing after it moves
    # the list is printed once; round 2 says what opened, and actions lists it again
    code, text = play(["", "actions", "11 russia", ""], nation="estonia", rounds=2)
    assert code == 0
    assert text.count("Actions you can order now") == 2  # round 1, and on request
    assert re.search(r"^Now open: 9\. Propose a ceasefire", text, re.MULTILINE)
    first, second = text.split("Actions you can order now")[1:3]
    one, two = _numbered(first), _numbered(second)
    assert "Propose a ceasefire" not in one and "Propose a ceasefire" in two
    assert one["Targeted sanctions"] == two["Targeted sanctions"] == "11"
    assert all(two[name] == number for name, number in one.items() if name in two)
    assert "Ordered: Targeted sanctions, Russia." in text  # by that number in round 2


def test_actions_are_ordered_by_their_names_and_states_by_theirs():
    code, text = play(["targeted sanctions russia", "Table a resolution Russia European Union "
                       "sanctions", ""], nation="estonia", rounds=1)
    assert code == 0
    assert "Ordered: Targeted sanctions, Russia." in text
    assert "Ordered: Table a resolution, Russia, in European Union, sanctions." in text


def test_an_action_not_open_now_says_so_with_its_number():
    code, text = play(["accept a ceasefire russia", ""], nation="estonia", rounds=1)
    assert "Refused: Accept a ceasefire (10) cannot be ordered now" in text


# ---------------------------------------------------------------- briefing and costs
def test_the_private_briefing_is_shown_at_the_start_and_on_request():
    from wargame.campaign import DEFAULT_CAMPAIGN, load_campaign

    secret = load_campaign(DEFAULT_CAMPAIGN).world.nation["estonia"].briefing.strip()
    code, text = play(["briefing", ""], nation="estonia", rounds=1)
    assert code == 0
    assert text.count("Your private briefing, for you alone:\n" + secret) == 2
    assert text.index(secret) < text.index("Round 1 of ")  # before the first round


def test_the_action_list_gives_cost_and_risk_in_words():
    code, text = play(["about 17", ""], nation="estonia", rounds=1)
    assert ("17. Mobilise: moderate escalation; costs 0.3% of your GDP (about 126 million "
            "dollars) and 3 points of public support.") in text
    assert "2. Condemnation: low escalation; free. Target: any state." in text
    assert "11. Targeted sanctions: low escalation; free, but costs you trade" in text
    assert "6. Request consultation: no escalation (it names no state); free. In: nato." in text
    # about: what it does, its cost and risk
    assert "Call up reserves" in text and "Risk: moderate escalation (+6" in text


def test_help_lists_every_command():
    code, text = play(["help", ""], nation="estonia", rounds=1)
    for command in ("quit (also q or exit):", "actions (also a or list):", "about NUMBER",
                    "briefing (also b):", "help (also h or ?):", "Enter on an empty line",
                    "propose STATES: TERMS", "accept PROPOSAL", "vote DRAFT VOTE",
                    "write STATES: TEXT", "ledger (also l):", "treaties", "news"):
        assert command in text
    # its examples are this game's: a state and an institution of the campaign
    assert "for example 2 Russia, or condemnation Russia." in text
    assert "for example 8 Russia nato statement." in text


def test_lines_are_plain():
    code, text = play(["help", "about 8", ""], nation="estonia", rounds=1)
    for mark in ("===", "->", "|", "[x]", "  > "):
        assert mark not in text


# ---------------------------------------------------------------- leaving and going on
def _load_command(text: str) -> str:
    line = next(x for x in text.splitlines() if x.startswith("wargame play --text --load "))
    return line.removeprefix("wargame play --text --load ")


def test_quit_saves_and_says_how_to_go_on(tmp_path):
    for word in ("quit", "q", "EXIT"):
        folder = tmp_path / word
        code, text = play(["estonia", word], saves_dir=str(folder))
        assert code == 0
        assert "The game is saved in " in text and "Goodbye." in text
        name, option, where = _load_command(text).split()
        assert option == "--saves-dir" and where == str(folder)
        assert (folder / f"{name}.json").is_file()


def test_the_load_command_printed_on_quit_goes_on_where_the_player_left(tmp_path):
    import subprocess
    import sys

    code, text = play(["estonia", "11 russia", "quit"], saves_dir=str(tmp_path))
    assert code == 0 and "Ordered: Targeted sanctions, Russia." in text
    args = _load_command(text).split()
    run = subprocess.run([sys.executable, "-m", "wargame.cli", "play", "--text", "--load", *args],
                         input="\nquit\n", capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "Going on with the saved game, round 1 of " in out and "You lead Estonia." in out
    assert "Already ordered: Targeted sanctions." in out  # the order given before quitting
    assert "Estonia imposes targeted sanctions on Russia." in out  # and the round resolved
    assert "Round 2 of " in out and "wargame play --text --load " in out


def test_quit_before_choosing_a_state_saves_nothing(tmp_path):
    code, text = play(["quit"], saves_dir=str(tmp_path))
    assert code == 0 and "Nothing was saved" in text
    assert not list(tmp_path.glob("*.json"))


def test_ctrl_c_at_a_question_saves_and_says_how_to_go_on(tmp_path):
    def ask(prompt):
        raise KeyboardInterrupt

    out = io.StringIO()
    assert run(ask=ask, out=out, nation="estonia", saves_dir=str(tmp_path)) == 130
    text = out.getvalue()
    assert "Interrupted." in text and "The game is saved in " in text
    assert (tmp_path / (_load_command(text).split()[0] + ".json")).is_file()


def test_ctrl_c_while_the_round_is_worked_out_points_to_the_last_save(tmp_path, monkeypatch):
    from wargame.ai import ComputerPlayers

    real = ComputerPlayers.give_orders

    def slow(self, game):
        if game.round == 2:
            raise KeyboardInterrupt
        real(self, game)

    monkeypatch.setattr(ComputerPlayers, "give_orders", slow)
    code, text = play(["", ""], nation="estonia", saves_dir=str(tmp_path))
    assert code == 130
    assert "Interrupted while the round was being worked out." in text
    assert "_round-02" in _load_command(text)  # the save made when round 1 ended


def test_text_mode_does_not_import_textual():
    import subprocess
    import sys

    code = ("import sys, wargame.textplay; "
            "sys.exit(any(m.split('.')[0] == 'textual' for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_votes_take_y_and_explain_a_wrong_answer():
    answers = {"vote": iter(["maybe", "y"])}

    def ask(prompt):
        if prompt.startswith("Your vote"):
            return next(answers["vote"], "")
        return ""

    out = io.StringIO()
    assert run(ask=ask, out=out, nation="lithuania") == 0
    text = out.getvalue()
    # which computer government tables it depends on the computer players (issue 12)
    assert re.search(r"votes on draft d2, tabled by [A-Z][a-z]+\. Measure: condemn\. "
                     r"Concerning: Russia\.", text)
    assert "Refused: unknown vote 'maybe': use yes, no, abstain or absent" in text
    assert re.search(r"^You vote yes on d2\.$", text, re.MULTILINE)


def test_quit_when_the_save_cannot_be_written_says_so(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    code, text = play(["estonia", "quit"], saves_dir=str(blocker))
    assert code == 0
    assert "The game could not be saved: " in text
    assert "Nothing was saved, so the game cannot go on later." in text
    assert "--load" not in text


def test_an_act_of_war_says_what_it_may_bring_and_asks_first():
    answers = {"Give this order?": iter(["n", "yes"]), "Order 1": iter(["invasion estonia"] * 2)}

    def ask(prompt):
        for start, it in answers.items():
            if prompt.startswith(start):
                return next(it, "")
        return ""

    out = io.StringIO()
    assert run(ask=ask, out=out, nation="russia", rounds=1) == 0
    text = out.getvalue()
    assert "Invasion against Estonia is an act of war" in text
    assert "- Estonia is covered by Art. 5 of North Atlantic Treaty Organization" in text
    assert text.count("Not ordered.") == 1  # the first answer, no
    assert "Ordered: Invasion, Estonia." in text  # the second, yes


def test_an_attack_may_name_the_share_of_forces_it_commits(tmp_path):
    code, text = play(["russia", "invasion estonia 50%", "y", "condemn estonia 50%", "quit"],
                      saves_dir=str(tmp_path))  # the default campaign: Baltic Flashpoint
    assert code == 0
    assert "It commits 50% of your available forces (about 225 of 450)" in text
    assert "Ordered: Invasion, Estonia, 50% of your forces." in text
    assert "Refused: Condemnation commits no forces: leave out 50%" in text
