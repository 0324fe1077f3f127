"""Saves: the only place that writes game files. Save, load, replay, branch, report.

A save records a game as the issue asks: JSON with a ``format_version``, the
campaign's identity *and a copy of it*, the seed, the ordered inputs, the state
hash at each round start, snapshots for fast loading, the wargame and Python
versions. Writes are atomic and the last three versions are kept as backups.

>>> from wargame.saves import save_game, load_save            # doctest: +SKIP
>>> path = save_game(game, campaign, folder)                 # autosave: cheap, incremental
>>> loaded = load_save(path)                                 # loaded.game plays on
>>> loaded.notice                                            # '' or a line to show

Interfaces call :func:`save_game` (after each round, and on ctrl+s),
:func:`list_saves` and :func:`load_save` (Load game); the command line uses
:mod:`wargame.saves.commands` (replay, report, branch, saves). See ``docs/saves.md``.
"""

from .document import FORMAT, FORMAT_VERSION
from .errors import (CampaignUnreadable, DamagedSave, NewerSave, NotASave, ReplayMismatch,
                     SaveError, SaveMissing, SaveWriteError)
from .folders import ENV_VAR, SaveInfo, backups_of, default_saves_dir, list_saves
from .journal import record, save_game, take_notice
from .load import LoadedSave, ReplayResult, branch_save, load_save, replay_save
from .source import WorldSource, builtin, source_of

__all__ = [
    "CampaignUnreadable", "DamagedSave", "ENV_VAR", "FORMAT", "FORMAT_VERSION", "LoadedSave",
    "NewerSave", "NotASave", "ReplayMismatch", "ReplayResult", "SaveError", "SaveInfo",
    "SaveMissing", "SaveWriteError", "WorldSource", "backups_of", "branch_save", "builtin",
    "default_saves_dir", "list_saves", "load_save", "record", "replay_save", "save_game",
    "source_of", "take_notice",
]
