"""How fast the terminal game feels, against a bare Textual app timed the same way.

    .venv/bin/python benchmarks/startup.py            # 3 runs, 7 launches, 8 presses a key a run
    .venv/bin/python benchmarks/startup.py --quick    # 3 runs, 3 launches, 3 presses a key a run

1. **Launch -> first interactive screen.** Each app is started in a fresh
   interpreter (``python -c ...``), headless, and reports the wall-clock time at
   which its first screen is mounted and idle; the figure is that time minus the
   moment the parent spawned it, so interpreter start and imports are included.
   The wargame app (title screen) is measured against a bare ``textual.app.App``
   in the same run, launches interleaved. Target: at most 1.15x the bare app.
2. **Start of a game -> first orders turn on screen**, Baltic Flashpoint, the
   first state human and the others computer-played (the computer's diplomacy
   included): from Start on the setup screen (at rest, as a player sees it) to the
   first turn drawn, each run in a fresh process: the median of three. Target: at
   most 300 ms.
3. **Key press -> updated screen**, on the game screen of ``generated_world(30)``
   and of ``generated_world(193)``, each against the pinned bare reference app
   (below) with 30 and 193 rows. For each key, two figures: from the key event
   (sent as the terminal driver sends it) to the *first* screen update the app
   hands to the terminal (what the player sees change), and to the *last* one
   within 150 ms (the screen settled: scroll bars, a highlight scrolled into
   view). Each figure is the median of three runs' medians; runs interleave the
   bare app and the game. Target for every key: at most the bare app's figure
   for the same kind of update (a tab switch, a list move, a dialog) **plus one
   frame (16.7 ms)**, for both figures.

The bare reference app is pinned: eight ``TabbedContent`` panes, each holding a
``DataTable`` of 30 rows (193 for the 193-state figure) and five columns; the
second pane also holds a 30-item ``OptionList`` (focused there, as the game's
list is); a ``Footer``; keys 1-8 switch panes; ``c`` opens a modal dialog (a
30-item ``OptionList``), Escape closes it; animations off. The game's "add and
remove an order" (Enter, x: the head line changes, a toast appears) is compared
with the bare list move, the smallest update the bare app makes.

Only the standard library, Textual and the package. Nothing is written in the
checkout: saves, settings and compiled bytecode go to temporary folders (launched
processes run from bytecode, as an installed wargame does, even when
PYTHONDONTWRITEBYTECODE is set).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FRAME = 1 / 60  # 16.7 ms
LAUNCH_TARGET = 1.15
FIRST_TURN_TARGET = 0.300

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


def child_cpu() -> float:
    """CPU seconds (user + system) used by this process's finished children."""
    import resource

    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def launch(code: str) -> tuple[float, float]:
    """(wall-clock seconds to the first screen, CPU seconds of the whole process)."""
    cpu = child_cpu()
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    return float(out.stdout.strip().splitlines()[-1]) - start, child_cpu() - cpu


