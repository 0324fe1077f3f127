"""The escalation ladder: named rungs on a 0-100 scale, in the spirit of Kahn's ladder.

The crisis level and each pair of states have a level on this scale. Three marks
drive the crisis machine: ``tension`` (a dispute becomes a crisis), ``incident``
(grey-zone or hybrid attacks) and ``war`` (general war: the game is lost).
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import WorldError


@dataclass(frozen=True)
class Rung:
    level: float
    id: str
    name: str


@dataclass(frozen=True)
class Ladder:
    rungs: tuple[Rung, ...]
    tension: float
    incident: float
    armed_attack: float
    war: float
    decay: float = 0.15  # share of every pair's tension that fades each round

    def __post_init__(self) -> None:
        levels = [r.level for r in self.rungs]
        if not self.rungs or levels[0] != 0:
            raise WorldError("the escalation ladder must start with a rung at level 0")
        if levels != sorted(levels) or len(set(levels)) != len(levels):
            raise WorldError("escalation rungs must have strictly rising levels")
        marks = [self.tension, self.incident, self.armed_attack, self.war]
        if marks != sorted(marks) or not 0 < self.tension or self.war > 100:
            raise WorldError(
                "ladder marks must rise: 0 < tension <= incident <= armed_attack <= war <= 100"
            )
        if not 0 <= self.decay < 1:
            raise WorldError("ladder decay must be at least 0 and below 1")

    def rung_at(self, level: float) -> Rung:
        """The highest rung at or below ``level``."""
        found = self.rungs[0]
        for rung in self.rungs:
            if rung.level <= level:
                found = rung
            else:
                break
        return found

    def crossed(self, before: float, after: float) -> list[tuple[Rung, bool]]:
        """Rungs crossed going from ``before`` to ``after``: (rung, upwards)."""
        if after > before:
            return [(r, True) for r in self.rungs if before < r.level <= after]
        return [(r, False) for r in reversed(self.rungs) if after < r.level <= before]


DEFAULT_LADDER = Ladder(
    rungs=(
        Rung(0, "stable_peace", "Stable peace"),
        Rung(5, "diplomatic_dispute", "Diplomatic dispute"),
        Rung(12, "public_threats", "Public threats"),
        Rung(20, "economic_coercion", "Economic coercion"),
        Rung(28, "military_posturing", "Military posturing"),
        Rung(38, "grey_zone", "Grey-zone and hybrid attacks"),
        Rung(50, "limited_clash", "Limited armed clash"),
        Rung(60, "armed_attack", "Armed attack"),
        Rung(72, "regional_war", "Regional war"),
        Rung(85, "general_war", "General war"),
        Rung(95, "nuclear_use", "Nuclear use"),
    ),
    tension=12,
    incident=38,
    armed_attack=60,
    war=85,
)
