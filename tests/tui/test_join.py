"""`wargame join URL`: the full-screen client against a real host on 127.0.0.1.

The same game screens as hot-seat, over a RemoteSeat: join with a code, see the
briefing, give orders in the Orders tab, wait for the others, the phase moves on;
a wrong code refused on screen; the connection lost and taken back; the end; and
the app never holds the game (no World, no GameState, no Game anywhere in it).
"""

from __future__ import annotations

import contextlib
import importlib.util
from pathlib import Path

from textual.widgets import OptionList

from wargame.net.client import RemoteSeat
from wargame.net.server import Server
from wargame.tui.join import JoinApp

from .helpers import end_turn, run, screen_name, screen_text, wait_until

_spec = importlib.util.spec_from_file_location(
    "net_helpers", Path(__file__).parents[1] / "net" / "helpers.py")
net = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(net)

SIZE = (120, 40)


def joined(host, nation: str) -> bool:
    return bool(host.seats[nation].conns)


async def join_and_start(pilot, running, nation: str = "belmark") -> None:
    """Wait until the app is seated, start the game (the instructor's s), and wait for
    the game screen of the diplomacy phase."""
    host = running.host
    await wait_until(pilot, lambda: joined(host, nation))
    running.call(host.start)
    await wait_until(pilot, lambda: screen_name(pilot.app) == "GameScreen"
                     and "Diplomacy phase" in screen_text(pilot.app))


async def press_until(pilot, key: str, ready, what: str) -> None:
    """Press ``key`` and wait until ``ready()``. In CI runs with the suite on both cores
    a key pressed the moment a joined game's first screen showed was twice lost (the
    message dialog, the Inbox: not reproduced alone, the cause not found): the key is
    pressed again if nothing happened after 5 s, three times at most; a key that never
    works still fails the test."""
    for _ in range(3):
        await pilot.press(key)
        try:
            await wait_until(pilot, ready, timeout=5)
            return
        except AssertionError:
            continue
    raise AssertionError(f"no {what} after three presses of {key}; on screen:\n"
                         f"{screen_text(pilot.app)}")


async def open_message_dialog(pilot, app) -> None:
    """Press c until the message dialog is up (:func:`press_until`), then wait until
    it is drawn: a screen pushed a moment ago may not show yet (a run of the suite
    read the game screen behind it)."""
    await press_until(pilot, "c", lambda: screen_name(app) == "MessageScreen",
                      "message dialog")
    await wait_until(pilot, lambda: "A private message" in screen_text(app))


@contextlib.asynccontextmanager
async def playing(tmp_path, nation: str = "belmark", name: str = "Ann",
                  other: str | None = None):
    """A tutorial host, a JoinApp seated at ``nation`` and the game started: (the
    running host, the app, its pilot). ``other``: a government Bo holds over a
    RemoteSeat from before the start (``running.other``), so that the phase waits for
    it too."""
    with net.hosting("tutorial", tmp_path) as running:
        running.other = (RemoteSeat.join(running.url, running.host.seats[other].code, "Bo")
                         if other else None)
        try:
            app = JoinApp(running.url, running.host.seats[nation].code, name)
            async with app.run_test(size=SIZE) as pilot:
                await join_and_start(pilot, running, nation)
                yield running, app, pilot
        finally:
            if running.other is not None:
                running.other.close()


def test_join_with_a_code_see_the_briefing_give_orders_and_the_round_moves_on(tmp_path):
    async def go():
        seen = {}
        async with playing(tmp_path) as (running, app, pilot):
            host = running.host
            seen["briefing"] = screen_text(app)
            await end_turn(pilot)  # the diplomacy turn: nothing to vote on
            await wait_until(pilot, lambda: "Orders phase" in screen_text(app))
            await pilot.press("2")
            await pilot.pause()
            listing = app.screen.query_one("#list", OptionList)
            first = listing.options[0].id  # a statement of support: no dialog but a target
            await pilot.press("home", "enter")
            await wait_until(pilot, lambda: screen_name(app) == "PickScreen")
            await pilot.press("enter")
            await wait_until(pilot, lambda: host.game.orders_of("belmark"))
            await pilot.pause(0.2)
            seen["ordered"] = screen_text(app)
            seen["orders"] = [o.action for o in host.game.orders_of("belmark")]
            seen["first"] = first
            await end_turn(pilot)
            await wait_until(pilot, lambda: host.game.round == 2
                             and "Round 2 of 6" in screen_text(app), timeout=30)
            seen["round2"] = screen_text(app)
        return seen

    seen = run(go())
    assert "You govern Belmark (Ann)" in seen["briefing"]
    assert "Keep Belport." in seen["briefing"]  # its own objectives
    assert "Take Belport." not in seen["briefing"]  # never Ardenia's
    assert seen["orders"] == [seen["first"]]
    assert "Your orders (1 of 3)" in seen["ordered"] and "1. Statement of support" in \
        seen["ordered"]
    assert "Round 2 of 6 — Diplomacy phase" in seen["round2"]


