"""The text mode plays the whole game: negotiation, votes, hot-seat, safe output."""

import re
import subprocess
import sys

from textdrive import play  # tests/unit is on sys.path
from wargame.campaign.bundled import find_campaign

TUTORIAL = str(find_campaign("tutorial"))
BOXES = re.compile("[\u2500-\u259f]")  # box drawing and block elements


def test_the_tutorial_to_the_end_from_standard_input(tmp_path):
    # round 1: a proposal to Corvia, a draft tabled, Corvia's own proposal accepted;
    # round 2: the vote on our own draft; then Enter to the end of the game
    lines = ["propose corvia: corvia deploys to belmark; I raise spending to 2.9",
             "table council condemn ardenia", "accept", "", "yes", ""] + [""] * 80
    run_ = subprocess.run(
        [sys.executable, "-m", "wargame", "play", "tutorial", "--text", "--as", "belmark",
         "--saves-dir", str(tmp_path)], input="\n".join(lines) + "\n",
        capture_output=True, text=True, timeout=300)
    assert run_.returncode == 0, run_.stderr
    out = run_.stdout
    assert ("Proposal p2 sent, to Corvia; its terms fall due 1 round after it is "
            "accepted.") in out  # the proposal; Corvia accepts it in round 2: due in 3
    assert "You accept proposal p1. It is now accepted." in out  # our answer
    assert "Corvia accepts proposal p2." in out  # and Corvia's, in its diplomacy
    assert "Council of Four votes on draft d1, tabled by you." in out  # asked on our own
    assert "You vote yes on d1." in out
    assert "Promise: Belmark raises defence spending to 2.9% of GDP by round 3." in out
    assert "The game is over. Your score: " in out and "Met: Keep Belport." in out
    assert "Refused" not in out and "Traceback" not in run_.stderr


def test_no_line_has_box_drawing():
    from wargame.text.commands import COMMANDS

    reading = [c.name for c in COMMANDS if c.name not in ("quit", "done", "remove")]
    lines = (["belmark", "help"] + [f"help {c.name}" for c in COMMANDS] + reading
             + ["about 8", "counter p1", ""] + ["", "drafts", "ledger", ""] * 3)
    code, text = play(lines, campaign=TUTORIAL, rounds=3)
    assert code == 0
    assert not [line for line in text.splitlines() if BOXES.search(line)]
    for mark in ("[b]", "[/", "[dim]", "\x1b"):  # no markup, no escape codes either
        assert mark not in text


def test_hot_seat_each_government_sees_its_own_and_negotiates_with_the_other():
    from wargame.campaign import load_campaign
    from wargame.campaign.bundled import find_campaign

    world = load_campaign(find_campaign("tutorial")).world
    secret = {n: world.nation[n].briefing.strip() for n in ("belmark", "corvia")}
    lines = ["",  # Belmark takes the keyboard
             "propose corvia: corvia deploys to belmark; I raise spending to 2.9", "",
             "",  # Corvia takes it
             "accept p1", ""]
    code, text = play(lines, campaign=TUTORIAL, nation="belmark,corvia", rounds=1)
    assert code == 0
    to_corvia = text.index("Hand over to the government of Corvia.")
    assert text.index("Hand over to the government of Belmark.") < text.index(secret["belmark"])
    assert text.index(secret["belmark"]) < to_corvia  # Belmark's secrets in its turn
    assert text.index(secret["corvia"]) > to_corvia  # Corvia's only in Corvia's
    assert "Proposal p1 from Belmark awaits your answer" in text[to_corvia:]
    assert "You accept proposal p1. It is now accepted." in text
    assert "Corvia's score so far" in text and "Belmark's score so far" in text


def test_a_hot_seat_save_goes_on_with_the_same_governments(tmp_path):
    from wargame.saves import load_save

    code, text = play(["", "quit"], campaign=TUTORIAL, nation="belmark,corvia",
                      saves_dir=str(tmp_path))
    assert code == 0
    saved = next(tmp_path.glob("*.json"))
    meta = load_save(saved).meta
    assert meta["text_players"] == ["belmark", "corvia"]


def test_an_unknown_state_among_several_is_refused(capsys):
    code, text = play([], campaign=TUTORIAL, nation="belmark,atlantis")
    assert code == 2 and text == ""
    assert "there is no state 'atlantis'" in capsys.readouterr().err


def test_the_text_desk_reads_only_its_seat():
    """desk, commands, words and terms never touch the game, its world or its state:
    a seat over a network needs only the seat's methods (issue 13)."""
    import ast
    from pathlib import Path

    import wargame.text as pkg

    for name in ("desk.py", "commands.py", "words.py", "terms.py", "names.py"):
        tree = ast.parse((Path(pkg.__file__).parent / name).read_text(encoding="utf-8"))
        touched = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        assert not touched & {"world", "state", "_game", "game"}, name
        imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
                    for a in n.names}
        assert "Game" not in imported, name


def test_every_command_is_in_the_docs():
    from pathlib import Path

    from wargame.text.commands import COMMANDS

    doc = (Path(__file__).parents[2] / "docs" / "text-mode.md").read_text(encoding="utf-8")
    for c in COMMANDS:
        assert f"| `{c.usage}` |" in doc, c.name


# ---------------------------------------------------------------- typed terms
from hypothesis import given, strategies as st  # noqa: E402

from wargame.core.terms import NEEDS_TARGET, Term, TermKind  # noqa: E402


def _campaign():
    from wargame.campaign import DEFAULT_CAMPAIGN, load_campaign
    from wargame.text.port import PublicCampaign

    return PublicCampaign.of(load_campaign(DEFAULT_CAMPAIGN).world)


BALTIC = _campaign()


@st.composite
def terms(draw):
    states = [i for i, _ in BALTIC.states]
    kind = draw(st.sampled_from(list(TermKind)))
    party = draw(st.sampled_from(states))
    target = draw(st.sampled_from([s for s in states if s != party])) \
        if kind in NEEDS_TARGET else ""
    institution = measure = ""
    if kind in (TermKind.SUPPORT_RESOLUTION, TermKind.CONSULT):
        institution = draw(st.sampled_from([i for i, _ in BALTIC.institutions]))
    if kind is TermKind.SUPPORT_RESOLUTION:
        measure = draw(st.sampled_from(list(BALTIC.measures[institution])))
    value = draw(st.sampled_from([1.5, 2.0, 3.5, 4.9])) \
        if kind is TermKind.RAISE_SPENDING else 0.0
    return Term(party, kind, target, institution, measure, value)


@given(terms())
def test_a_term_typed_back_reads_as_the_same_term(term):
    from wargame.text.terms import parse_terms, typed

    assert parse_terms(typed(term, BALTIC), BALTIC, "estonia", ["poland"]) == [term]
