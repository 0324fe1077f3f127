"""Variants of a campaign for a sweep: ``--vary PATH=V1,V2,...`` and every combination.

A path addresses a field of the campaign file by its keys, dot-separated:
``states.usa.personality.loyalty``, ``institutions.nato.credibility``. A list of
mappings with ids (clauses, injects, rungs) is addressed by the item's id:
``institutions.nato.clauses.art5.strength``. Values are read as YAML scalars
(``0.5``, ``true``, ``automatic``). Each variant is checked by the campaign loader
itself, so a value the format refuses is refused here in one line, naming the
``--vary`` it came from, before any game runs.
"""

from __future__ import annotations

import copy
import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..campaign.errors import did_you_mean


class SweepError(Exception):
    """A bad ``--vary``, a bad variant or a bad campaign: one line for the user."""


@dataclass(frozen=True)
class Vary:
    path: str
    values: tuple[Any, ...]
    texts: tuple[str, ...]  # each value as typed, for tables and file columns


@dataclass(frozen=True)
class Variant:
    """One combination of values: the campaign file's text with them in place."""

    index: int
    values: tuple[tuple[str, str], ...]  # (path, value as typed)
    text: bytes  # the campaign file, as the loader reads it

    @property
    def label(self) -> str:
        return ", ".join(f"{p.rsplit('.', 1)[-1]}={v}" for p, v in self.values) or "as written"


def parse_vary(spec: str) -> Vary:
    """``PATH=V1,V2`` -> :class:`Vary`."""
    path, sep, rest = spec.partition("=")
    path = path.strip()
    if not sep or not path or not rest.strip():
        raise SweepError(f"--vary {spec!r}: write PATH=VALUE1,VALUE2 "
                         "(e.g. states.usa.personality.loyalty=0,0.5,1)")
    texts = tuple(v.strip() for v in rest.split(","))
    if any(not t for t in texts):
        raise SweepError(f"--vary {spec!r}: an empty value between commas")
    values = []
    for t in texts:
        try:
            v = yaml.safe_load(t)
        except yaml.YAMLError:
            raise SweepError(f"--vary {spec!r}: {t!r} is not a value") from None
        if isinstance(v, (dict, list)) or v is None:
            raise SweepError(f"--vary {spec!r}: {t!r} is not a single value")
        values.append(v)
    return Vary(path, tuple(values), texts)


def _step(node: Any, key: str, where: str) -> Any:
    if isinstance(node, dict):
        if key not in node:
            raise SweepError(f"--vary {where}: no {key!r} there; "
                             f"{did_you_mean(key, map(str, node), 'there is')}")
        return node[key]
    if isinstance(node, list):
        for item in node:
            if isinstance(item, dict) and str(item.get("id")) == key:
                return item
        ids = [str(i.get("id")) for i in node if isinstance(i, dict)]
        raise SweepError(f"--vary {where}: no item with id {key!r}; "
                         f"{did_you_mean(key, ids, 'there is')}")
    raise SweepError(f"--vary {where}: {key!r} is inside a value, not a mapping")


def put(data: dict, path: str, value: Any) -> None:
    """Set the field at ``path`` in the campaign data (it must exist, or its mapping)."""
    keys = path.split(".")
    node: Any = data
    for key in keys[:-1]:
        node = _step(node, key, path)
    last = keys[-1]
    if isinstance(node, list):
        raise SweepError(f"--vary {path}: ends at a list; name a field of one item")
    if not isinstance(node, dict):
        raise SweepError(f"--vary {path}: {keys[-2] if len(keys) > 1 else path!r} is a value, "
                         "not a mapping")
    node[last] = value


def variants(campaign: Path, varies: list[Vary]) -> list[Variant]:
    """Every combination of the values, in order (the last ``--vary`` changes fastest),
    each checked by the campaign loader."""
    from ..campaign import load_campaign
    from ..campaign.errors import CampaignErrors

    raw = campaign.read_bytes()
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise SweepError(f"{campaign}: not a campaign file ({exc.__class__.__name__}); "
                         f"check it with 'wargame validate {campaign}'") from None
    if not isinstance(data, dict):
        raise SweepError(f"{campaign}: not a campaign file; check it with 'wargame validate'")
    paths = [v.path for v in varies]
    if len(set(paths)) != len(paths):
        raise SweepError("--vary: the same path twice; give all its values in one --vary")
    out = []
    combos = itertools.product(*(range(len(v.values)) for v in varies)) if varies else [()]
    for index, combo in enumerate(combos):
        d = copy.deepcopy(data)
        chosen = []
        for v, k in zip(varies, combo):
            put(d, v.path, v.values[k])
            chosen.append((v.path, v.texts[k]))
        text = raw if not varies else yaml.safe_dump(d, sort_keys=False,
                                                     allow_unicode=True).encode()
        try:
            load_campaign(campaign, data=text)
        except CampaignErrors as exc:
            first = exc.errors[0] if exc.errors else None
            if not varies or first is None:
                raise SweepError(str(first or exc).splitlines()[0]) from None
            what = ", ".join(f"{p}={t}" for p, t in chosen)
            raise SweepError(f"--vary {what}: the campaign refuses it: {first.message}"
                             + (f" ({first.hint})" if first.hint else "")) from None
        out.append(Variant(index, tuple(chosen), text))
    return out
