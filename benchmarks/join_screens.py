"""The full-screen `wargame join` on loopback: how fast its screens answer.

Starts ``wargame host baltic-flashpoint --headless`` (28 governments) in a process of
its own, and runs one ``JoinApp`` (headless, 120x40) for its first government in this
one; the computer plays the others. It prints, each the median of --rounds rounds:

- a new phase: from the host's status arriving at the client to the new phase's game
  screen mounted, and the requests it made (the Orders list asks `check` once for
  every action not legal now, to say why), against opening the same screen over a
  LocalSeat in this process (target: at most 250 ms more: the app reads its link
  four times a second);
- the Orders tab (2) in the orders phase, over the network and over a LocalSeat
  (target: at most 1.5x).

    python benchmarks/join_screens.py [--rounds N]

Loopback only; bounded by --rounds (default 3) and a 120 s limit. Timings vary
with the machine's load (other processes share its cores): run it twice.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import _common  # noqa: F401 - the repository on sys.path

LIMIT = 120.0


def stamping(link) -> list[tuple[float, str, int]]:
    """(time, phase, round) of every status the host pushes, stamped as it arrives."""
    stamps: list[tuple[float, str, int]] = []
    take = link._take

    def taking(m):
        msg = take(m)
        if msg is not None and msg["type"] == "status":
            st = msg["status"]
            stamps.append((time.perf_counter(), st["phase"], st["round"]))
        return msg
    link._take = taking
    return stamps


def counting(seat) -> list[str]:
    """Count the requests a remote seat sends (by kind)."""
    sent: list[str] = []
    link = seat.link
    ask = link.request

    def request(kind, **fields):
        sent.append(kind)
        return ask(kind, **fields)
    link.request = request
    return sent


async def until(pilot, pred, limit: float = 30.0) -> None:
    end = time.monotonic() + limit
    while not pred():
        if time.monotonic() > end:
            raise TimeoutError("the screen did not come")
        await pilot.pause(0.002)


async def remote(url: str, code: str, rounds: int) -> dict:
    from wargame.tui.join import JoinApp

    app = JoinApp(url, code, "bench")
    out = {"phase": [], "orders": [], "orders_requests": [], "open_requests": []}
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: type(app.screen).__name__ == "GameScreen")
        sent = counting(app.seat._seat)
        stamps = stamping(app.seat.link)
        for _ in range(rounds):
            for phase in ("diplomacy", "orders"):
                screen = app.screen
                if type(screen).__name__ != "GameScreen" or screen.view_.phase != phase:
                    await until(pilot, lambda: type(app.screen).__name__ == "GameScreen"
                                and app.screen.view_.phase == phase)
                    screen = app.screen
                if phase == "orders":
                    before = len(sent)
                    t = time.perf_counter()
                    await pilot.press("2")
                    await pilot.pause()
                    out["orders"].append(time.perf_counter() - t)
                    out["orders_requests"].append(len(sent) - before)
                before, pressed = len(sent), time.perf_counter()
                await pilot.press("e")
                end = time.monotonic() + 30
                while app.screen is screen or type(app.screen).__name__ == "ConfirmScreen":
                    if time.monotonic() > end:
                        raise TimeoutError("the turn did not end")
                    if type(app.screen).__name__ == "ConfirmScreen":
                        await pilot.press("y")
                    await pilot.pause(0.01)
                # the host's next phase arrives: from then to the new screen mounted
                await until(pilot, lambda: app.seat.link.status.get("phase") != phase
                            or app.seat.link.status.get("over"))
                if app.seat.link.status.get("over"):
                    return out
                await until(pilot, lambda: type(app.screen).__name__ == "GameScreen"
                            and app.screen is not screen and app.screen.is_mounted)
                await pilot.pause()
                shown = time.perf_counter()
                came = next(t for t, p, _ in stamps if p != phase and t >= pressed)
                out["phase"].append(shown - came)
                out["open_requests"].append(len(sent) - before - 1)  # not end_turn
    return out


async def local(rounds: int) -> tuple[list[float], list[float]]:
    """The same screen over a LocalSeat, a game of Baltic Flashpoint in this process:
    a turn's screen giving way to the next one's (as at a phase change), and the
    Orders tab."""
    from wargame.campaign import load_campaign
    from wargame.campaign.bundled import find_campaign
    from wargame.core import Game
    from wargame.tui.app import WargameApp
    from wargame.tui.screens.game import GameScreen
    from wargame.tui.table import Table
    from wargame.text.port import LocalSeat, PublicCampaign

    c = load_campaign(find_campaign("baltic-flashpoint"))
    game = Game(c.world, c.seed)
    while game.phase != "orders":
        game.advance()
    campaign = PublicCampaign.of(c.world, c.title)
    opened, times = [], []

    for _ in range(rounds):
        app = WargameApp()
        async with app.run_test(size=(120, 40)) as pilot:
            seat = LocalSeat(game, c.world.ids[0], campaign)
            await app.push_screen(GameScreen(seat, Table(c.title)))
            await pilot.pause()
            # a phase change at one terminal: the last turn's screen gives way to the next
            t = time.perf_counter()
            app.screen.dismiss("done")
            await app.push_screen(GameScreen(seat, Table(c.title)))
            await pilot.pause()
            opened.append(time.perf_counter() - t)
            t = time.perf_counter()
            await pilot.press("2")
            await pilot.pause()
            times.append(time.perf_counter() - t)
    return opened, times


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="wargame-bench-"))
    try:
        proc, url, codes = _common.start_host(folder, 1)
    except _common.HostStartError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        code = codes[0]
        res = asyncio.run(asyncio.wait_for(remote(url, code, args.rounds), LIMIT))
    finally:
        proc.terminate()
        proc.wait(10)
    opened, here = asyncio.run(local(args.rounds))
    ms = lambda xs: statistics.median(xs) * 1000 if xs else float("nan")  # noqa: E731
    phase, orders = ms(res["phase"]), ms(res["orders"])
    local_open, local_orders = ms(opened), ms(here)
    print(f"join screens: Baltic Flashpoint on loopback, {args.rounds} round(s), one "
          "government joined, the computer plays the others")
    print(f"a new phase's game screen: network {phase:.0f} ms from the host's status "
          f"(median of {len(res['phase'])}, worst {max(res['phase']) * 1000:.0f} ms; "
          f"{statistics.median(res['open_requests']):.0f} requests), LocalSeat "
          f"{local_open:.0f} ms   target: network <= LocalSeat + 250 ms (the app reads its "
          f"link four times a second): {'MET' if phase <= local_open + 250 else 'NOT MET'}")
    print(f"the Orders tab: network {orders:.0f} ms "
          f"({statistics.median(res['orders_requests']):.0f} request), LocalSeat "
          f"{local_orders:.0f} ms   target: network <= 1.5x LocalSeat: "
          f"{'MET' if orders <= 1.5 * local_orders else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
