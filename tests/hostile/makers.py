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
