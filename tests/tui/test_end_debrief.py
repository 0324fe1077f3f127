"""The end screen after a game with an invasion, played by keys: the last round, who
holds what, what 'no war' means, the Art. 5 trigger in the turning points, and the
victim never labelled a free rider."""

from __future__ import annotations

import re

import pytest

from wargame.tui.app import WargameApp

from .helpers import (choose_action, commit_forces, end_turn, pick, run, screen_name,
                      screen_text, wait_for_turn)

INVADE_IN = (3, 6)  # the tutorial has six rounds: an invasion in the third and the last


def tutorial() -> str:
    campaign = pytest.importorskip("wargame.campaign")
    return str(next(p for p in campaign.bundled_campaigns() if p.name == "tutorial.yaml"))


def flat(text: str) -> str:
    """Screen text with lines joined and spaces collapsed: a sentence wrapped at the
    edge of the terminal reads as one."""
    return " ".join(text.split())


async def read_end_screen(pilot) -> str:
    """Everything the end screen shows, page by page (page down to the bottom)."""
    pages = [screen_text(pilot.app)]
    scroll = pilot.app.screen.query_one("#end")
    for _ in range(40):
        if scroll.scroll_y >= scroll.max_scroll_y:
            break
        await pilot.press("pagedown")
        await pilot.pause()
        pages.append(screen_text(pilot.app))
    return "\n".join(pages)


async def play_ardenia(size=(120, 40)) -> tuple[dict, object]:
    """Ardenia (solo, by --as), invading Belmark in rounds 3 and 6 by keys."""
    app = WargameApp(tutorial(), nation="ardenia")
    seen = {}
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter")  # New game
        await pilot.pause()
        await pilot.press("enter")  # Start game
        turns = 0
        while (kind := await wait_for_turn(pilot)) != "EndScreen":
            assert turns < 40, "the game does not end"
            turns += 1
            game = app.session.game
            if game.phase == "orders" and game.round in INVADE_IN:
                await choose_action(pilot, "invasion")
                await pick(pilot, "belmark")
                await commit_forces(pilot)
                if screen_name(app) == "ConfirmScreen":
                    await pilot.press("y")
                    await pilot.pause()
            await end_turn(pilot)
            await pilot.pause()
        seen["top"] = flat(screen_text(app))
        seen["all"] = flat(await read_end_screen(pilot))
        return seen, app.session.game


@pytest.fixture(scope="module")
def ended():
    return run(play_ardenia())


def test_the_game_had_a_battle_in_its_last_round(ended):
    _, game = ended
    last = [e for e in game.log if e.round == game.round and e.kind.value == "engagement"]
    assert last, "the scenario of these tests needs a battle in the last round"


def test_the_last_round_is_shown_with_its_battle(ended):
    seen, game = ended
    text = seen["all"]
    assert "The last round" in text
    assert f"Round {game.round}, the last:" in text
    assert "Harbour Compact Art. 5 invoked: 1 member is obliged" in text
    assert "Battle: Ardenia" in text and "against Belmark, with Corvia" in text
    # the section comes before the scores
    assert text.index("The last round") < text.index("Scores")


def test_who_holds_what_at_the_end(ended):
    seen, game = ended
    share = game.state.occupation.get(("ardenia", "belmark"), 0.0)
    if share:
        assert f"Ardenia still holds {share:.0f}% of Belmark." in seen["top"]
    else:  # the computer's Corvia took the land back (issue 12): nothing is said held
        assert any(e.kind.value == "territory" and e.value < 0 for e in game.log)
        assert "still holds" not in seen["top"]


def test_no_war_is_explained_next_to_the_outcome(ended):
    seen, game = ended
    assert game.outcome != "war"
    top = seen["top"]
    assert "No war by the game's definition" in top
    assert "there were armed attacks: R3 Ardenia invades Belmark" in top


def test_the_collective_defence_trigger_and_the_attacks_are_turning_points(ended):
    seen, _ = ended
    turning = seen["all"][seen["all"].index("Turning points"):]
    assert "R3 Ardenia invades Belmark." in turning
    assert "R3 Harbour Compact Art. 5 invoked: 1 member is obliged to assist Belmark" \
        in turning


def test_the_victim_is_not_a_free_rider_and_the_columns_are_the_ledgers(ended):
    seen, _ = ended
    text = seen["all"]
    burden = text[text.index("Burden sharing"):text.index("Turning points")]
    assert "Contrib." in burden and "GDP share" in burden and "Protection" in burden
    assert "Protection: allied forces on its soil" in burden
    assert "not judged: members attacked in the game" in burden
    table = burden[burden.index("Member Contrib. GDP share Defence Protection"):]
    rows = table[len("Member Contrib. GDP share Defence Protection"):]
    assert "Belmark" in rows and "Corvia" in rows
    start = rows.index("Belmark")
    after = [rows.index(w, start) for w in ("Corvia", "Deterrence") if w in rows[start:]]
    belmark = rows[start:min(after)] if after else rows[start:]
    assert "free rider" not in belmark


def test_turning_points_leave_out_teaching_notes_but_keep_the_story(ended):
    seen, game = ended
    turning = seen["all"][seen["all"].index("Turning points"):]
    teaching = {i.id for i in game.world.injects if i.teaching}
    notes = [e for e in game.log if e.kind.value == "inject" and e.ref in teaching]
    assert any(e.text.startswith("How to play") for e in notes)
    assert "How to play" not in turning
    story = [e for e in game.log if e.kind.value == "inject" and e.ref not in teaching
             and not e.visible_to]
    assert story, "the scenario of these tests has campaign news"
    for e in story:
        assert flat(e.text)[:50] in turning


def test_the_end_screen_says_what_stood_in_the_way_of_the_attack(ended):
    seen, game = ended
    text = seen["all"]
    section = text[text.index("Deterrence when it failed"):text.index("Turning points")]
    first = next(e.round for e in game.log if e.kind.value == "armed_attack")
    assert f"R{first} Ardenia attacked Belmark. Allied forces sent there:" in section
    assert "Covered by: Harbour Compact Art. 5." in section
