"""The JSON Schema of the rules file, derived from the kinds' parameters.

Derived, not hand-written, so it cannot drift from what the loader accepts;
``rules/editorial.schema.json`` is this output, checked by a test.
"""

from __future__ import annotations

import json

from writer.lint.findings import LEVELS
from writer.lint.rules import PARAMS, Param

_STRING_LIST = {"type": "array", "items": {"type": "string"}}


def _param_schema(param: Param) -> dict:
    if param.kind is str:
        out: dict = {"type": "string"}
        if param.choices:
            out["enum"] = list(param.choices)
    elif param.kind is int:
        out = {"type": "integer", "minimum": 0}
    elif param.kind is bool:
        out = {"type": "boolean"}
    else:
        out = {"oneOf": [dict(_STRING_LIST), {"type": "string"}]}
    if param.default not in (None, [], ""):
        out["default"] = param.default
    return out


def rule_schema(kind: str) -> dict:
    spec = PARAMS[kind]
    props = {
        "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
        "level": {"enum": list(LEVELS)},
        "kind": {"const": kind},
        "message": {"type": "string", "minLength": 1},
        "description": {"type": "string"},
        "examples": {
            "type": "object",
            "properties": {"fail": _STRING_LIST, "pass": _STRING_LIST, "data": {"type": "array"}},
            "required": ["fail", "pass"],
            "additionalProperties": False,
        },
        **{name: _param_schema(p) for name, p in spec.items()},
    }
    required = ["id", "level", "kind", "message", "examples"] + [n for n, p in spec.items() if p.required]
    return {"type": "object", "properties": props, "required": required, "additionalProperties": False}


def schema() -> dict:
    disabled = {
        "type": "object",
        "properties": {"id": {"type": "string"}, "disable": {"const": True}},
        "required": ["id", "disable"],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "fundflow-writer editorial rules",
        "type": "object",
        "properties": {
            "version": {"type": "integer"},
            "extends": {"type": "string", "description": "another rules file to start from"},
            "house_style": {"type": "object"},
            "published_fields": {
                "description": "front-matter keys whose values readers see: linted as prose",
                "type": "array",
                "items": {"type": "string"},
            },
            "rules": {"type": "array", "items": {"oneOf": [rule_schema(k) for k in PARAMS] + [disabled]}},
        },
        "patternProperties": {"^_": {"description": "anchors and shared pieces, ignored by the loader"}},
        "additionalProperties": False,
    }


def schema_text() -> str:
    return json.dumps(schema(), indent=2) + "\n"
