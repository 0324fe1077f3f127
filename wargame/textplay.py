"""``wargame play --text``: the plain-text game. It lives in :mod:`wargame.text`.

An action keeps one number all game: its place in the campaign's action catalogue
(the list shows only those legal now); its name works too. At any question, quit
(q, exit), the end of input or Ctrl+C saves the game and prints the
``wargame play --text --load NAME`` that goes on from there, in the same phase.
"""

from __future__ import annotations

from .text.play import run

__all__ = ["run"]
