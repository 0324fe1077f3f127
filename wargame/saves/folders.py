"""Where saves go, what they are called, and what a saves folder holds.

The folder, first match wins:

1. ``--saves-dir`` (passed in as ``explicit``);
2. the ``WARGAME_SAVES_DIR`` environment variable;
3. ``saves/`` of the checkout, when wargame runs from a checkout and the current
   folder is inside it;
4. the user data folder (``platformdirs.user_data_path("wargame") / "saves"``:
   ``~/.local/share/wargame/saves`` on Linux, ``~/Library/Application
   Support/wargame/saves`` on macOS, ``%LOCALAPPDATA%\\wargame\\saves`` on Windows).

A game's file is ``<campaign>_<date>_<time>_round-NN.json`` (``..._round-NN_<outcome>.json``
when it is over), e.g. ``baltic-flashpoint_2025-03-14_1405_round-07.json``; the part
before ``_round-`` names the game and stays the same from save to save. The last three
earlier versions of each game are kept in ``backups/`` as
``<name>_save-N.json`` (N counts the game's saves).
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from ..files import is_regular, open_regular
from .document import (FORMAT, FORMAT_VERSION, MAX_BYTES, clean_meta, loads, parse,
                       read_bytes)
from .errors import SaveError, shown

ENV_VAR = "WARGAME_SAVES_DIR"
BACKUPS = "backups"
KEEP_BACKUPS = 3
_HERE = Path(__file__).resolve().parent


def checkout_root() -> Path | None:
    """The source checkout wargame runs from, if it runs from one."""
    root = _HERE.parent.parent
    if (root / "pyproject.toml").is_file() and (root / "wargame" / "__init__.py").is_file() \
            and (root / "saves").is_dir():
        return root
    return None


def user_data_dir() -> Path:
    try:
        from platformdirs import user_data_path
    except ImportError:  # platformdirs comes with textual; fall back to the XDG layout
        base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"),
                                                               ".local", "share")
        return Path(base) / "wargame"
    return user_data_path("wargame", appauthor=False)


def default_saves_dir(explicit: str | os.PathLike | None = None, cwd: Path | None = None,
                      env: dict | None = None) -> Path:
    """The folder to save in and list from (see the module's doc for the order)."""
    if explicit:
        return Path(explicit).expanduser()
    value = (os.environ if env is None else env).get(ENV_VAR, "").strip()
    if value:
        return Path(value).expanduser()
    root = checkout_root()
    if root is not None:
        here = (cwd or Path.cwd()).resolve()
        if here == root or root in here.parents:
            return root / "saves"
    return user_data_dir() / "saves"


# ----------------------------------------------------------- finding one
def find_save(name: str | os.PathLike, explicit: str | os.PathLike | None = None) -> Path:
    """The save a command names: a path as given when there is such a file (or
    folder, which loading then refuses with its own message); else a name in the
    saves folder (:func:`default_saves_dir` of ``explicit``), with or without
    ``.json``, or in its ``backups/`` (as ``wargame saves --all`` lists them).
    :class:`~wargame.saves.SaveMissing` says where it looked when nothing fits."""
    given = Path(name).expanduser()
    if given.exists():
        return given
    folder = default_saves_dir(explicit)
    tried: list[Path] = []
    if not given.is_absolute():
        text = os.fspath(name)
        names = [text] if text.lower().endswith(".json") else [text, text + ".json"]
        for n in names:
            for base in (folder, folder / BACKUPS):
                p = base / n
                tried.append(p)
                if p.is_file():
                    return p
    from .errors import SaveMissing

    where = f"as a path and in the saves folder {os.path.abspath(folder)}" if tried \
        else "as a path"
    option = "" if explicit is None else f" --saves-dir {os.fspath(explicit)}"
    raise SaveMissing(given, f"there is no such save (looked for it {where})",
                      f"check the name, or run 'wargame saves{option}' to list the saved "
                      "games")


# ------------------------------------------------------------------ names
_NAME = re.compile(r"^(?P<game>.+)_round-(?P<round>\d+)(?:_(?P<end>[a-z]+))?\.json$")
_BACKUP = re.compile(r"^(?P<stem>.+)_save-(?P<save>\d+)\.json$")


def save_name(game_id: str, round_: int, outcome: str = "") -> str:
    return f"{game_id}_round-{round_:02d}" + (f"_{outcome}" if outcome else "") + ".json"


def backup_name(path: Path, save: int) -> str:
    return f"{path.stem}_save-{save}.json"


def game_id_of(path: Path) -> str:
    """The game part of a save's file name (of a backup's too)."""
    name = path.name
    m = _BACKUP.match(name)
    if m:
        name = m.group("stem") + ".json"
    m = _NAME.match(name)
    return m.group("game") if m else path.stem


def backups_of(path: Path) -> list[Path]:
    """The backups of the game saved in ``path``, newest first."""
    path = Path(path)
    folder = path.parent if path.parent.name != BACKUPS else path.parent.parent
    game = game_id_of(path)
    found = []
    for p in (folder / BACKUPS).glob(f"{glob_escape(game)}_round-*_save-*.json"):
        m = _BACKUP.match(p.name)
        if m and game_id_of(p) == game and p != path:
            found.append((int(m.group("save")), p))
    return [p for _, p in sorted(found, reverse=True)]


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def prune_backups(folder: Path, game_id: str, keep: int = KEEP_BACKUPS) -> None:
    found = []
    for p in (folder / BACKUPS).glob(f"{glob_escape(game_id)}_round-*_save-*.json"):
        m = _BACKUP.match(p.name)
        if m and game_id_of(p) == game_id:
            found.append((int(m.group("save")), p))
    for _, p in sorted(found, reverse=True)[keep:]:
        try:
            p.unlink()
        except OSError:
            pass


_TEMP_PID = re.compile(r"\.(\d+)-[0-9a-f]+\.tmp$")


def clean_temps(folder: Path, game_id: str) -> None:
    """Remove temporary files that saves of this game left behind in processes that
    are no longer running (a save killed half way). A running process's temporary
    files, this one's included, are never touched: only it knows when they are done."""
    for p in folder.glob(f".{glob_escape(game_id)}_*.tmp"):
        m = _TEMP_PID.search(p.name)
        if m and not process_running(int(m.group(1))):
            try:
                p.unlink()
            except OSError:
                pass


def process_running(pid: int) -> bool:
    """Whether a process ``pid`` runs on this computer (True when it cannot be told)."""
    if pid == os.getpid():
        return True
    if os.name != "posix" or pid <= 0:
        return True  # Windows: os.kill would end the process; keep its files
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


# ---------------------------------------------------------------- listing
@dataclass(frozen=True)
class SaveInfo:
    """One saved game, as a Load screen lists it (read from the file's first line)."""

    path: Path
    title: str = ""
    game_id: str = ""
    round: int = 0
    phase: str = ""
    stage: str = ""
    outcome: str = ""
    saved_at: str = ""
    save: int = 0
    format_version: int = 0
    meta: dict | None = None
    branch_of: dict | None = None
    error: str = ""  # not loadable: the line saying why

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def backup(self) -> bool:
        """An older save of a game, kept in the folder's ``backups/``."""
        return self.path.parent.name == BACKUPS

    def describe(self) -> str:
        if self.error:
            return self.error
        state = f"over ({self.outcome})" if self.outcome else \
            f"round {self.round}" + (f", {self.stage.replace('_', ' ')}" if self.stage else "")
        when = self.saved_at.replace("T", " ")[:16]
        who = self.players()
        return f"{self.title} — {state}{f' — {who}' if who else ''} — saved {when}"

    def players(self) -> str:
        """Who played, from the save's meta (the interface writes it): "Ana (Estonia),
        Ben (Latvia)", "as Estonia" for a lone "You"; "" when the save does not say."""
        seats = (self.meta or {}).get("players")
        if not isinstance(seats, dict) or not seats:
            return ""
        states = (self.meta or {}).get("state_names")
        states = states if isinstance(states, dict) else {}
        names = [(str(p).strip(), str(states.get(n, n))) for n, p in seats.items()
                 if str(p).strip()]
        if len(names) == 1 and names[0][0] == "You":
            return f"as {names[0][1]}"
        return ", ".join(f"{p} ({n})" for p, n in names)


def peek(path: Path) -> SaveInfo:
    """What a save says about itself, from its first line (the full file is only read
    when that line is not a current-format header); never raises."""
    try:
        with open_regular(path) as f:
            first = f.readline(1 << 20)
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - 8))
            tail = f.read()
        head = None
        if first.startswith(b'{"format":"wargame-save"') and first.rstrip().endswith(b","):
            try:
                head = loads(first.rstrip()[:-1] + b"}")
            except (ValueError, RecursionError):
                head = None
        if size > MAX_BYTES or head is None or not isinstance(head, dict) \
                or not tail.rstrip().endswith(b"\n]}"):  # not as wargame ends it
            head = parse(path, read_bytes(path), lambda: backups_of(path))
        elif not isinstance(head.get("format_version"), int) \
                or head["format_version"] > FORMAT_VERSION or head.get("format") != FORMAT:
            parse(path, read_bytes(path), lambda: backups_of(path))  # raises NewerSave
    except SaveError as exc:
        return SaveInfo(path, game_id=game_id_of(path), error=str(exc))
    except OSError as exc:
        return SaveInfo(path, game_id=game_id_of(path),
                        error=f"{shown(path)}: {exc.strerror or exc}")
    status, game = _field(head, "status", dict, {}), _field(head, "game", dict, {})
    branch = _field(game, "branch_of", dict, None)
    return SaveInfo(path, title=_field(head, "title", str, ""),
                    game_id=_field(game, "id", str, ""),
                    round=_field(status, "round", int, 0),
                    phase=_field(status, "phase", str, ""),
                    stage=_field(status, "stage", str, ""),
                    outcome=_field(status, "outcome", str, ""),
                    saved_at=_field(head, "saved_at", str, ""),
                    save=_field(game, "save", int, 0),
                    format_version=_field(head, "format_version", int, 0),
                    meta=clean_meta(head.get("meta")), branch_of=branch)


