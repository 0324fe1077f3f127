"""The JSON Schema in campaigns/schema/ is generated from the loader's own format
table, accepts what the loader accepts and refuses what it refuses."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from yaml.nodes import MappingNode, SequenceNode

from wargame.campaign import bundled_campaigns, campaigns_dir
from wargame.campaign import schema as gen
from wargame.campaign.fmt import CAMPAIGN
from wargame.campaign.shapes import Either, IdMap, List, Obj, OneKey
from wargame.campaign.source import compose

from . import draft07

SCHEMA_FILE = campaigns_dir() / "schema" / "campaign-v1.json"
BROKEN = Path(__file__).parent / "broken"


def as_json(path: Path):
    """The file as an editor's YAML 1.2 reader sees it (``no`` stays a string)."""
    node = compose(path.read_text(encoding="utf-8"), lambda *a: None)

    def walk(n):
        if isinstance(n, MappingNode):
            return {k.value: walk(v) for k, v in n.value}
        if isinstance(n, SequenceNode):
            return [walk(v) for v in n.value]
        text = n.value
        if n.style is not None:
            return text
        if re.fullmatch(r"[-+]?\d+", text):
            return int(text)
        if re.fullmatch(r"[-+]?(\.\d+|\d+\.\d*|\d+)([eE][-+]?\d+)?", text):
            return float(text)
        if text in ("true", "True", "TRUE", "false", "False", "FALSE"):
            return text.lower() == "true"
        if text in ("", "~", "null", "Null", "NULL"):
            return None
        return text
    return walk(node)


def test_the_checked_in_schema_is_the_generated_one():
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == gen.schema(), \
        "run: python -m wargame.campaign.schema"


def test_the_schema_uses_draft_07():
    s = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert s["$schema"] == "http://json-schema.org/draft-07/schema#"
    draft07.errors(s, {})  # raises on any keyword the draft-07 subset does not know


def _walk_keys(shape, schema, where="campaign"):
    """Every mapping the loader reads has exactly the keys the schema allows."""
    if isinstance(shape, Obj):
        assert set(schema["properties"]) == set(shape.fields), where
        assert schema["additionalProperties"] is False, where
        assert set(schema.get("required", ())) == \
            {k for k, f in shape.fields.items() if f.required}, where
        for key, f in shape.fields.items():
            _walk_keys(f.shape, schema["properties"][key], f"{where}.{key}")
    elif isinstance(shape, List):
        _walk_keys(shape.item, schema["items"], f"{where}[]")
    elif isinstance(shape, IdMap):
        _walk_keys(shape.value, schema["additionalProperties"], f"{where}.*")
    elif isinstance(shape, Either):
        _walk_keys(shape.full, schema["oneOf"][1], where)
    elif isinstance(shape, OneKey):
        variants = {next(iter(s["properties"])): s for s in schema["oneOf"]}
        assert set(variants) == set(shape.variants), where
        for key, f in shape.variants.items():
            _walk_keys(f.shape, variants[key]["properties"][key], f"{where}.{key}")


def test_every_key_the_loader_reads_is_in_the_schema_and_no_other():
    _walk_keys(CAMPAIGN, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", bundled_campaigns(), ids=lambda p: p.stem)
def test_bundled_campaigns_pass_the_schema(path):
    s = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert draft07.errors(s, as_json(path)) == []


# mistakes a schema can see (no cross-references): an editor flags them as you type
SCHEMA_SEES = [
    "unknown_key", "unknown_top_key", "text_for_number", "percent_sign", "quoted_number",
    "fraction_for_whole_number", "out_of_range", "scalar_for_list", "missing_key",
    "missing_briefing", "empty_value", "unknown_rule", "invalid_id",
    "objective_needs_target", "objective_takes_no_target", "objective_needs_threshold",
    "clause_field_of_another_kind", "defence_without_strength", "unknown_enum_value",
    "option_of_another_rule", "condition_with_two_keys", "unknown_condition",
    "unknown_effect", "inject_without_effects", "future_format", "mapping_for_text",
    "bad_start_stage", "yes_in_true_false_field", "several_mistakes",
]


@pytest.mark.parametrize("name", SCHEMA_SEES)
def test_the_schema_refuses_what_the_loader_refuses(name):
    s = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert draft07.errors(s, as_json(BROKEN / f"{name}.yaml"))


def test_with_jsonschema_if_installed():
    jsonschema = pytest.importorskip("jsonschema")
    s = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(s)
    for path in bundled_campaigns():
        jsonschema.Draft7Validator(s).validate(as_json(path))
