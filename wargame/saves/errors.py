"""What can go wrong with a save, each as one line naming the file and what to do.

Every error here is raised *before* anything is written: loading never changes
the file it reads (a test hashes the bytes before and after each case).
"""

from __future__ import annotations

import os

from ..campaign.errors import shown  # noqa: F401  (one way of printing paths)


def one_line(text: str) -> str:
    return " ".join(str(text).split())


class SaveError(Exception):
    """A save that cannot be used as it is: ``str(error)`` is the line to show."""

    def __init__(self, path: str | os.PathLike, problem: str, todo: str = ""):
        self.path = os.fspath(path)
        self.problem = one_line(problem)
        self.todo = one_line(todo)
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{shown(self.path)}: {self.problem}"
        return f"{text}; {self.todo}" if self.todo else text


class SaveMissing(SaveError):
    """The file is not there, or cannot be read at all."""


class DamagedSave(SaveError):
    """Truncated or corrupt: not valid JSON, or a save with parts missing or wrong."""


class NotASave(SaveError):
    """A file that is not a wargame save (a campaign, some other JSON, ...)."""


class NewerSave(SaveError):
    """Written by a newer wargame, in a format this one does not know. Never touched."""


class CampaignUnreadable(SaveError):
    """The campaign saved inside the file can no longer be read by this wargame."""


class ReplayMismatch(SaveError):
    """Replaying the orders does not give the recorded game.

    ``good_round`` is the last round whose state is known good (a snapshot, or a
    replayed round, whose hash matches the record): the game can go on from there
    as a branch (``load_save(path, round=good_round)``)."""

    def __init__(self, path, problem: str, todo: str = "", good_round: int = 1,
                 bad_round: int = 0):
        self.good_round = good_round
        self.bad_round = bad_round
        super().__init__(path, problem, todo)


class SaveWriteError(SaveError):
    """The save could not be written (disk full, no permission, ...)."""
