"""Loading a save, replaying it in full, and branching from one of its rounds.

Loading restores the latest snapshot (checked against its recorded state hash)
and replays only the inputs after it, so even a long game loads in milliseconds.
:func:`replay_save` instead replays every input from the start and checks the
state hash at every round: the way to prove a save and this engine still agree.

Nothing here writes to the file it reads; every problem is a
:class:`~wargame.saves.errors.SaveError` whose text is one line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..core.errors import WargameError
from ..core.game import Game
from . import atomic
from .codec import SnapshotError, decode_events, game_hash, no_gc, state_shape
from .document import MAX_LOG, MAX_PART, parse, read_bytes, unpack_sized
from .errors import ReplayMismatch, SaveError, SaveWriteError, shown
from .folders import BACKUPS, backups_of, default_saves_dir, game_id_of
from .journal import Journal, RoundRecord, Snapshot, at_round_start, attach, slug_name
from .source import WorldSource


@dataclass
class LoadedSave:
    """A game read back from a save, ready to play on (``game``)."""

    path: Path
    game: Game
    source: WorldSource
    campaign: Any  # wargame.campaign.Campaign, or None for a built-in world
    meta: dict
    notices: tuple[str, ...] = ()  # lines to show (the campaign file changed, ...)
    header: dict = field(default_factory=dict)  # the save's own fields (title, status, ...)
    branch_round: int | None = None  # loaded at the start of this round: a new branch
    folder: Path | None = None  # where its next saves go by default

    @property
    def notice(self) -> str:
        return " ".join(self.notices)

    @property
    def title(self) -> str:
        return self.source.title

    @property
    def elsewhere(self) -> str:
        """'' unless another process is playing this game now: then the line saying who,
        and that this one will be saved as a new game (asked anew each time)."""
        if self.branch_round is not None or self.folder is None:
            return ""
        from .journal import record
        from .lock import holder

        game_id = record(self.game).game_id
        who = holder(self.folder, game_id)
        if not who:
            return ""
        return (f"{shown(self.path)}: {who} is playing this game; if it goes on here too, "
                f"it is saved as a new game beside it, so that neither is lost.")

    def save(self, folder: str | os.PathLike | None = None) -> Path:
        """Save the game (as a new branch file when it was loaded at an earlier round)."""
        from .journal import save_game

        return save_game(self.game, folder=folder or self.folder)


@dataclass
class _Opened:
    path: Path
    doc: dict
    source: WorldSource
    world: Any
    campaign: Any
    notices: list[str]
    comparable: bool = True  # its state hashes can be checked with this engine


def _open(path: Path) -> _Opened:
    data = read_bytes(path)
    doc = parse(path, data, lambda: backups_of(path))
    source = WorldSource.from_doc(doc["campaign"], path)
    world, campaign = source.build(path)
    notices = []
    note = source.notice()
    if note:
        notices.append(f"{shown(path)}: {note}.")
    if doc.get("migrated_from"):
        notices.append(f"{shown(path)}: written by an older wargame (save format "
                       f"{doc['migrated_from']}); it is read as it is and the next save of "
                       f"this game uses the current format.")
    shape = doc.get("state_shape")
    comparable = shape is None or shape == state_shape()
    if not comparable:
        notices.append(f"{shown(path)}: saved by wargame {doc.get('wargame_version', '?')}, "
                       f"whose game state has another shape; it is loaded without checking "
                       f"its state hashes.")
    return _Opened(path, doc, source, world, campaign, notices, comparable)


def _records(doc: dict) -> dict[int, dict]:
    return {r["round"]: r for r in doc["rounds"]}


def _log(doc: dict) -> list | None:
    """The stored event log, or None when there is none or it is damaged."""
    parts = doc["log"]
    if not parts:
        return None
    events: list = []
    left = MAX_LOG
    try:
        for part in parts:
            data, size = unpack_sized(part["zlib"], min(MAX_PART, left))
            left -= size
            chunk = decode_events(data)
            if len(chunk) != part["events"]:
                return None
            events.extend(chunk)
    except (ValueError, SnapshotError, TypeError, KeyError, AttributeError, RecursionError):
        return None
    return events if len(events) == doc["status"].get("events", len(events)) else None


def _round_starts(doc: dict) -> list[int]:
    """Index in the inputs where each round starts (round 1 at 0); a finished game's
    last resolve starts no round."""
    inputs = doc["inputs"]
    starts = [0] + [i + 1 for i, e in enumerate(inputs) if e.get("verb") == "resolve"]
    status = doc["status"]
    if status.get("outcome") and len(starts) > status["round"] >= 1:
        starts = starts[:status["round"]]
    return starts


def _mismatch(o: _Opened, detail: str, good: int, bad: int) -> ReplayMismatch:
    saved_by = o.doc.get("wargame_version", "unknown")
    if good >= 1:
        todo = (f"continue it from round {good}, the last state that matches, with "
                f"'wargame branch {shown(o.path)} --round {good}'; the file was not changed")
    elif saved_by == __version__:  # the rules changed under the same version number
        todo = (f"open it with wargame {saved_by} as it was when the game was saved; the "
                "file was not changed")
    else:
        todo = f"open it with wargame {saved_by}; the file was not changed"
    by = (f"it was saved by {saved_by} too: the rules have changed since, or the file has"
          if saved_by == __version__ else f"it was saved by {saved_by}")
    return ReplayMismatch(o.path, f"this game does not replay the same with wargame "
                          f"{__version__} ({by}): {detail}", todo,
                          good_round=good, bad_round=bad)


def _apply(o: _Opened, g: Game, entry: dict, index: int, good: int) -> None:
    try:
        g.apply(entry)
    except (WargameError, KeyError, TypeError, ValueError, AttributeError,
            RecursionError, OverflowError) as exc:
        verb = entry.get("verb", "?")
        raise _mismatch(o, f"input {index + 1} ({verb} in round {g.round}) is refused "
                        f"now: {exc}", good, g.round) from None


def _check_round(o: _Opened, g: Game, records: dict, good: int) -> int:
    """Check the hash at a round start; return the new last good round."""
    rec = records.get(g.round)
    if rec is None or not o.comparable:
        return good
    h = game_hash(g)
    if h != rec["hash"]:
        raise _mismatch(o, f"the state at the start of round {g.round} differs from the "
                        f"record (hash {h}, recorded {rec['hash']})", good, g.round)
    return g.round


SNAPSHOT_TRIES = 3
"""How many snapshots loading tries (newest first) before it replays from the start."""


def load_save(path: str | os.PathLike, round: int | None = None) -> LoadedSave:
    """Load a save to play on; with ``round``, the game as it was at the start of that
    round, to play on as a new branch (its next save is a new file).

    Raises :class:`~wargame.saves.errors.SaveError` (one line; the file untouched)."""
    with no_gc():
        return _load(Path(path), round)


def _load(path: Path, round: int | None) -> LoadedSave:
    o = _open(path)
    doc, world, seed = o.doc, o.world, o.doc["seed"]
    inputs, status = doc["inputs"], doc["status"]
    records = _records(doc)
    starts = _round_starts(doc)
    if round is None:
        target = len(inputs)
    else:
        last = len(starts)
        if not 1 <= round <= last:
            raise SaveError(path, f"this game has no round {round} (it has rounds 1 to "
                            f"{last})", f"choose a round from 1 to {last}")
        target = starts[round - 1]
    log = _log(doc)
    if log is None and doc["log"]:
        o.notices.append(f"{shown(path)}: its fast-loading data is damaged; the game was "
                         f"rebuilt by replaying its orders.")
    snaps = sorted((Snapshot.from_doc(s) for s in doc["snapshots"]),
                   key=lambda s: (s.input, s.end), reverse=True)
    g = None
    base: Snapshot | None = None
    skipped = False
    tries = 0
    for s in snaps if log is not None else ():
        if s.input > target or (s.end and round is not None):
            continue
        tries += 1
        if tries > SNAPSHOT_TRIES:
            break  # the rest is replayed: a save full of bad snapshots costs no more
        try:
            cand = s.restore(world, seed, log, inputs)
        except (ValueError, SnapshotError, TypeError, KeyError, AttributeError,
                RecursionError):
            skipped = True
            continue
        if cand.round != s.round or s.round > len(starts) + 1:
            skipped = True  # a snapshot must be of the round it says, and one played
            continue
        if not o.comparable or game_hash(cand) == s.hash:
            g, base = cand, s
            break
        skipped = True
    if skipped and log is not None:
        o.notices.append(f"{shown(path)}: a snapshot in it is damaged; the game was rebuilt "
                         f"by replaying its orders from "
                         f"{f'round {base.round}' if base else 'the start'}.")
    if g is None:
        g = Game(world, seed)
        good = _check_round(o, g, records, 0) if 1 in records else 1
    else:
        good = base.round
    for i in range(len(g.inputs), target):
        _apply(o, g, inputs[i], i, good)
        if at_round_start(g):
            good = _check_round(o, g, records, good)
    if round is None and o.comparable and not (
            base is not None and base.input == len(inputs) and base.hash == status["hash"]):
        h = game_hash(g)
        if h != status["hash"]:
            raise _mismatch(o, f"the state after its last order differs from the record "
                            f"(hash {h}, recorded {status['hash']})", good, g.round)
    meta = doc.get("meta", {})
    game_info = doc["game"]
    folder = path.parent.parent if path.parent.name == BACKUPS else path.parent
    if round is None:
        # the id names the next files: never a path, whatever the file says
        game_id = slug_name(game_info["id"]) or slug_name(game_id_of(path)) or "game"
        started, branch_of = game_info.get("started_at"), game_info.get("branch_of")
        journal = Journal(o.source, seed, meta=meta, game_id=game_id,
                          started_at=started if isinstance(started, str) else "",
                          save_count=game_info["save"],
                          branch_of=branch_of if isinstance(branch_of, dict) else None,
                          last_path=path if path.parent.name != BACKUPS else None)
        _prefill(journal, doc, log, g, o.comparable)
    else:
        journal = Journal(o.source, seed, meta=meta,
                          branch_of={"file": path.name, "game": game_info["id"],
                                     "round": round})
        _prefill(journal, doc, None, g, o.comparable)
    journal.folder = folder
    world = doc.get("world")
    journal.world = world if isinstance(world, str) and len(world) <= 64 else ""
    attach(g, journal)
    header = {k: v for k, v in doc.items() if k not in ("inputs", "log", "snapshots",
                                                        "rounds", "campaign")}
    return LoadedSave(path, g, o.source, o.campaign, meta, tuple(o.notices), header,
                      round, folder)


def _prefill(journal: Journal, doc: dict, log: list | None, g: Game,
             comparable: bool = True) -> None:
    """Give the journal what the save already holds, so the next save is cheap. The
    round hashes and snapshots of a save whose state has another shape (an older
    wargame's) are not this engine's: the journal makes its own, or the next save
    would claim this shape for hashes of the other."""
    upto = len(g.inputs)
    for r in doc["rounds"] if comparable else ():
        if r["input"] <= upto and r["round"] <= g.round:
            journal.rounds[r["round"]] = RoundRecord(r["round"], r["input"], r["hash"])
    for d in doc["snapshots"] if comparable else ():
        s = Snapshot.from_doc(d)
        if s.input <= upto and (not s.end or s.input == upto):
            journal.snapshots[(s.round, s.end)] = s
    if log is not None and log == g.log:
        parts = doc["log"][:-1]  # the last part may be an unfinished round
        start = 0
        for p in parts:
            if not (start < len(log) and log[start].kind.value == "round_started"):
                break
            journal.chunks.append((p["events"], p["zlib"]))
            start += p["events"]
        else:
            journal._chunk_start = journal._scan = start
            return
        journal.chunks.clear()


# -------------------------------------------------------------------- replay
@dataclass
class ReplayResult:
    """A full replay of a save: the game, and whether it matched the record."""

    path: Path
    game: Game
    checked: int = 0  # round hashes compared
    problem: str = ""  # '' if everything matched; else the one line saying what differs
    good_round: int = 0
    final_hash: str = ""
    recorded_hash: str = ""  # the recorded hash at the same point ('' if not recorded)
    notices: tuple[str, ...] = ()
    campaign_checked: bool = False  # the campaign was checked against the record
    refused: bool = False  # not replayed: the campaign differs from the one given

    @property
    def ok(self) -> bool:
        return not self.problem


def replay_save(path: str | os.PathLike, to_round: int | None = None,
                campaign: str | os.PathLike | None = None) -> ReplayResult:
    """Replay a save from its first input, checking the state hash at every round start
    (up to the start of ``to_round`` if given) and the campaign saved in it against
    the record's fingerprint of the world. A mismatch does not raise: it is in
    ``problem`` (one line), and the replay goes on as far as the inputs allow.

    With ``campaign`` (a campaign file: the instructor's own copy), a save whose
    campaign says anything else is refused first: ``problem`` says so and nothing is
    replayed."""
    path = Path(path)
    o = _open(path)
    if campaign is not None:
        differs = _against(o, Path(campaign))
        if differs:
            return ReplayResult(path, Game(o.world, o.doc["seed"]), problem=differs,
                                notices=tuple(o.notices), refused=True)
    doc = o.doc
    inputs, records = doc["inputs"], _records(doc)
    starts = _round_starts(doc)
    if to_round is not None and not 1 <= to_round <= len(starts):
        raise SaveError(path, f"this game has no round {to_round} (it has rounds 1 to "
                        f"{len(starts)})", f"choose --to-round from 1 to {len(starts)}")
    target = len(inputs) if to_round is None else starts[to_round - 1]
    g = Game(o.world, doc["seed"])
    res = ReplayResult(path, g, notices=tuple(o.notices))
    good = 0
    recorded = doc.get("world")
    if isinstance(recorded, str):
        res.campaign_checked = True
        made = o.source.fingerprint()
        if made != recorded:
            res.problem = str(SaveError(
                path, f"the campaign saved in it is not the one the game was played on "
                f"(its fingerprint is {made}, the record says {recorded[:16]}): it was "
                f"changed after the game was saved", "check the save against your own copy "
                f"of the campaign with 'wargame replay SAVE --campaign FILE'; the file was "
                f"not changed"))

    def check() -> None:
        nonlocal good
        rec = records.get(g.round)
        if rec is None or res.problem or not o.comparable:
            return
        res.checked += 1
        try:
            good = _check_round(o, g, records, good)
        except ReplayMismatch as exc:
            res.problem, res.good_round = str(exc), exc.good_round

    check()
    for i in range(target):
        try:
            _apply(o, g, inputs[i], i, good)
        except ReplayMismatch as exc:
            if not res.problem:
                res.problem, res.good_round = str(exc), exc.good_round
            break
        if at_round_start(g):
            check()
    res.final_hash = game_hash(g)
    if not o.comparable:
        pass
    elif to_round is None:
        res.recorded_hash = doc["status"]["hash"]
    elif to_round in records:
        res.recorded_hash = records[to_round]["hash"]
    if not res.problem and res.recorded_hash and res.final_hash != res.recorded_hash:
        exc = _mismatch(o, f"the final state differs from the record (hash "
                        f"{res.final_hash}, recorded {res.recorded_hash})", good, g.round)
        res.problem, res.good_round = str(exc), exc.good_round
    if not res.problem:
        res.good_round = g.round
    return res


def _against(o: _Opened, file: Path) -> str:
    """'' if the campaign saved in the save says the same as ``file``; else the line
    saying they differ. :class:`SaveError` if ``file`` cannot be used."""
    from ..campaign.source import MAX_BYTES, fingerprint
    from ..files import read_regular, why

    if o.source.kind != "file":
        raise SaveError(o.path, f"it was played on a built-in world "
                        f"({o.source.name}), not on a campaign file", "leave out --campaign")
    try:
        mine = fingerprint(read_regular(file, MAX_BYTES))
    except OSError as exc:
        raise SaveError(file, f"this campaign file cannot be read ({why(exc)})",
                        "give the path of your copy of the campaign") from None
    theirs = fingerprint(o.source.data)
    if mine == theirs:
        return ""
    return str(SaveError(o.path, f"the campaign saved in it differs from {shown(file)} "
                         f"(fingerprint {theirs}, yours {mine}): it was not played on that "
                         f"campaign, or its copy was edited", "the file was not changed"))


def branch_save(path: str | os.PathLike, round: int,
                folder: str | os.PathLike | None = None, force: bool = False) -> Path:
    """Continue a save from the start of ``round`` as a new save; returns its path (in
    ``folder``, else beside the original; ``folder`` may also be a file name ending in
    ``.json``). A new save never replaces a file: a file name that is taken is refused
    (with ``force`` the file there is replaced and kept in ``backups/`` beside it), and
    the save being branched is never replaced, even with ``force``."""
    path = Path(path)
    target = Path(folder) if folder is not None and \
        str(folder).lower().endswith(".json") else None
    if target is not None:
        if target.exists() and path.exists() and os.path.samefile(target, path):
            raise SaveWriteError(target, "this is the save being branched, and a branch "
                                 "never replaces it", "choose another name, or leave out "
                                 "-o to save the branch beside it")
        atomic.may_write(target, force=force)
    loaded = load_save(path, round=round)
    if target is not None:
        from .journal import record

        backup = atomic.may_write(target, force=force)
        return record(loaded.game).save_as(loaded.game, target, backup=backup)
    return loaded.save(folder if folder is not None else loaded.folder)


def saves_folder(explicit: str | os.PathLike | None = None) -> Path:
    return default_saves_dir(explicit)
