"""A small JSON Schema draft-07 validator: the keywords the campaign schema uses.

Enough to check that campaigns the loader accepts pass the schema an editor uses,
and that some it refuses fail it, without a dependency. ``UNSUPPORTED`` keywords
make it fail loudly rather than pass silently.
"""

from __future__ import annotations

import re

KNOWN = {"$schema", "title", "description", "type", "properties", "additionalProperties",
         "required", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "pattern",
         "items", "minItems", "propertyNames", "minProperties", "oneOf", "anyOf", "allOf",
         "if", "then", "not"}
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool}


def _is(value, kind: str) -> bool:
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "null":
        return value is None
    return isinstance(value, TYPES[kind])


def errors(schema: dict, value, path: str = "$") -> list[str]:
    unknown = set(schema) - KNOWN
    if unknown:
        raise ValueError(f"unsupported keywords {sorted(unknown)} at {path}")
    out: list[str] = []
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is(value, k) for k in kinds):
            return [f"{path}: {value!r} is not of type {kinds}"]
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{path}: {value!r} not in enum")
    if "const" in schema and value != schema["const"]:
        out.append(f"{path}: {value!r} is not {schema['const']!r}")
    if _is(value, "number"):
        if "minimum" in schema and value < schema["minimum"]:
            out.append(f"{path}: below minimum")
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            out.append(f"{path}: not above exclusiveMinimum")
        if "maximum" in schema and value > schema["maximum"]:
            out.append(f"{path}: above maximum")
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        out.append(f"{path}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            out.append(f"{path}: too few items")
        for i, item in enumerate(value):
            if "items" in schema:
                out += errors(schema["items"], item, f"{path}[{i}]")
    if isinstance(value, dict):
        out += _object(schema, value, path)
    for sub in schema.get("allOf", ()):
        out += errors(sub, value, path)
    if "anyOf" in schema and all(errors(s, value, path) for s in schema["anyOf"]):
        out.append(f"{path}: matches none of anyOf")
    if "oneOf" in schema:
        passing = sum(not errors(s, value, path) for s in schema["oneOf"])
        if passing != 1:
            out.append(f"{path}: matches {passing} of oneOf, not exactly 1")
    if "not" in schema and not errors(schema["not"], value, path):
        out.append(f"{path}: matches 'not'")
    if "if" in schema and not errors(schema["if"], value, path):
        out += errors(schema.get("then", {}), value, path)
    return out


def _object(schema: dict, value: dict, path: str) -> list[str]:
    out = []
    props = schema.get("properties", {})
    for key in schema.get("required", ()):
        if key not in value:
            out.append(f"{path}: missing {key!r}")
    if len(value) < schema.get("minProperties", 0):
        out.append(f"{path}: too few properties")
    for key, item in value.items():
        if "propertyNames" in schema:
            out += errors(schema["propertyNames"], key, f"{path}.<{key}>")
        if key in props:
            out += errors(props[key], item, f"{path}.{key}")
        elif schema.get("additionalProperties") is False:
            out.append(f"{path}: unexpected key {key!r}")
        elif isinstance(schema.get("additionalProperties"), dict):
            out += errors(schema["additionalProperties"], item, f"{path}.{key}")
    return out
