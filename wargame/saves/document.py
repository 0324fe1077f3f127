"""The save file format: reading it safely, checking it, and migrating older versions.

A save is one JSON document (UTF-8). ``format_version`` 2 is described field by
field in ``docs/saves.md``. In short: the *record* of the game (the campaign it was
played on, the seed, the ordered inputs, the state hash at each round start) is
plain JSON a person can read; the *caches* that make loading fast (state
snapshots, the event log) are zlib-compressed JSON in base64 strings, and can
always be rebuilt from the record by replaying it.

Reading never writes: :func:`read_document` takes the file's bytes and returns a
checked, migrated copy in memory, or raises a :class:`SaveError` with one line.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from pathlib import Path
from typing import Any, Callable

from ..files import NotRegularFile, TooBig, read_regular
from .errors import DamagedSave, NewerSave, NotASave, SaveError, SaveMissing

FORMAT = "wargame-save"
FORMAT_VERSION = 2
MAX_BYTES = 32 * 1024 * 1024
"""The biggest save read: the biggest realistic one (193 states, 30 rounds; see
benchmarks/save_sizes.py) is 2.4 MB."""
MAX_PART = 32 * 1024 * 1024
"""The most one cache part (a snapshot, a round of the log) may inflate to (2.3 MB in
that game)."""
MAX_LOG = 128 * 1024 * 1024
"""The most the whole event log may inflate to (5.9 MB in that game)."""
MAX_DIGITS = 100
"""The longest integer read from a save (seeds are far shorter)."""
MAX_META_DEPTH = 16
"""How deeply the interface's own data in ``meta`` may nest."""


class TooLong(ValueError):
    """A number with more digits than :data:`MAX_DIGITS`."""


def _parse_int(text: str) -> int:
    if len(text) > MAX_DIGITS + 1:  # a sign
        raise TooLong(f"a number in it has {len(text.lstrip('-'))} digits; wargame reads "
                      f"at most {MAX_DIGITS}")
    return int(text)


def loads(text: str | bytes) -> Any:
    """``json.loads`` with integers of at most :data:`MAX_DIGITS` digits (:class:`TooLong`)."""
    return json.loads(text, parse_int=_parse_int)


# ------------------------------------------------------------------- blobs
def pack(data: Any, level: int = 6) -> str:
    """JSON data as a zlib-compressed, base64 string (for the caches)."""
    text = json.dumps(data, separators=(",", ":"), allow_nan=False)
    return base64.b64encode(zlib.compress(text.encode("ascii"), level)).decode("ascii")


def unpack(blob: str, limit: int = MAX_PART) -> Any:
    """The inverse of :func:`pack`; ``ValueError`` if the blob is damaged or inflates
    to more than ``limit`` bytes."""
    return unpack_sized(blob, limit)[0]


def unpack_sized(blob: str, limit: int = MAX_PART) -> tuple[Any, int]:
    """(the data, its inflated size in bytes); see :func:`unpack`."""
    try:
        packed = base64.b64decode(blob.encode("ascii"), validate=True)
        inflate = zlib.decompressobj()
        raw = inflate.decompress(packed, limit + 1)
        if len(raw) > limit:
            raise ValueError(f"it inflates to more than {limit // (1024 * 1024)} MB")
        if not inflate.eof:
            raise ValueError("it is cut off")
        return loads(raw.decode("utf-8")), len(raw)
    except RecursionError:
        raise ValueError("damaged cache data (nested too deeply)") from None
    except (binascii.Error, zlib.error, UnicodeError, ValueError, AttributeError) as exc:
        raise ValueError(f"damaged cache data ({exc})") from None


# ---------------------------------------------------------------- reading
def read_bytes(path: Path) -> bytes:
    """The bytes of a save file: a regular file of at most :data:`MAX_BYTES`."""
    try:
        return read_regular(path, MAX_BYTES)
    except NotRegularFile as exc:
        if exc.what == "a folder":
            raise SaveMissing(path, "this is a folder, not a save file",
                              "give the path of a .json save inside it") from None
        raise NotASave(path, f"this is {exc.what}, not a save file", "choose a .json file "
                       "written by wargame") from None
    except TooBig:
        raise NotASave(path, f"this file is too big to be a wargame save (over "
                       f"{MAX_BYTES // (1024 * 1024)} MB)", "choose a .json file written by "
                       "wargame") from None
    except FileNotFoundError:
        raise SaveMissing(path, "there is no such file",
                          "check the name, or run 'wargame saves' to list the saved games") \
            from None
    except PermissionError:
        raise SaveMissing(path, "this file cannot be read (no permission)",
                          "check the file's permissions") from None
    except OSError as exc:
        raise SaveMissing(path, f"this file cannot be read ({exc.strerror or exc})",
                          "check the disk and the path") from None


