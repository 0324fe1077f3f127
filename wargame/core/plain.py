"""Instances of frozen dataclasses made fast, for the objects made many times a round.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``;
:func:`maker` gives a function that makes the same object (equal, same fields,
same type) by filling its ``__dict__`` at once. Only for dataclasses without
``__post_init__``, slots or validation in ``__init__``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, fields
from typing import Any


def maker(cls: type) -> Callable[..., Any]:
    """A function ``make(**given)`` equal to ``cls(**given)``: every field not given
    takes its default (a default factory is called once, so only for immutable
    defaults such as tuples)."""
    assert not hasattr(cls, "__post_init__") and not hasattr(cls, "__slots__"), cls
    defaults: dict[str, Any] = {}
    for f in fields(cls):
        if f.default is not MISSING:
            defaults[f.name] = f.default
        elif f.default_factory is not MISSING:
            defaults[f.name] = f.default_factory()
    new = object.__new__

    def make(**given: Any) -> Any:
        obj = new(cls)
        d = obj.__dict__
        d.update(defaults)
        d.update(given)
        return obj

    make.__doc__ = f"``{cls.__name__}(**given)``, made at once (wargame.core.plain)."
    return make


def positional(cls: type) -> Callable[..., Any]:
    """A function ``make(*values)`` equal to ``cls(*values)`` with every field given,
    in the order of the fields."""
    assert not hasattr(cls, "__post_init__") and not hasattr(cls, "__slots__"), cls
    names = tuple(f.name for f in fields(cls))
    new = object.__new__

    def make(*values: Any) -> Any:
        assert len(values) == len(names)
        obj = new(cls)
        obj.__dict__.update(zip(names, values))
        return obj

    return make
