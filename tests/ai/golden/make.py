"""Golden output of computer play: what `wargame simulate` printed, byte for byte,
at the commit named in ``COMMIT``; tests/ai/test_golden.py plays the same games
and compares.

Regenerate (only when the rules or the computer players change on purpose, and
say so in the commit message, with the new commit named below)::

    PYTHONPATH=. python tests/ai/golden/make.py

Each case is a ``wargame simulate ... --json`` run, plus, for a few games of
built-in worlds, each game's record and the hash of its final state and random
source (stronger than the summary: any change to any decision shows).
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMMIT = "a44238d"  # the code these files were made with (the rules of session 11:
# institutions, campaigns, the boycott; the speed work of issue 17 gives the same bytes;
# issue 15's membership fields changed only the records' state hashes)
ROOT = HERE.parents[2]

# name -> simulate arguments
SIMULATE = {
    "baltic-40": dict(games=40, seed=11),
    "baltic-easy-12": dict(games=12, seed=2, difficulty="easy"),
    "pacific-12": dict(games=12, seed=3, campaign=str(ROOT / "campaigns/pacific-strait.yaml")),
    "abyssinia-hard-12": dict(games=12, seed=5, difficulty="hard",
                              campaign=str(ROOT / "campaigns/abyssinia-1935.yaml")),
    "korea-12": dict(games=12, seed=7, campaign=str(ROOT / "campaigns/korea-1950.yaml")),
}
# name -> (world builder, seeds)
RECORDS = {
    "demo-6": ("demo", range(1, 7)),
    "generated-40x3": ("generated40", range(1, 4)),
    "baltic-6": ("baltic", range(100, 106)),
}


def simulate(**kw) -> str:
    from wargame.simulate import Params, run

    out, err = io.StringIO(), io.StringIO()
    code = run(Params(json=True, jobs=1, **kw), out, err)
    if code:
        raise SystemExit(err.getvalue())
    return out.getvalue()


def world_of(name: str):
    from wargame.core.worlds import demo_world, generated_world

    if name == "demo":
        return demo_world()
    if name == "generated40":
        return generated_world(40, seed=3)
    from wargame.campaign import DEFAULT_CAMPAIGN, load_campaign

    return load_campaign(DEFAULT_CAMPAIGN).world


def records(name: str) -> str:
    from wargame.ai import play_game

    builder, seeds = RECORDS[name]
    world = world_of(builder)
    games = []
    for seed in seeds:
        hashes: list[str] = []
        rec = play_game(world, seed, finished=lambda g: hashes.append(g.state_hash()))
        games.append({"record": rec.to_dict(), "state_hash": hashes[0]})
    return json.dumps(games, indent=1, sort_keys=True) + "\n"


def expected() -> dict[str, str]:
    """File name -> its text, made by the code as it is now."""
    out = {f"simulate-{k}.json": simulate(**v) for k, v in SIMULATE.items()}
    out.update({f"records-{k}.json": records(k) for k in RECORDS})
    return out


def main() -> None:
    for name, text in expected().items():
        (HERE / name).write_text(text, encoding="utf-8")
        print(f"wrote {name} ({len(text)} bytes)")


if __name__ == "__main__":
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    main()
