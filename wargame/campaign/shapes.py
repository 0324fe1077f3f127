"""Shapes of values in a campaign file: each reads YAML nodes and writes JSON Schema.

The format (:mod:`.fmt`) is a tree of these shapes. The same tree checks a file
(``read``) and produces the JSON Schema that editors use (``schema``), so the two
cannot drift apart. Reading never raises: a wrong value is reported through the
:class:`Reader` with its position and comes back as :data:`BAD`.

Scalars are read from their source text, never through YAML's implicit typing, so
``no`` (Norway) stays the word ``no`` wherever a word is expected; a true/false
field accepts only ``true`` and ``false``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import CampaignError, did_you_mean
from .source import REFUSED, kind_of

BAD: Any = type("Bad", (), {"__repr__": lambda self: "BAD", "__bool__": lambda self: False})()
Path = tuple  # of str | int: where a value sits, e.g. ("states", "usa", "trade", "china")
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")  # fullmatch: '$' alone lets a final newline by
ID_PATTERN = ID_RE.pattern
_NUMERIC = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


class Reader:
    """Collects errors and warnings, and remembers where every value was read."""

    def __init__(self, file: str):
        self.file = file
        self.errors: list[CampaignError] = []
        self.warnings: list[CampaignError] = []
        self.marks: dict[Path, tuple[int, int]] = {}  # value positions
        self.keys: dict[Path, tuple[int, int]] = {}  # positions of the keys naming them

    def _add(self, out: list, where: tuple[int, int], message: str, hint: str, warn: bool,
             name: str = ""):
        out.append(CampaignError(self.file, where[0], where[1], message, hint, warn, name))

    def error(self, where: tuple[int, int], message: str, hint: str = "") -> None:
        self._add(self.errors, where, message, hint, False)

    def warn(self, where: tuple[int, int], message: str, hint: str = "",
             name: str = "") -> None:
        """A warning; ``name`` is how a campaign silences it (``quiet: [name]``)."""
        self._add(self.warnings, where, message, hint, True, name)

    def at(self, path: Path, key: bool = False) -> tuple[int, int]:
        """Where ``path`` was read (its key if ``key``), or its nearest known parent."""
        table = self.keys if key else self.marks
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if key and p in self.marks:
                return self.marks[p]
            p = p[:-1]
        return self.marks.get((), (1, 1))


def mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _name(path: Path) -> str:
    """The key a value sits under, for messages: 'military', or item 3 of 'members'."""
    if not path:
        return "the file"
    last = path[-1]
    if isinstance(last, str):
        return f"'{last}'"
    parent = next((p for p in reversed(path) if isinstance(p, str)), "the list")
    return f"item {last + 1} of '{parent}'"


class Shape:
    doc: str = ""

    def read(self, r: Reader, node: Node, path: Path) -> Any:
        r.marks[path] = mark(node)
        if node.tag == REFUSED:  # already reported (an alias or a custom tag)
            return BAD
        return self._read(r, node, path)

    def _read(self, r: Reader, node: Node, path: Path) -> Any:  # pragma: no cover
        raise NotImplementedError

    def schema(self) -> dict:  # pragma: no cover
        raise NotImplementedError

    def words(self) -> str:
        return "a value"


def _scalar(r: Reader, node: Node, path: Path, shape: Shape) -> str | None:
    if not isinstance(node, ScalarNode):
        r.error(mark(node), f"{_name(path)} must be {shape.words()}, not {kind_of(node)}")
        return None
    if node.tag.endswith(":null") and node.style is None:
        r.error(mark(node), f"{_name(path)} has no value",
                f"write {shape.words()} after the colon, or delete the line")
        return None
    return node.value


@dataclass(frozen=True)
class Text(Shape):
    """Any text; numbers and dates are kept exactly as written."""

    doc: str = ""

    def _read(self, r, node, path):
        value = _scalar(r, node, path, self)
        return BAD if value is None else value

    def words(self):
        return "text"

    def schema(self):
        return {"type": ["string", "number", "boolean"]}


@dataclass(frozen=True)
class Id(Shape):
    """A word naming something: lowercase letters, digits and _, starting with a letter."""

    of: str = ""  # what it names, for messages and docs: state, institution, ...

    def _read(self, r, node, path):
        value = _scalar(r, node, path, self)
        if value is None:
            return BAD
        if not ID_RE.fullmatch(value):
            fixed = re.sub(r"[^a-z0-9_]+", "_", value.strip().lower()).strip("_")
            hint = "use lowercase letters, digits and _, starting with a letter"
            if fixed and ID_RE.fullmatch(fixed):
                hint += f", e.g. '{fixed}'"
            said = value if value.isprintable() else value.encode("unicode_escape").decode()
            r.error(mark(node), f"'{said}' is not a valid {self.of or 'id'}", hint)
            return BAD
        return value

    def words(self):
        return f"{'an' if self.of[:1] in 'aeiou' else 'a'} {self.of} id" if self.of else "an id"

    def schema(self):
        return {"type": "string", "pattern": ID_PATTERN}


@dataclass(frozen=True)
class Enum(Shape):
    values: tuple[str, ...] = ()

    def _read(self, r, node, path):
        value = _scalar(r, node, path, self)
        if value is None:
            return BAD
        if value not in self.values:
            r.error(mark(node), f"{_name(path)} cannot be '{value}'",
                    did_you_mean(value, self.values))
            return BAD
        return value

    def words(self):
        return "one of " + ", ".join(self.values)

    def schema(self):
        return {"type": "string", "enum": list(self.values)}


@dataclass(frozen=True)
class Num(Shape):
    lo: float | None = None
    hi: float | None = None
    integer: bool = False
    above: bool = False  # lo itself is not allowed

    def _read(self, r, node, path):
        text = _scalar(r, node, path, self)
        if text is None:
            return BAD
        plain = node.tag in _NUMERIC or node.style is None
        value = _number(text) if plain else None
        if value is None or (self.integer and value != int(value)):
            hint = ""
            if text.strip().endswith("%") and _number(text.strip()[:-1]) is not None:
                hint = f"write {text.strip()[:-1]} without the % sign"
            elif node.style is not None and _number(text) is not None and (
                    not self.integer or float(_number(text)).is_integer()):
                hint = "remove the quotes"
            elif text.strip().endswith(",") and _number(text.strip()[:-1]) is not None:
                hint = (f"remove the comma after {text.strip()[:-1]}: a key on its own line "
                        "ends without one (commas separate items only inside { } and [ ])")
            r.error(mark(node), f"{_name(path)} must be {self.words()}, not {kind_of(node)}",
                    hint)
            return BAD
        if self.integer:
            value = int(value)
        if (self.lo is not None and (value < self.lo or (self.above and value == self.lo))) or (
            self.hi is not None and value > self.hi
        ):
            r.error(mark(node), f"{_name(path)} is {text}, but must be {self._range()}")
            return BAD
        return value

    def _range(self) -> str:
        lo, hi = _fmt(self.lo), _fmt(self.hi)
        if self.lo is not None and self.hi is not None:
            return f"above {lo} and at most {hi}" if self.above else f"from {lo} to {hi}"
        if self.lo is not None:
            return f"{'above' if self.above else 'at least'} {lo}"
        return f"at most {hi}"

    def words(self):
        what = "a whole number" if self.integer else "a number"
        return what if self.lo is None and self.hi is None else f"{what} ({self._range()})"

    def schema(self):
        out: dict = {"type": "integer" if self.integer else "number"}
        if self.lo is not None:
            out["exclusiveMinimum" if self.above else "minimum"] = self.lo
        if self.hi is not None:
            out["maximum"] = self.hi
        return out


def _fmt(x: float | None) -> str:
    return "" if x is None else str(int(x)) if x == int(x) else f"{x:g}"


def _number(text: str) -> float | None:
    t = text.strip().replace("_", "").lower()
    try:
        value = float(int(t, 0)) if re.fullmatch(r"[-+]?(0x[0-9a-f]+|0o[0-7]+|\d+)", t) \
            else float(t)
    except (ValueError, OverflowError):
        return None
    return value if math.isfinite(value) else None


@dataclass(frozen=True)
class Bool(Shape):
    def _read(self, r, node, path):
        text = _scalar(r, node, path, self)
        if text is None:
            return BAD
        if node.tag.endswith(":bool") and text.lower() in ("true", "false"):
            return text.lower() == "true"
        hint = "write true or false"
        if text.lower() in ("yes", "no", "on", "off", "y", "n"):
            hint += f" ('{text}' means different things to different YAML readers)"
        r.error(mark(node), f"{_name(path)} must be true or false, not {kind_of(node)}", hint)
        return BAD

    def words(self):
        return "true or false"

    def schema(self):
        return {"type": "boolean"}


@dataclass(frozen=True)
class List(Shape):
    item: Shape = field(default_factory=Text)
    min: int = 0

    def _read(self, r, node, path):
        if not isinstance(node, SequenceNode):
            if isinstance(node, ScalarNode) and not node.tag.endswith(":null"):
                hint = f"write a list: [{node.value}] or one '- {node.value}' per line"
            else:
                hint = "write a list: [a, b] or one '- item' per line"
            r.error(mark(node), f"{_name(path)} must be a list, not {kind_of(node)}", hint)
            return BAD
        if len(node.value) < self.min:
            r.error(mark(node), f"{_name(path)} needs at least {self.min} "
                    f"item{'s' if self.min > 1 else ''}")
        out = [self.item.read(r, child, path + (i,)) for i, child in enumerate(node.value)]
        return out

    def words(self):
        return "a list"

    def schema(self):
        out = {"type": "array", "items": self.item.schema()}
        if self.min:
            out["minItems"] = self.min
        return out


def _mapping(r: Reader, node: Node, path: Path, shape: Shape) -> list | None:
    if isinstance(node, MappingNode):
        return node.value
    hint = ""
    if isinstance(node, ScalarNode) and node.tag.endswith(":null"):
        hint = "indent the entries under this key"
    elif not path:
        hint = "a campaign file is a mapping of keys: format:, title:, states:, ..."
    r.error(mark(node), f"{_name(path)} must be {shape.words()}, not {kind_of(node)}", hint)
    return None


def _key(r: Reader, key: Node) -> str | None:
    if isinstance(key, ScalarNode) and key.tag != REFUSED:
        return key.value
    if key.tag != REFUSED:
        r.error(mark(key), f"a key must be a word, not {kind_of(key)}")
    return None


@dataclass(frozen=True)
class IdMap(Shape):
    """A mapping from ids (of states, institutions, ...) to values of one shape."""

    value: Shape = field(default_factory=Text)
    of: str = ""
    min: int = 0

    def _read(self, r, node, path):
        pairs = _mapping(r, node, path, self)
        if pairs is None:
            return BAD
        if len(pairs) < self.min:
            r.error(mark(node), f"{_name(path)} needs at least {self.min} entries")
        ids = Id(of=self.of)
        out = {}
        for k, v in pairs:
            if _key(r, k) is None:
                continue
            ident = ids.read(r, k, path + ("<key>",))
            if ident is BAD:
                continue
            r.keys[path + (ident,)] = mark(k)
            out[ident] = self.value.read(r, v, path + (ident,))
        return out

    def words(self):
        return f"a mapping of {self.of} ids" if self.of else "a mapping"

    def schema(self):
        return {"type": "object", "propertyNames": {"pattern": ID_PATTERN},
                "additionalProperties": self.value.schema(),
                **({"minProperties": self.min} if self.min else {})}


@dataclass(frozen=True)
class Field:
    shape: Shape
    doc: str
    required: bool = False


@dataclass(frozen=True)
class Obj(Shape):
    """A mapping with fixed keys, each with its own shape."""

    fields: dict = field(default_factory=dict)  # key -> Field
    title: str = ""  # what it is, for messages: 'a state', 'an inject'
    extra: dict = field(default_factory=dict)  # more JSON Schema (rules checked elsewhere)
    misplaced: dict = field(default_factory=dict)  # key that belongs elsewhere -> the hint

    def _read(self, r, node, path):
        pairs = _mapping(r, node, path, self)
        if pairs is None:
            return BAD
        out = {}
        meant: set[str] = set()  # keys an unknown key was probably meant to be
        refused = False  # a merge key or alias was refused: keys may be missing for it
        for k, v in pairs:
            key = _key(r, k)
            if key is None:
                refused = refused or k.tag == REFUSED
                continue
            spec = self.fields.get(key)
            if spec is None and key in self.misplaced:
                r.error(mark(k), f"'{key}' does not go directly in {self.title}",
                        self.misplaced[key])
                continue
            if spec is None:
                hint = did_you_mean(key, self.fields, "the keys allowed here are")
                if not ID_RE.fullmatch(key):
                    hint = "a colon and a space inside a text start a new key: put the " \
                           "whole text in quotes"
                elif hint.startswith("did you mean"):
                    meant.add(hint.split("'")[1])
                r.error(mark(k), f"unknown key '{key}' in {self.title or 'this mapping'}", hint)
                continue
            r.keys[path + (key,)] = mark(k)
            out[key] = spec.shape.read(r, v, path + (key,))
        for key, spec in self.fields.items():
            if spec.required and key not in out and key not in meant and not refused:
                doc = spec.doc.split(".")[0]
                if doc[1:2].islower():  # "The state's name" -> "the state's name"; not GDP
                    doc = doc[:1].lower() + doc[1:]
                r.error(r.at(path, key=True) if path in r.keys else mark(node),
                        f"{self.title or 'this mapping'} has no '{key}'",
                        f"add '{key}:' ({doc})")
        return out

    def words(self):
        return "a mapping"

    def schema(self):
        props = {}
        for key, spec in self.fields.items():
            props[key] = {"description": spec.doc, **spec.shape.schema()}
        out = {"type": "object", "properties": props, "additionalProperties": False}
        required = [k for k, s in self.fields.items() if s.required]
        if required:
            out["required"] = required
        return {**out, **self.extra}


@dataclass(frozen=True)
class Either(Shape):
    """A word (or text) for the simple case, or a mapping (or a list) for the full form."""

    simple: Shape = field(default_factory=Text)
    full: Obj | List = field(default_factory=Obj)

    def _read(self, r, node, path):
        if isinstance(node, SequenceNode if isinstance(self.full, List) else MappingNode):
            return self.full.read(r, node, path)
        if isinstance(node, (MappingNode, SequenceNode)):
            r.marks[path] = mark(node)
            r.error(mark(node), f"{_name(path)} must be {self.words()}, not {kind_of(node)}")
            return BAD
        return self.simple.read(r, node, path)

    def words(self):
        full = "a list" if isinstance(self.full, List) else "a mapping"
        return f"{self.simple.words()} or {full}"

    def schema(self):
        return {"oneOf": [self.simple.schema(), self.full.schema()]}


@dataclass(frozen=True)
class OneKey(Shape):
    """A mapping with exactly one key naming the variant: ``{stage_is: incident}``."""

    variants: dict = field(default_factory=dict)  # key -> Field
    title: str = ""

    def _read(self, r, node, path):
        pairs = _mapping(r, node, path, self)
        if pairs is None:
            return BAD
        names = ", ".join(self.variants)
        if len(pairs) != 1:
            r.error(mark(node), f"{self.title} must have exactly one key, not {len(pairs)}",
                    f"write one of: {names}; each in its own list item")
            return BAD
        k, v = pairs[0]
        key = _key(r, k)
        if key is None:
            return BAD
        spec = self.variants.get(key)
        if spec is None:
            r.error(mark(k), f"unknown {self.title} '{key}'", did_you_mean(key, self.variants))
            return BAD
        r.keys[path + (key,)] = mark(k)
        value = spec.shape.read(r, v, path + (key,))
        return BAD if value is BAD else (key, value)

    def words(self):
        return f"a {self.title} (a mapping with one key)"

    def schema(self):
        return {"oneOf": [
            {"type": "object", "properties": {k: {"description": s.doc, **s.shape.schema()}},
             "required": [k], "additionalProperties": False}
            for k, s in self.variants.items()
        ]}


_RATIO_RE = re.compile(r"^\s*(\d{1,4})\s*/\s*(\d{1,4})\s*$")


@dataclass(frozen=True)
class Ratio(Shape):
    """A share above 0 and at most 1, as a fraction (``2/3``) or a decimal (``0.5``);
    read as a pair (numerator, denominator)."""

    def _read(self, r, node, path):
        text = _scalar(r, node, path, self)
        if text is None:
            return BAD
        m = _RATIO_RE.match(text)
        if m:
            num, den = int(m.group(1)), int(m.group(2))
        else:
            value = _number(text)
            if value is None:
                r.error(mark(node), f"{_name(path)} must be {self.words()}, not "
                        f"{kind_of(node)}", "write it as 2/3, or as a decimal such as 0.5")
                return BAD
            num, den = round(value * 1000), 1000
        if not (den > 0 and 0 < num <= den):
            r.error(mark(node), f"{_name(path)} is {text.strip()}, but must be above 0 and "
                    "at most 1", "e.g. 2/3 for two thirds")
            return BAD
        g = math.gcd(num, den)
        return (num // g, den // g)

    def words(self):
        return "a fraction such as 2/3"

    def schema(self):
        return {"oneOf": [{"type": "string", "pattern": _RATIO_RE.pattern},
                          {"type": "number", "exclusiveMinimum": 0, "maximum": 1}]}


@dataclass(frozen=True)
class ListOrAll(Shape):
    """A list, or the word ``all`` (every state in the campaign)."""

    item: Shape = field(default_factory=Text)
    min: int = 0

    def _read(self, r, node, path):
        if isinstance(node, ScalarNode) and node.value == "all" and node.style is None:
            return "all"
        return List(self.item, self.min)._read(r, node, path)

    def words(self):
        return "a list, or all"

    def schema(self):
        return {"oneOf": [{"type": "string", "enum": ["all"]},
                          List(self.item, self.min).schema()]}
