"""Shared helpers of the saves tests."""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from saveplay import V1, V2, digest, play  # noqa: E402,F401  (the tests import them)

from wargame.core import Game, demo_world  # noqa: E402

@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "saves"


@pytest.fixture
def demo_game() -> Game:
    """A finished game on the demo world (12 rounds, every kind of input)."""
    game = Game(demo_world(), 3)
    return play(game, random.Random(3))


@pytest.fixture
def fixture_copy(tmp_path: Path):
    """Copy a fixture save into a temporary folder (tests never touch the originals)."""
    def copy(src: Path = V2, name: str | None = None) -> Path:
        dst = tmp_path / "copies" / (name or src.name)
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
        return dst
    return copy
