"""An append-only log of JSON lines, each on disk before anything depends on it.

The host of a networked game (:mod:`wargame.net.host`) writes every input the game
accepts here before it answers, so a crash loses nothing accepted. A last line cut
short by a crash is left out when the log is read (it was never answered).

By default every :meth:`AppendLog.write` is flushed and ``fsync``ed before it
returns. A server that can hold its answers back turns that off (``each = False``)
and calls :meth:`AppendLog.sync` itself before it answers: one ``fsync`` then covers
every line written since the last one (group commit; see
:class:`wargame.net.server.GroupCommit`). :attr:`written` and :attr:`synced` count
the lines handed to the operating system and the lines known to be on disk.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

fsync = os.fsync  # one name, so that a test can watch every sync


class AppendLog:
    def __init__(self, path: str | os.PathLike, *, each: bool = True):
        self.path = Path(path)
        self.file = open(self.path, "a", encoding="utf-8")
        self.each = each  # fsync every write before write() returns
        self.written = 0  # lines written (flushed to the operating system)
        self.synced = 0  # lines known to be on disk

    def write(self, entry: dict) -> int:
        """Append one entry; returns :attr:`written`, the mark to :meth:`sync` up to."""
        self.file.write(json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n")
        self.file.flush()
        self.written += 1
        if self.each:
            self.sync()
        return self.written

    def sync(self) -> int:
        """Put every line written so far on disk (one fsync; none if nothing is new).
        May run in a worker thread while the owner writes more lines: only the lines
        written before it started are counted as synced."""
        mark = self.written
        if self.synced < mark and not self.file.closed:
            fsync(self.file.fileno())
            self.synced = max(self.synced, mark)
        return self.synced

    def close(self) -> None:
        if not self.file.closed:
            try:
                self.sync()
            finally:
                self.file.close()

    @staticmethod
    def read(path: str | os.PathLike) -> list[dict]:
        """The entries, up to the first line that is cut short or not JSON."""
        out = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.endswith("\n"):
                    break
                try:
                    entry = json.loads(line)
                except ValueError:
                    break
                if isinstance(entry, dict):
                    out.append(entry)
        return out
