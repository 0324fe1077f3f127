"""Where the bundled campaigns are: in a checkout, or installed with the package.

A checkout (or an editable install) has them in ``campaigns/`` beside the
``wargame`` package. A regular install carries them as package data
(``wargame/campaigns/``) or as data files (``<prefix>/share/wargame/campaigns``),
depending on how the wheel was built; all three places are looked at in turn.

On the command line a bundled campaign can be named by its file name, with or
without ``.yaml`` (``wargame play tutorial``): :func:`find_campaign`.
"""

from __future__ import annotations

import difflib
import os
import site
import sys
import sysconfig
from pathlib import Path

DEFAULT_NAME = "baltic-flashpoint.yaml"
_HERE = Path(__file__).resolve().parent


def _candidates() -> list[Path]:
    out = [_HERE.parent.parent / "campaigns", _HERE.parent / "campaigns"]
    for base in (sysconfig.get_path("data"), sys.prefix, sys.base_prefix,
                 getattr(site, "USER_BASE", None)):
        if base:
            out.append(Path(base) / "share" / "wargame" / "campaigns")
    return out


def campaigns_dir() -> Path:
    """The folder holding the bundled campaigns (the checkout's if none is found)."""
    for folder in _candidates():
        if (folder / DEFAULT_NAME).is_file():
            return folder
    return _candidates()[0]


def bundled_campaigns() -> list[Path]:
    """The bundled campaign files, the default first, then by name."""
    folder = campaigns_dir()
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    return sorted(files, key=lambda p: (p.name != DEFAULT_NAME, p.name))


DEFAULT_CAMPAIGN: Path = campaigns_dir() / DEFAULT_NAME
"""The default campaign: the Baltic flashpoint."""


def bundled_names() -> list[str]:
    """The bundled campaigns' names as a player types them (file names without .yaml)."""
    return [p.stem for p in bundled_campaigns()]


def _bare(text: str) -> bool:
    """A name, not a path: no folder part."""
    return bool(text) and not any(sep and sep in text for sep in (os.sep, os.altsep))


def find_campaign(arg: str | os.PathLike) -> Path:
    """What a campaign argument names: a file or folder that exists, as given; else,
    for a bare name, the bundled campaign of that file name, with or without
    ``.yaml`` (``tutorial``, ``baltic-flashpoint.yaml``; case does not matter); else
    the path as given, and the loader then says it is not there (:func:`not_found`)."""
    text = os.fspath(arg)
    path = Path(text).expanduser()
    if path.exists() or not _bare(text):
        return path
    want = text.lower()
    stem = want.removesuffix(".yaml").removesuffix(".yml")
    for p in bundled_campaigns():
        if stem == p.stem.lower():
            return p
    return path


def not_found(arg: str | os.PathLike) -> str:
    """What to say when a campaign file is not there: the bundled names to choose from
    (and the closest one when the argument looks like a misspelling of it)."""
    names = bundled_names()
    if not names:
        return "choose a campaign file (no bundled campaigns are installed)"
    stem = Path(os.fspath(arg)).name.lower().removesuffix(".yaml").removesuffix(".yml")
    close = difflib.get_close_matches(stem, names, n=1, cutoff=0.6)
    mean = f"did you mean '{close[0]}'? Otherwise " if close else ""
    return f"{mean}choose a file, or one of: {', '.join(names)}"
