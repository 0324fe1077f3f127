"""Text from outside is data on every screen: markup (`[`, `[/]`, `[@click=app.quit]`,
a backslash) in a campaign's names, a player's name, a typed message or the seed
field shows as it is written, never ends the game, never reaches a save changed;
control characters pasted in are dropped before the game keeps the text."""

from __future__ import annotations

from pathlib import Path

from textual import events

from hostile.makers import tutorial_with  # tests/hostile: the corpus's makers
from wargame.tui.app import WargameApp

from .helpers import (TAB_KEYS, dom_text, end_turn, run, screen_name, screen_text,
                      wait_for_turn, wait_until)

# what each hostile piece of text must show as, literally
BELMARK = "Bel[/]mark"
ARDENIA = "Ard[@click=app.quit]enia"
CORVIA = "Corvia\\Overseas"
DUNMORE = "Dun[b]more\\"
COMPACT = "Harbour [Compact"
COUNCIL = "Council [/b] of Four"
TITLE = "Tutorial: [red]Harbour[/]"
OBJECTIVE = "Keep [Belport] \\[x"
NEWS = "<script>alert(1)</script> [@click=app.quit]gather[/]"
NAMES = (BELMARK, ARDENIA, CORVIA, DUNMORE)

REPLACE = [
    ("name: Belmark", "name: 'Bel[/]mark'"),
    ("name: Ardenia", "name: 'Ard[@click=app.quit]enia'"),
    ("name: Corvia", "name: 'Corvia\\Overseas'"),
    ("name: Dunmore", "name: 'Dun[b]more\\'"),
    ("name: Harbour Compact", "name: 'Harbour [Compact'"),
    ("name: Council of Four", "name: 'Council [/b] of Four'"),
    ('title: "Tutorial: The Harbour at Belport"', "title: 'Tutorial: [red]Harbour[/]'"),
    ("text: Keep Belport.", "text: 'Keep [Belport] \\[x'"),
    ("news: Ardenian landing ships gather at Port Ardent, across the bay from Belport.",
     "news: '<script>alert(1)</script> [@click=app.quit]gather[/]'"),
    ("Ardenia claims the harbour town", "[b]Ardenia[/b] claims \\[the harbour town"),
]

PLAYER = "Ana [/] [@click=app.quit] \\"  # typed, then an escape sequence is pasted
PASTED = "\x1b]0;PWNED\x07 ok"  # what a terminal delivers as a paste (ESC typed is a key)
PLAYER_SHOWN = PLAYER + "]0;PWNED ok"  # the ESC and BEL are dropped at input
MESSAGE = "Deal? [y/n [/] [@click=app.quit] \\"
MESSAGE_SHOWN = MESSAGE + "[31mred"


async def paste(pilot, text: str) -> None:
    pilot.app.focused.post_message(events.Paste(text))
    await pilot.pause()


async def clear_field(pilot) -> None:
    field = pilot.app.focused
    await pilot.press("end", *["backspace"] * len(field.value))


async def name_player(pilot, typed: str, pasted: str = "") -> None:
    await pilot.press("enter")
    await wait_until(pilot, lambda: screen_name(pilot.app) == "NameScreen")
    await clear_field(pilot)
    await pilot.press(*typed)
    if pasted:
        await paste(pilot, pasted)
    await pilot.press("enter")
    await wait_until(pilot, lambda: screen_name(pilot.app) == "SetupScreen")


async def every_tab(pilot) -> str:
    seen = []
    for key in TAB_KEYS:
        await pilot.press(key)
        await pilot.pause()
        seen += [screen_text(pilot.app), dom_text(pilot.app.screen)]
    return "\n".join(seen)


