"""One writer per game: an operating-system lock per game in its saves folder.

A process takes the lock of a game (``.<game id>.lock`` in the saves folder, locked
with ``flock``) before it writes the game's first save and keeps it while it plays;
the kernel lets go of it when the process ends, however it ends (a kill too). The
journals of one process share the lock. The file says who holds it (process id,
computer, since when), and is removed by its last holder.

Save file names change every round, so the lock is never a save file itself. Where
``fcntl`` does not exist (Windows) games are not locked; the check that no other
process saved the game since it was loaded (in the journal) still holds.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import stat
import threading
from datetime import datetime
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

_HELD: dict[str, list] = {}  # lock file (real path) -> [fd or None, journals holding it]
_GUARD = threading.Lock()
_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) \
    | getattr(os, "O_CLOEXEC", 0)


class Busy(Exception):
    """The game's lock cannot be had: ``holder`` says who has it, in words ('' when the
    lock file is not a regular file: something else was put in its place)."""

    def __init__(self, holder: str):
        self.holder = holder
        super().__init__(self.reason)

    @property
    def reason(self) -> str:
        """Why, as a clause: 'another wargame (process 42, ...) is playing it'."""
        if not self.holder:
            return "its lock file is not a regular file (something else was put there)"
        return f"{self.holder} is playing it"


def lock_path(folder: Path, game_id: str) -> Path:
    return Path(folder) / f".{game_id}.lock"


def acquire(folder: Path, game_id: str) -> str:
    """Take the lock of ``game_id`` in ``folder`` for this process; returns the key to
    :func:`release` it with. :class:`Busy` if another process holds it (or the lock
    file is not a regular file: something else was put there)."""
    path = lock_path(folder, game_id)
    key = os.path.realpath(path)
    with _GUARD:
        if key in _HELD:
            _HELD[key][1] += 1
            return key
        if fcntl is None:
            _HELD[key] = [None, 1]
            return key
        for _ in range(10):
            try:
                fd = os.open(path, _FLAGS, 0o644)
            except OSError as exc:
                if os.path.lexists(path):  # a link or a folder put there
                    raise Busy("") from None
                raise exc
            try:
                st = os.fstat(fd)
                if not stat.S_ISREG(st.st_mode):
                    raise Busy("")
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    raise Busy(_holder(fd)) from None
                try:  # the last holder may have removed the file before we locked it
                    now = os.stat(path, follow_symlinks=False)
                except FileNotFoundError:
                    now = None
                if now is None or (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
                    os.close(fd)
                    continue
                _describe(fd)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.close(fd)
                raise
            _HELD[key] = [fd, 1]
            return key
        raise Busy("another wargame")


def release(key: str) -> None:
    """Give back one hold of the lock; the last one removes the file and unlocks."""
    with _GUARD:
        entry = _HELD.get(key)
        if entry is None:
            return
        entry[1] -= 1
        if entry[1] > 0:
            return
        del _HELD[key]
        if entry[0] is not None:
            with contextlib.suppress(OSError):
                os.unlink(key)  # while still locked: a waiting process sees it gone
            os.close(entry[0])


def holder(folder: Path, game_id: str) -> str:
    """Who else holds the lock of ``game_id`` in ``folder`` ('' when nobody else does)."""
    path = lock_path(folder, game_id)
    if fcntl is None or os.path.realpath(path) in _HELD:
        return ""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return ""
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return ""
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return _holder(fd)
    except OSError:
        return ""
    finally:
        os.close(fd)
    return ""


def _describe(fd: int) -> None:
    """Write who holds the lock into it."""
    text = json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                       "since": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")})
    os.ftruncate(fd, 0)
    os.pwrite(fd, text.encode(), 0)


def _holder(fd: int) -> str:
    """The holder written in a lock file, in words (never trusting what is there)."""
    try:
        info = json.loads(os.pread(fd, 1024, 0).decode("utf-8"))
    except (OSError, ValueError):
        info = None
    if not isinstance(info, dict):
        return "another wargame"

    def clean(value) -> str:
        return re.sub(r"[^\w .:+-]", "", str(value))[:40]

    pid = info.get("pid")
    text = f"another wargame (process {int(pid)}" if isinstance(pid, int) and \
        0 < pid < 1 << 31 else "another wargame (process ?"
    if isinstance(info.get("host"), str) and info["host"] != socket.gethostname():
        text += f" on {clean(info['host'])}"
    if isinstance(info.get("since"), str):
        text += f", since {clean(info['since'])}"
    return text + ")"
