"""An append-only log of JSON lines, each on disk before the caller goes on.

The host of a networked game (:mod:`wargame.net.host`) writes every input the game
accepts here before it answers, so a crash loses nothing accepted. A last line cut
short by a crash is left out when the log is read (it was never answered).
"""

from __future__ import annotations

import json
import os
from pathlib import Path


class AppendLog:
    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.file = open(self.path, "a", encoding="utf-8")

    def write(self, entry: dict) -> None:
        self.file.write(json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n")
        self.file.flush()
        os.fsync(self.file.fileno())

    def close(self) -> None:
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
