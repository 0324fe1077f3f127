"""Saving: a journal follows one game and writes it, cheaply, as often as asked.

:func:`save_game` is the one call: the first time it sees a game it opens a
:class:`Journal` for it (reading the campaign file's bytes then), and every later
call reuses what the journal already worked out, so an autosave after each round
only hashes, snapshots and compresses that round. Rounds the journal did not see
start (the first save of a finished simulated game) are rebuilt by replaying the
inputs from the nearest snapshot.

The file is written atomically (:mod:`wargame.saves.atomic`); the previous version
goes to ``backups/`` and only the last three are kept.
"""

from __future__ import annotations

import json
import os
import platform
import re
import threading
import weakref
from dataclasses import dataclass
from functools import cached_property
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import __version__
from ..core.events import Kind
from ..core.game import Game
from ..files import is_regular, open_regular
from . import atomic, lock
from .codec import (decode_rng, decode_state, encode_events, encode_rng, encode_state,
                    game_hash, no_gc, restore_game, state_shape)
from .document import FORMAT, FORMAT_VERSION, pack, unpack
from .errors import SaveWriteError
from .folders import (BACKUPS, glob_escape, backup_name, clean_temps, default_saves_dir,
                      game_id_of, prune_backups, save_name)
from .source import WorldSource, source_of

SNAPSHOT_EVERY = 5
"""A snapshot is kept for every round that is a multiple of this (and the latest)."""


@dataclass(frozen=True)
class RoundRecord:
    round: int
    input: int  # inputs accepted before the round started
    hash: str  # Game.state_hash() at the start of the round, after its briefing

    def to_doc(self) -> dict:
        return {"round": self.round, "input": self.input, "hash": self.hash}

    @cached_property
    def text(self) -> str:
        return json.dumps(self.to_doc(), separators=(",", ":"))


@dataclass(frozen=True)
class Snapshot:
    round: int
    input: int
    events: int  # length of the event log at that moment
    hash: str
    zlib: str  # pack({"state": ..., "rng": ...})
    end: bool = False  # the end of the game (not a round start)

    def to_doc(self) -> dict:
        d = {"round": self.round, "input": self.input, "events": self.events,
             "hash": self.hash, "zlib": self.zlib}
        if self.end:
            d["end"] = True
        return d

    @cached_property
    def text(self) -> str:  # written in every save of the game: made once
        return json.dumps(self.to_doc(), separators=(",", ":"))

    @classmethod
    def from_doc(cls, d: dict) -> "Snapshot":
        return cls(d["round"], d["input"], d["events"], d["hash"], d["zlib"],
                   bool(d.get("end", False)))

    def restore(self, world, seed: int, log: list, inputs: list) -> Game:
        """The game at this snapshot (``log``/``inputs``: the game's, at least this long)."""
        data = unpack(self.zlib)
        return restore_game(world, seed, decode_state(data["state"]),
                            decode_rng(data["rng"]), list(log[:self.events]),
                            list(inputs[:self.input]))


def take_snapshot(game: Game, hash_: str | None = None) -> Snapshot:
    data = {"state": encode_state(game.state), "rng": encode_rng(game.rng)}
    return Snapshot(game.round, len(game.inputs), len(game.log),
                    hash_ or game_hash(game), pack(data, level=1), end=game.over)


def at_round_start(game: Game) -> bool:
    """Whether nothing has happened yet in this round since its briefing."""
    if game.over or game.phase != "briefing":
        return False
    return not game.inputs or game.inputs[-1].get("verb") == "resolve"


def pack_events(events) -> str:
    return pack(encode_events(events))


def _now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


