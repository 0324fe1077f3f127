"""The map at the start, after every round and at the end of a game, for reports.

Nothing is secret at the end of a game, but a map for everyone shows only what
every government saw: public numbers, the war's facts, the ledger, public news.
The rounds are rebuilt by replaying the game's inputs (deterministic); if the
replay cannot be made (a save from other rules), only the end is shown.
"""

from __future__ import annotations

from ..core.game import Game
from ..core.view import shared_part
from .facts import MapFacts, facts_from


def public_facts(game: Game, marks_at: int) -> MapFacts:
    sh = shared_part(game.world, game.state)
    public = [e for e in game.log if e.public]
    return facts_from(states=sh.states, institutions=sh.institutions, war=sh.war,
                      obligations=sh.obligations, news=public, round_=game.state.round,
                      marks_at=marks_at, own="")


def maps_by_round(game: Game) -> list[tuple[str, MapFacts]]:
    """("Start", facts), ("Round 1", facts) ..., ("End", facts): each round's map as it
    stood when that round was resolved (its attacks marked)."""
    out: list[tuple[str, MapFacts]] = []
    try:
        again = Game(game.world, game.seed)
        out.append(("Start", public_facts(again, 0)))
        for entry in game.inputs:
            again.apply(entry)
            if entry.get("verb") == "resolve":
                done = again.state.round if again.over else again.state.round - 1
                out.append((f"Round {done}", public_facts(again, done)))
    except Exception:  # noqa: BLE001 - a report without round maps, not a crash
        out = []
    end_round = game.state.round if game.over else game.state.round - 1
    end = ("End", public_facts(game, end_round))
    if not out:
        return [end]
    return out + [end]
