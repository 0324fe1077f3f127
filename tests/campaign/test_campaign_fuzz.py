"""Fuzzing: whatever a campaign file holds, the loader answers with campaign errors.

Mutations of real campaigns (deleted keys, values swapped for values of other
types, random bytes, cut-off files) must load or raise :class:`CampaignErrors`
whose every error has a position and a message, never any other exception, and
never the loader's own "internal error" fallback.
"""

from __future__ import annotations

import copy
import os
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wargame.campaign import CampaignErrors, bundled_campaigns, load_campaign
from wargame.core import Game

from .test_campaign_schema import as_json

SOURCES = {p.stem: p for p in bundled_campaigns()}
DATA = {name: as_json(p) for name, p in SOURCES.items()}
TEXT = {name: p.read_bytes() for name, p in SOURCES.items()}
FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 150)), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
    st.text(max_size=12), st.sampled_from(["no", "yes", "on", "usa", "nato", "", "~", "0x1f",
                                           "1e3", "3.5%", "art5", "consensus"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6)


def paths(data, prefix=()):
    """Every place in the data: (path to container, key or index)."""
    if isinstance(data, dict):
        for k, v in data.items():
            yield prefix, k
            yield from paths(v, prefix + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield prefix, i
            yield from paths(v, prefix + (i,))


def check(content: bytes) -> None:
    fd, name = tempfile.mkstemp(suffix=".yaml")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content)
        try:
            campaign = load_campaign(name)
        except CampaignErrors as exc:
            assert exc.errors, "CampaignErrors without errors"
            for e in exc.errors:
                assert e.message and e.line >= 0 and e.column >= 0
                assert not e.message.startswith("internal error"), str(e)
            assert str(exc)
        else:
            Game(campaign.world, campaign.seed)  # a loaded campaign can start a game
    finally:
        Path(name).unlink()


@FUZZ
@given(name=st.sampled_from(sorted(DATA)), data=st.data())
def test_deleted_keys_give_clean_errors(name, data):
    doc = copy.deepcopy(DATA[name])
    for _ in range(data.draw(st.integers(1, 3))):
        where = list(paths(doc))
        if not where:
            break
        parent, key = data.draw(st.sampled_from(where))
        container = doc
        for step in parent:
            container = container[step]
        del container[key]
    check(yaml.safe_dump(doc, allow_unicode=True).encode())


@FUZZ
@given(name=st.sampled_from(sorted(DATA)), data=st.data())
def test_values_of_the_wrong_type_give_clean_errors(name, data):
    doc = copy.deepcopy(DATA[name])
    for _ in range(data.draw(st.integers(1, 3))):
        parent, key = data.draw(st.sampled_from(list(paths(doc))))
        container = doc
        for step in parent:
            container = container[step]
        container[key] = data.draw(values)
    check(yaml.safe_dump(doc, allow_unicode=True).encode())


@FUZZ
@given(name=st.sampled_from(sorted(TEXT)), data=st.data())
def test_random_bytes_give_clean_errors(name, data):
    text = bytearray(TEXT[name])
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace", "cut"]))
        chunk = data.draw(st.binary(min_size=1, max_size=8))
        if action == "insert":
            text[at:at] = chunk
        elif action == "delete":
            del text[at:at + len(chunk)]
        elif action == "replace":
            text[at:at + len(chunk)] = chunk
        else:
            del text[at:]
    check(bytes(text))


@FUZZ
@given(st.binary(max_size=300))
def test_arbitrary_bytes_give_clean_errors(content):
    check(content)


@FUZZ
@given(st.text(alphabet="{}[]:,-&*!|>'\"#%@` \n\tabnoy1.~<=", max_size=120))
def test_yaml_punctuation_soup_gives_clean_errors(text):
    check(text.encode())