def parse(path: Path, data: bytes, backups: Callable[[], list[Path]] = list) -> dict:
    """The JSON document in ``data``, recognised as a save and migrated to the current
    format version. ``backups()`` lists the file's backups, named in the message
    when the file is damaged."""
    def damaged(problem: str) -> DamagedSave:
        found = backups()
        if found:
            from .errors import shown

            todo = f"load its newest backup instead: {shown(found[0])}"
        else:
            todo = "it cannot be repaired; load another save (no backup of it was found)"
        return DamagedSave(path, problem, todo)

    if not data.strip():
        raise damaged("the save is empty (it was cut off before anything was written)")
    head = data.lstrip()[:1]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if head not in (b"{", b"["):
            raise NotASave(path, "this is not a wargame save (it is not text)",
                           "choose a .json file written by wargame") from None
        raise damaged("the save is corrupt (it is not valid UTF-8 text)") from None
    if head != b"{":
        if head == b"[":
            raise NotASave(path, "this is not a wargame save (JSON, but a list)",
                           "choose a .json file written by wargame")
        if _looks_like_campaign(text):
            raise NotASave(path, "this is a campaign file, not a save",
                           f"start a game on it with 'wargame play {shown_arg(path)}'")
        raise NotASave(path, "this is not a wargame save (it is not JSON)",
                       "choose a .json file written by wargame")
    try:
        doc = loads(text)
    except RecursionError:
        raise damaged("the save is corrupt (nested too deeply)") from None
    except TooLong as exc:
        raise damaged(f"the save is corrupt ({exc})") from None
    except json.JSONDecodeError as exc:
        if not text.rstrip().endswith("}") or exc.pos >= len(text.rstrip()) - 1:
            raise damaged(f"the save is truncated (it ends at line {exc.lineno}, before "
                          "the end of the game data)") from None
        raise damaged(f"the save is corrupt (bad JSON at line {exc.lineno} column "
                      f"{exc.colno}: {exc.msg})") from None
    if not isinstance(doc, dict):
        raise NotASave(path, "this is not a wargame save (JSON, but not an object)",
                       "choose a .json file written by wargame")
    version = recognise(path, doc)
    if version > FORMAT_VERSION:
        from .. import __version__

        raise NewerSave(path, f"this save was written by a newer wargame "
                        f"({doc.get('wargame_version', 'unknown version')}, save format "
                        f"{version}; this wargame {__version__} reads formats up to "
                        f"{FORMAT_VERSION})", "update wargame to open it; the file was "
                        "not changed")
    try:
        while version < FORMAT_VERSION:
            doc = MIGRATIONS[version](doc, path)
            version = doc["format_version"]
        check(doc)
    except _Bad as exc:
        raise damaged(f"the save is damaged ({exc})") from None
    return doc


def shown_arg(path: Path) -> str:
    from .errors import shown

    text = shown(path)
    return f"'{text}'" if " " in text else text


def _looks_like_campaign(text: str) -> bool:
    return any(line.startswith(("title:", "states:", "nations:", "# yaml-language-server"))
               for line in text.splitlines()[:40])


def recognise(path: Path, doc: dict) -> int:
    """The format version of a save document; :class:`NotASave` if it is none."""
    version = doc.get("format_version")
    marker = doc.get("format")
    if marker != FORMAT and not (version == 1 and "inputs" in doc and "campaign_yaml" in doc):
        if marker is not None:
            raise NotASave(path, f"this is not a wargame save (its 'format' is {marker!r}, not {FORMAT!r})",
                           "choose a .json file written by wargame")
        raise NotASave(path, "this is not a wargame save (no 'format_version' in it)",
                       "choose a .json file written by wargame")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise DamagedSave(path, f"the save is damaged (its format_version {version!r} is "
                          "not a version number)", "it cannot be repaired; load another save")
    return version


# ---------------------------------------------------------------- checking
class _Bad(ValueError):
    pass


