"""Seeds typed by people (``--seed``, the setup screen's seed field): whole numbers
from 0 to :data:`MAX_SEED`, checked before any conversion can take long or fail."""

from __future__ import annotations

import argparse

MAX_SEED = 2**63 - 1
PROBLEM = f"a seed is a whole number from 0 to {MAX_SEED}"


def parse_seed(text: str) -> int:
    """The seed ``text`` names; ValueError (with :data:`PROBLEM`) if it names none."""
    text = text.strip()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(MAX_SEED)):
        raise ValueError(PROBLEM)
    value = int(text)
    if value > MAX_SEED:
        raise ValueError(PROBLEM)
    return value


def seed_argument(text: str) -> int:
    """``--seed`` for argparse: one line naming the bound when the value is out of it."""
    try:
        return parse_seed(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{PROBLEM}, not {text[:24]!r}"
                                         + ("..." if len(text) > 24 else "")) from None
