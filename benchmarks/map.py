"""How fast the map answers a key: 193 generated states, against a bare Textual update.

    .venv/bin/python benchmarks/map.py            # 60 presses of each key
    .venv/bin/python benchmarks/map.py --quick    # 8 presses

1. **Drawing** (pure, no Textual): the map's facts from a view of
   ``generated_world(193)``, its layout, and the drawing at each zoom, in ms.
2. **Key press -> updated screen** (headless, 120x40, timed as in startup.py: from
   the key event to the screen update handed to the terminal): on the Map tab of a
   193-state game, the arrow keys and Tab (the highlight moves; the map pans to
   follow it), against the same keys on the same screen when each only updates one
   Static's text (a bare Textual update: the key's way through the game screen's
   bindings, the frame wait and the compositor are in both). Each map press is
   followed by its reference press, and each key is held to the references made
   just after its own presses (the load of the machine weighs on both alike).
   Each round of keys starts from another state, one with a neighbour every way,
   so that every key moves; the rounds go all over the map. Timing starts once
   the game's first autosave is written. Target: the map's
   slowest key, median, at most 1.1x the bare update. A bare app (one Static, no
   game) is timed too, for information.

Only the standard library, Textual and the package; nothing is written.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup import hook_display, ms, press, settle  # noqa: E402

KEYS = ("right", "down", "left", "up", "tab")


def drawing(repeats: int) -> None:
    from wargame.core import Game, generated_world
    from wargame.map import layout, map_facts
    from wargame.map.draw import ZOOM_ORDER, draw, size_of

    world = generated_world(193)
    game = Game(world, 1)
    view = game.view(world.ids[0])

    def best(fn) -> float:
        times = []
        for _ in range(repeats):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        return statistics.median(times)

    lay = layout(world)
    facts = map_facts(view, game.public_news())
    print(f"   layout {ms(best(lambda: layout(world)))}   facts "
          f"{ms(best(lambda: map_facts(view, game.public_news())))}")
    for zoom in ZOOM_ORDER:
        w, h = size_of(lay, zoom)
        print(f"   draw, {zoom:<6} ({w}x{h} cells) {ms(best(lambda: draw(facts, lay, zoom)))}")


async def bare(repeats: int) -> list[float]:
    from textual.app import App
    from textual.widgets import Static

    class Bare(App):
        n = 0

        def compose(self):
            yield Static("0", id="s")

        def on_key(self, event) -> None:
            self.n += 1
            self.query_one("#s", Static).update(str(self.n))

    app = Bare()
    hook_display(app)
    out = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(repeats):
            for key in KEYS:
                out.append((await press(pilot, key))[0])
                await pilot.pause()
    return out


async def on_the_map(repeats: int) -> dict[str, list[float]]:
    from wargame.core import generated_world
    from wargame.tui.app import WargameApp
    from wargame.tui.scenario import Scenario
    from wargame.tui.session import Seat
    from wargame.tui.widgets.map import MapCanvas

    world = generated_world(193)
    scenario = Scenario("generated", world.title, "", world, 1)
    app = WargameApp()
    app.animation_level = "none"
    hook_display(app)
    keys: dict[str, list[float]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # one human, 192 computer governments (their first moves take a few seconds)
        app.start_game(scenario, [Seat(n, "You") for n in world.ids[:1]] +
                       [Seat(n, "") for n in world.ids[1:]], 1)
        while type(app.screen).__name__ not in ("GameScreen", "HandoffScreen"):
            await pilot.pause(0.01)
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        while any(w.group == "write" and w.is_running for w in app.workers):
            await pilot.pause(0.01)  # the first autosave is written in the loop
        await pilot.pause()
        canvas = app.screen.query_one(MapCanvas)
        assert len(canvas.facts.states) == 193
        # the reference: the same keys on the same screen, each doing a bare Textual
        # update instead (the line under the map gets a new text, nothing else): the
        # key's way through the game screen's bindings, the frame and the compositor
        # are the same. Map and reference presses alternate, so that the load of the
        # machine weighs on both alike.
        info = app.screen.query_one("#map-info")
        count = [0]

        def bare_update(*_args) -> None:
            count[0] += 1
            info.update(f"bare update {count[0]}", layout=False)

        # each round of keys starts from another state (untimed), one with a neighbour
        # every way: no key is timed doing nothing at the map's edge, and the moves
        # go all over the map (pans included), not round one corner
        from wargame.map import neighbour

        lay = canvas.lay
        inner = [s for s in lay.order
                 if all(neighbour(lay, s, d) != s for d in ("left", "right", "up", "down"))]
        for i in range(repeats):
            canvas.select(inner[(i * 37) % len(inner)])
            await settle(pilot)  # idle before the first key: the jump's repaint is done
            for key in KEYS:
                keys.setdefault(key, []).append((await press(pilot, key))[0])
                await pilot.pause()
                canvas.action_move = canvas.action_step = bare_update
                keys.setdefault(f"bare {key}", []).append((await press(pilot, key))[0])
                await pilot.pause()
                del canvas.action_move, canvas.action_step
        print(f"   (zoom chosen: {canvas.zoom}; the map is {canvas.canvas.width}x"
              f"{canvas.canvas.height} cells, the view {canvas.size.width}x"
              f"{canvas.size.height})")
    return keys


def main() -> int:
    import os
    import tempfile

    os.environ["WARGAME_SAVES_DIR"] = tempfile.mkdtemp(prefix="wargame-bench-")
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="fewer presses, for a smoke test")
    args = p.parse_args()
    repeats = 8 if args.quick else 60  # enough that one noisy key does not decide
    print("1. Drawing generated_world(193), pure (median of 20)")
    drawing(20)
    print(f"\n2. Key press -> updated screen, 120x40, {repeats} presses per key")
    alone = asyncio.run(bare(repeats))
    keys = asyncio.run(on_the_map(repeats))
    paired = {key: keys.pop(f"bare {key}") for key in KEYS}
    base = [x for key in KEYS for x in paired[key]]
    b = statistics.median(base)
    print(f"   {'a bare app: one Static updated':<34} median {ms(statistics.median(alone))}  "
          f"max {ms(max(alone))}  (for information)")
    print(f"   {'the map screen, a bare update':<34} median {ms(b)}  max {ms(max(base))}  "
          "(the reference, all keys)")
    worst = 0.0
    for key, t in keys.items():
        # each key against the reference presses made just after its own: a key that
        # moves only early in the run (later the highlight is at the map's edge) is
        # held to the reference of that same stretch of the run
        drawn = [(x, r) for x, r in zip(t, paired[key]) if x > 0]
        if not drawn:
            continue
        label = key if len(drawn) == len(t) else f"{key} ({len(t) - len(drawn)} at the edge)"
        m = statistics.median(x for x, _ in drawn)
        ref = statistics.median(r for _, r in drawn)
        worst = max(worst, m / ref)
        print(f"   {'map: ' + label:<34} median {ms(m)}  max {ms(max(x for x, _ in drawn))}  "
              f"({m / ref:.2f}x its reference, {ms(ref).strip()})")
    ratio = worst
    print(f"   slowest key on the map, median: {ratio:.2f}x the bare update "
          f"(target <= 1.1x: {'MET' if ratio <= 1.1 else 'NOT MET'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