class Journal:
    """What the saves of one game share: its identity, round hashes, snapshots and the
    compressed parts of its log. Holds no reference to the game itself."""

    def __init__(self, source: WorldSource, seed: int, *, meta: dict | None = None,
                 game_id: str = "", started_at: str = "", save_count: int = 0,
                 branch_of: dict | None = None, last_path: Path | None = None):
        self.source = source
        self.seed = seed
        self.meta = dict(meta or {})
        self.game_id = game_id
        self.started_at = started_at or _now().isoformat()
        self.save_count = save_count
        self.branch_of = branch_of
        self.last_path = last_path
        self.rounds: dict[int, RoundRecord] = {}
        self.snapshots: dict[tuple[int, bool], Snapshot] = {}
        self.chunks: list[tuple[int, str]] = []  # (events, packed) of whole rounds
        self._chunk_start = 0  # log index where the next chunk starts
        self._scan = 0
        self._inputs_json: list[str] = []
        self._campaign_json = json.dumps(source.to_doc(), ensure_ascii=False,
                                         separators=(",", ":"))
        self._unchanged: tuple | None = None
        self.lock = threading.RLock()
        self.world = ""  # the world's fingerprint as the record has it ('' not yet made)
        self.folder: Path | None = None  # where saves go when no folder is given
        self.notice = ""  # a line for the player, once (see take_notice)
        self._held: tuple[Path, str] | None = None  # (folder, game id) locked
        self._unlock = None  # weakref.finalize giving the lock back

    # ------------------------------------------------------------ records
    def observe(self, game: Game) -> None:
        """Record the round start the game is at, if it is at one (cheap otherwise)."""
        if at_round_start(game) and game.round not in self.rounds:
            h = game_hash(game)
            self.rounds[game.round] = RoundRecord(game.round, len(game.inputs), h)
            if game.round % SNAPSHOT_EVERY == 0:
                self.snapshots[(game.round, False)] = take_snapshot(game, h)

    def _catch_up(self, game: Game) -> None:
        """Records for every round start the game has passed, and a snapshot of the
        latest, replaying from the nearest snapshot when they were not observed."""
        self.observe(game)
        current = game.round
        missing = [r for r in range(1, current + 1) if r not in self.rounds]
        need_latest = not game.over and (current, False) not in self.snapshots \
            and current > 1
        if at_round_start(game) and need_latest:
            self.snapshots[(current, False)] = take_snapshot(game, self.rounds[current].hash)
            need_latest = False
        if not missing and not need_latest:
            return
        first = min(missing) if missing else current
        base = max((s for (r, end), s in self.snapshots.items() if not end and r <= first),
                   key=lambda s: s.round, default=None)
        if base is not None:
            g = base.restore(game.world, self.seed, game.log, game.inputs)
        else:
            g = Game(game.world, self.seed)
        self._record(g, current)
        for entry in game.inputs[len(g.inputs):]:
            if g.round >= current:
                break  # the start of the current round is recorded (or passed, at the end)
            g.apply(entry)
            self._record(g, current)

    def _record(self, g: Game, current: int) -> None:
        if not at_round_start(g):
            return
        r = g.round
        if r not in self.rounds:
            self.rounds[r] = RoundRecord(r, len(g.inputs), game_hash(g))
        want = r % SNAPSHOT_EVERY == 0 or r == current
        if want and r > 1 and (r, False) not in self.snapshots:
            self.snapshots[(r, False)] = take_snapshot(g, self.rounds[r].hash)

    def _log_parts(self, log: list) -> list[tuple[int, str]]:
        i, start = self._scan, self._chunk_start
        while i < len(log):
            if log[i].kind is Kind.ROUND_STARTED and i > start:
                self.chunks.append((i - start, pack_events(log[start:i])))
                start = i
            i += 1
        self._scan, self._chunk_start = i, start
        tail = log[start:]
        return self.chunks + ([(len(tail), pack_events(tail))] if tail else [])

    def _inputs(self, inputs: list[dict]) -> list[str]:
        cache = self._inputs_json
        if len(cache) > len(inputs) or (cache and json.loads(cache[-1]) != inputs[len(cache) - 1]):
            cache.clear()  # not the inputs this journal saw: start again
        for entry in inputs[len(cache):]:
            cache.append(json.dumps(entry, ensure_ascii=False, separators=(",", ":")))
        return cache

    # ----------------------------------------------------------- document
    def document(self, game: Game, saved_at: str | None = None) -> bytes:
        """The save file's bytes for the game as it is now."""
        with self.lock, no_gc():
            self.world = self.world or self.source.fingerprint()
            self._catch_up(game)
            current = game.round
            snaps = [s for (r, end), s in sorted(self.snapshots.items())
                     if not end and (r % SNAPSHOT_EVERY == 0 or r == current) and r <= current]
            if game.over:
                end = self.snapshots.get((current, True))
                if end is None or end.input != len(game.inputs):
                    end = self.snapshots[(current, True)] = take_snapshot(game)
                snaps.append(end)
                final_hash = end.hash
            elif at_round_start(game):
                final_hash = self.rounds[current].hash
            else:
                final_hash = game_hash(game)
            # forget rolling snapshots of earlier rounds that are not kept
            for key in [k for k in self.snapshots
                        if not k[1] and k[0] % SNAPSHOT_EVERY and k[0] != current]:
                del self.snapshots[key]
            st = game.state
            header = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "title": self.source.title,
                "saved_at": saved_at or _now().isoformat(),
                "wargame_version": __version__,
                "python_version": platform.python_version(),
                "state_shape": state_shape(),
                "game": {"id": self.game_id, "save": self.save_count + 1,
                         "started_at": self.started_at, "branch_of": self.branch_of},
                "status": {"round": st.round, "phase": st.phase, "stage": st.stage,
                           "escalation": st.escalation, "outcome": st.outcome,
                           "hash": final_hash, "inputs": len(game.inputs),
                           "events": len(game.log)},
                "meta": self.meta,
            }
            head = json.dumps(header, ensure_ascii=False, separators=(",", ":"))
            rounds = ",".join(self.rounds[r].text for r in sorted(self.rounds))
            parts = [
                head[:-1] + ",\n",
                f'"campaign":{self._campaign_json},\n',
                f'"seed":{json.dumps(self.seed)},\n',
                f'"world":"{self.world}",\n',
                f'"rounds":[{rounds}],\n',
                '"snapshots":[' + ",\n".join(s.text for s in snaps) + "],\n",
                '"log":[' + ",\n".join(f'{{"events":{n},"zlib":"{z}"}}'
                                       for n, z in self._log_parts(game.log)) + "],\n",
                '"inputs":[\n' + ",\n".join(self._inputs(game.inputs)) + "\n]}\n",
            ]
            return "".join(parts).encode("utf-8")

    # -------------------------------------------------------------- write
    def save(self, game: Game, folder: str | os.PathLike | None = None) -> Path:
        """Write the game to ``folder``; without one, where it was last saved or loaded
        from, else the default saves folder."""
        folder = Path(folder) if folder else (self.folder or default_saves_dir())
        with self.lock:
            key = (len(game.inputs), game.over, json.dumps(self.meta, sort_keys=True),
                   str(folder), self.game_id)
            if self._unchanged == key and self.last_path is not None \
                    and self.last_path.exists():
                return self.last_path  # nothing happened since the last save
            try:
                folder.mkdir(parents=True, exist_ok=True)
                self._claim(folder)
                data = self.document(game)
                target = folder / save_name(self.game_id, game.round, game.outcome)
                prev = self.last_path
                backups = folder / BACKUPS
                backup = None
                if target.exists():
                    n = self.save_count if prev == target else _save_number(target)
                    backup = backups / backup_name(target, n)
                atomic.write_atomic(target, data, backup=backup)
                self.save_count += 1
                if prev is not None and prev != target and prev.parent == folder \
                        and prev.exists() and game_id_of(prev) == self.game_id:
                    atomic.move(prev, backups / backup_name(prev, self.save_count - 1))
                for stale in folder.glob(f"{glob_escape(self.game_id)}_round-*.json"):
                    # an earlier version left in place by a crash between two steps
                    if stale != target and game_id_of(stale) == self.game_id \
                            and is_regular(stale):
                        atomic.move(stale, backups / backup_name(stale, _save_number(stale)))
                self.last_path = target
                self.folder = folder
                self._unchanged = (*key[:-1], self.game_id)
                prune_backups(folder, self.game_id)
                clean_temps(folder, self.game_id)
            except OSError as exc:
                raise SaveWriteError(folder, f"the game could not be saved "
                                     f"({exc.strerror or exc})",
                                     "check that the folder exists, is writable and the disk "
                                     "is not full; the game is still running") from None
            if game.over:
                self.release()  # a finished game is not written again (or locks anew)
            return target

    def save_as(self, game: Game, path: str | os.PathLike, backup: Path | None = None) \
            -> Path:
        """Write the game to exactly ``path`` (a name the user chose; the caller has
        made sure the file there, if any, may be replaced: it is kept as ``backup``)."""
        path = Path(path)
        with self.lock:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                if not self.game_id:
                    self.game_id = game_id_of(path)
                self._lock(path.parent, self.game_id)
                try:
                    atomic.write_atomic(path, self.document(game), backup=backup)
                finally:
                    self.release()
            except lock.Busy as busy:
                raise SaveWriteError(path, f"the game could not be saved: the game of that "
                                     f"name cannot be locked ({busy.reason})",
                                     "choose another name") from None
            except OSError as exc:
                raise SaveWriteError(path, f"the game could not be saved "
                                     f"({exc.strerror or exc})", "check that the folder "
                                     "exists, is writable and the disk is not full") from None
            self.save_count += 1
            self.last_path = path
            return path

    # ------------------------------------------------------------ one writer
    def _claim(self, folder: Path) -> None:
        """Hold the game's lock in ``folder`` before writing there. A game that another
        process is playing, or saved since this one loaded it, goes on here as a new
        game (a new name), so that neither is lost; :attr:`notice` says so."""
        if self._held is not None and self._held == (folder.resolve(), self.game_id):
            return
        self.release()
        if not self.game_id:
            self.game_id = self._new_id(folder)
            return
        why = ""
        try:
            self._lock(folder, self.game_id)
        except lock.Busy as busy:
            why = busy.reason
        else:
            if self._moved_on(folder):
                self.release()
                why = "another wargame saved it after it was opened here"
        if why:
            old = self.game_id
            self.branch_of = {"file": self.last_path.name if self.last_path else "",
                              "game": old, "round": max(self.rounds, default=1)}
            self.game_id = self._new_id(folder, base=old)
            self.save_count = 0
            self.last_path = None
            self.notice = (f"The game {old} was not saved over: {why}. So that neither "
                           f"game is lost, this one is saved as a new game, "
                           f"{self.game_id}.")

    def _moved_on(self, folder: Path) -> bool:
        """Whether the folder holds a save of this game newer than this journal's."""
        for p in folder.glob(f"{glob_escape(self.game_id)}_round-*.json"):
            if game_id_of(p) == self.game_id and _save_number(p) > self.save_count:
                return True
        return False

    def _lock(self, folder: Path, game_id: str) -> None:
        key = lock.acquire(folder, game_id)
        self._held = (folder.resolve(), game_id)
        self._unlock = weakref.finalize(self, lock.release, key)
        clean_temps(folder, game_id)  # what killed saves of it left, now that it is ours

    def release(self) -> None:
        """Give back the game's lock (a journal that is dropped gives it back too)."""
        if self._unlock is not None:
            self._unlock()
        self._held = self._unlock = None

    def take_notice(self) -> str:
        """The line to show the player about the last save ('' if none), once."""
        with self.lock:
            text, self.notice = self.notice, ""
            return text

    def _new_id(self, folder: Path, base: str = "") -> str:
        """A name no game in ``folder`` has, locked for this journal."""
        if not base:
            try:
                started = datetime.fromisoformat(self.started_at)
            except (ValueError, TypeError):  # a save's own field: never trusted
                started = _now()
            base = f"{self.source.slug}_{started:%Y-%m-%d_%H%M}"
            if self.branch_of:
                base += f"_from-r{int(self.branch_of.get('round', 0)):02d}"
        n, ident = 1, base
        while True:
            if not _used(folder, ident):
                try:
                    self._lock(folder, ident)
                except lock.Busy:
                    pass
                else:
                    if not _used(folder, ident):
                        return ident
                    self.release()
            n += 1
            ident = f"{base}-{n}"


