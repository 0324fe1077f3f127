"""Writing a file so that a crash at any moment leaves the old one or the new one whole.

The bytes go to a temporary file in the same folder (same file system, so the
rename is atomic), which is flushed and fsync'ed; ``os.replace`` then puts it in
place in one step, and the folder itself is fsync'ed so the rename survives a
power cut. A file being replaced can first be kept as a backup with a hard link
(a copy where links are not supported), so the old version never stops existing.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def temp_name(path: Path) -> Path:
    """A hidden, unique temporary name beside ``path``."""
    return path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(3)}{TEMP_SUFFIX}")


def write_temp(path: Path, data: bytes) -> Path:
    """Write ``data`` to a new temporary file beside ``path``, flushed and fsync'ed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_name(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o666)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows: folders cannot be opened; renames are durable there
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def keep_copy(src: Path, dst: Path) -> None:
    """Make ``dst`` a second name of ``src`` (a hard link; a durable copy if links fail)."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(dst)
    try:
        os.link(src, dst)
    except OSError:
        tmp = temp_name(dst)
        try:
            shutil.copyfile(src, tmp)
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(tmp, dst)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def write_atomic(path: Path, data: bytes, backup: Path | None = None) -> None:
    """Replace ``path`` with ``data`` atomically; with ``backup``, the old file (if any)
    is kept under that name first."""
    tmp = write_temp(path, data)
    try:
        if backup is not None and path.exists():
            backup.parent.mkdir(parents=True, exist_ok=True)
            keep_copy(path, backup)
            fsync_dir(backup.parent)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def move(src: Path, dst: Path) -> None:
    """Rename ``src`` to ``dst`` (both durable afterwards)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    os.replace(src, dst)
    fsync_dir(dst.parent)
    if dst.parent != src.parent:
        fsync_dir(src.parent)
