"""Where the bundled campaigns are: in a checkout, or installed with the package.

A checkout (or an editable install) has them in ``campaigns/`` beside the
``wargame`` package. A regular install carries them as package data
(``wargame/campaigns/``) or as data files (``<prefix>/share/wargame/campaigns``),
depending on how the wheel was built; all three places are looked at in turn.
"""

from __future__ import annotations

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