def _used(folder: Path, ident: str) -> bool:
    pattern = f"{glob_escape(ident)}_round-*.json"
    return any(folder.glob(pattern)) or any((folder / BACKUPS).glob(pattern))


def _save_number(path: Path) -> int:
    """The save count written in an existing file's first line (0 if unreadable, or
    not a regular file)."""
    try:
        with open_regular(path) as f:
            first = f.readline(1 << 20).rstrip()
        return int(json.loads(first[:-1] + b"}")["game"]["save"])
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return 0


# ------------------------------------------------------------------ registry
_JOURNALS: "weakref.WeakKeyDictionary[Game, Journal]" = weakref.WeakKeyDictionary()
_REGISTRY_LOCK = threading.Lock()


def record(game: Game, campaign: Any = None, *, meta: dict | None = None,
           name: str = "") -> Journal:
    """The journal of ``game``, opened now if it has none (call this when a game
    starts: the campaign file's bytes are read at this moment).

    ``campaign``: a ``Campaign``, a campaign file path, ``"demo"``, the TUI's
    scenario (anything with ``key``), a :class:`WorldSource` (``source_of(...)``,
    made once and reused for many games) or :func:`wargame.saves.builtin`.
    ``name``: the game part of its file names instead of ``<campaign>_<date>_<time>``
    (``simulate`` names its games by run and number, so parallel workers never pick
    the same name)."""
    with _REGISTRY_LOCK:
        j = _JOURNALS.get(game)
        if j is None:
            if campaign is None:
                raise TypeError("the first save of a game needs its campaign")
            source = source_of(campaign, game.world).checked_against(game.world)
            j = _JOURNALS[game] = Journal(source, game.seed, meta=meta,
                                          game_id=slug_name(name))
        elif meta is not None:
            j.meta = dict(meta)
        return j


def slug_name(name: str) -> str:
    """A file-name-safe game name ('' stays '')."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.")[:80] if name else ""


def attach(game: Game, journal: Journal) -> None:
    with _REGISTRY_LOCK:
        _JOURNALS[game] = journal


def take_notice(game: Game) -> str:
    """What the player should be told about the game's last save, once ('' mostly):
    that it was saved as a new game because another process has the game."""
    with _REGISTRY_LOCK:
        j = _JOURNALS.get(game)
    return j.take_notice() if j is not None else ""


def save_game(game: Game, campaign: Any = None, folder: str | os.PathLike | None = None,
              *, meta: dict | None = None, name: str = "") -> Path:
    """Save ``game`` and return the file's path.

    ``campaign``: needed the first time a game is saved (see :func:`record`).
    ``folder``: where (the default saves folder if None). ``meta``: JSON data the
    caller wants back on load (the TUI's seats, for instance). ``name``: see
    :func:`record`. Raises :class:`~wargame.saves.errors.SaveWriteError` when the file
    cannot be written."""
    return record(game, campaign, meta=meta, name=name).save(game, folder)
