"""Game state, events and the random source as exact JSON data, and back.

:func:`wargame.core.hashing.snapshot` rounds floats to 9 decimals (right for a
hash, wrong for a save: a game restored from rounded numbers could drift away from
the one that was played). Here every float is written with ``repr`` precision, so
``decode_state(encode_state(s))`` gives back the very same numbers, and the
restored game goes on exactly as the original would have.

Encoders and decoders are compiled once per dataclass from its type hints, so a
field the core adds with a default is picked up without touching this module; an
old snapshot that lacks it is restored with the default (and the state hash then
tells whether that changed anything).

:func:`fast_state_hash` computes the same value as ``Game.state_hash()``
(:func:`wargame.core.hashing.state_hash`) several times faster, because saving
records a hash at every round; a test holds the two equal.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import json
import operator
import random
import typing
from enum import Enum
from typing import Any, Callable

from ..core import negotiation, state as state_mod, terms
from ..core.events import Event, Kind
from ..core.game import Game
from ..core.state import GameState


class SnapshotError(ValueError):
    """Snapshot data that does not fit the state's shape."""


@contextlib.contextmanager
def no_gc():
    """Pause the cyclic garbage collector while many objects are built at once (a long
    game's log and state): it would otherwise walk the whole heap several times."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


# ------------------------------------------------------------ compiled codecs
_NAMES: dict[str, Any] = {}
for _mod in (state_mod, negotiation, terms):
    _NAMES.update(vars(_mod))

Conv = Callable[[Any], Any] | None  # None: the value is already what it should be
_CODECS: dict[Any, tuple[Conv, Conv]] = {}


def _codec(tp) -> tuple[Conv, Conv]:
    if tp not in _CODECS:
        _CODECS[tp] = _build(tp)
    return _CODECS[tp]


def _enum_value(x):
    return x.value if isinstance(x, Enum) else x


def _build(tp) -> tuple[Conv, Conv]:
    """(encode, decode) for values of type ``tp``; ``None`` where nothing is to be done.

    Encoded data is dumped at once, so the encoder may share lists with the state;
    decoded data comes fresh from ``json.loads``, so the decoder may keep its lists."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp in (int, float, str, bool):
        return None, None
    if isinstance(tp, type) and issubclass(tp, Enum):
        # a str (or int) enum is written by json as its value: nothing to convert
        members = {m.value: m for m in tp}
        return (None if issubclass(tp, (str, int)) else _enum_value), members.__getitem__
    if dataclasses.is_dataclass(tp):
        return _dataclass_codec(tp)
    if origin in (list, tuple) and (origin is list or (len(args) == 2 and args[1] is ...)):
        enc_i, dec_i = _codec(args[0])
        enc = None if enc_i is None else (lambda x: [enc_i(v) for v in x])
        if origin is tuple:
            dec = tuple if dec_i is None else (lambda x: tuple(map(dec_i, x)))
        else:
            dec = None if dec_i is None else (lambda x: list(map(dec_i, x)))
        return enc, dec
    if origin is tuple:  # a fixed-size tuple, e.g. a pair of state ids
        convs = [_codec(a) for a in args]
        if all(c == (None, None) for c in convs):
            return None, tuple
        return (lambda x: [e(v) if e else v for (e, _), v in zip(convs, x)],
                lambda x: tuple(d(v) if d else v for (_, d), v in zip(convs, x)))
    if origin is dict:
        (enc_k, dec_k), (enc_v, dec_v) = _codec(args[0]), _codec(args[1])
        if args[0] is str:  # a JSON object, in the dict's own order
            return (None if enc_v is None else (lambda x: {k: enc_v(v) for k, v in x.items()}),
                    None if dec_v is None else (lambda x: {k: dec_v(v) for k, v in x.items()}))
        # other keys (pairs of states): a list of [key, value], in the dict's order
        ek = enc_k or (lambda k: k)
        ev = enc_v or (lambda v: v)
        dk = dec_k or (lambda k: k)
        dv = dec_v or (lambda v: v)
        return (lambda x: [[ek(k), ev(v)] for k, v in x.items()],
                lambda x: {dk(k): dv(v) for k, v in x})
    raise TypeError(f"the saves codec cannot handle {tp!r}")  # a new kind of field


