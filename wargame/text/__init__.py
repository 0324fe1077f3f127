"""The plain-text game (``wargame play --text``): typed lines in, plain lines out.

For screen readers and simple terminals: one fact a line, no box drawing, no
markup. Modules:

- :mod:`.port`: the seat, the one object a government's text desk talks to (its
  view, the public news and campaign, and the verbs); :class:`.port.LocalSeat`
  plays over a game in this process.
- :mod:`.desk`: one government's turn: what it is shown, orders, votes.
- :mod:`.commands`: the table of typed commands, one entry each.
- :mod:`.terms`: typed terms of a proposal.
- :mod:`.words`: the lines a view is shown as.
- :mod:`.play`: the game at one terminal: human and computer governments, the
  phases, hot-seat hand-over, saving and going on.
"""

from __future__ import annotations


def run(*args, **kwargs) -> int:
    """Play in plain text (:func:`wargame.text.play.run`)."""
    from .play import run as play

    return play(*args, **kwargs)
