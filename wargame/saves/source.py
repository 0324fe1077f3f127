"""Where a game's world comes from, as a save records it: a copy of the campaign file's
bytes (so the save loads after the file was edited, moved or deleted), or the name
and arguments of a world built in Python (the demo world, generated worlds)."""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..core.errors import WorldError
from ..core.model import World
from ..core.worlds import demo_world, generated_world
from ..files import read_regular
from .document import decode_campaign_bytes, encode_campaign_bytes
from .errors import CampaignUnreadable, DamagedSave, shown

BUILTINS = {"demo": demo_world, "generated": generated_world}
"""Worlds built in Python that a save can name instead of embedding a campaign."""

_BUILT: dict[tuple[str, str], tuple] = {}  # campaign copies already built, by checksum
_FINGERPRINTS: dict[str, str] = {}  # campaign fingerprints, by checksum


@dataclass(frozen=True)
class WorldSource:
    """What a save says about the world it was played in."""

    kind: str  # "file" or "builtin"
    title: str
    path: str = ""  # the campaign file, absolute, when it was saved
    bundled: str = ""  # its name among the bundled campaigns, if it is one
    data: bytes = b""  # the campaign file's bytes
    name: str = ""  # builtin: a key of BUILTINS
    args: dict[str, Any] = field(default_factory=dict)
    differs: bool = False  # the game's world was not the one this source builds

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def slug(self) -> str:
        """A short name for file names: the campaign file's stem, or the builtin's."""
        if self.kind == "file":
            base = Path(self.path).stem or self.title
        else:
            base = self.name + (f"-{self.args['n']}" if "n" in self.args else "")
        return slug(base)

    def to_doc(self) -> dict:
        if self.kind == "builtin":
            d = {"kind": "builtin", "title": self.title, "name": self.name,
                 "args": dict(self.args)}
        else:
            encoding, text = encode_campaign_bytes(self.data)
            d = {"kind": "file", "title": self.title, "path": self.path,
                 "sha256": self.sha256, "bytes": len(self.data), "encoding": encoding,
                 "data": text}
            if self.bundled:
                d["bundled"] = self.bundled
        if self.differs:
            d["differs_from_game"] = True
        return d

    def checked_against(self, world: World) -> "WorldSource":
        """This source, marked if the world it builds is not ``world`` (a campaign file
        edited between the start of the game and its first save, say)."""
        try:
            built, _ = self.build()
        except Exception:  # an unreadable source is reported when the save is loaded
            built = None
        return self if built == world else replace(self, differs=True)

    @classmethod
    def from_doc(cls, camp: dict, save_path: Path) -> "WorldSource":
        differs = bool(camp.get("differs_from_game", False))
        if camp["kind"] == "builtin":
            return cls("builtin", camp["title"], name=camp["name"], args=dict(camp["args"]),
                       differs=differs)
        try:
            data = decode_campaign_bytes(camp)
        except ValueError:
            data = None
        if data is None or hashlib.sha256(data).hexdigest() != camp["sha256"]:
            raise DamagedSave(save_path, "the copy of the campaign inside the save is "
                              "damaged (its checksum does not match)",
                              "load one of its backups, or another save")
        bundled = str(camp.get("bundled", ""))
        if Path(bundled).name != bundled:  # a bare file name, nothing else
            bundled = ""
        return cls("file", camp["title"], path=str(camp.get("path", "")),
                   bundled=bundled, data=data, differs=differs)

    # ------------------------------------------------------------- worlds
    def build(self, save_path: Path | None = None):
        """(world, campaign or None) from the saved copy; :class:`CampaignUnreadable`
        when this wargame cannot read it any more."""
        where = save_path or Path(self.path or "save")
        if self.kind == "builtin":
            make = BUILTINS.get(self.name)
            if make is None:
                raise CampaignUnreadable(where, f"the save was played on a built-in world "
                                         f"{self.name!r} this wargame does not have",
                                         "open it with the wargame version that saved it")
            try:
                return make(**self.args), None
            except (TypeError, WorldError) as exc:
                raise CampaignUnreadable(where, f"the built-in world {self.name!r} cannot be "
                                         f"built as saved ({exc})",
                                         "open it with the wargame version that saved it") \
                    from None
        from ..campaign import CampaignErrors, load_campaign

        key = (self.sha256, Path(self.path).name)
        if key in _BUILT:  # the same bytes build the same (immutable) world
            return _BUILT[key]
        try:
            campaign = load_campaign(Path(self.path).name or "campaign.yaml", data=self.data)
        except CampaignErrors as exc:
            first = exc.errors[0] if getattr(exc, "errors", None) else exc
            raise CampaignUnreadable(where, f"this wargame can no longer read the campaign "
                                     f"saved in it ({str(first).splitlines()[0]})",
                                     "open it with the wargame version that saved it") \
                from None
        if len(_BUILT) >= 8:
            _BUILT.pop(next(iter(_BUILT)))
        _BUILT[key] = (campaign.world, campaign)
        return campaign.world, campaign

    def fingerprint(self) -> str:
        """A short hash of the world this source builds: of what the campaign file says
        (:func:`wargame.campaign.source.fingerprint`: its values, not its layout), or of
        a built-in world's name and arguments."""
        if self.kind == "builtin":
            text = json.dumps([self.name, self.args], sort_keys=True, default=str)
            return hashlib.sha256(text.encode()).hexdigest()[:16]
        key = self.sha256
        if key not in _FINGERPRINTS:
            from ..campaign.source import fingerprint

            if len(_FINGERPRINTS) >= 8:
                _FINGERPRINTS.pop(next(iter(_FINGERPRINTS)))
            _FINGERPRINTS[key] = fingerprint(self.data)
        return _FINGERPRINTS[key]

    def original(self) -> Path | None:
        """The campaign file this copy was made from, where it should be now."""
        if self.kind != "file":
            return None
        if self.bundled:
            from ..campaign import campaigns_dir

            return campaigns_dir() / self.bundled
        return Path(self.path) if self.path else None

    def notice(self) -> str:
        """'' when the campaign file still matches the copy; else what happened to it."""
        if self.differs:
            return ("the campaign saved with this game is not quite the one it was played "
                    "on (the file changed before the game's first save); the game goes on "
                    "from its saved state")
        orig = self.original()
        if orig is None:
            return ""
        from ..campaign.source import MAX_BYTES

        try:  # only a regular file of a campaign's size: the path is the save's word
            now = read_regular(orig, MAX_BYTES)
        except OSError:
            return (f"the campaign file {shown(orig)} is no longer there; the game goes on "
                    "with the copy saved with it")
        if hashlib.sha256(now).hexdigest() != self.sha256:
            return (f"the campaign file {shown(orig)} has changed since this game was saved; "
                    "the game goes on with the copy saved with it")
        return ""