def startup(runs: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    times: dict[str, list[float]] = {name: [] for name in APPS}
    cpus: dict[str, list[float]] = {name: [] for name in APPS}
    for name, code in APPS.items():  # warm the file cache once
        launch(code)
    for _ in range(runs):
        for name, code in APPS.items():
            wall, cpu = launch(code)
            times[name].append(wall)
            cpus[name].append(cpu)
    return times, cpus


# ------------------------------------------------------------ the harness
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


async def settle(pilot) -> None:
    """Let the app go idle between presses (a toast's timer, a worker)."""
    await pilot.pause()
    await asyncio.sleep(0.03)


Times = dict[str, list[tuple[float, float]]]


async def timed(pilot, times: Times, repeats: int, label: str, *sequence: str,
                between=None) -> None:
    for _ in range(repeats):
        for key in sequence:
            times.setdefault(f"{label}: {key}", []).append(await press(pilot, key))
            if between is not None:
                await between(key)
            await settle(pilot)


# ------------------------------------------------------ the bare reference
def bare_app(rows: int):
    """The pinned reference: 8 tabs of 5-column tables, a 30-item list, a footer."""
    from textual.app import App
    from textual.binding import Binding
    from textual.screen import ModalScreen
    from textual.widgets import DataTable, Footer, OptionList, TabbedContent, TabPane

    class Dialog(ModalScreen):
        BINDINGS = [Binding("escape", "app.pop_screen", "Close")]

        def compose(self):
            yield OptionList(*[f"Choice {i}" for i in range(30)])

    class Bare(App):
        CSS = "Dialog { align: center middle; } Dialog OptionList { width: 60; height: 16; }"
        BINDINGS = [*[Binding(str(i), f"tab('t{i}')", f"Tab {i}") for i in range(1, 9)],
                    Binding("c", "dialog", "Dialog")]

        def compose(self):
            with TabbedContent(initial="t1"):
                for i in range(1, 9):
                    with TabPane(f"Tab {i}", id=f"t{i}"):
                        if i == 2:
                            yield OptionList(*[f"Action {j}  diplomatic  low risk  free"
                                               for j in range(30)], id="list")
                        yield DataTable(id=f"table{i}")
            yield Footer()

        def on_mount(self):
            for table in self.query(DataTable):
                table.add_columns("State", "Tension", "Military", "Support", "Region")
                table.add_rows([(f"State {r}", r % 40, 100 + r, 50 + r % 30, "europe")
                                for r in range(rows)])

        def action_tab(self, tab: str) -> None:
            self.query_one(TabbedContent).active = tab
            pane = self.query_one(f"#{tab}", TabPane)
            first = pane.query("OptionList, DataTable").first()
            first.focus()

        def action_dialog(self) -> None:
            self.push_screen(Dialog())

    return Bare()


async def bare_presses(rows: int, repeats: int) -> Times:
    app = bare_app(rows)
    app.animation_level = "none"
    hook_display(app)
    times: Times = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await timed(pilot, times, repeats, "switch tab", "2", "3", "4", "5", "6", "7", "8",
                    "1")
        await pilot.press("2")
        await settle(pilot)
        await timed(pilot, times, repeats, "move in a list", "down", "up")
        await timed(pilot, times, repeats, "dialog", "c", "escape")
    return times


# ------------------------------------------------------------ the game
async def game_presses(states: int, repeats: int) -> Times:
    from wargame.core import generated_world
    from wargame.tui.app import WargameApp
    from wargame.tui.scenario import Scenario
    from wargame.tui.session import default_seats

    world = generated_world(states)
    scenario = Scenario("generated", world.title, "", world, 1)
    app = WargameApp()
    app.animation_level = "none"  # as the bare app
    hook_display(app)
    times: Times = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.start_game(scenario, default_seats(world), 1)
        while type(app.screen).__name__ != "GameScreen" or app.session.game.phase != "orders":
            await pilot.pause(0.001)
        await settle(pilot)
        await timed(pilot, times, repeats, "switch tab", "2", "3", "4", "5", "6", "7", "8",
                    "1")
        await pilot.press("2")
        await settle(pilot)
        await timed(pilot, times, repeats, "move in the orders list", "down", "up")
        # an order without a target: Enter adds it, x takes it back
        actions = app.screen.query_one("#list")
        index = next(i for i, o in enumerate(actions.options) if o.id == "raise_readiness")
        await pilot.press("home", *["down"] * index)
        await settle(pilot)
        await timed(pilot, times, repeats, "add and remove an order", "enter", "x")
        assert app.session.game.orders_of(world.ids[0]) == []
        await timed(pilot, times, repeats, "message dialog", "c", "escape")
    app.clear_notifications()
    return times


TURN_CHILD = """
import time
from wargame.campaign.bundled import find_campaign
from wargame.tui.app import WargameApp

async def go(pilot):
    app = pilot.app
    while type(app.screen).__name__ != "SetupScreen" or app.screen.scenario is None:
        await pilot.pause(0.01)
    while any(w.is_running for w in app.workers):  # the setup screen at rest, as a
        await pilot.pause(0.01)                    # player sees it before Start
    await pilot.pause(0.2)
    start, cpu = time.perf_counter(), time.process_time()
    app.screen.action_start()
    while not (type(app.screen).__name__ == "GameScreen" and app.screen.is_mounted):
        await pilot.pause(0.001)
    await pilot._wait_for_screen()
    print(time.perf_counter() - start, time.process_time() - cpu, app.session.game.phase,
          flush=True)
    app.exit()

WargameApp(str(find_campaign({campaign!r})), to_setup=True).run(
    headless=True, size=(120, 40), auto_pilot=go)
"""


def first_turn(campaign: str, runs: int) -> list[tuple[float, float, str]]:
    """(seconds, CPU seconds, phase) from Start on the setup screen to the first turn
    on screen: each in a fresh process (imports included), after a warm-up launch."""
    code = TURN_CHILD.format(campaign=campaign)
    out = []
    for i in range(runs + 1):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              cwd=ROOT, check=True)
        took, cpu, phase = done.stdout.strip().splitlines()[-1].split()
        if i:
            out.append((float(took), float(cpu), phase))
    return out


# ------------------------------------------------------------ reporting
KIND = {"switch tab": "switch tab", "move in the orders list": "move in a list",
        "add and remove an order": "move in a list", "message dialog": "dialog"}


def bare_key(label: str) -> str:
    """The bare app's figure a game key is held to: the same kind of update."""
    kind, key = label.split(": ")
    bare = KIND[kind]
    if bare == "move in a list" and key not in ("down", "up"):
        key = "down"
    if bare == "dialog":
        key = {"c": "c", "escape": "escape"}.get(key, "c")
    return f"{bare}: {key}"


