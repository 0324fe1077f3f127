"""The escalation ladder: named rungs on a 0-100 scale, in the spirit of Kahn's ladder.

The crisis level and each pair of states have a level on this scale. Three marks
drive the crisis machine: ``tension`` (a dispute becomes a crisis), ``incident``
(grey-zone or hybrid attacks) and ``war`` (two rounds running of new aggression
with the crisis at or above it are a general war: the game is lost).

A rung may **require an event** (:data:`EVENTS`): it is reached only when the event
happens, never by the dial drifting up. Until then conventional acts hold every
pair's tension and the crisis level at the **ceiling**, one point
(:data:`CEILING_GAP`) below the lowest such rung: in the default ladder, 84, below
'General war' (85, the general-war event) and 'Nuclear use' (95, a nuclear use).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from .errors import WorldError

GENERAL_WAR = "general_war"
NUCLEAR_USE = "nuclear_use"
EVENTS = (GENERAL_WAR, NUCLEAR_USE)
"""Events a rung may require. ``general_war`` happens by the general-war rule
(:func:`wargame.core.machine.general_war`); ``nuclear_use`` by no action or inject
yet, so a rung that requires it is never reached."""
CEILING_GAP = 1.0
"""How far below the lowest rung that requires an event conventional acts stop."""


@dataclass(frozen=True)
class Rung:
    level: float
    id: str
    name: str
    requires: str = ""  # an event of EVENTS: reached only when it happens


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
        problem = self.requirement_problem()
        if problem:
            raise WorldError(problem)

    def requirement_problem(self) -> str:
        """Why the rungs' ``requires`` cannot work, or "" (the loader reports it too)."""
        seen: set[str] = set()
        for rung in self.rungs:
            if not rung.requires:
                continue
            if rung.requires not in EVENTS:
                return (f"rung '{rung.id}' requires '{rung.requires}', which is not an event: "
                        f"use one of {', '.join(EVENTS)}")
            if rung.requires in seen:
                return f"two rungs require the event '{rung.requires}'"
            seen.add(rung.requires)
        ceiling = self.ceiling()
        first = next((r for r in self.rungs if r.requires), None)
        if first is None:
            return ""
        below = [r for r in self.rungs if r.level < first.level]
        if not below or below[-1].level > ceiling:
            return (f"rung '{first.id}' ({first.level:g}) requires an event, so conventional "
                    f"acts stop at {ceiling:g}: the rung below it must lie at or under that")
        if self.war > ceiling:
            return (f"the war mark ({self.war:g}) must be at most {ceiling:g}, one below "
                    f"'{first.name}' ({first.level:g}), which only the event "
                    f"'{first.requires}' reaches: conventional acts stop there")
        return ""

    def ceiling(self, happened: Collection[str] = ()) -> float:
        """The highest level conventional acts reach: :data:`CEILING_GAP` below the
        lowest rung whose required event has not ``happened``; 100 if there is none."""
        for rung in self.rungs:
            if rung.requires and rung.requires not in happened:
                return max(0.0, rung.level - CEILING_GAP)
        return 100.0

    def rung_for(self, event: str) -> Rung | None:
        """The rung that requires ``event``, if any."""
        return next((r for r in self.rungs if r.requires == event), None)

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
        Rung(85, "general_war", "General war", requires=GENERAL_WAR),
        Rung(95, "nuclear_use", "Nuclear use", requires=NUCLEAR_USE),
    ),
    tension=12,
    incident=38,
    armed_attack=60,
    war=84,  # the ceiling below 'General war': conventional war at its height
)
