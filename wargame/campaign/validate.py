"""``wargame validate FILE...``: check campaign files and summarise each one.

Prints a one-line summary per good file (with its warnings under it) or every
error of a bad one. Exit code 0 when every file loads (warnings included), 2 when
any file has errors. Never a traceback, whatever the files hold.
"""

from __future__ import annotations

from typing import TextIO

from .errors import CampaignErrors
from .load import load_campaign


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def check_one(path: str, out: TextIO) -> bool:
    """Validate one file, print the outcome; True if it has no errors."""
    try:
        c = load_campaign(path)
    except CampaignErrors as exc:
        for e in exc.errors:
            print(e, file=out)
        print(f"{exc.errors[0].file if exc.errors else path}: "
              f"{_plural(len(exc.errors), 'error')}, not loaded", file=out)
        return False
    s = c.summary()
    version = f" (version {c.version})" if c.version else ""
    print(f"{path}: OK: {c.title}{version}: " + ", ".join(
        _plural(n, k[:-1] if k.endswith("s") else k) for k, n in s.items())
        + f"; {c.rounds} rounds, seed {c.seed}"
        + (f"; {_plural(len(c.warnings), 'warning')}" if c.warnings else ""), file=out)
    for w in c.warnings:
        print(w, file=out)
    return True


def run(files: list[str], out: TextIO) -> int:
    """Check every file; 0 if all load (warnings allowed), 2 if any has errors."""
    good = True
    for path in files:
        good = check_one(path, out) and good
    return 0 if good else 2
