"""What a turn screen knows of the table around it, besides its seat. No Textual here.

The game screen reads one government's seat (:class:`wargame.text.port.Seat`) and
nothing else of the game; the driver that shows it (the hot-seat
:class:`~wargame.tui.screens.play.PlayScreen`, or ``wargame join``'s
:class:`~wargame.tui.screens.join.JoinScreen`) hands it a :class:`Table`: the
campaign's title and notes, the players' names, who is played by people.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Table:
    title: str
    about: object = None  # the campaign's designer's notes and sources (a Scenario), if at hand
    players: dict[str, str] = field(default_factory=dict)  # state -> its player's name
    humans: tuple[str, ...] | None = None  # states people play (over a network: from the
    # host's status); None: not known
    tabs: dict[str, str] = field(default_factory=dict)  # the last tab of each government

    def player(self, nation: str) -> str:
        return self.players.get(nation, "")