def _dataclass_codec(cls) -> tuple[Conv, Conv]:
    hints = typing.get_type_hints(cls, localns=_NAMES)
    fields = [f for f in dataclasses.fields(cls) if f.init]
    names = tuple(f.name for f in fields)
    defaults = {f.name: (f.default, f.default_factory) for f in fields
                if f.default is not dataclasses.MISSING
                or f.default_factory is not dataclasses.MISSING}
    _CODECS[cls] = (None, None)  # recursion guard (no recursive state types today)
    convs = {n: _codec(hints[n]) for n in names}
    encs = [(n, c[0]) for n, c in convs.items() if c[0] is not None]
    decs = [(n, c[1]) for n, c in convs.items() if c[1] is not None]
    get = operator.attrgetter(*names)
    one = len(names) == 1
    nameset = frozenset(names)
    # plain dataclasses are filled directly; ones with __post_init__ go through __init__
    direct = not hasattr(cls, "__post_init__") and not cls.__dataclass_params__.frozen \
        and not hasattr(cls, "__slots__") and len(fields) == len(dataclasses.fields(cls))
    new = object.__new__

    def enc(obj):
        d = dict(zip(names, (get(obj),) if one else get(obj)))
        for n, e in encs:
            d[n] = e(d[n])
        return d

    def dec(data):
        if data.keys() != nameset:
            extra = data.keys() - nameset
            if extra:
                raise SnapshotError(f"{cls.__name__} has no field {sorted(extra)[0]!r}")
            data = dict(data)
            for n in nameset - data.keys():
                if n not in defaults:
                    raise SnapshotError(f"{cls.__name__} lacks {n!r}")
                default, factory = defaults[n]
                data[n] = factory() if default is dataclasses.MISSING else default
        for n, d in decs:
            data[n] = d(data[n])
        if direct:
            obj = new(cls)
            obj.__dict__.update(data)
            return obj
        return cls(**data)
    _CODECS[cls] = (enc, dec)
    return enc, dec


def encode_state(state: GameState) -> dict:
    """The state as JSON data with exact numbers (pairs of states as 2-lists)."""
    return _codec(GameState)[0](state)


def decode_state(data: dict) -> GameState:
    """Rebuild a :class:`GameState` from :func:`encode_state` data.

    Raises :class:`SnapshotError` when the data does not fit the state's shape."""
    try:
        if not isinstance(data, dict):
            raise TypeError("the state is not an object")
        return _codec(GameState)[1](data)
    except (TypeError, KeyError, AttributeError, ValueError) as exc:
        raise SnapshotError(str(exc)) from None


# -------------------------------------------------------------------- events
_KINDS = {k.value: k for k in Kind}


_SEP, _SUB = "\x1f", "\x1e"  # unit and record separators: never in campaign text (YAML)
_TEXT_COLUMNS = ("kind", "text", "actor", "target", "institution", "ref")


def _join(column: list[str]):
    """A column of strings as one string (fast to parse), or a list if it must be."""
    if any(_SEP in x for x in column):
        return column
    return _SEP.join(column)


def _split(column, n: int) -> list[str]:
    if isinstance(column, list):
        out = column
    elif isinstance(column, str):
        out = column.split(_SEP) if n else []
    else:
        raise TypeError("a log column is neither text nor a list")
    if len(out) != n:
        raise ValueError(f"a log column has {len(out)} entries, not {n}")
    return out


def encode_events(events) -> dict:
    """Events in columns (one string per text column, joined by a separator): a long
    log parses several times faster than as one object per event. Values are exact
    (adjudication reads this round's events)."""
    cols: dict[str, Any] = {"n": len(events), "round": [e.round for e in events]}
    for name in _TEXT_COLUMNS:
        cols[name] = _join([getattr(e, name) if name != "kind" else e.kind.value
                            for e in events])
    cols["value"] = [e.value for e in events]
    if any(_SEP in x or _SUB in x for e in events for x in e.visible_to):
        cols["visible_to"] = [list(e.visible_to) for e in events]
    else:
        cols["visible_to"] = _SEP.join(_SUB.join(e.visible_to) for e in events)
    return cols


_EVENT_FIELDS = ("round", "kind", "text", "actor", "target", "institution", "value", "ref",
                 "visible_to")
# Building ~10,000 frozen events through __init__ is the slowest part of loading a long
# game; when Event is a plain frozen dataclass with exactly these fields, its instance
# dict is filled directly (3-4 times faster; a test compares with the constructor's).
_DIRECT = (not hasattr(Event, "__slots__") and not hasattr(Event, "__post_init__")
           and tuple(f.name for f in dataclasses.fields(Event)) == _EVENT_FIELDS)


def decode_events(cols) -> list[Event]:
    """The inverse of :func:`encode_events`; :class:`SnapshotError` on bad data."""
    try:
        n = cols["n"]
        rounds, values = cols["round"], cols["value"]
        if not (isinstance(rounds, list) and isinstance(values, list)
                and len(rounds) == n and len(values) == n):
            raise ValueError("the log's columns do not have the same length")
        kinds = [_KINDS[k] for k in _split(cols["kind"], n)]
        texts, actors, targets, insts, refs = (_split(cols[c], n) for c in
                                               ("text", "actor", "target", "institution",
                                                "ref"))
        vis_col = cols["visible_to"]
        if isinstance(vis_col, list):
            vis = [tuple(v) for v in _split(vis_col, n)]
        else:
            vis = [tuple(v.split(_SUB)) if v else () for v in _split(vis_col, n)]
        out: list[Event] = []
        add, new = out.append, object.__new__
        for row in zip(rounds, kinds, texts, actors, targets, insts, values, refs, vis):
            if _DIRECT:
                e = new(Event)
                e.__dict__.update(zip(_EVENT_FIELDS, row))
            else:  # pragma: no cover - only if the core's Event changes shape
                e = Event(*row)
            add(e)
    except (KeyError, TypeError, ValueError) as exc:
        raise SnapshotError(f"bad event log ({exc})") from None
    return out


