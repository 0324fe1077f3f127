"""The one message schema of a networked game, checked on both sides.

Every message is one WebSocket text frame holding one JSON object with ``v`` (the
protocol version, :data:`VERSION`) and ``type``; a request from a client carries an
``id`` that the server's ``reply`` repeats. :data:`CLIENT` and :data:`SERVER` list
each type's fields and their JSON types; :func:`check` refuses anything else (an
unknown type, a missing or extra field, a field of the wrong type) with one line.
Frames are size-limited by the transport: :data:`MAX_CLIENT_FRAME` bytes from a
client, :data:`MAX_SERVER_FRAME` from the server. docs/network.md describes it all.
"""

from __future__ import annotations

import json
from typing import Any

VERSION = 3  # 2: the public campaign carries the ladder and trade ties; 3: view patches
MAX_CLIENT_FRAME = 64 * 1024  # a client's message: orders, a proposal, a 2,000-character letter
MAX_SERVER_FRAME = 4 * 1024 * 1024  # a view or the campaign (tens of kB in practice)
MAX_TEXT = 2000  # characters of a message or a player's name
PATH = "/ws"  # where the WebSocket is served
DEFAULT_PORT = 8765

_REQUEST = {"id": int}

# client -> server: the type, its fields (besides v, type and id) and their JSON types
CLIENT: dict[str, dict[str, Any]] = {
    "hello": {"code": str, "name": str},
    "get": {"what": str, "since": int},  # view, news, orders, score, status, last_due_in
    "check": {"order": dict},
    "consequences": {"order": dict},
    "orders": {"orders": list},
    "vote": {"draft": str, "vote": str},
    "message": {"to": list, "text": str},
    "propose": {"to": list, "terms": list, "institution": str, "due_in": int},
    "answer": {"proposal": str, "reply": str},
    "counter": {"proposal": str, "terms": list, "due_in": int},
    "term_problem": {"term": dict, "due_in": int, "already": list},
    "cannot_pass": {"institution": str, "measure": str, "target": str},
    "end_turn": {},
}
GETS = ("view", "news", "orders", "score", "status", "last_due_in")

# server -> client
SERVER: dict[str, dict[str, Any]] = {
    "welcome": {"nation": str, "campaign": dict, "role": str, "status": dict},
    # status: the connection's status after the request (a request from a seat);
    # changed: the request changed the game, so the seat's view may have changed
    "reply": {"id": int, "error": str, "data": object, "status": dict, "changed": bool},
    "view": {"view": dict},
    "patch": {"view": dict},  # the fields of the view that differ from the last pushed
    "status": {"status": dict},
    "changed": {"version": int},
    "refused": {"reason": str},
    "bye": {"reason": str},
}

# fields a message may leave out
OPTIONAL: dict[str, set[str]] = {"get": {"since"}, "reply": {"status", "changed"}}

# the status object, in welcome, status and reply messages
STATUS: dict[str, Any] = {
    "round": int, "phase": str, "stage": str, "over": bool, "started": bool,
    "paused": bool, "deadline": (int, float, type(None)), "ended": list, "humans": list,
    "players": dict,
    "role": str,
    "turn_over": bool, "version": int, "note": str,
}


class SchemaError(ValueError):
    """A message that does not follow the schema (the text says how, in one line)."""


def _fits(value, kind) -> bool:
    if kind is object:
        return True
    if kind is int or kind == (int,):
        return type(value) is int
    if isinstance(kind, tuple):
        return any(_fits(value, k) for k in kind)
    if kind is float:
        return type(value) in (int, float)
    return type(value) is kind


def check(msg: Any, side: str) -> dict:
    """``msg`` (parsed JSON) if it is a valid message from ``side`` ("client" or
    "server"); :class:`SchemaError` otherwise."""
    if not isinstance(msg, dict):
        raise SchemaError("a message must be a JSON object")
    if msg.get("v") != VERSION:
        raise SchemaError(f"protocol version {msg.get('v')!r} is not {VERSION} "
                          "(client and host must be the same wargame version)")
    kind = msg.get("type")
    table = CLIENT if side == "client" else SERVER
    if not isinstance(kind, str) or kind not in table:
        raise SchemaError(f"unknown message type {str(kind)[:40]!r}")
    fields = dict(table[kind])
    if side == "client":
        fields.update(_REQUEST)
    given = set(msg) - {"v", "type"}
    missing = [f for f in fields if f not in given and f not in OPTIONAL.get(kind, ())]
    if missing:
        raise SchemaError(f"{kind}: the field {missing[0]!r} is missing")
    extra = sorted(given - set(fields))
    if extra:
        raise SchemaError(f"{kind}: unknown field {extra[0][:40]!r}")
    for f, t in fields.items():
        if f in msg and not _fits(msg[f], t):
            raise SchemaError(f"{kind}: the field {f!r} has the wrong type")
    if kind == "get" and msg["what"] not in GETS:
        raise SchemaError(f"get: nothing called {msg['what'][:40]!r}")
    for f in ("text", "name", "code"):
        if f in msg and len(msg[f]) > MAX_TEXT:
            raise SchemaError(f"{kind}: {f} is longer than {MAX_TEXT} characters")
    if "status" in msg and kind in ("welcome", "status", "reply"):
        status = msg["status"]
        for f, t in STATUS.items():
            if f not in status or not _fits(status[f], t):
                raise SchemaError(f"status: the field {f!r} is missing or of the wrong type")
        if not all(type(n) is str for n in (*status["ended"], *status["humans"])) or \
                not all(type(k) is str and type(v) is str
                        for k, v in status["players"].items()):
            raise SchemaError("status: the states and players must be names")
    return msg


def _unencodable(value) -> bool:
    """Whether ``value`` holds a string that is not Unicode text (a lone surrogate,
    which JSON can spell ``"\\ud800"`` but no UTF-8 text holds)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_unencodable(k) or _unencodable(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_unencodable(v) for v in value)
    return False


def parse(text: str | bytes, side: str) -> dict:
    """A frame's text as a checked message (:class:`SchemaError` if it is not one)."""
    if not isinstance(text, str):
        raise SchemaError("a message must be a text frame")
    try:
        msg = json.loads(text)
    except (ValueError, RecursionError):
        raise SchemaError("a message must be JSON") from None
    if "\\u" in text and _unencodable(msg):  # only an escape can spell a lone surrogate
        raise SchemaError("a message must be Unicode text (it holds a lone surrogate)")
    return check(msg, side)


def make(kind: str, **fields) -> dict:
    return {"v": VERSION, "type": kind, **fields}


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dump(msg) -> str:
    """JSON text as the protocol writes it (compact, UTF-8 characters as they are)."""
    return _ENCODER.encode(msg)
