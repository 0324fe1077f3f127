"""Each typed command of the text mode, its refusals with the reason, hostile input."""

import json

import pytest

from textdrive import play  # tests/unit is on sys.path
from wargame.ai import ComputerPlayers
from wargame.campaign import load_campaign
from wargame.campaign.bundled import find_campaign
from wargame.core import Game, Order
from wargame.text.commands import COMMANDS, check_table
from wargame.text.desk import Desk, EndTurn
from wargame.text.port import LocalSeat

TUTORIAL = load_campaign(find_campaign("tutorial"))


def desk_at(phase: str, answers=()):
    """Belmark's desk in the tutorial: round 1's orders phase (Corvia has proposed p1),
    or round 2's diplomacy phase with Belmark's own draft d1 open."""
    world = TUTORIAL.world
    game = Game(world, TUTORIAL.seed)
    computer = ComputerPlayers(world, game.seed, [n for n in world.ids if n != "belmark"],
                               dict(TUTORIAL.policies))
    game.advance()
    game.advance()
    computer.give_orders(game)
    if phase == "diplomacy":
        game.submit_orders("belmark", [Order("belmark", "table_resolution", target="ardenia",
                                             institution="council", measure="condemn")])
        game.resolve()
        game.advance()
    out: list[str] = []
    replies = iter(answers)
    desk = Desk(LocalSeat(game, "belmark"), lambda prompt: next(replies, ""), out.append,
                save=lambda: out.append("(saved)"))
    desk.phase = phase
    return desk, out, game


def typed(desk, out, *lines) -> str:
    for line in lines:
        desk.line(line)
    return "\n".join(out)


