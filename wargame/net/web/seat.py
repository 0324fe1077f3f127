"""The process behind one browser's page (``wargame host --web``): ``wargame join URL``
that ends when the host that started it ends.

textual-serve starts it for each browser and stops it when the page closes; but if
the host is killed (``kill -9``, a crash) the process would live on, joining again
with its code every few seconds: after ``wargame host --resume`` it would take its
seat back before the student reloads the page, an invisible speaker. So it watches
its parent (the host: the command starts it with ``exec``, no shell in between) and
leaves as soon as that is gone.

    python -m wargame.net.web.seat URL
"""

from __future__ import annotations

import os
import sys
import threading
import time

WATCH_EVERY = 0.5  # seconds between looks at the parent


def _watch(parent: int) -> None:
    while True:
        time.sleep(WATCH_EVERY)
        if os.getppid() != parent:  # orphaned: the host has gone
            os._exit(0)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    threading.Thread(target=_watch, args=(os.getppid(),), daemon=True,
                     name="host-watch").start()
    from ...cli import main as wargame

    return wargame(["join", *args])


if __name__ == "__main__":
    sys.exit(main())
