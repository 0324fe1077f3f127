"""Write the fixture saves, one per save format version: ``python tests/saves/make_fixtures.py``.

Each is the same short game on the tutorial campaign (random legal orders, votes,
messages and proposals from a fixed seed):

* ``fixtures/v1-tutorial.json``: format 1, the first layout (flat campaign fields, round
  hashes in a dict keyed by round, no snapshots, no stored log). Written here by a
  small format-1 writer, since wargame itself only writes the current format.
* ``fixtures/v2-tutorial.json``: format 2, written by ``wargame.saves.save_game``.

A format-2 save loads from its snapshot, so it keeps loading when the rules change;
a format-1 save has no snapshot and is replayed, so if the rules change on purpose
its test says so: run this script again and commit the fixtures.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
for p in (str(ROOT), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

from saveplay import steps  # noqa: E402

from wargame import __version__  # noqa: E402
from wargame.campaign import campaigns_dir, load_campaign  # noqa: E402
from wargame.core import Game  # noqa: E402

FIXTURES = HERE / "fixtures"
CAMPAIGN = "tutorial.yaml"
SEED = 11
CHOICES = 3
STOP_ROUND = 4  # saved in the middle of round 4
PINNED_TIME = "2025-01-15T10:30:00+01:00"  # the v2 fixture's saved_at and started_at
PINNED_ID = "tutorial_2025-01-15_1030"  # and its game id


def game_and_campaign():
    path = campaigns_dir() / CAMPAIGN
    campaign = load_campaign(path)
    game = Game(campaign.world, SEED)
    hashes = {1: game.state_hash()}
    for step in steps(game, random.Random(CHOICES)):
        if step == "resolve" and not game.over:
            hashes[game.round] = game.state_hash()
        if game.round == STOP_ROUND and game.phase == "orders":
            break
    return game, campaign, path, hashes


def write_v1(path: Path) -> None:
    game, campaign, cpath, hashes = game_and_campaign()
    text = cpath.read_text(encoding="utf-8")
    doc = {
        "format_version": 1,
        "wargame": __version__,
        "saved": "2025-01-15T10:30:00+01:00",
        "campaign_title": campaign.title,
        "campaign_file": f"campaigns/{CAMPAIGN}",
        "campaign_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "campaign_yaml": text,
        "seed": game.seed,
        "inputs": game.inputs,
        "hashes": {str(r): h for r, h in hashes.items()},
        "final_hash": game.state_hash(),
    }
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def write_v2(path: Path) -> None:
    from wargame.saves import save_game

    game, campaign, _, _ = game_and_campaign()
    tmp = path.parent / "_make_v2"
    written = save_game(game, campaign, tmp, meta={"players": {"belmark": "Ana"}})
    # the same names and times at every regeneration: corpus cases name the game
    head, rest = written.read_text(encoding="utf-8").split("\n", 1)
    first = json.loads(written.read_text(encoding="utf-8"))
    for old, new in ((first["saved_at"], PINNED_TIME), (first["game"]["started_at"], PINNED_TIME),
                     (first["game"]["id"], PINNED_ID)):
        head = head.replace(json.dumps(old), json.dumps(new))
    path.write_text(head + "\n" + rest, encoding="utf-8")
    written.unlink()
    for p in sorted(tmp.rglob("*"), reverse=True):
        p.unlink() if p.is_file() else p.rmdir()
    tmp.rmdir()


def main() -> None:
    FIXTURES.mkdir(exist_ok=True)
    write_v1(FIXTURES / "v1-tutorial.json")
    write_v2(FIXTURES / "v2-tutorial.json")
    for p in sorted(FIXTURES.glob("*.json")):
        print(f"wrote {p.relative_to(ROOT)} ({p.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
