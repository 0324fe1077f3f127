"""Reports from save files: read the save, build the after-action report, write it.

The report is built from the game as loaded (its final snapshot), so it is instant
even for long games; ``wargame replay`` is the command that re-checks the game.
"""

from __future__ import annotations

import os
from pathlib import Path

from .. import __version__
from . import atomic
from .errors import SaveWriteError, shown
from .load import LoadedSave, load_save
from .render import html_page, markdown
from .report import AfterAction, after_action


def report_of(loaded: LoadedSave) -> AfterAction:
    """The after-action report of a loaded save."""
    players = loaded.meta.get("players") if isinstance(loaded.meta, dict) else None
    campaign = loaded.campaign
    header = loaded.header
    notes = [f"From {loaded.path.name}, saved {header.get('saved_at', '?')} by wargame "
             f"{header.get('wargame_version', '?')}; report by wargame {__version__}. "
             f"Check it with: wargame replay {shown(loaded.path)}"]
    notes += list(loaded.notices)
    return after_action(loaded.game, title=loaded.title,
                        description=getattr(campaign, "description", "") or "",
                        players=players if isinstance(players, dict) else None, notes=notes,
                        campaign=campaign)


def format_for(path: str | os.PathLike | None, fmt: str | None) -> str:
    if fmt:
        return fmt
    suffix = Path(path).suffix.lower() if path else ""
    return "html" if suffix in (".html", ".htm") else "md"


def render(report: AfterAction, fmt: str = "md") -> str:
    return html_page(report) if fmt == "html" else markdown(report)


def report_text(save: str | os.PathLike, fmt: str = "md") -> tuple[str, tuple[str, ...]]:
    """(the report as text, notices about the save)."""
    loaded = load_save(save)
    return render(report_of(loaded), fmt), loaded.notices


def write_report(save: str | os.PathLike, output: str | os.PathLike,
                 fmt: str | None = None, force: bool = False) -> Path:
    """Write the report of ``save`` to ``output`` (atomically); returns the path.

    An earlier report there (a file whose name ends in .md, .markdown, .html or .htm
    and is not a save) is replaced; any other file only with ``force``, and it is then
    kept in ``backups/`` beside it. A named pipe, a device or a folder is refused."""
    out = Path(output)
    special = ("leave out -o to write the report on standard output (or give -o -)")
    atomic.may_write(out, force=force, special_todo=special,
                     replaceable=_earlier_report(out))  # before the save is read
    loaded = load_save(save)
    text = render(report_of(loaded), format_for(output, fmt))
    backup = atomic.may_write(out, force=force, special_todo=special,
                              replaceable=_earlier_report(out))
    try:
        atomic.write_atomic(out, text.encode("utf-8"), backup=backup)
    except OSError as exc:
        raise SaveWriteError(out, f"the report could not be written "
                             f"({exc.strerror or exc})", "choose another file or folder") \
            from None
    return out


def _earlier_report(path: Path) -> bool:
    return path.suffix.lower() in atomic.REPORT_SUFFIXES and \
        atomic.what_is(path) != "a wargame save"
