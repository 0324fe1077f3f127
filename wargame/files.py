"""Reading files the user named, without trusting them: only regular files, never
more than a limit, and never blocking (a named pipe or a device is refused before
anything is read from it; opening one does not wait for a writer).

Used for campaign files, saves, the campaign file a save names, and lock files.
"""

from __future__ import annotations

import os
import stat

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)


class NotRegularFile(OSError):
    """The path names something other than a regular file (``what`` says what)."""

    def __init__(self, path, what: str):
        self.what = what
        super().__init__(f"it is {what}, not a regular file")


class TooBig(OSError):
    """The file is bigger than the reader accepts (``limit`` bytes)."""

    def __init__(self, path, limit: int):
        self.limit = limit
        super().__init__(f"it is bigger than {limit // 1024} KB")


def why(exc: OSError) -> str:
    """An ``OSError`` from reading a file, in words (no path: the caller names it)."""
    if isinstance(exc, (NotRegularFile, TooBig)):
        return str(exc)
    return exc.strerror or str(exc)


def kind_of(mode: int) -> str:
    """What a file of this ``st_mode`` is, in words ('a regular file', 'a named pipe', ...)."""
    if stat.S_ISREG(mode):
        return "a regular file"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_regular(path: str | os.PathLike) -> None:
    """Raise :class:`NotRegularFile` if ``path`` exists (following links) and is not a
    regular file; a path that is not there passes (``OSError`` for other problems)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFile(path, kind_of(st.st_mode))


def is_regular(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a regular file (following links); False if it cannot be seen."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def open_regular(path: str | os.PathLike):
    """A binary file object for reading ``path``, which must be a regular file.

    The path is looked at before it is opened (so Windows never opens a pipe) and
    the open file after (so a file swapped in between is caught); the open itself
    does not block on a named pipe."""
    check_regular(path)
    fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(path, kind_of(mode))
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of the regular file ``path``; :class:`TooBig` past ``limit`` bytes."""
    with open_regular(path) as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise TooBig(path, limit)
    return data