def test_a_wrong_code_is_refused_on_screen_and_the_right_one_then_joins(tmp_path):
    async def go():
        with net.hosting("tutorial", tmp_path) as running:
            host = running.host
            app = JoinApp(running.url, "AAAA-BBBB", "Ann")
            async with app.run_test(size=SIZE) as pilot:
                await wait_until(pilot, lambda: "Refused" in screen_text(app))
                refused = screen_text(app)
                code = host.seats["ardenia"].code
                await pilot.press(*code.lower(), "enter")  # the field is selected: typed over
                await join_and_start(pilot, running, "ardenia")
                return refused, screen_text(app)

    refused, briefing = run(go())
    assert "Refused: that code opens no government of this game" in refused
    assert "You govern Ardenia (Ann)" in briefing and "Take Belport." in briefing


def test_it_waits_for_the_other_governments_and_moves_on_when_they_end(tmp_path):
    async def go():
        seen = {}
        async with playing(tmp_path, other="ardenia") as (running, app, pilot):
            host = running.host
            await end_turn(pilot)
            await wait_until(pilot, lambda: "Waiting for the other governments"
                             in screen_text(app))
            seen["waiting"] = screen_text(app)
            seen["phase"] = host.game.phase
            assert running.other.end_turn() == ""  # the other government ends its turn
            await wait_until(pilot, lambda: "Orders phase" in screen_text(app))
            seen["next"] = (screen_name(app), host.game.phase)
        return seen

    seen = run(go())
    assert "Your turn is over. Waiting for the other governments..." in seen["waiting"]
    assert seen["phase"] == "diplomacy"
    assert seen["next"] == ("GameScreen", "orders")


class Again(net.Running):
    """The same host served again on a given port (after its server stopped)."""

    def __init__(self, host, port: int):
        import asyncio
        import threading

        self.host = host
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.server = Server(host, "127.0.0.1", port)
        self.port = self.call_async(self.server.start())
        self.url = f"http://127.0.0.1:{self.port}/"


def test_a_dropped_connection_is_said_and_the_same_code_joins_again(tmp_path):
    async def go():
        seen = {}
        host = net.make_host("tutorial", tmp_path)
        running = net.Running(host)
        again = None
        try:
            app = JoinApp(running.url, host.seats["belmark"].code, "Ann")
            async with app.run_test(size=SIZE) as pilot:
                await join_and_start(pilot, running)
                running.stop()
                host.seats["belmark"].conns.clear()  # the old server's connection is gone
                await wait_until(pilot, lambda: "connection to the host was lost"
                                 in screen_text(app))
                seen["lost"] = screen_text(app)
                again = Again(host, running.port)
                await wait_until(pilot, lambda: screen_name(app) == "GameScreen"
                                 and joined(host, "belmark"), timeout=30)
                await pilot.pause(0.3)
                seen["back"] = screen_text(app)
        finally:
            if again is not None:
                again.stop()
        return seen

    seen = run(go())
    assert "Joining again with your code" in seen["lost"]
    assert "You govern Belmark (Ann)" in seen["back"]


def test_at_the_end_the_seat_sees_its_own_score(tmp_path):
    async def go():
        async with playing(tmp_path) as (running, app, pilot):
            host = running.host
            while not host.game.over:  # the instructor ends every phase (e)
                running.call(host.end_phase)
            await wait_until(pilot, lambda: screen_name(app) == "SeatEndScreen",
                             timeout=30)
            await pilot.pause(0.2)
            return screen_text(app), host.game.scores()["belmark"]

    text, score = run(go())
    assert "Game over" in text
    assert f"Belmark: {score.total} of {score.possible} points" in text
    assert "Keep Belport." in text and "Take Belport." not in text


