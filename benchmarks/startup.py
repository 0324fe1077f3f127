"""How fast the terminal game feels: start-up, and a key press on a 30-state world.

    .venv/bin/python benchmarks/startup.py            # 7 launches of each app, 20 presses per key
    .venv/bin/python benchmarks/startup.py --quick    # 3 launches, 5 presses

1. **Launch -> first interactive screen.** Each app is started in a fresh
   interpreter (``python -c ...``), headless, and reports the wall-clock time at
   which its first screen is mounted and idle; the figure is that time minus the
   moment the parent spawned it, so interpreter start and imports are included.
   The wargame app (title screen) is measured against a bare ``textual.app.App``
   in the same run, launches interleaved. Target: at most 1.5x the bare app.
2. **Key press -> updated screen** on the game screen of ``generated_world(30)``:
   from the key event (sent as the terminal driver sends it) until every message
   it caused is processed and the app has rendered the screen update it hands to
   the terminal (the frame wait of up to 1/60 s included). Target: under 50 ms.

Only the standard library, Textual and the package; nothing is written.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = """
import sys, time
{imports}
async def ready(pilot):
    await pilot.pause()
    while not {check}:
        await pilot.pause(0.001)
    print(time.time(), flush=True)
    pilot.app.exit()
{make}.run(headless=True, size=(120, 40), auto_pilot=ready)
"""

APPS = {
    "bare Textual app": CHILD.format(
        imports="from textual.app import App", check="pilot.app.screen.is_mounted",
        make="App()"),
    "wargame (title screen)": CHILD.format(
        imports="from wargame.tui.app import WargameApp",
        check="type(pilot.app.screen).__name__ == 'TitleScreen' and "
              "pilot.app.screen.query_one('#menu').has_focus",
        make="WargameApp()"),
}


def launch(code: str) -> float:
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    return float(out.stdout.strip().splitlines()[-1]) - start


def startup(runs: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in APPS}
    for name, code in APPS.items():  # warm the file cache once
        launch(code)
    for _ in range(runs):
        for name, code in APPS.items():
            times[name].append(launch(code))
    return times


async def press(pilot, key: str) -> tuple[float, float]:
    """Seconds from a key event to the screen updated: (first update, last update).

    The key is sent as the terminal driver sends it. The *first* screen update the
    app renders after it is what the player sees change (nothing is pending when
    the key is sent: the app was idle). Textual often follows it with a smaller
    update (scroll bars, a scroll to the highlighted line) a frame or two later;
    the *last* update within 150 ms of the key is reported too. Headless, the
    final write to the terminal is skipped. ``pilot.press`` is not used: it waits
    for the CPU to go idle and for animations, which times the harness.
    """
    from textual import events

    app = pilot.app
    stamps = app._bench_stamps
    stamps.clear()
    start = time.perf_counter()
    app._driver.send_message(events.Key(key, key if len(key) == 1 else None))
    for _ in range(3):
        await pilot._wait_for_screen()
    while time.perf_counter() < start + 0.15:
        await asyncio.sleep(0.002)
    if not stamps:  # nothing to redraw (say, at the end of a list)
        return 0.0, 0.0
    return stamps[0] - start, stamps[-1] - start


def hook_display(app) -> None:
    """Record when the app hands a screen update to the terminal driver."""
    app._bench_stamps = []
    original = app._display

    def display(screen, renderable):
        original(screen, renderable)
        if renderable is not None:
            app._bench_stamps.append(time.perf_counter())

    app._display = display


async def presses(repeats: int) -> tuple[float, dict[str, list[float]]]:
    from wargame.core import generated_world
    from wargame.tui.app import WargameApp
    from wargame.tui.scenario import Scenario
    from wargame.tui.session import default_seats

    world = generated_world(30)
    scenario = Scenario("generated", world.title, "", world, 1)
    app = WargameApp()
    app.animation_level = "none"  # the tab underline slides; the content switches at once
    hook_display(app)
    keys: dict[str, list[float]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        t0 = time.perf_counter()
        app.start_game(scenario, default_seats(world), 1)
        while type(app.screen).__name__ != "GameScreen" or app.screen.game.phase != "orders":
            await pilot.pause(0.001)
        await pilot.pause()
        first_turn = time.perf_counter() - t0

        async def timed(label: str, *sequence: str) -> None:
            for _ in range(repeats):
                for key in sequence:
                    keys.setdefault(f"{label}: {key}", []).append(await press(pilot, key))
                    await pilot.pause()

        await timed("switch tab", "5", "2", "7", "1")
        await pilot.press("2")
        await timed("move in the orders list", "down", "up")
        # an order without a target: Enter adds it, x takes it back
        actions = app.screen.query_one("#list")
        index = next(i for i, o in enumerate(actions.options) if o.id == "raise_readiness")
        await pilot.press("home", *["down"] * index)
        await timed("add and remove an order", "enter", "x")
        assert app.screen.game.orders_of(world.ids[0]) == []
    return first_turn, keys


def ms(seconds: float) -> str:
    return f"{seconds * 1000:5.1f} ms"


def main() -> int:
    import os
    import tempfile

    os.environ["WARGAME_SAVES_DIR"] = tempfile.mkdtemp(prefix="wargame-bench-")  # not saves/
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="fewer runs, for a smoke test")
    args = p.parse_args()
    runs, repeats = (3, 5) if args.quick else (7, 20)

    print(f"1. Launch -> first interactive screen (headless, median of {runs} launches)")
    times = startup(runs)
    medians = {name: statistics.median(t) for name, t in times.items()}
    for name, t in times.items():
        print(f"   {name:<24} {medians[name] * 1000:7.1f} ms   "
              f"(min {min(t) * 1000:.1f}, max {max(t) * 1000:.1f})")
    bare, ours = medians["bare Textual app"], medians["wargame (title screen)"]
    ratio = ours / bare
    print(f"   ratio {ratio:.2f}x  (target <= 1.5x: {'met' if ratio <= 1.5 else 'NOT met'})")

    print(f"\n2. Key press -> updated screen, generated_world(30), 120x40, "
          f"{repeats} presses per key")
    first_turn, keys = asyncio.run(presses(repeats))
    print(f"   (start of game -> first orders turn on screen: {first_turn * 1000:.0f} ms, "
          "computer included)")
    print(f"   {'':<34} {'screen updated':>26}   {'settled (last update)':>22}")
    print(f"   {'':<34} {'median':>8} {'p90':>8} {'max':>8}   {'median':>8} {'max':>8}")
    medians = []
    for label, t in keys.items():
        first = sorted(a for a, _ in t)
        last = sorted(b for _, b in t)
        p90 = first[int(0.9 * (len(first) - 1))]
        medians.append(statistics.median(first))
        print(f"   {label:<34} {ms(statistics.median(first))} {ms(p90)} {ms(first[-1])}   "
              f"{ms(statistics.median(last))} {ms(last[-1])}")
    worst = max(medians)
    print(f"   slowest key, median: {worst * 1000:.1f} ms  (target < 50 ms: "
          f"{'met' if worst < 0.05 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