def _need(d: dict, key: str, kind, where: str, optional: bool = False):
    if key not in d:
        if optional:
            return None
        raise _Bad(f"{where} has no {key!r}")
    v = d[key]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(v, bool) and bool not in kinds:
        raise _Bad(f"{where}{'.' if where else ''}{key} has the wrong type")
    if not isinstance(v, kinds):
        raise _Bad(f"{key!r} in {where or 'the save'} has the wrong type")
    return v


def check(doc: dict) -> None:
    """Check the shape of a current-version document (types, counts, order)."""
    _need(doc, "format", str, "the save")
    _need(doc, "format_version", int, "the save")
    camp = _need(doc, "campaign", dict, "the save")
    kind = _need(camp, "kind", str, "campaign")
    _need(camp, "title", str, "campaign")
    if kind == "file":
        _need(camp, "data", str, "campaign")
        _need(camp, "sha256", str, "campaign")
        if _need(camp, "encoding", str, "campaign") not in ("utf-8", "base64"):
            raise _Bad("the campaign copy has an unknown encoding")
    elif kind == "builtin":
        _need(camp, "name", str, "campaign")
        _need(camp, "args", dict, "campaign")
    else:
        raise _Bad(f"unknown campaign kind {kind!r}")
    _need(doc, "seed", int, "the save")
    inputs = _need(doc, "inputs", list, "the save")
    for i, entry in enumerate(inputs):
        if not isinstance(entry, dict) or not isinstance(entry.get("verb"), str):
            raise _Bad(f"input {i + 1} is not an order, vote or message")
    status = _need(doc, "status", dict, "the save")
    _need(status, "round", int, "status")
    _need(status, "hash", str, "status")
    if _need(status, "inputs", int, "status") != len(inputs):
        raise _Bad(f"it records {status['inputs']} inputs but holds {len(inputs)}; "
                   "some are missing")
    game = _need(doc, "game", dict, "the save")
    _need(game, "id", str, "game")
    _need(game, "save", int, "game")
    last = -1
    rounds = _need(doc, "rounds", list, "the save")
    for r in rounds:
        if not isinstance(r, dict):
            raise _Bad("a round record is not an object")
        n = _need(r, "round", int, "a round record")
        i = _need(r, "input", int, "a round record")
        _need(r, "hash", str, "a round record")
        if not 0 <= i <= len(inputs) or i < last:
            raise _Bad(f"the record of round {n} points outside the inputs")
        last = i
    for s in _need(doc, "snapshots", list, "the save"):
        if not isinstance(s, dict):
            raise _Bad("a snapshot is not an object")
        for key in ("round", "input", "events"):
            _need(s, key, int, "a snapshot")
        _need(s, "hash", str, "a snapshot")
        _need(s, "zlib", str, "a snapshot")
        if not 0 <= s["input"] <= len(inputs):
            raise _Bad(f"the snapshot of round {s['round']} points outside the inputs")
    for c in _need(doc, "log", list, "the save"):
        if not isinstance(c, dict):
            raise _Bad("a part of the event log is not an object")
        _need(c, "events", int, "a part of the event log")
        _need(c, "zlib", str, "a part of the event log")
    meta = doc.get("meta", {})
    if not isinstance(meta, dict):
        raise _Bad("'meta' has the wrong type")
    doc["meta"] = clean_meta(meta)


_META_TYPES = {"players": dict, "state_names": dict, "seats": list, "interface": str,
               "turns_done": dict, "text_player": str, "text_computer": list}


def clean_meta(meta: Any) -> dict:
    """The interface's data from a save, with what the interfaces read of the right
    type: a known key of the wrong type is dropped, as are the wrong entries inside
    it, and other keys nested deeper than :data:`MAX_META_DEPTH`. Never raises."""
    if not isinstance(meta, dict):
        return {}
    out = {}
    for key, value in meta.items():
        kind = _META_TYPES.get(key)
        if kind is None:
            if _depth(value) <= MAX_META_DEPTH:
                out[key] = value
        elif isinstance(value, kind):
            out[key] = value
    for key in ("players", "state_names"):
        if key in out:
            out[key] = {k: v for k, v in out[key].items() if isinstance(v, str)}
    if "text_computer" in out:
        out["text_computer"] = [n for n in out["text_computer"] if isinstance(n, str)]
    if "seats" in out:
        out["seats"] = [s for s in out["seats"] if isinstance(s, dict)
                        and isinstance(s.get("nation"), str)
                        and isinstance(s.get("player", ""), str)
                        and isinstance(s.get("difficulty", "normal"), str)]
    done = out.get("turns_done")
    if done is not None and not (isinstance(done.get("round"), int)
                                 and isinstance(done.get("phase"), str)
                                 and isinstance(done.get("nations"), list)
                                 and all(isinstance(n, str) for n in done["nations"])):
        del out["turns_done"]
    return out


