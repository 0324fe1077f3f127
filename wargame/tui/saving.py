"""Save, autosave and load through ``wargame.saves`` (the only module that writes game
files). No Textual here; every function returns what to tell the player.

The seats (who governs which state) travel in the save's ``meta``, so a loaded
hot-seat game hands the keyboard to the same people.
"""

from __future__ import annotations

import importlib.util

NOTICE = ("Saved games arrive with the saves module (wargame.saves), which is not part "
          "of this installation yet. A game is its campaign, its seed and its orders, so "
          "nothing is lost by design once it lands.")


def saves_available() -> bool:
    """Whether the saves module is installed."""
    try:
        return importlib.util.find_spec("wargame.saves") is not None
    except (ImportError, ValueError):
        return False


def start(session) -> str:
    """Open the game's journal when it starts (the campaign file is read now).
    Returns a line to show if that failed, else ''."""
    if not saves_available():
        return ""
    from ..saves import SaveError, record

    try:
        record(session.game, session.scenario.source or session.scenario,
               meta=meta(session))
    except (SaveError, OSError, TypeError, ValueError) as exc:
        session.saves_off = f"Saving is off for this game: {exc}"
        return session.saves_off
    return ""


def meta(session) -> dict:
    world = session.scenario.world
    return {"players": {s.nation: s.player for s in session.seats if s.human},
            "state_names": {s.nation: world.name_of(s.nation) for s in session.seats
                            if s.human},
            "seats": [{"nation": s.nation, "player": s.player, "difficulty": s.difficulty}
                      for s in session.seats],
            "interface": "tui",
            # the humans who ended their turn in this phase: a hot-seat game loaded
            # mid-phase goes on with the next of them, not the first again
            "turns_done": {"round": session.game.round, "phase": session.game.phase,
                           "nations": sorted(session.done)}}


def save(session) -> tuple[str, bool]:
    """Save now: (what to tell the player, whether it worked). Safe in a worker thread."""
    if not saves_available():
        return NOTICE, False
    if getattr(session, "saves_off", ""):
        return session.saves_off, False
    from ..saves import SaveError

    try:
        path = _save(session)
    except (SaveError, OSError, TypeError, ValueError) as exc:
        return f"Not saved: {exc}", False
    from ..saves import take_notice  # saved as a new game: another process has this one

    return f"{take_notice(session.game)} Saved: {path}".lstrip(), True


def _save(session):
    from ..saves import save_game

    return save_game(session.game, session.scenario, session.saves_folder,
                     meta=meta(session))


def autosave(session) -> str:
    """Save after a round, quietly: '' when it worked (or the line saying it was saved
    as a new game), else the line to show."""
    if not saves_available() or getattr(session, "saves_off", ""):
        return ""  # already said once, when the game started
    text, ok = save(session)
    return text.rpartition(" Saved: ")[0] if ok else f"Autosave failed. {text}"


def listing():
    """The saved games, newest first (``SaveInfo`` objects), or None without saves."""
    if not saves_available():
        return None
    from ..saves import list_saves

    return list_saves()


def load(path):
    """A :class:`~wargame.tui.session.Session` playing on from a save, and the notices
    to show. Raises ``SaveError`` with one line when the file cannot be loaded."""
    from ..saves import load_save
    from .scenario import Scenario
    from .session import Seat, Session, default_seats

    loaded = load_save(path)
    elsewhere = [loaded.elsewhere] if loaded.elsewhere else []  # another process has it
    world = loaded.game.world
    campaign = loaded.campaign
    scenario = Scenario(
        key=str(getattr(campaign, "path", "")) or "demo",
        title=loaded.title or world.title,
        description=getattr(campaign, "description", "") or "",
        world=world, seed=loaded.game.seed,
        players=getattr(campaign, "players", 1), rounds=world.rounds_limit,
        notes=getattr(campaign, "notes", "") or "",
        sources=tuple(getattr(campaign, "sources", ()) or ()))
    seats = [Seat(s["nation"], s.get("player", ""), s.get("difficulty", "normal"))
             for s in (loaded.meta or {}).get("seats", ()) if s.get("nation") in world.nation]
    if not any(s.human for s in seats):
        seats = default_seats(world)
    known = {s.nation for s in seats}
    seats += [Seat(n) for n in world.ids if n not in known]
    session = Session(scenario, seats, loaded.game.seed, loaded=loaded.game)
    session.saves_folder = loaded.folder
    done = (loaded.meta or {}).get("turns_done")
    g = loaded.game
    if isinstance(done, dict) and done.get("round") == g.round and \
            done.get("phase") == g.phase and isinstance(done.get("nations"), list):
        session.done = {n for n in done["nations"] if n in session.humans}
    return session, list(loaded.notices) + elsewhere