def _field(d: dict, key: str, kind: type, default):
    """``d[key]`` if it is of ``kind`` (a bool is not an int), else ``default``."""
    v = d.get(key, default)
    return v if isinstance(v, kind) and not (isinstance(v, bool) and kind is not bool) \
        else default


LIST_SECONDS = 10.0
"""A listing stops reading files after this long (a folder on a slow or hung disk)."""
LIST_FILES = 2000
"""... or after this many files."""


def list_saves(folder: str | os.PathLike | None = None, everything: bool = False,
               backups: bool = False, seconds: float = LIST_SECONDS) -> list[SaveInfo]:
    """The saved games in ``folder`` (the default folder if None), newest first: one
    entry per game (its latest save), and unreadable files with their ``error``.
    ``everything`` also lists older saves of a game left in the folder; ``backups``
    also lists the older saves kept in its ``backups/`` (their ``backup`` is true).

    Only regular files are read (links to them too): named pipes, devices and
    folders called ``*.json`` are left out. After ``seconds`` or :data:`LIST_FILES`
    files the listing stops, and says so in an entry for the folder with an error."""
    folder = default_saves_dir() if folder is None else Path(folder)
    if not folder.is_dir():
        return []
    places = [folder] + ([folder / BACKUPS] if backups and (folder / BACKUPS).is_dir() else [])
    deadline = time.monotonic() + seconds
    infos: list[SaveInfo] = []
    cut = ""
    for place in places:
        for p in place.glob("*.json"):
            if len(infos) >= LIST_FILES or time.monotonic() > deadline:
                cut = f"{len(infos)} files read in {seconds:g} s" \
                    if len(infos) < LIST_FILES else f"{LIST_FILES} files read"
                break
            if not p.name.startswith(".") and is_regular(p):
                infos.append(peek(p))
        if cut:
            break
    if not everything:
        best: dict[str, SaveInfo] = {}
        for i in infos:
            if i.ok and not i.backup and (i.game_id not in best
                                          or i.save > best[i.game_id].save):
                best[i.game_id] = i
        infos = [i for i in infos if not i.ok or i.backup or best.get(i.game_id) is i]
    infos.sort(key=lambda i: (i.saved_at, i.path.name), reverse=True)
    if cut:
        infos.append(SaveInfo(folder, error=f"{shown(folder)}: the listing stopped after "
                              f"{cut}; some saves are not listed (move older saves "
                              f"elsewhere)"))
    return infos
