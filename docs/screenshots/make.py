"""Write the README's SVG screenshots with Textual's own ``save_screenshot``.

    .venv/bin/python docs/screenshots/make.py

Plays the built-in demo crisis by keys at 100x30: title, setup, the game screen
(briefing and orders), the Votes tab with a decided draft, the hot-seat hand-off
and the end screen.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
# the game it plays autosaves: into a folder of its own, not the checkout's saves/
os.environ["WARGAME_SAVES_DIR"] = tempfile.mkdtemp(prefix="wargame-screenshots-")
os.environ.setdefault("WARGAME_CONFIG_DIR", os.environ["WARGAME_SAVES_DIR"])  # default theme

from wargame.tui.app import WargameApp  # noqa: E402
from wargame.tui.scenario import DEMO  # noqa: E402

SIZE = (100, 30)


async def until(pilot, screens: tuple[str, ...], timeout: float = 30) -> str:
    end = time.monotonic() + timeout
    while type(pilot.app.screen).__name__ not in screens:
        if time.monotonic() > end:
            raise SystemExit(f"stuck on {type(pilot.app.screen).__name__}")
        await pilot.pause(0.05)
    await pilot.pause()
    return type(pilot.app.screen).__name__


async def pick(pilot, choice: str) -> None:
    await until(pilot, ("PickScreen",))
    options = pilot.app.screen.query_one("#pick").options
    index = next(i for i, o in enumerate(options) if o.id == choice)
    await pilot.press("home", *["down"] * index, "enter")
    await pilot.pause()


async def order(pilot, action: str, *choices: str) -> None:
    await pilot.press("2")
    options = pilot.app.screen.query_one("#list").options
    index = next(i for i, o in enumerate(options) if o.id == action)
    await pilot.press("home", *["down"] * index, "enter")
    for choice in choices:
        await pick(pilot, choice)


async def end_turn(pilot) -> None:
    await pilot.press("e")
    await pilot.pause()
    while type(pilot.app.screen).__name__ == "ConfirmScreen":  # one question at a time
        await pilot.press("y")
        await pilot.pause()


def shot(app, name: str) -> None:
    app.save_screenshot(f"{name}.svg", str(HERE))
    print("wrote", HERE / f"{name}.svg")


async def main() -> None:
    turn = ("GameScreen", "HandoffScreen", "EndScreen")
    app = WargameApp(DEMO)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shot(app, "title")
        await pilot.press("enter")
        await until(pilot, ("SetupScreen",))
        # Westland and Northland both human: a hot-seat game
        await pilot.press("shift+tab", "shift+tab", "down", "down", "h")
        await pilot.pause()
        shot(app, "setup")
        await pilot.press("tab", "tab", "enter")
        await until(pilot, ("HandoffScreen",))
        shot(app, "handoff")
        await pilot.press("enter")
        await until(pilot, ("GameScreen",))
        shot(app, "briefing")
        await order(pilot, "table_resolution", "council", "sanctions", "east")
        await order(pilot, "raise_readiness")
        shot(app, "orders")
        while True:  # play on until the draft has been voted on
            kind = await until(pilot, turn)
            if kind == "EndScreen":
                break
            if kind == "HandoffScreen":
                await pilot.press("enter")
                continue
            if app.screen.view_.decided:
                await pilot.press("3")
                await pilot.pause()
                shot(app, "votes")
                break
            if app.session.game.phase == "diplomacy" and app.screen.view_.drafts:
                await pilot.press("3", "y")
            await end_turn(pilot)
        while (kind := await until(pilot, turn)) != "EndScreen":
            if kind == "HandoffScreen":
                await pilot.press("enter")
            else:
                await end_turn(pilot)
        shot(app, "end")


if __name__ == "__main__":
    asyncio.run(main())