async def play_a_round(folder: Path):
    app = WargameApp(str(tutorial_with(folder, REPLACE)), to_setup=True)
    seen: dict = {}
    async with app.run_test(size=(130, 45), notifications=True) as pilot:
        await wait_until(pilot, lambda: screen_name(app) == "SetupScreen")
        await pilot.pause()
        seen["setup"] = screen_text(app) + dom_text(app.screen)
        # the seed: brackets and a backslash are not digits; 4400 digits are refused
        await pilot.press("shift+tab")
        assert app.focused.id == "seed"
        await clear_field(pilot)
        await pilot.press(*"[[/]\\")
        await paste(pilot, "\x1b[31m")
        seen["seed typed"] = app.focused.value
        await paste(pilot, "9" * 4400)
        await pilot.press("enter")
        await pilot.pause()
        seen["seed refused"] = screen_text(app)
        seen["after seed"] = screen_name(app)
        await clear_field(pilot)
        await pilot.press(*"42")
        # two players, with names typed and pasted
        await pilot.press("shift+tab")
        assert app.focused.id == "seats"
        await name_player(pilot, PLAYER, PASTED)
        await pilot.press("down", "h")
        await name_player(pilot, "Bo [")
        seen["seats"] = screen_text(app)
        await pilot.press("tab", "tab", "enter")
        assert await wait_for_turn(pilot) == "HandoffScreen"
        seen["handoff"] = screen_text(app) + dom_text(app.screen)
        await pilot.press("enter")
        await wait_for_turn(pilot)
        # a message from the Briefing tab, then every tab (4 is the Inbox)
        await pilot.press("1", "c")
        await wait_until(pilot, lambda: screen_name(app) == "MessageScreen")
        await pilot.press("space", "tab", *MESSAGE)
        await paste(pilot, "\x1b[31mred")
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "GameScreen")
        seen["tabs"] = await every_tab(pilot)
        await end_turn(pilot)
        while app.session.game.round == 1:  # Bo's turn; then the computers; round 2
            kind = await wait_for_turn(pilot)
            if kind == "HandoffScreen":
                await pilot.press("enter")
            elif app.session.game.round == 1:
                await end_turn(pilot)
        await wait_for_turn(pilot)
        if screen_name(app) == "HandoffScreen":
            seen["handoff 2"] = screen_text(app)
            await pilot.press("enter")
            await wait_for_turn(pilot)
        seen["round 2"] = await every_tab(pilot)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "Saved:" in screen_text(app))
        seen["running"] = app.is_running and screen_name(app) == "GameScreen"
        seen["players"] = [s.player for s in app.session.seats]
        seen["messages"] = [m.text for m in app.session.game.state.messages]
    return seen


async def reload_and_look(save: Path):
    app = WargameApp(load=str(save))
    seen = {}
    async with app.run_test(size=(130, 45)) as pilot:
        kind = await wait_for_turn(pilot)
        if kind == "HandoffScreen":
            seen["handoff"] = screen_text(app) + dom_text(app.screen)
            await pilot.press("enter")
            await wait_for_turn(pilot)
        seen["tabs"] = await every_tab(pilot)
        seen["running"] = app.is_running and screen_name(app) == "GameScreen"
    return seen


def test_markup_and_escapes_typed_pasted_and_in_a_campaign_show_as_written(tmp_path,
                                                                          saves_folder):
    seen = run(play_a_round(tmp_path))
    for name in NAMES + (TITLE,):
        assert name in seen["setup"], name
    assert seen["seed typed"] == ""  # the seed field takes digits only
    assert seen["after seed"] == "SetupScreen"
    assert "a seed is a whole number from 0 to 9223372036854775807" in seen["seed refused"]
    assert PLAYER_SHOWN in seen["seats"] and "Bo [" in seen["seats"]
    assert f"Pass the keyboard to the Government of {BELMARK} ({PLAYER_SHOWN})" in \
        seen["handoff"]
    everything = seen["tabs"] + seen["round 2"]
    for text in NAMES + (COMPACT, COUNCIL, TITLE, OBJECTIVE, NEWS, MESSAGE_SHOWN,
                         "[b]Ardenia[/b] claims \\[the harbour town"):
        assert text in everything, text
    assert "no objection" not in everything or "Norway" not in everything
    assert seen["running"]
    assert seen["players"][:2] == [PLAYER_SHOWN, "Bo ["]
    assert seen["messages"] == [MESSAGE_SHOWN]  # kept clean: no ESC in the game or save
    for text in seen.values():
        assert "\x1b" not in str(text) and "\x07" not in str(text)

    save = max(saves_folder.glob("*.json"), key=lambda p: p.stat().st_mtime)
    assert "\\u001b" not in save.read_text("utf-8") and "\x1b" not in save.read_text("utf-8")
    again = run(reload_and_look(save))
    assert again["running"]
    for text in NAMES + (MESSAGE_SHOWN, COMPACT, OBJECTIVE):
        assert text in again["tabs"], text


async def to_the_end(folder: Path):
    """Ardenia, solo, ends every turn at once, to the end screen; then a notification
    with markup in it."""
    app = WargameApp(str(tutorial_with(folder, REPLACE)), nation="ardenia", to_setup=True)
    seen = {}
    async with app.run_test(size=(130, 45), notifications=True) as pilot:
        await wait_until(pilot, lambda: screen_name(app) == "SetupScreen")
        await pilot.press("enter")
        for _ in range(40):
            if await wait_for_turn(pilot) == "EndScreen":
                break
            await end_turn(pilot)
            await pilot.pause()
        seen["end"] = dom_text(app.screen)
        app.screen.notify(f"{MESSAGE} [b]", title="[/b] " + BELMARK)
        await pilot.pause()
        seen["toast"] = screen_text(app)
        seen["running"] = app.is_running and screen_name(app) == "EndScreen"
    return seen


def test_the_end_screen_and_notifications_show_hostile_names_as_written(tmp_path):
    seen = run(to_the_end(tmp_path))
    assert seen["running"]
    for text in (TITLE, BELMARK, ARDENIA, CORVIA, DUNMORE, OBJECTIVE):
        assert text in seen["end"], text
    assert f"{MESSAGE} [b]" in seen["toast"] and f"[/b] {BELMARK}" in seen["toast"]