def _depth(value: Any) -> int:
    """How deeply a JSON value nests (a scalar: 0), without recursion."""
    deepest, todo = 0, [(value, 0)]
    while todo:
        v, d = todo.pop()
        if isinstance(v, (dict, list)):
            d += 1
            if d > deepest:
                deepest = d
                if deepest > MAX_META_DEPTH:
                    return deepest
            todo.extend((x, d) for x in (v.values() if isinstance(v, dict) else v))
    return deepest


# --------------------------------------------------------------- migrations
def _v1_to_v2(doc: dict, path: Path) -> dict:
    """Format 1 (the first saves): flat campaign fields, hashes as a dict keyed by
    round, no snapshots, no stored log, no game identity. Format 2 nests the campaign,
    records where each round starts in the inputs, and adds the caches (empty here:
    the first load replays the game)."""
    for key, kind in (("campaign_yaml", str), ("seed", int), ("inputs", list),
                      ("hashes", dict), ("final_hash", str)):
        if not isinstance(doc.get(key), kind) or isinstance(doc.get(key), bool):
            raise _Bad(f"format 1: {key!r} is missing or has the wrong type")
    inputs = doc["inputs"]
    starts = [0] + [i + 1 for i, e in enumerate(inputs)
                    if isinstance(e, dict) and e.get("verb") == "resolve"]
    rounds = []
    for key, h in sorted(doc["hashes"].items(), key=lambda kv: _int(kv[0])):
        n = _int(key)
        if not isinstance(h, str) or not 1 <= n <= len(starts):
            raise _Bad(f"format 1: the hash of round {key} does not fit the inputs")
        rounds.append({"round": n, "input": starts[n - 1], "hash": h})
    text = doc["campaign_yaml"]
    import hashlib

    sha = doc.get("campaign_sha256") or hashlib.sha256(text.encode("utf-8")).hexdigest()
    campaign = {"kind": "file", "title": str(doc.get("campaign_title", "")),
                "path": str(doc.get("campaign_file", "")), "sha256": sha,
                "encoding": "utf-8", "data": text}
    saved = str(doc.get("saved", ""))
    return {
        "format": FORMAT,
        "format_version": 2,
        "title": campaign["title"],
        "saved_at": saved,
        "wargame_version": str(doc.get("wargame", "unknown")),
        "python_version": "unknown",
        "game": {"id": Path(path).stem, "save": 1, "started_at": saved, "branch_of": None},
        "campaign": campaign,
        "seed": doc["seed"],
        "status": {"round": len(starts) if rounds else 1, "hash": doc["final_hash"],
                   "inputs": len(inputs)},
        "meta": {},
        "rounds": rounds,
        "snapshots": [],
        "log": [],
        "inputs": inputs,
        "migrated_from": 1,
    }


def _int(text) -> int:
    try:
        return int(text)
    except (TypeError, ValueError):
        raise _Bad(f"format 1: {text!r} is not a round number") from None


MIGRATIONS: dict[int, Callable[[dict, Path], dict]] = {1: _v1_to_v2}
"""``MIGRATIONS[n]`` turns a format-``n`` document into format ``n + 1``."""


def encode_campaign_bytes(data: bytes) -> tuple[str, str]:
    """(encoding, text) for a campaign's bytes: readable text when it is UTF-8."""
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError:
        return "base64", base64.b64encode(data).decode("ascii")


def decode_campaign_bytes(camp: dict) -> bytes:
    if camp["encoding"] == "utf-8":
        return camp["data"].encode("utf-8")
    return base64.b64decode(camp["data"].encode("ascii"), validate=True)


__all__ = ["FORMAT", "FORMAT_VERSION", "MIGRATIONS", "SaveError", "check", "pack", "parse",
           "read_bytes", "recognise", "unpack"]
