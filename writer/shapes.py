"""The shapes of house_style and of the vocabulary, as JSON Schema, and a checker for them.

One schema serves three readers: the loader checks hand-written YAML against
it (every problem one located line, not a crash or a silent empty hedge
word), ``writer rules schema`` publishes it, and editors' tools complete
from it. Only the JSON Schema words used here are understood: type,
properties, additionalProperties, items, minItems, minimum, minLength,
exclusiveMinimum.
"""

from __future__ import annotations

from typing import Any

from writer.errors import Problem

_WORDS = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}
_COUNT = {"type": "integer", "minimum": 0}
_AMOUNT = {"type": "number", "exclusiveMinimum": 0}

_LANGUAGE_BLOCK: dict[str, Any] = {  # the ranges writer/housestyle.py's reader does not check itself
    "type": "object",
    "properties": {
        "money": {
            "type": "object",
            "properties": {
                "billion_from": _AMOUNT,
                "billion_decimals": {"type": "integer", "minimum": 0, "maximum": 6},
                "million_decimals": {"type": "integer", "minimum": 0, "maximum": 6},
                "million_whole_from": _AMOUNT,
                "nearly_floor": {"type": "number", "minimum": 0, "maximum": 1},
                "hedges": {"type": "object", "additionalProperties": _WORDS},
            },
        },
        "qualifiers": _WORDS,
        "direction": {"type": "object", "properties": {"outflow": _WORDS, "inflow": _WORDS}},
    },
}
HOUSE_STYLE: dict[str, Any] = {
    "type": "object",
    "properties": {
        "language": {"type": "string", "minLength": 1},
        "agreement": {
            "type": "object",
            "properties": {
                "verified_sources": {"type": "integer", "minimum": 1},
                "relative_tolerance": {"type": "number", "minimum": 0, "maximum": 1},
            },
            "additionalProperties": False,
        },
        "superlative": {"type": "object", "properties": {"min_weeks": _COUNT}, "additionalProperties": False},
    },
    "additionalProperties": _LANGUAGE_BLOCK,  # one block per language code
}

_NAMES = {"type": "array", "items": {"type": "string", "minLength": 1}}
_SCOPE = {"type": "object", "additionalProperties": {"oneOf": [_NAMES, {"type": "null"}]}}
VOCABULARY: dict[str, Any] = {
    "type": "object",
    "properties": {
        "total": _SCOPE,
        "asset": _SCOPE,
        "country": _SCOPE,
        "provider": _SCOPE,
        "definite_article": _NAMES,
        "publications": _NAMES,
    },
    "additionalProperties": False,
}

_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "number": (int, float),
    "null": type(None),
}
_NAMES_OF = {"object": "a mapping", "array": "a list", "string": "a string", "integer": "an integer"}


def _is(value: Any, kind: str) -> bool:
    return isinstance(value, _TYPES[kind]) and not isinstance(value, bool)


def problems(value: Any, schema: dict[str, Any], path: str, where: str = "") -> list[Problem]:
    """Every way ``value`` breaks ``schema``, each naming the field (``money.hedges.over[2]``)."""

    def bad(message: str, expected: str) -> list[Problem]:
        return [Problem(f"{where or 'the file'} {message}", path=path, expected=expected)]

    if "oneOf" in schema:
        if any(not problems(value, s, path, where) for s in schema["oneOf"]):
            return []
        return problems(value, schema["oneOf"][0], path, where)
    kind = schema.get("type")
    if kind and not _is(value, kind):
        return bad(f"is {value!r}", _NAMES_OF.get(kind, f"a {kind}"))
    found: list[Problem] = []
    if kind in ("integer", "number"):
        if "minimum" in schema and value < schema["minimum"]:
            found += bad(f"is {value!r}", f"at least {schema['minimum']}")
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            found += bad(f"is {value!r}", f"more than {schema['exclusiveMinimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            found += bad(f"is {value!r}", f"at most {schema['maximum']}")
    elif kind == "string" and len(value.strip()) < schema.get("minLength", 0):
        found += bad("is empty", "a non-empty string")
    elif kind == "array":
        if len(value) < schema.get("minItems", 0):
            found += bad("is empty", "at least one entry")
        for n, item in enumerate(value):
            found += problems(item, schema.get("items", {}), path, f"{where}[{n}]")
    elif kind == "object":
        known = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            name = f"{where}.{key}" if where else str(key)
            if key in known:
                found += problems(item, known[key], path, name)
            elif extra is False:
                found += bad(f"has an unknown field {key!r}", ", ".join(known))
            elif isinstance(extra, dict):
                found += problems(item, extra, path, name)
    return found
