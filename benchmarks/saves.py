"""How fast are saving and loading, and how big are the files?

Run from the repository root::

    .venv/bin/python benchmarks/saves.py            # a few seconds
    .venv/bin/python benchmarks/saves.py --dir D    # write the files in D (default: a
                                                    # temporary folder, removed after)

The target game (issue 6): a 50-round game on ``generated_world(30, rounds=50)``
where every state gives random legal orders each round
(``wargame.core.randomplay.random_orders``). Random orders escalate fast and pile
up obligations (well over a thousand by round 50), so this is a heavy case.

It measures, with ``time.perf_counter`` (medians; the garbage collector run before
each timed call):

* ``autosave``: ``save_game`` right after a round is resolved, as the interface
  does every round: the journal has seen every earlier round, so only this round is
  hashed, snapshotted and compressed; then the file is written atomically (temp
  file, fsync, replace, fsync of the folder) and the previous version becomes a
  backup. Measured over the last 10 rounds (the biggest states); ``write`` is the
  part spent on disk (the same bytes written atomically, with a backup link);
* ``final save``: the save at the end of the game (with the end snapshot);
* ``cold save``: the first save of a finished game whose rounds the journal never
  saw (``simulate --save-dir``): every round is replayed to record its hash;
* ``load``: ``load_save`` of the final file (parse, campaign, latest snapshot
  checked against its state hash, event log), and ``load round 25`` (a branch:
  snapshot, then up to 4 rounds replayed);
* ``replay``: ``replay_save``, every input replayed and every round hash checked;
* the file size.

A fixed amount of pure-Python work (``REF``, the same as in ``engine.py``) is timed
in the same run and every figure is also given in ``x REF``: compare those between
machines. The same figures for the default campaign (24 states, 10 rounds, played by
the computer players) follow, for information: loading it includes reading the
campaign's YAML from the save.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, fixed_work  # noqa: E402  (puts the repository on sys.path)

try:
    from wargame.core import Game, generated_world
    from wargame.core.randomplay import random_orders
    from wargame.saves import builtin, load_save, replay_save, save_game
    from wargame.saves import atomic, source
    from wargame.saves.journal import record
except ImportError as exc:
    sys.exit(f"cannot import wargame ({exc}); run with the project's virtualenv: "
             ".venv/bin/python benchmarks/saves.py (after .venv/bin/pip install -e .)")

TARGET_SAVE_MS = 20.0
TARGET_LOAD_MS = 50.0
TARGET_SIZE_MB = 1.0
STATES, ROUNDS = 30, 50




def timed(fn, repeat: int = 1) -> tuple[float, object]:
    """(median seconds, last result)."""
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def play_round(game: Game, rng: random.Random) -> None:
    world = game.world
    game.advance()
    game.advance()
    for n in world.ids:
        game.submit_orders(n, random_orders(world, game.state, n, rng))
    game.resolve()


def measure_generated(folder: Path, ref: float) -> dict[str, float]:
    world = generated_world(STATES, seed=0, rounds=ROUNDS)
    source = builtin("generated", n=STATES, seed=0, rounds=ROUNDS)
    game = Game(world, 1)
    rng = random.Random(2)
    auto = []
    record(game, source)
    while not game.over:
        play_round(game, rng)
        if game.over:
            break
        t, path = timed(lambda: save_game(game, folder=folder))
        auto.append(t)
    t_final, path = timed(lambda: save_game(game, folder=folder))
    size = path.stat().st_size
    data = path.read_bytes()
    t_write, _ = timed(lambda: atomic.write_atomic(folder / "disk.json", data,
                                                   backup=folder / "disk-backup.json"),
                       repeat=9)
    copy = Game.replay(world, 1, game.inputs)
    t_cold, _ = timed(lambda: save_game(copy, source, folder / "cold"))
    t_load, loaded = timed(lambda: load_save(path), repeat=9)
    assert loaded.game.state_hash() == game.state_hash()
    t_branch, _ = timed(lambda: load_save(path, round=ROUNDS // 2), repeat=5)
    t_replay, res = timed(lambda: replay_save(path))
    assert res.ok, res.problem
    last = auto[-10:]
    return {
        "rounds": game.round, "inputs": len(game.inputs), "events": len(game.log),
        "obligations": len(game.state.obligations),
        "autosave": statistics.median(last), "autosave max": max(last),
        "write": t_write,
        "final save": t_final, "cold save": t_cold, "load": t_load,
        "load round 25": t_branch, "replay": t_replay, "size": size,
    }


def measure_campaign(folder: Path) -> dict[str, float] | None:
    try:
        from wargame.ai.runner import ComputerPlayers
        from wargame.campaign import DEFAULT_CAMPAIGN, load_campaign
    except ImportError:
        return None
    campaign = load_campaign(DEFAULT_CAMPAIGN)
    game = Game(campaign.world, campaign.seed)
    players = ComputerPlayers(campaign.world, campaign.seed)
    record(game, campaign)
    auto = []
    while not game.over:
        players.play_round(game)
        t, path = timed(lambda: save_game(game, folder=folder))
        auto.append(t)
    # as the first load in a process (wargame play --load): the campaign is read from
    # the save, not taken from the cache of campaigns already built
    t_load, _ = timed(lambda: (source._BUILT.clear(), load_save(path)), repeat=9)
    return {"autosave": statistics.median(auto), "autosave max": max(auto), "load": t_load,
            "size": path.stat().st_size, "rounds": game.round, "inputs": len(game.inputs)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", help="write the files here (default: a temporary folder)")
    args = ap.parse_args()
    folder = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="wargame-bench-"))
    try:
        fixed_work()
        ref, _ = timed(fixed_work, repeat=7)
        print(f"Reference: REF = {ref * 1000:.2f} ms of fixed pure-Python work "
              f"(the unit of benchmarks/engine.py)")
        print(f"Files written in {folder}\n")
        g = measure_generated(folder / "generated", ref)
        print(f"{STATES}-state world, {g['rounds']} rounds, random legal orders: "
              f"{g['inputs']} inputs, {g['events']} events, {g['obligations']} obligations")
        print(f"{'figure':<16}{'ms':>9}{'x REF':>9}")
        for key in ("autosave", "autosave max", "write", "final save",
                    "cold save", "load", "load round 25", "replay"):
            print(f"{key:<16}{g[key] * 1000:>9.1f}{g[key] / ref:>9.2f}")
        print(f"{'file size':<16}{g['size'] / 1e6:>9.3f} MB")
        print()
        c = measure_campaign(folder / "campaign")
        if c:
            print(f"Default campaign, computer players: {c['rounds']} rounds, {c['inputs']} "
                  f"inputs: autosave {c['autosave'] * 1000:.1f} ms (max "
                  f"{c['autosave max'] * 1000:.1f}), load {c['load'] * 1000:.1f} ms, file "
                  f"{c['size'] / 1e3:.0f} kB")
            print()
        ok = [g["autosave"] * 1000 < TARGET_SAVE_MS, g["final save"] * 1000 < TARGET_SAVE_MS,
              g["load"] * 1000 < TARGET_LOAD_MS, g["size"] / 1e6 < TARGET_SIZE_MB]
        print(f"Targets: save under {TARGET_SAVE_MS:g} ms (autosave "
              f"{g['autosave'] * 1000:.1f}, final {g['final save'] * 1000:.1f}), load under "
              f"{TARGET_LOAD_MS:g} ms ({g['load'] * 1000:.1f}), file under {TARGET_SIZE_MB:g} MB "
              f"({g['size'] / 1e6:.2f})")
        print("Verdict:", "all met" if all(ok) else "NOT all met")
        return 0 if all(ok) else 1
    finally:
        if not args.dir:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