def run_medians(runs: list[Times]) -> dict[str, tuple[float, float]]:
    """Per key: the median of the runs' medians, for the first and the last update."""
    out = {}
    for label in runs[0]:
        firsts = [statistics.median(a for a, _ in r[label]) for r in runs]
        lasts = [statistics.median(b for _, b in r[label]) for r in runs]
        out[label] = (statistics.median(firsts), statistics.median(lasts))
    return out


def ms(seconds: float) -> str:
    return f"{seconds * 1000:6.1f}"


def report(states: int, bare: dict, game: dict) -> bool:
    print(f"\n   {states} states: key -> first update | key -> settled (ms, median of 3 runs)")
    print(f"   {'key':<32} {'game':>7} {'bare':>7} {'ratio':>6} {'':<8}"
          f" {'game':>7} {'bare':>7} {'ratio':>6}")
    ok = True
    for label, (first, last) in game.items():
        b_first, b_last = bare[bare_key(label)]
        met_first = first <= b_first + FRAME
        met_last = last <= b_last + FRAME
        ok = ok and met_first and met_last
        print(f"   {label:<32} {ms(first)} {ms(b_first)} {first / b_first:5.2f}x "
              f"{'MET' if met_first else 'NOT MET':<8}"
              f" {ms(last)} {ms(b_last)} {last / b_last:5.2f}x "
              f"{'MET' if met_last else 'NOT MET'}")
    print(f"   bare app, for reference: " + "; ".join(
        f"{k} {ms(a).strip()}/{ms(b).strip()}" for k, (a, b) in bare.items()))
    return ok


def main() -> int:
    import tempfile

    os.environ["WARGAME_SAVES_DIR"] = tempfile.mkdtemp(prefix="wargame-bench-")  # not saves/
    os.environ["WARGAME_CONFIG_DIR"] = tempfile.mkdtemp(prefix="wargame-bench-")  # no theme
    # launches as an installed wargame runs: from compiled bytecode (kept in a temporary
    # folder, written by the warm-up launch), not compiled from source each time
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="wargame-bench-pyc-")
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="fewer launches and presses")
    p.add_argument("--sizes", default="30,193", help="world sizes for the key figures")
    args = p.parse_args()
    launches, repeats, runs = (3, 3, 3) if args.quick else (7, 8, 3)
    load = os.getloadavg()
    print(f"load average at start: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} "
          f"on {os.cpu_count()} cores")

    print(f"\n1. Launch -> first interactive screen (headless, median of {launches} launches)")
    times, cpus = startup(launches)
    medians = {name: statistics.median(t) for name, t in times.items()}
    cpu = {name: statistics.median(t) for name, t in cpus.items()}
    for name, t in times.items():
        print(f"   {name:<24} {medians[name] * 1000:7.1f} ms   "
              f"(min {min(t) * 1000:.1f}, max {max(t) * 1000:.1f}; CPU time of the whole "
              f"process {cpu[name] * 1000:.0f} ms)")
    ratio = medians["wargame (title screen)"] / medians["bare Textual app"]
    print(f"   ratio {ratio:.2f}x  (target <= {LAUNCH_TARGET}x: "
          f"{'MET' if ratio <= LAUNCH_TARGET else 'NOT MET'}); CPU time ratio "
          f"{cpu['wargame (title screen)'] / cpu['bare Textual app']:.2f}x, which the "
          "load of other processes does not inflate")

    print("\n2. Start of a game -> first turn on screen, Baltic Flashpoint (median of 3, "
          "each in a fresh process)")
    starts = first_turn("baltic-flashpoint", 3)
    took = statistics.median(t for t, _, _ in starts)
    print(f"   {took * 1000:.0f} ms (runs: {', '.join(f'{t * 1000:.0f}' for t, _, _ in starts)}"
          f"; CPU time {statistics.median(c for _, c, _ in starts) * 1000:.0f} ms; phase "
          f"{starts[0][2]}; target <= {FIRST_TURN_TARGET * 1000:.0f} ms: "
          f"{'MET' if took <= FIRST_TURN_TARGET else 'NOT MET'})")

    print(f"\n3. Key press -> updated screen, 120x40, {runs} runs x {repeats} presses a key, "
          "bare reference app and game interleaved")
    all_met = True
    for states in (int(s) for s in args.sizes.split(",") if s.strip()):
        bare_runs, game_runs = [], []
        for _ in range(runs):
            bare_runs.append(asyncio.run(bare_presses(states, repeats)))
            game_runs.append(asyncio.run(game_presses(states, repeats)))
        all_met = report(states, run_medians(bare_runs), run_medians(game_runs)) and all_met
    print(f"\n   every key within bare + one frame (16.7 ms): {'MET' if all_met else 'NOT MET'}")
    load = os.getloadavg()
    print(f"load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