def test_the_remote_app_never_holds_the_game(tmp_path):
    """Walk everything the app holds (its screens, widgets, the seat and what they
    keep): no World, no GameState, no Game, no LocalSeat; the screens have no game."""
    from wargame.core import Game
    from wargame.core.model import World
    from wargame.core.state import GameState
    from wargame.text.port import LocalSeat

    async def go():
        async with playing(tmp_path) as (_, app, pilot):
            for key in ("2", "4", "5", "9", "1"):  # every kind of tab drawn once
                await pilot.press(key)
                await pilot.pause()
            found, walked = reachable_of_types(app, (World, GameState, Game, LocalSeat))
            screens = list(app.screen_stack)
            return found, walked, screens, app.seat

    found, walked, screens, seat = run(go())
    assert found == [] and walked > 5000  # the screens, widgets, views: all walked
    assert not hasattr(seat, "game") and not hasattr(seat, "_game")
    assert all(not hasattr(s, "game") for s in screens)
    assert any(type(s).__name__ == "GameScreen" for s in screens)


def test_the_walk_finds_a_game_held_by_a_local_seat():
    """The check above can fail: a hot-seat seat holds its game, and the walk finds it."""
    from wargame.campaign import load_campaign
    from wargame.core import Game
    from wargame.core.model import World
    from wargame.text.port import LocalSeat

    c = load_campaign("campaigns/tutorial.yaml")
    holder = type("Screen", (), {})()
    holder.seat = LocalSeat(Game(c.world, c.seed), "belmark")
    found, _ = reachable_of_types({"screen": holder}, (World, Game))
    assert "app['screen'].seat._game" in found


def reachable_of_types(root, types, limit: int = 400_000) -> tuple[list[str], int]:
    """Paths to objects of ``types`` reachable from ``root`` through attributes and
    containers (not through modules, classes, functions or the event loop), and how
    many objects were walked."""
    import asyncio
    import threading
    import types as t

    skip = (t.ModuleType, type, t.FunctionType, t.BuiltinFunctionType, str, bytes, int,
            float, bool, type(None), asyncio.AbstractEventLoop, threading.Thread)
    seen, out = set(), []
    todo = [(root, "app")]
    while todo and len(seen) < limit:
        obj, path = todo.pop()
        if id(obj) in seen or isinstance(obj, skip):
            continue
        seen.add(id(obj))
        if isinstance(obj, types):
            out.append(path)
            continue
        if isinstance(obj, dict):
            todo += [(v, f"{path}[{k!r}]") for k, v in list(obj.items())]
        elif isinstance(obj, (list, tuple, set, frozenset)):
            todo += [(v, f"{path}[]") for v in list(obj)]
        elif isinstance(obj, t.MethodType):
            todo.append((obj.__self__, f"{path}.__self__"))
        if hasattr(obj, "__dict__") and not isinstance(obj, dict):
            todo += [(v, f"{path}.{k}") for k, v in list(vars(obj).items())]
        for slot in getattr(type(obj), "__slots__", ()):
            if isinstance(slot, str) and hasattr(obj, slot):
                todo.append((getattr(obj, slot), f"{path}.{slot}"))
    assert len(seen) < limit, "the walk stopped before the end"
    return out, len(seen)


def test_an_adviser_sees_the_screens_and_is_refused_with_the_reason(tmp_path):
    async def go():
        with net.hosting("tutorial", tmp_path) as running:
            host = running.host
            code = host.seats["belmark"].code
            speaker = RemoteSeat.join(running.url, code, "Cy")  # joined first: the speaker
            try:
                app = JoinApp(running.url, code, "Ann")
                async with app.run_test(size=SIZE) as pilot:
                    await wait_until(pilot, lambda: len(host.seats["belmark"].conns) == 2)
                    running.call(host.start)
                    await wait_until(pilot, lambda: screen_name(app) == "GameScreen"
                                     and "Diplomacy phase" in screen_text(app))
                    await pilot.pause(0.5)
                    status = screen_text(app).splitlines()[0]
                    await end_turn(pilot)
                    await wait_until(pilot, lambda: any(n.title == "Refused"
                                                        for n in app._notifications))
                    notes = [n.message for n in app._notifications]
                    return status, notes, screen_name(app), host.seats["belmark"].ended
            finally:
                speaker.close()

    status, notes, screen, ended = run(go())
    assert "you advise: your speaker acts" in status
    assert any("only your delegation's speaker (Cy) acts for Belmark" in n for n in notes)
    assert screen == "GameScreen" and ended is False  # still at its screens, turn not ended


