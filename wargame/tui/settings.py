"""A player's settings kept between games: for now the colour theme.

They live in ``settings.json`` in the user config folder
(``platformdirs.user_config_path("wargame")``), or in ``$WARGAME_CONFIG_DIR``.
A file that cannot be read is ignored, and replaced when a setting next changes:
settings never stop a game.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

ENV_VAR = "WARGAME_CONFIG_DIR"


def settings_path() -> Path:
    folder = os.environ.get(ENV_VAR)
    if folder:
        return Path(folder) / "settings.json"
    from platformdirs import user_config_path

    return user_config_path("wargame") / "settings.json"


def load() -> dict:
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def remember(key: str, value) -> bool:
    """Store one setting; False if it could not be written (the game goes on)."""
    path = settings_path()
    data = load()
    if data.get(key) == value:
        return True
    data[key] = value
    from ..saves.atomic import write_atomic

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, (json.dumps(data, indent=2) + "\n").encode("utf-8"))
    except OSError:
        return False
    return True
