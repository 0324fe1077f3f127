"""The plain-text game: playable from typed lines alone, refusals explained, no traceback."""

import io

from wargame.textplay import run


def play(lines, **kw):
    answers = iter(lines)

    def ask(prompt):
        try:
            return next(answers)
        except StopIteration:
            raise EOFError from None

    out = io.StringIO()
    code = run(ask=ask, out=out, **kw)
    return code, out.getvalue()


def test_a_whole_game_from_typed_lines():
    # lead the first state, give no orders: the game runs to its end and scores
    code, text = play(["1"] + [""] * 200)
    assert code == 0
    assert "=== Round 2/" in text  # more than one round was played
    assert "Your score:" in text and "[x]" in text  # the end: objectives met or not


def test_orders_refused_with_the_reason_and_retried():
    code, text = play(["estonia", "99", "1", "1 atlantis", "", ""], rounds=1)
    assert code == 0
    assert "refused: choose an action by its number" in text
    assert "needs a target" in text
    assert "refused: there is no state 'atlantis'" in text


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
    assert "Action names stay the same every round" in text
    assert "ordered: Table a resolution" in text
    assert "European Union votes on sanctions against Russia" in text


def test_unknown_state_is_refused_before_the_game_starts(capsys):
    code, text = play([], nation="narnia")
    assert code == 2 and text == ""
    assert "wargame play: there is no state 'narnia'" in capsys.readouterr().err


def test_a_state_is_chosen_by_its_name_in_any_case():
    code, text = play([""] * 3, nation="united KINGDOM", rounds=1)
    assert code == 0
    assert "You (United Kingdom): military" in text
