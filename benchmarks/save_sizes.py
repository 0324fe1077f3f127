"""How big the biggest realistic save is, beside the limits a save is read with.

    .venv/bin/python benchmarks/save_sizes.py                 # 193 states, 30 rounds
    .venv/bin/python benchmarks/save_sizes.py --states 30 --rounds 50

Plays a game on ``generated_world(STATES)`` with random legal orders for every state
(the heaviest kind of game: every state acts every round), saves it in a temporary
folder, and prints the file's size, the largest cache part and the whole event log
inflated, beside ``wargame.saves.document``'s limits and the headroom they leave.
The limits are in docs/saves.md ("Limits"); a headroom under 4x is flagged.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import sys
import tempfile
import zlib
from pathlib import Path

from _common import ROOT  # noqa: F401  (puts the repository on sys.path)
from saves import play_round  # benchmarks/saves.py: every state gives random orders

try:
    from wargame.core import Game, generated_world
    from wargame.saves import builtin, save_game
    from wargame.saves.document import MAX_BYTES, MAX_LOG, MAX_PART
except ImportError as exc:
    sys.exit(f"cannot import wargame ({exc}); run with the project's virtualenv")

MB = 1024 * 1024


def play(states: int, rounds: int, folder: Path) -> tuple[Path, Game]:
    world = generated_world(states, seed=1, rounds=rounds)
    game = Game(world, 1)
    rng = random.Random(1)
    save_game(game, builtin("generated", n=states, seed=1, rounds=rounds), folder)
    while not game.over:
        play_round(game, rng)
        path = save_game(game)
    return path, game


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--states", type=int, default=193)
    ap.add_argument("--rounds", type=int, default=30)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path, game = play(args.states, args.rounds, Path(tmp))
        doc = json.loads(path.read_bytes())
        size = path.stat().st_size
    inflated = {name: [len(zlib.decompress(base64.b64decode(p["zlib"]))) for p in doc[name]]
                for name in ("snapshots", "log")}
    part = max(inflated["snapshots"] + inflated["log"])
    log = sum(inflated["log"])
    print(f"{args.states} states, {game.round} rounds: {len(game.inputs)} inputs, "
          f"{len(game.log)} events")
    print(f"{'figure':<28}{'measured':>12}{'limit':>12}{'headroom':>10}")
    low = False
    for label, value, limit in (("save file", size, MAX_BYTES),
                                ("largest cache part inflated", part, MAX_PART),
                                ("event log inflated", log, MAX_LOG)):
        room = limit / value
        low = low or room < 4
        print(f"{label:<28}{value / MB:>10.1f}MB{limit / MB:>10.0f}MB{room:>9.1f}x")
    print("Headroom under 4x: raise the limits" if low else "Headroom at least 4x: MET")
    return 0


if __name__ == "__main__":
    sys.exit(main())
