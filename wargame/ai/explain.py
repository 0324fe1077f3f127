"""Why the computer decided what it did: one line a decision, for one game.

``wargame simulate --explain`` prints :func:`explain_game`; the debrief's turning
points show the same reasons beside the events they explain
(:meth:`~wargame.ai.runner.ComputerPlayers.why`).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..core.model import World
from .runner import play_game


def explain_game(world: World, seed: int, policies: str | Mapping[str, str],
                 difficulty: str) -> str:
    """Play one game and return, round by round, each decision and its reason."""
    explained: list = []
    rec = play_game(world, seed, policies, difficulty, explained=explained)
    actions = world.actions
    lines = [f"{world.title}: game seed {seed}, {difficulty}; why each computer decision "
             "was taken"]
    last = 0
    for rnd, nation, action, target, text in sorted(explained, key=lambda x: x[0]):
        if rnd != last:
            lines.append(f"Round {rnd}")
            last = rnd
        what = actions[action].name if action in actions else action
        whom = f" ({world.name_of(target)})" if target in world.nation or \
            target in world.institution else ""
        lines.append(f"  {world.name_of(nation)}: {what}{whom}: {text}")
    lines.append(f"Outcome: {rec.outcome} after {rec.rounds} rounds; attacks: "
                 f"{len(rec.attacks)}; land held at the end: "
                 + (", ".join(f"{world.name_of(o)} {p:.0f}% of {world.name_of(v)}"
                              for o, v, p in rec.held_at_end) or "none"))
    return "\n".join(lines) + "\n"
