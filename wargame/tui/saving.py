"""Saving and loading go through ``wargame.saves`` (the only module that writes game files).

Until that module exists the interface says so plainly instead of pretending.
"""

from __future__ import annotations

import importlib.util

NOTICE = ("Saved games arrive with the saves module (wargame.saves), which is not part "
          "of this installation yet. A game is its campaign, its seed and its orders, so "
          "nothing is lost by design once it lands.")


def saves_available() -> bool:
    """Whether a saves module is installed at all."""
    try:
        return importlib.util.find_spec("wargame.saves") is not None
    except (ImportError, ValueError):
        return False
