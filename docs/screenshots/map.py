"""Write the README's screenshots of the Map tab with Textual's ``save_screenshot``.

    .venv/bin/python docs/screenshots/map.py

1. ``map-baltic.svg``: Baltic Flashpoint at 120x40, as Estonia, after three rounds
   played with computer allies and rivals, sanctions and obligations shown (s);
2. ``map-war.svg``: the demo crisis at 100x30 on the light theme, the round after
   Northland invades Eastmark;
3. ``map-small.svg``: Pacific Strait at 80x24 (the small cells, panned);
4. ``report-map.svg``: the after-action report's map of the demo crisis after round
   1, in which Northland invades Eastmark and Westland sanctions Northland.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))
os.environ["WARGAME_SAVES_DIR"] = tempfile.mkdtemp(prefix="wargame-screenshots-")
os.environ.setdefault("WARGAME_CONFIG_DIR", os.environ["WARGAME_SAVES_DIR"])  # default theme

from make import end_turn, order, shot, until  # noqa: E402

from wargame.campaign.bundled import find_campaign  # noqa: E402
from wargame.tui.app import WargameApp  # noqa: E402
from wargame.tui.scenario import DEMO  # noqa: E402

TURN = ("GameScreen", "HandoffScreen", "EndScreen")


async def baltic() -> None:
    app = WargameApp(str(find_campaign("baltic-flashpoint")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await until(pilot, ("SetupScreen",))
        await pilot.press("enter")
        while (await until(pilot, TURN)) == "GameScreen" and app.session.game.round < 4:
            await end_turn(pilot)
        await pilot.press("m", "s")
        await pilot.pause(0.3)
        shot(app, "map-baltic")


async def war() -> None:
    app = WargameApp(DEMO)
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "textual-light"
        await pilot.press("enter")
        await until(pilot, ("SetupScreen",))
        await pilot.press("enter")
        await until(pilot, ("GameScreen",))
        await order(pilot, "invasion", "east", "0")
        await until(pilot, ("ConfirmScreen",))
        await pilot.press("y")
        await pilot.pause()
        await end_turn(pilot)
        await until(pilot, ("GameScreen",))
        await pilot.press("m", "right")
        await pilot.pause(0.3)
        shot(app, "map-war")


async def small() -> None:
    app = WargameApp(str(find_campaign("pacific-strait")))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await until(pilot, ("SetupScreen",))
        await pilot.press("enter")
        await until(pilot, ("GameScreen",))
        await pilot.press("m")
        await pilot.pause(0.3)
        shot(app, "map-small")


def report() -> None:
    from wargame.core import Game, demo_world
    from wargame.core.actions import Order
    from wargame.saves.report import after_action

    game = Game(demo_world(), 5)
    game.advance()
    game.advance()
    game.submit_orders("north", [Order("north", "invasion", target="east")])
    game.submit_orders("west", [Order("west", "targeted_sanctions", target="north")])
    game.resolve()
    caption, svg = after_action(game).maps[1]
    (HERE / "report-map.svg").write_text(svg + "\n", encoding="utf-8")
    print("wrote", HERE / "report-map.svg", f"({caption})")


if __name__ == "__main__":
    for make in (baltic, war, small):
        asyncio.run(make())
    report()
