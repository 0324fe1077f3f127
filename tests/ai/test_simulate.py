"""`wargame simulate`: repeatable output, JSON, processes, clear errors."""

from __future__ import annotations

import io
import json

import pytest

from wargame.simulate import Params, run


class Out(io.StringIO):
    def __init__(self, tty: bool = False):
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def simulate(**kw) -> tuple[int, str, str]:
    out, err = Out(), Out()
    code = run(Params(**kw), out, err)
    return code, out.getvalue(), err.getvalue()


def test_the_same_seed_gives_the_same_output_byte_for_byte_in_one_or_more_processes():
    one = simulate(games=6, seed=4, jobs=1)
    two = simulate(games=6, seed=4, jobs=2)
    again = simulate(games=6, seed=4, jobs=2)
    assert one[0] == 0 and one[2] == ""  # no progress bar when stderr is not a terminal
    assert one == two == again
    assert simulate(games=6, seed=5, jobs=1)[1] != one[1]


def test_the_table_shows_outcomes_escalation_obligations_and_scores():
    code, out, _ = simulate(games=4, seed=1, jobs=1)
    assert code == 0
    for text in ("Outcomes", "war rate", "escalation peak", "obligations kept / declined",
                 "commitments kept / broken", "mean score", "Estonia", "Russia"):
        assert text in out, text
    assert out.isascii()  # plain ASCII tables in files and pipes


def test_json_is_one_document():
    code, out, _ = simulate(games=3, seed=2, jobs=1, json=True)
    assert code == 0
    doc = json.loads(out)
    s = doc["summary"]
    assert s["games"] == 3 and sum(s["outcomes"].values()) == 3
    assert set(s) >= {"war_rate", "attack_rate", "escalation_peak", "obligations",
                      "commitments", "states"}
    assert s["states"]["russia"]["possible"] > 0
    assert [g["index"] for g in doc["games"]] == [0, 1, 2]
    assert s["policy_errors"] == 0


def test_a_policy_and_a_difficulty_can_be_chosen():
    code, out, _ = simulate(games=2, seed=2, jobs=1, json=True, policy="passive",
                            difficulty="hard")
    doc = json.loads(out)
    assert code == 0 and doc["policy"] == "passive" and doc["difficulty"] == "hard"


@pytest.mark.parametrize("kw, message", [
    ({"campaign": "no/such/file.yaml"}, "file.yaml"),
    ({"policy": "nope"}, "unknown policy 'nope'"),
    ({"difficulty": "brutal"}, "unknown difficulty"),
    ({"games": 0}, "--games must be at least 1"),
    ({"jobs": 0}, "--jobs must be at least 1"),
])
def test_bad_arguments_give_one_clear_line_and_exit_2(kw, message):
    code, out, err = simulate(**dict({"games": 1, "jobs": 1}, **kw))
    assert code == 2 and out == ""
    assert err.startswith("wargame simulate: ") and message in err
    assert "Traceback" not in err


def test_params_come_from_an_argparse_namespace():
    import argparse

    ns = argparse.Namespace(campaign=None, games=7, seed=3, json=True, jobs=2)
    p = Params.of(ns)
    assert (p.games, p.seed, p.json, p.jobs, p.difficulty, p.policy) == (
        7, 3, True, 2, "normal", None)