# ---------------------------------------------------------------- random source
def encode_rng(rng: random.Random) -> list:
    version, internal, gauss = rng.getstate()
    return [version, list(internal), gauss]


def decode_rng(data) -> random.Random:
    try:
        version, internal, gauss = data
        rng = random.Random()
        rng.setstate((version, tuple(internal), gauss))
    except (TypeError, ValueError) as exc:
        raise SnapshotError(f"bad random state: {exc}") from None
    return rng


# ------------------------------------------------------------------ the game
def restore_game(world, seed: int, state: GameState, rng: random.Random,
                 log: list[Event], inputs: list[dict]) -> Game:
    """A :class:`Game` as it was at a round boundary (or at its end), without replay.

    ``state``/``rng``/``log`` must be those at the start of a round, right after its
    briefing (or at the end of the game), and ``inputs`` those accepted so far
    (:meth:`Game.restore`). A test proves that a restored game plays on exactly as
    the replayed one does.
    """
    return Game.restore(world, seed, state, rng, log, inputs)


# -------------------------------------------------------------- fast hashing
# The same plain data as ``hashing._plain(dataclasses.asdict(state))``, built by
# converters compiled per type (asdict deep-copies everything, field by field).
Plain = Callable[[Any], Any] | None  # None: the value is already plain
_PLAIN: dict[Any, Plain] = {}


def _plain_codec(tp) -> Plain:
    if tp not in _PLAIN:
        _PLAIN[tp] = _plain_build(tp)
    return _PLAIN[tp]


def _plain_any(x):  # the generic form, exactly as the core's _plain does it
    if isinstance(x, float):
        return round(x, 9)
    if isinstance(x, Enum):
        return x.value
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        conv = _plain_codec(type(x))
        return conv(x) if conv else x
    if isinstance(x, dict):
        return {("|".join(k) if isinstance(k, tuple) else str(k)): _plain_any(v)
                for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_plain_any(v) for v in x]
    return x


def _plain_float(x):
    return round(x, 9) if type(x) is float else _plain_any(x)


def _plain_build(tp) -> Plain:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp is str or tp is int or tp is bool:
        return None  # (a str enum in a str field dumps as its value all the same)
    if tp is float:
        return _plain_float
    if isinstance(tp, type) and issubclass(tp, Enum):
        return None if issubclass(tp, (str, int)) else _enum_value  # json writes the value
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp, localns=_NAMES)
        names = tuple(f.name for f in dataclasses.fields(tp))
        convs = [(n, c) for n in names if (c := _plain_codec(hints[n])) is not None]
        get = operator.attrgetter(*names)
        one = len(names) == 1

        def plain(obj):
            d = dict(zip(names, (get(obj),) if one else get(obj)))
            for n, c in convs:
                d[n] = c(d[n])
            return d
        return plain
    if origin in (list, tuple):
        if origin is tuple and not (len(args) == 2 and args[1] is ...):
            if all(_plain_codec(a) is None for a in args):
                return None  # a pair of ids: json writes a tuple as a list
            return lambda x: [_plain_any(v) for v in x]
        item = _plain_codec(args[0])
        return None if item is None else (lambda x: [item(v) for v in x])
    if origin is dict:
        val = _plain_codec(args[1])
        if args[0] is str:
            return None if val is None else (lambda x: {k: val(v) for k, v in x.items()})
        if val is None:
            return lambda x: {"|".join(k): v for k, v in x.items()}
        return lambda x: {"|".join(k): val(v) for k, v in x.items()}
    return _plain_any


def fast_state_hash(state: GameState, rng: random.Random | None = None) -> str:
    """Equal to :func:`wargame.core.hashing.state_hash` (``Game.state_hash()``)."""
    data = _plain_codec(GameState)(state)
    if rng is not None:
        data["rng"] = hashlib.sha256(repr(rng.getstate()).encode()).hexdigest()
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def game_hash(game: Game) -> str:
    return fast_state_hash(game.state, game.rng)


_SHAPE: list[str] = []


def state_shape() -> str:
    """A short fingerprint of the state's dataclasses (every field and its type).

    State hashes are comparable only between engines whose states have the same
    shape: a field added to the core changes every hash. A save records this, and
    a save of another shape is loaded from its snapshot without a hash check."""
    if not _SHAPE:
        seen: list[str] = []

        def walk(tp) -> None:
            for a in (tp, *typing.get_args(tp)):
                if dataclasses.is_dataclass(a) and a.__name__ not in seen:
                    seen.append(a.__name__)
                    hints = typing.get_type_hints(a, localns=_NAMES)
                    for f in dataclasses.fields(a):
                        lines.append(f"{a.__name__}.{f.name}:{hints[f.name]}")
                        walk(hints[f.name])
                elif a is not tp:
                    walk(a)
        lines: list[str] = []
        walk(GameState)
        _SHAPE.append(hashlib.sha256("\n".join(lines).encode()).hexdigest()[:12])
    return _SHAPE[0]