def builtin(name: str, title: str = "", **args) -> WorldSource:
    """A world built in Python: ``builtin("generated", n=30, rounds=50)``."""
    if name not in BUILTINS:
        raise ValueError(f"no built-in world {name!r} (known: {', '.join(BUILTINS)})")
    if not title:
        title = BUILTINS[name](**args).title
    return WorldSource("builtin", title, name=name, args=dict(args))


def source_of(campaign, world: World | None = None) -> WorldSource:
    """A :class:`WorldSource` from what the caller has: a ``WorldSource``, a loaded
    ``Campaign``, a campaign file path, ``"demo"``, or an object with a ``key`` (the
    TUI's scenario: a path or ``"demo"``). The campaign file is read now: call this
    when the game starts (``record(game, campaign)``), not long after."""
    if isinstance(campaign, WorldSource):
        return campaign
    key = getattr(campaign, "key", None)
    if key is not None and not hasattr(campaign, "path"):
        campaign = key
    if isinstance(campaign, str) and campaign == "demo":
        rounds = world.rounds_limit if world is not None else 12
        return WorldSource("builtin", demo_world(rounds).title, name="demo",
                           args={"rounds": rounds})
    path = getattr(campaign, "path", campaign)
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError("save_game needs the campaign the game is played on: a Campaign, "
                        "a campaign file path, 'demo', or wargame.saves.builtin(...)")
    path = Path(path).resolve()
    from ..campaign.source import MAX_BYTES

    data = read_regular(path, MAX_BYTES)
    title = campaign.title if hasattr(campaign, "world") else _title_of(path, data)
    return WorldSource("file", title, path=str(path), bundled=_bundled_name(path), data=data)


def loaded_source(campaign, data: bytes) -> WorldSource:
    """The source of a campaign already loaded from ``data`` (its file's bytes, read
    once): a save keeps those bytes, and knows they build ``campaign.world``, so the
    file is neither read nor parsed again when the game starts (two parses of a big
    campaign were most of the time from "Start" to the first turn)."""
    path = Path(campaign.path).resolve()
    source = WorldSource("file", campaign.title, path=str(path),
                         bundled=_bundled_name(path), data=data)
    key = (source.sha256, path.name)
    if key not in _BUILT:
        if len(_BUILT) >= 8:
            _BUILT.pop(next(iter(_BUILT)))
        _BUILT[key] = (campaign.world, campaign)
    return source


def _title_of(path: Path, data: bytes) -> str:
    try:
        from ..campaign import CampaignErrors, load_campaign

        return load_campaign(path, data=data).title
    except (ImportError, CampaignErrors):
        return path.stem


def _bundled_name(path: Path) -> str:
    try:
        from ..campaign import campaigns_dir

        folder = campaigns_dir().resolve()
    except ImportError:  # pragma: no cover
        return ""
    return path.name if path.parent == folder else ""


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:40].strip("-") or "game"
