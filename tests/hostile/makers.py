"""Files a corpus case cannot write as plain text: each function returns the bytes of
one file (it may write helper files into ``folder`` itself)."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
V2 = HERE.parent / "saves" / "fixtures" / "v2-tutorial.json"


def save_with_huge_seed(folder: Path) -> bytes:  # noqa: ARG001
    text = V2.read_text("utf-8")
    assert '"seed":11' in text
    return text.replace('"seed":11', '"seed":' + "9" * 5000, 1).encode()


# files cases ---------------------------------------------------------------------
import base64  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import tempfile  # noqa: E402
import zlib  # noqa: E402


def _v2_doc() -> dict:
    return json.loads(V2.read_text("utf-8"))


def _blob(raw: bytes) -> str:
    return base64.b64encode(zlib.compress(raw, 9)).decode("ascii")


def save_zip_bomb_log(folder: Path) -> bytes:  # noqa: ARG001
    """A save whose event log inflates to 100 MB of spaces (a 100 KB part)."""
    doc = _v2_doc()
    doc["log"][0]["zlib"] = _blob(b" " * (100 * 1024 * 1024))
    return json.dumps(doc).encode()


def save_zip_bomb_snapshot(folder: Path) -> bytes:  # noqa: ARG001
    """A save whose every snapshot inflates to 100 MB."""
    doc = _v2_doc()
    bomb = _blob(b" " * (100 * 1024 * 1024))
    for snap in doc["snapshots"]:
        snap["zlib"] = bomb
    return json.dumps(doc).encode()


def save_deep_cache(folder: Path) -> bytes:  # noqa: ARG001
    """A save whose event log is a list nested 200,000 deep."""
    doc = _v2_doc()
    doc["log"][0]["zlib"] = _blob(b"[" * 200_000 + b"]" * 200_000)
    return json.dumps(doc).encode()


def save_deep_meta(folder: Path) -> bytes:  # noqa: ARG001
    """A save whose meta holds a list nested 100,000 deep (in its first line)."""
    text = V2.read_text("utf-8")
    assert '"meta":{' in text
    return text.replace('"meta":{', '"meta":{"deep":' + "[" * 100_000 + "]" * 100_000 + ",",
                        1).encode()


def save_too_big(folder: Path) -> bytes:  # noqa: ARG001
    """A real save followed by 40 MB of spaces (valid JSON, far too big)."""
    return V2.read_bytes() + b" " * (40 * 1024 * 1024)


def save_huge_number_in_header(folder: Path) -> bytes:  # noqa: ARG001
    """A 5000-digit round number in the first line, which 'wargame saves' reads."""
    text = V2.read_text("utf-8")
    first, rest = text.split("\n", 1)
    assert '"round":' in first
    return (first.replace('"round":', '"round":' + "9" * 5000 + ',"was":', 1) + "\n"
            + rest).encode()


def _fresh_save() -> dict:
    """The v2 fixture saved again by this wargame (so it carries the world's
    fingerprint), as a document."""
    from wargame.saves import load_save

    with tempfile.TemporaryDirectory() as tmp:
        path = load_save(V2).save(Path(tmp))
        return json.loads(path.read_text("utf-8"))


def save_fresh(folder: Path) -> bytes:  # noqa: ARG001
    return json.dumps(_fresh_save()).encode()


def save_campaign_edited_checksum_recomputed(folder: Path) -> bytes:  # noqa: ARG001
    """Issue 14.9: an objective's points changed in the campaign copy inside the save,
    and the copy's checksum recomputed to match."""
    doc = _fresh_save()
    camp = doc["campaign"]
    assert "points: 8" in camp["data"]
    camp["data"] = camp["data"].replace("points: 8", "points: 64", 1)
    camp["sha256"] = hashlib.sha256(camp["data"].encode("utf-8")).hexdigest()
    camp["bytes"] = len(camp["data"].encode("utf-8"))
    return json.dumps(doc).encode()


def save_long(folder: Path) -> bytes:  # noqa: ARG001
    """A game whose replay prints far more than a pipe holds (64 KB), so a reader that
    stops early is sure to meet a writer still writing."""
    import random
    import sys

    sys.path.insert(0, str(HERE.parent / "saves"))
    from saveplay import play

    from wargame.core import Game, generated_world
    from wargame.saves import builtin, save_game

    game = play(Game(generated_world(30, seed=1, rounds=10), 1), random.Random(1))
    with tempfile.TemporaryDirectory() as tmp:
        path = save_game(game, builtin("generated", n=30, seed=1, rounds=10), Path(tmp))
        return path.read_bytes()


# text cases ---------------------------------------------------------------------
# A campaign whose names and texts hold markup, a backslash and HTML (control
# characters are refused by the loader, see text-validate-escaped-control), and a save
# made from it whose message and player name hold what only a hand-edited save could:
# an OSC 52 sequence, a BEL, a bidi override.
TEXT_REPLACE = [
    ("name: Belmark", "name: 'Bel[/]mark'"),
    ("name: Ardenia", "name: 'Ard[@click=app.quit]enia <script>alert(1)</script>'"),
    ("name: Corvia", "name: 'Corvia\\Overseas'"),
    ("name: Harbour Compact", "name: 'Harbour *Compact* <img src=x onerror=alert(1)>'"),
    ("text: Keep Belport.", "text: '# Keep [Belport](javascript:x) | & \\'"),
]
TEXT_ESCAPES = "Deal? [y/n \x1b]52;c;SGVsbG8=\x07 \u202eevil \x9b31m"


def tutorial_with(folder: Path, replace: list[tuple[str, str]]) -> Path:
    """The tutorial campaign with ``replace`` applied, written as hostile.yaml."""
    text = (HERE.parents[1] / "campaigns" / "tutorial.yaml").read_text("utf-8")
    for old, new in replace:
        assert old in text, old
        text = text.replace(old, new)
    path = folder / "hostile.yaml"
    path.write_text(text, "utf-8")
    return path


def _text_campaign(folder: Path) -> Path:
    return tutorial_with(folder, TEXT_REPLACE)


def text_hostile_campaign(folder: Path) -> bytes:
    return _text_campaign(folder).read_bytes()


def text_hostile_save(folder: Path) -> bytes:
    from wargame.ai import ComputerPlayers
    from wargame.campaign import load_campaign
    from wargame.core import Game
    from wargame.saves import save_game

    campaign = load_campaign(_text_campaign(folder))
    game = Game(campaign.world, 5)
    game.send_message("belmark", ["corvia"], TEXT_ESCAPES)
    players = ComputerPlayers(campaign.world, 5)
    while not game.over:
        players.play_round(game)
    path = save_game(game, campaign, folder / "made", name="hostile",
                     meta={"players": {"belmark": "Ana " + TEXT_ESCAPES}})
    return path.read_bytes()