def test_a_new_phase_closes_an_open_dialog_and_shows_the_next_turn(tmp_path):
    async def go():
        async with playing(tmp_path) as (running, app, pilot):
            host = running.host
            await open_message_dialog(pilot, app)  # half written when the phase ends
            running.call(host.end_phase)  # the instructor ends the phase (e)
            await wait_until(pilot, lambda: screen_name(app) == "GameScreen"
                             and "Orders phase" in screen_text(app))
            await pilot.pause(0.3)
            return [type(s).__name__ for s in app.screen_stack], screen_text(app)

    stack, text = run(go())
    assert stack == ["CodeScreen", "JoinScreen", "GameScreen"]
    assert "Round 1 of 6 — Orders phase" in text


def test_a_message_from_another_government_shows_in_the_inbox_as_written(tmp_path):
    async def go():
        async with playing(tmp_path, other="ardenia") as (running, app, pilot):
            await press_until(pilot, "4", lambda: getattr(app.screen, "mode", "") == "inbox",
                              "Inbox")
            before = screen_text(app)
            assert running.other.message(["belmark"], "Stay out of the bay [b]now[/b]") == ""
            await wait_until(pilot, lambda: "Stay out of the bay" in screen_text(app))
            return before, screen_text(app)

    before, after = run(go())
    assert "Stay out of the bay" not in before
    assert "Ardenia → Belmark: Stay out of the bay [b]now[/b]" in after  # markup as text


def test_a_host_that_cannot_be_reached_is_said_on_the_code_screen():
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]

    async def go():
        app = JoinApp(f"http://127.0.0.1:{port}/", "AAAA-BBBB", "Ann")
        async with app.run_test(size=SIZE) as pilot:
            await wait_until(pilot, lambda: "Cannot join" in screen_text(app))
            await pilot.pause(0.3)  # the box grows to the text in the next frames
            return screen_name(app), screen_text(app)

    name, text = run(go())
    words = " ".join(text.replace("█", " ").split())  # as read, across the box's lines
    assert name == "CodeScreen"
    assert f"cannot reach the host at ws://127.0.0.1:{port}/ws" in words
    assert "Press Enter to try again" in words


def test_the_message_dialog_says_which_governments_the_computer_plays(tmp_path):
    """As at one terminal: while the computer plays some other government (nobody has
    joined it), the dialog says that computers do not read messages; once people hold
    every government, it does not."""
    async def dialog_text(pilot, app) -> str:
        await open_message_dialog(pilot, app)
        await pilot.pause(0.2)
        text = screen_text(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: screen_name(app) == "GameScreen")
        return text

    async def go():
        async with playing(tmp_path) as (running, app, pilot):
            host = running.host
            alone = await dialog_text(pilot, app)
            names = {"ardenia": "Bo [b]Big[/b]", "corvia": "Cy", "dunmore": "Di"}
            others = [RemoteSeat.join(running.url, host.seats[n].code, name)
                      for n, name in names.items()]
            try:
                await wait_until(pilot, lambda: len(
                    app.driver.seat.status.get("humans") or ()) == 4)
                await pilot.pause(0.5)  # the app's poll takes the status in
                both = await dialog_text(pilot, app)
            finally:
                for o in others:
                    o.close()
            return alone, both

    alone, both = run(go())
    assert "Computer governments do not read messages" in alone
    assert "Computer governments do not read messages" not in both
    assert "Ardenia · human: Bo [b]Big[/b]" in both  # the name its player gave, as typed
    assert "Corvia · human: Cy" in both


def test_a_game_screen_closed_as_it_opens_does_not_break_the_app(tmp_path):
    """The host moves on just as the game screen is pushed (the instructor starts the
    game as a student joins): the screen is dismissed before it mounts, and the app
    goes on with the next one instead of failing."""
    from wargame.tui.screens.game import GameScreen

    async def go():
        async with playing(tmp_path) as (_, app, pilot):
            driver = app.driver
            for _ in range(3):
                app.push_screen(GameScreen(driver.seat, driver.table))
                driver.close_game_screens()  # in the same moment: before it mounts
                await pilot.pause(0.1)
            await wait_until(pilot, lambda: screen_name(app) == "GameScreen")
            await pilot.pause(0.2)
            return app.return_code, screen_text(app)

    code, text = run(go())
    assert code is None  # still running: nothing raised
    assert "Round 1 of 6 — Diplomacy phase" in text
