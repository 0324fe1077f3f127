"""Helpers for Pilot tests: what is on screen, as text, and driving a game by keys."""

from __future__ import annotations

import asyncio
import io
import time

from rich.console import Console
from textual.content import Content
from textual.widgets import DataTable, OptionList, Static

TAB_KEYS = "123456789"  # 9: the map


def screen_text(app) -> str:
    """Exactly what the terminal shows now (the top screen and what shows through)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system=None, record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens))
    return console.export_text()


def _plain(visual) -> str:
    if isinstance(visual, Content):
        return visual.plain
    if isinstance(visual, str):
        try:
            return Content.from_markup(visual).plain
        except Exception:  # not markup: take it as it is
            return visual
    return str(visual)


def dom_text(screen) -> str:
    """Every text the screen holds, shown or scrolled away, in any tab."""
    parts = []
    for widget in screen.walk_children(with_self=False):
        if isinstance(widget, Static):
            parts.append(_plain(widget.content))
        elif isinstance(widget, OptionList):
            parts += [_plain(o.prompt) for o in widget.options]
        elif isinstance(widget, DataTable):
            for row in range(widget.row_count):
                parts += [str(c) for c in widget.get_row_at(row)]
    return "\n".join(parts)


async def wait_until(pilot, predicate, timeout: float = 20.0) -> None:
    """Let the app run (workers, threads) until ``predicate()`` holds."""
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise AssertionError(f"timed out; on screen:\n{screen_text(pilot.app)}")
        await pilot.pause(0.02)


def screen_name(app) -> str:
    return type(app.screen).__name__


async def wait_for_turn(pilot) -> str:
    """Wait until a human has something to do: a turn, a hand-off, or the end."""
    await wait_until(pilot, lambda: screen_name(pilot.app) in
                     ("GameScreen", "HandoffScreen", "EndScreen"))
    await pilot.pause()
    return screen_name(pilot.app)


async def choose_action(pilot, action_id: str) -> None:
    """In the Orders tab, move to ``action_id`` with the arrow keys and press Enter."""
    await pilot.press("2")
    actions = pilot.app.screen.query_one("#list", OptionList)
    index = next(i for i, o in enumerate(actions.options) if o.id == action_id)
    await pilot.press("home", *["down"] * index, "enter")
    await pilot.pause()


async def pick(pilot, choice_id: str) -> None:
    """In a pick dialog, move to ``choice_id`` and press Enter."""
    await wait_until(pilot, lambda: screen_name(pilot.app) == "PickScreen")
    options = pilot.app.screen.query_one("#pick", OptionList)
    index = next(i for i, o in enumerate(options.options) if o.id == choice_id)
    await pilot.press("home", *["down"] * index, "enter")
    await pilot.pause()


async def commit_forces(pilot, share: str = "0") -> None:
    """In the "how much of your forces?" dialog that follows an order's target, choose
    ``share`` ("0.5", "1", ...; "0": the action's default, listed first)."""
    await pick(pilot, share)


async def start_solo(pilot) -> None:
    """From the title screen: New game, Start (solo, the first state), its first turn."""
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("enter")
    await wait_for_turn(pilot)


def run(coro):
    return asyncio.run(coro)


async def end_turn(pilot) -> None:
    """e; if the game asks (uncast votes, proposals unanswered, no orders), answer yes
    to each question."""
    await pilot.press("e")
    await pilot.pause()
    while screen_name(pilot.app) == "ConfirmScreen":
        await pilot.press("y")
        await pilot.pause()
