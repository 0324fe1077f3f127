"""A government's view as wire text, built from pieces that views share, and sent as
the difference from what a connection already holds.

The views the game gives the governments at one moment share their public parts as
the same objects (the states, the burden table, the news, the institutions' rules):
:class:`ViewTexts` writes each such object's JSON once and splices the pieces into
every view that holds it, so 28 views cost little more than one. The pieces are kept
only while the game's inputs stay the same (a view is the game's inputs seen by one
government; nothing changes under it between two inputs), so an object changed in
place can never bring back an old text.

A connection that already holds a view gets a ``patch``: only the top-level fields
whose text differs from the last view or patch it was sent. The text is exactly what
:func:`wargame.net.schema.dump` writes for the whole message
(``tests/net/test_view_text.py`` holds both to it).
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable

from ..core.view import View
from . import codec, schema

Fields = dict[str, str]  # field name -> its JSON text


class _Writer:
    """Writes values of one type as JSON text, the pieces they share once: a dataclass
    field by field and a tuple element by element (what views share is an action, an
    institution's rules, a state's row), anything else whole through the codec."""

    def __init__(self, tp):
        self.enc = codec.codec(tp)[0]
        self.parts: tuple[tuple[str, _Writer], ...] | None = None
        # a dataclass written in pieces: (name, writer) for a field holding objects,
        # (None, ((name, encoder), ...)) for a run of other fields, written together
        self.runs: tuple | None = None
        self.item: _Writer | None = None
        self.object = dataclasses.is_dataclass(tp)  # an object (not a name, a number...)
        args = typing.get_args(tp)
        # a tuple of names (an option's targets): equal tuples have the same text, so
        # it is written once per value, however many options or views hold it
        self.names = typing.get_origin(tp) is tuple and args == (str, ...)
        if self.object:
            self.parts = ()  # decided by _writer (a dataclass may hold its own type)
        elif (typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is ...
              and dataclasses.is_dataclass(args[0])):  # a tuple of objects, not of names
            self.item = _writer(args[0])


_WRITERS: dict[object, _Writer] = {}


def _writer(tp) -> _Writer:
    w = _WRITERS.get(tp)
    if w is None:
        w = _WRITERS[tp] = _Writer(tp)
        if w.parts is not None:  # the fields the codec writes, in its order
            hints = typing.get_type_hints(tp, localns=codec._NAMES)
            parts = tuple((f.name, _writer(codec._OVERRIDE.get((tp, f.name),
                                                                hints[f.name])))
                          for f in dataclasses.fields(tp) if f.init)
            w.parts = None
            if tp is View:  # each field apart: a patch holds the fields that changed
                w.parts = parts
            elif any(p.object or p.item is not None for _, p in parts):
                # the fields holding objects or lists of names (what is shared) apart,
                # the rest together; a row of numbers and names is written faster whole
                runs: list = []
                for name, p in parts:
                    if p.object or p.item is not None or p.names:
                        runs.append((name, p))
                    elif runs and runs[-1][0] is None:
                        runs[-1][1].append((name, p.enc))
                    else:
                        runs.append((None, [(name, p.enc)]))
                w.runs = tuple((n, p if n is not None else tuple(p)) for n, p in runs)
    return w


class ViewTexts:
    """The JSON text of each field of each government's view, for one game position
    (``key``: the number of inputs the game has accepted)."""

    def __init__(self):
        self.key: object = None
        # (id, writer) -> (the object, its text): an object is written once per type
        self._memo: dict[tuple[int, _Writer], tuple[object, str]] = {}
        self._views: dict[str, Fields] = {}
        self._names: dict[tuple, str] = {}  # a tuple of names -> its text

    def fields(self, key, nation: str, view: Callable[[], View]) -> Fields:
        """The field texts of ``nation``'s view at ``key`` (``view()`` gives the view
        when it is not written yet)."""
        if key != self.key:
            self.key = key
            self._memo.clear()
            self._views.clear()
            self._names.clear()
        hit = self._views.get(nation)
        if hit is None:
            v = view()
            hit = self._views[nation] = {name: self._text(getattr(v, name), w)
                                         for name, w in _writer(View).parts}
        return hit

    def _text(self, value, w: _Writer) -> str:
        if w.names:
            text = self._names.get(value)
            if text is None:
                text = self._names[value] = schema.dump(list(value))
            return text
        memo, key = self._memo, (id(value), w)
        got = memo.get(key)
        if got is not None:
            return got[1]
        if w.item is not None:
            text = "[" + ",".join([self._text(x, w.item) for x in value]) + "]"
        elif w.runs is not None:
            pieces = []
            for name, part in w.runs:
                if name is not None:
                    pieces.append(f'"{name}":{self._text(getattr(value, name), part)}')
                else:  # a run of fields of names and numbers: one object, its braces off
                    pieces.append(schema.dump({n: e(getattr(value, n)) for n, e in part})[1:-1])
            text = "{" + ",".join(pieces) + "}"
        else:
            text = schema.dump(w.enc(value))
        memo[key] = (value, text)  # held, so that its id is not reused meanwhile
        return text


def body(fields: Fields) -> str:
    """The JSON object of these fields."""
    return "{" + ",".join(f'"{name}":{text}' for name, text in fields.items()) + "}"


def message(kind: str, fields: Fields) -> str:
    """A ``view`` (every field) or ``patch`` (some fields) message's text."""
    return f'{{"v":{schema.VERSION},"type":"{kind}","view":{body(fields)}}}'


def difference(now: Fields, before: Fields) -> Fields:
    """The fields of ``now`` whose text is not the one in ``before``."""
    return {n: t for n, t in now.items() if before.get(n) != t}
