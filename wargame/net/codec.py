"""What crosses the wire, as JSON data and back: views, events, orders, terms, scores.

The encoders and decoders are made once per dataclass from its type hints (as the
saves codec does for the game state), so a field the core adds to a :class:`View`
is carried without touching this module; ``decode(View, encode(view)) == view``
holds exactly (floats are written with ``repr`` precision by :mod:`json`).

Decoding is strict: data of the wrong shape raises :class:`CodecError` (one line),
never builds a half-filled object. Nothing here runs code named by the data: a
type comes only from the type hints of the classes below.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Mapping as AbcMapping
from enum import Enum
from types import MappingProxyType, NoneType, UnionType
from typing import Any, Callable, Mapping

from ..core import events, legal, model, negotiation, scoring, state, terms, view as view_mod
from ..core.actions import ActionSpec, Order
from ..core.burden import BurdenRow
from ..core.events import Event
from ..core.scoring import Score
from ..core.terms import Term
from ..core.view import View
from ..text.port import PublicCampaign


class CodecError(ValueError):
    """Data that does not have the shape of the type it should be."""


_NAMES: dict[str, Any] = {}
for _mod in (events, legal, model, negotiation, scoring, state, terms, view_mod):
    _NAMES.update(vars(_mod))
_NAMES.update(ActionSpec=ActionSpec, Order=Order, BurdenRow=BurdenRow)

# fields whose hint says less than what they hold
_OVERRIDE: dict[tuple[type, str], Any] = {
    (View, "burden"): Mapping[str, tuple[BurdenRow, ...]],
    (view_mod.Shared, "burden"): Mapping[str, tuple[BurdenRow, ...]],
}

Conv = Callable[[Any], Any]
_CODECS: dict[Any, tuple[Conv, Conv]] = {}


def _same(x):
    return x


def _scalar(tp) -> tuple[Conv, Conv]:
    def dec(x):
        if tp is float and type(x) is int:
            return float(x)
        if type(x) is not tp:
            raise CodecError(f"expected {tp.__name__}, got {type(x).__name__}")
        return x
    return _same, dec


def codec(tp) -> tuple[Conv, Conv]:
    """(encode, decode) for values of type ``tp``."""
    if tp not in _CODECS:
        _CODECS[tp] = _build(tp)
    return _CODECS[tp]


def _build(tp) -> tuple[Conv, Conv]:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp in (int, float, str, bool):
        return _scalar(tp)
    if tp is NoneType or tp is None:
        def dec_none(x):
            if x is not None:
                raise CodecError("expected null")
            return None
        return _same, dec_none
    if isinstance(tp, type) and issubclass(tp, Enum):
        members = {m.value: m for m in tp}

        def dec_enum(x):
            try:
                return members[x]
            except (KeyError, TypeError):
                raise CodecError(f"{x!r} is not a {tp.__name__}") from None
        return (lambda x: x.value), dec_enum
    if dataclasses.is_dataclass(tp):
        return _dataclass(tp)
    if origin in (typing.Union, UnionType):
        convs = [(a, codec(a)) for a in args]
        others = [a for a in args if a is not NoneType]
        if len(args) == 2 and len(others) == 1 and codec(others[0])[0] is _same:
            enc_plain = _same  # X | None, X carried as it is: nothing to convert
        else:
            enc_plain = None

        def enc_union(x):
            if enc_plain is not None:
                return x
            for a, (e, _) in convs:
                if _is(x, a):
                    return e(x)
            raise CodecError(f"{type(x).__name__} is none of {args}")

        def dec_union(x):
            for a, (_, d) in convs:
                try:
                    return d(x)
                except CodecError:
                    continue
            raise CodecError(f"{x!r} fits none of {args}")
        return (_same if enc_plain is not None else enc_union), dec_union
    if origin in (list, tuple) and (origin is list or (len(args) == 2 and args[1] is ...)):
        e_i, d_i = codec(args[0])
        build = list if origin is list else tuple

        def dec_seq(x):
            if not isinstance(x, list):
                raise CodecError("expected a list")
            return build(map(d_i, x))
        return (list if e_i is _same else (lambda x: [e_i(v) for v in x])), dec_seq
    if origin is tuple:
        convs = [codec(a) for a in args]

        def dec_fixed(x):
            if not isinstance(x, list) or len(x) != len(convs):
                raise CodecError(f"expected a list of {len(convs)}")
            return tuple(d(v) for (_, d), v in zip(convs, x))
        return (lambda x: [e(v) for (e, _), v in zip(convs, x)]), dec_fixed
    if origin is frozenset:
        e_i, d_i = codec(args[0])

        def dec_set(x):
            if not isinstance(x, list):
                raise CodecError("expected a list")
            return frozenset(map(d_i, x))
        return (lambda x: sorted(e_i(v) for v in x)), dec_set
    if origin in (dict, AbcMapping):
        (e_k, d_k), (e_v, d_v) = codec(args[0]), codec(args[1])
        wrap = MappingProxyType if origin is AbcMapping else _same

        def dec_map(x):
            if not isinstance(x, list):
                raise CodecError("expected a list of pairs")
            out = {}
            for pair in x:
                if not isinstance(pair, list) or len(pair) != 2:
                    raise CodecError("expected a pair")
                out[d_k(pair[0])] = d_v(pair[1])
            return wrap(out)
        # a list of [key, value] keeps the order and any kind of key
        return (lambda x: [[e_k(k), e_v(v)] for k, v in x.items()]), dec_map
    raise TypeError(f"the network codec cannot carry {tp!r}")


def _is(x, tp) -> bool:
    origin = typing.get_origin(tp) or tp
    if tp is NoneType or tp is None:
        return x is None
    return isinstance(x, origin)


def _dataclass(cls) -> tuple[Conv, Conv]:
    hints = typing.get_type_hints(cls, localns=_NAMES)
    fields = [f for f in dataclasses.fields(cls) if f.init]
    required = {f.name for f in fields if f.default is dataclasses.MISSING
                and f.default_factory is dataclasses.MISSING}
    names = {f.name for f in fields}
    _CODECS[cls] = (None, None)  # recursion guard
    convs = {f.name: codec(_OVERRIDE.get((cls, f.name), hints[f.name])) for f in fields}

    # fields carried as they are (numbers, text, flags) are not run through a codec
    plan = tuple((n, e, e is _same) for n, (e, _) in convs.items())

    def enc(obj):
        return {n: getattr(obj, n) if plain else e(getattr(obj, n)) for n, e, plain in plan}

    def dec(data):
        if not isinstance(data, dict):
            raise CodecError(f"{cls.__name__}: expected an object")
        if not data.keys() <= names:
            raise CodecError(f"{cls.__name__} has no field {sorted(data.keys() - names)[0]!r}")
        if not required <= data.keys():
            raise CodecError(f"{cls.__name__} lacks {sorted(required - data.keys())[0]!r}")
        try:
            return cls(**{n: convs[n][1](v) for n, v in data.items()})
        except CodecError as exc:
            raise CodecError(f"{cls.__name__}: {exc}") from None
        except (TypeError, ValueError) as exc:
            raise CodecError(f"{cls.__name__}: {exc}") from None
    _CODECS[cls] = (enc, dec)
    return enc, dec


def encode(tp, value) -> Any:
    return codec(tp)[0](value)


def decode(tp, data) -> Any:
    """``data`` as a ``tp``; :class:`CodecError` when it does not fit."""
    try:
        return codec(tp)[1](data)
    except RecursionError:
        raise CodecError("data nested too deeply") from None


# the types the protocol carries, by the names messages use
def encode_view(v: View) -> dict:
    return encode(View, v)


def decode_view(data) -> View:
    return decode(View, data)


def encode_campaign(c: PublicCampaign) -> dict:
    return encode(PublicCampaign, c)


def decode_campaign(data) -> PublicCampaign:
    return decode(PublicCampaign, data)


EVENTS = list[Event]
ORDERS = list[Order]
TERMS = list[Term]

__all__ = ["CodecError", "EVENTS", "ORDERS", "Score", "TERMS", "Term", "decode",
           "decode_campaign", "decode_view", "encode", "encode_campaign", "encode_view"]