# (lines typed, a line the player then reads); the last line typed is the one tested
CASES = {
    "help": (["help"], "Commands (help and a command's name tells more"),
    "help propose": (["help propose"], "propose STATES: TERMS: propose terms to states"),
    "actions": (["actions"], "Actions you can order now (21 of 31;"),
    "about": (["about 2"], "2. Condemnation, diplomatic."),
    "orders": (["2 ardenia", "orders"], "Order 1 of 3: Condemnation, Ardenia."),
    "remove": (["2 ardenia", "remove"], "Removed: Condemnation, Ardenia."),
    "order": (["order condemnation ardenia"], "Ordered: Condemnation, Ardenia."),
    "consult": (["consult compact"], "Ordered: Request consultation, in Harbour Compact."),
    "table": (["table council condemn ardenia"],
              "Ordered: Table a resolution, Ardenia, in Council of Four, condemn."),
    "briefing": (["briefing"], "Your private briefing, for you alone:"),
    "status": (["status"], "Defence spending: 2.4% of GDP."),
    "states": (["states"], "Ardenia, tension with you 16: military 120"),
    "situation": (["situation"], "Belmark (BEL) (you). bloc: Harbour Compact. military 25. "
                  "beside Ardenia."),
    "news": (["news"], "News of this round and the last"),
    "drafts": (["drafts"], "No draft is open and none was decided lately."),
    "vote": (["vote d1 no"], "You vote no on d1."),
    "proposals": (["proposals"], "p1, round 1: Corvia proposes, to Belmark, due 2 rounds "
                                 "after it is accepted: awaits your answer until the end of "
                                 "round 2."),
    "proposals once accepted": (["accept p1", "proposals"],  # the round the ledger says
                                "p1, round 1: Corvia proposes, to Belmark, due by round 3: "
                                "accepted."),
    "propose": (["propose corvia: corvia deploys to belmark; I raise spending to 2.9 due 2"],
                "Proposal p2 sent, to Corvia; its terms fall due 2 rounds after it is "
                "accepted."),
    "propose in": (["propose in compact: corvia deploys to belmark"],
                   "Proposal p2 sent, tabled in Harbour Compact: its members answer by vote"),
    "accept": (["accept p1"], "You accept proposal p1. It is now accepted."),
    "reject": (["reject p1"], "You reject proposal p1. It is now rejected."),
    "counter": (["counter p1"], "counter p1: Corvia deploys to Belmark; Belmark raises "
                                "spending to 2.9 due 2"),
    "counter with terms": (["counter p1: corvia deploys to belmark"],
                           "You counter p1 with p2, to Corvia; its terms fall due 1 round "
                           "after it is accepted."),
    "terms": (["terms"], "X does not attack a state."),
    "write": (["write corvia and dunmore: Stand with us"],
              "Message sent to Corvia and Dunmore."),
    "messages": (["w allies: hello", "messages"], "m1, round 1, from you to Corvia: hello"),
    "ledger": (["accept p1", "ledger"], "c1: Corvia deploys forces to Belmark by round 3, "
                                        "promised to Belmark (proposal p1): open."),
    "treaties": (["treaties"], "Harbour Compact (compact): 2 members, decides by"),
    "save": (["save"], "(saved)"),
    "quit": (["quit now"], "Type quit alone on a line to save and leave."),
    "short forms": (["i"], "p1, round 1: Corvia proposes"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_command(name):
    lines, expected = CASES[name]
    desk, out, _ = desk_at("diplomacy" if lines[-1].startswith("vote") else "orders")
    text = typed(desk, out, *lines)
    assert expected in text
    assert "Refused" not in text


def test_every_command_has_a_case_and_no_word_is_used_twice():
    tested = {case[0][-1].split()[0] for case in CASES.values()}
    names = {c.name for c in COMMANDS} - {"done"}  # done: the next test
    assert all(any(word in tested for word in c.words()) for c in COMMANDS
               if c.name in names)
    assert check_table() == []


@pytest.mark.parametrize("line", ["", "done", "e", "  "])
def test_enter_or_done_ends_the_turn(line):
    desk, out, _ = desk_at("orders")
    with pytest.raises(EndTurn):
        desk.line(line)


def test_a_vote_on_ones_own_draft_is_asked_and_enter_keeps_yes():
    desk, out, game = desk_at("diplomacy", answers=[""])
    desk.vote_on_drafts()
    text = "\n".join(out)
    assert "Council of Four votes on draft d1, tabled by you." in text
    assert "Your vote on d1 so far: yes (you tabled it)." in text
    assert "You keep your vote: yes." in text
    assert game.drafts()[0].votes["belmark"] == "yes"


REFUSALS = [
    ("orders", "frobnicate", "'frobnicate' is neither a command nor an action"),
    ("orders", "[", "'[' is neither a command nor an action"),
    ("orders", "99", "there is no action 99"),
    ("orders", "about 99", "there is no action '99'"),
    ("orders", "help nosuch", "there is no command 'nosuch'"),
    ("orders", "propose corvia corvia deploys to belmark", "put a colon after the recipients"),
    ("orders", "propose atlantis: corvia deploys to belmark", "there is no state 'atlantis'"),
    ("orders", "propose corvia: corvia frobs belmark", "what does Corvia promise?"),
    ("orders", "propose corvia: corvia deploys", "which state?"),
    ("orders", "propose corvia: I raise spending to 9", "9% is out of reach in 1 round"),
    ("orders", "propose corvia: I raise spending to 50 due 2", "cannot exceed"),
    ("orders", "propose corvia: corvia deploys to belmark due 9",
     "terms fall due in 1 to 6 rounds"),
    ("orders", "propose corvia: ardenia deploys to belmark",
     "Belmark is not an ally of Ardenia, so Ardenia cannot deploy there"),
    ("orders", "propose corvia: ardenia does not attack belmark",
     "term 1: Ardenia is not a party to this proposal"),
    ("orders", "propose belmark: I aid corvia", "you cannot send a proposal to yourself"),
    ("orders", "propose in narnia: corvia deploys to belmark", "there is no institution"),
    ("orders", "accept p99", "there is no proposal 'p99'"),
    ("orders", "counter p99: corvia deploys to belmark", "there is no proposal 'p99'"),
    ("orders", "write corvia:", "the message is empty"),
    ("orders", "write atlantis: hello", "there is no state 'atlantis'"),
    ("orders", "write corvia hello", "put a colon after the recipients"),
    ("orders", "vote d1", "vote takes a draft and a vote"),
    ("orders", "vote d1 yes", "you can vote only in the diplomacy phase"),
    ("orders", "remove", "no order to remove"),
    ("orders", "table council", "table needs a measure and a state"),
    ("orders", "consult narnia", "consult in which institution?"),
    ("orders", "22 atlantis", "there is no state 'atlantis'"),
    ("diplomacy", "2 ardenia", "orders are given in the orders phase"),
    ("diplomacy", "vote d1 maybe", "unknown vote 'maybe': use yes, no, abstain or absent"),
    ("diplomacy", "frobnicate", "'frobnicate' is not a command"),
]


@pytest.mark.parametrize("phase,line,reason", REFUSALS)
def test_a_bad_command_is_refused_with_the_reason(phase, line, reason):
    desk, out, _ = desk_at(phase)
    desk.line(line)  # never raises
    assert any(x.startswith("Refused: ") and reason in x for x in out), out


# ---------------------------------------------------------------- hostile input
HOSTILE = "[bold]hi[/] \x1b[31mred\x1b[0m \u202eevil\u2066 \x07"


def test_a_typed_message_is_stored_as_data_and_printed_safely(tmp_path):
    code, text = play([f"write corvia: {HOSTILE}", "messages", HOSTILE, "quit"],
                      campaign=str(find_campaign("tutorial")), nation="belmark",
                      saves_dir=str(tmp_path))
    assert code == 0
    for raw in ("\x1b", "\u202e", "\u2066", "\x07"):
        assert raw not in text
    assert "from you to Corvia: [bold]hi[/] [31mred[0m evil" in text  # the [ kept as text
    assert "Refused: '[bold]hi[/]' is neither a command nor an action" in text
    saved = json.loads(next(tmp_path.glob("*.json")).read_text(encoding="utf-8"))
    sent = [i["text"] for i in _inputs(saved) if i.get("verb") == "message"]
    assert sent and sent[0].startswith("[bold]hi[/] [31mred[0m evil")


def _inputs(saved: dict) -> list[dict]:
    """The recorded inputs of a save, wherever its format keeps them."""
    found = []

    def walk(x):
        if isinstance(x, dict):
            if x.get("verb"):
                found.append(x)
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(saved)
    return found


def test_text_from_elsewhere_is_shown_not_obeyed(monkeypatch):
    # a message that reaches the desk unclean (a computer's, or over a network)
    real = ComputerPlayers.give_orders

    def orders_and_a_message(self, game):
        real(self, game)
        if "corvia" in self.policies:
            game.send_message("corvia", ["belmark"], "\x1b]52;c;aGk=\x07 \u202eevil")

    monkeypatch.setattr(ComputerPlayers, "give_orders", orders_and_a_message)
    code, text = play(["", "quit"], campaign=str(find_campaign("tutorial")),
                      nation="belmark")
    assert code == 0
    assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
    assert "from Corvia to you: \u241b]52;c;aGk=\u2407 \\u202eevil" in text
