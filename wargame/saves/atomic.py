"""Writing a file so that a crash at any moment leaves the old one or the new one whole.

The bytes go to a temporary file in the same folder (same file system, so the
rename is atomic), which is flushed and fsync'ed; ``os.replace`` then puts it in
place in one step, and the folder itself is fsync'ed so the rename survives a
power cut. A file being replaced can first be kept as a backup with a hard link
(a copy where links are not supported), so the old version never stops existing.

Only a regular file is ever replaced: a name that is a named pipe, a device (even
behind a link: ``/dev/null``, ``/dev/stdout``) or a folder is refused before
anything is written, because renaming over it would replace the device itself.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import stat
from pathlib import Path

from ..files import check_regular, kind_of, open_regular
from .errors import SaveWriteError

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
    is kept under that name first. ``NotRegularFile`` (an ``OSError``) if ``path`` is
    there and not a regular file."""
    check_regular(path)
    tmp = write_temp(path, data)
    try:
        check_regular(path)  # again: it may have been swapped while the data was written
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


def may_write(path: Path, *, force: bool = False, replaceable: bool = False,
              special_todo: str = "choose the name of a regular file") -> Path | None:
    """Check, before anything is made, that ``path`` may be written: it is not there;
    or it is a regular file that is ``replaceable`` as it is (an earlier report, say);
    or, with ``force``, any regular file, which is then kept: the name to keep it under
    (in ``backups/`` beside it) is returned. :class:`SaveWriteError` (one line)
    otherwise: a named pipe, a device or a folder is never written over."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SaveWriteError(path, f"it cannot be written ({exc.strerror or exc})",
                             "choose another name") from None
    if not stat.S_ISREG(st.st_mode):
        raise SaveWriteError(path, f"this is {kind_of(st.st_mode)}, not a regular file, and "
                             f"wargame writes only regular files", special_todo)
    if replaceable:
        return None
    if not force:
        raise SaveWriteError(path, f"there is already a file of that name ({what_is(path)})",
                             "choose another name, or give --force to replace it (it is "
                             "kept in backups/ beside it)")
    return replaced_name(path)


def what_is(path: Path) -> str:
    """A word on an existing file: a wargame save, a campaign, or some file."""
    try:
        with open_regular(path) as f:
            head = f.read(64)
    except OSError:
        return "a file"
    if head.startswith(b'{"format":"wargame-save"') or b'"format_version"' in head:
        return "a wargame save"
    return "a file that is not a report" if path.suffix.lower() not in REPORT_SUFFIXES \
        else "a file"


REPORT_SUFFIXES = (".md", ".markdown", ".html", ".htm")


def replaced_name(path: Path) -> Path:
    """A free name in ``backups/`` beside ``path`` to keep it under when it is replaced:
    ``<stem>_replaced-N<suffix>`` (never pruned, never over another file)."""
    folder = path.parent / "backups"
    n = 1
    while True:
        candidate = folder / f"{path.stem}_replaced-{n}{path.suffix}"
        if not os.path.lexists(candidate):
            return candidate
        n += 1
