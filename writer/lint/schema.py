"""The JSON Schema of the rules file, derived from the kind modules and the house style.

Derived, not hand-written, so it cannot drift from what the loader accepts
(a test checks both ways on generated rules); ``rules/editorial.schema.json``
is this output, checked by a test. What no schema can say (a pattern that
does not compile, examples that misbehave, duplicate ids, a new language
block missing a field) the loader reports with file and line.
"""

from __future__ import annotations

import json

from writer.clause_words import FIELDS as CLAUSE_FIELDS
from writer.housestyle import BOUNDS, DIRECTIONS, FLAG_FORMS, LANGUAGE_KEYS, METRICS, PROSE_FORMS
from writer.lint.findings import LEVELS
from writer.lint.kinds import Field, registry
from writer.lint.rules import TOP_LEVEL
from writer.reading import FIELDS as READING_FIELDS
from writer.reading import MONTHS

_STRING_LIST = {"type": "array", "items": {"type": "string"}}
_PHRASES = {"type": "array", "items": {"type": "string", "pattern": "\\S"}, "minItems": 1}
_MAYBE_NONE = {"type": "array", "items": {"type": "string", "pattern": "\\S"}}
_TEXT = {"type": "string", "pattern": "\\S"}


def _field_schema(param: Field) -> dict:
    if param.type == "string":
        out: dict = {"type": "string"}
        if param.choices:
            out["enum"] = list(param.choices)
    elif param.type == "integer":
        out = {"type": "integer"}
        if param.minimum is not None:
            out["minimum"] = param.minimum
    elif param.type == "boolean":
        out = {"type": "boolean"}
    else:
        out = {"oneOf": [dict(_STRING_LIST), {"type": "string"}]}
    if param.description:
        out["description"] = param.description
    if param.default not in (None, [], ""):
        out["default"] = param.default
    return out


def rule_schema(kind: str) -> dict:
    spec = registry()[kind]
    props = {
        "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
        "level": {"enum": list(LEVELS)},
        "kind": {"const": kind},
        "message": _TEXT,
        "description": {"type": "string"},
        "lang": {
            "description": "languages whose articles the rule reads (default: every language)",
            "oneOf": [{"type": "string"}, dict(_STRING_LIST)],
        },
        "examples": {
            "type": "object",
            "properties": {
                "fail": {**_STRING_LIST, "minItems": 1},
                "pass": {**_STRING_LIST, "minItems": 1},
                "data": {"type": "array", "items": {"type": "object"}},
            },
            "required": ["fail", "pass"],
            "additionalProperties": False,
        },
        **{name: _field_schema(p) for name, p in spec.fields.items()},
    }
    required = ["id", "level", "kind", "message", "examples"] + [n for n, p in spec.fields.items() if p.required]
    out = {"type": "object", "properties": props, "required": required, "additionalProperties": False}
    if spec.description:
        out["description"] = spec.description
    return out


def _strings_of(keys: tuple[str, ...]) -> dict:
    return {"type": "object", "properties": {k: {"type": "string"} for k in keys}, "additionalProperties": False}


def language_schema() -> dict:
    """One language block of house_style (see writer/housestyle.py for what each field means)."""
    number = {"type": "number"}
    return {
        "type": "object",
        "properties": {
            "money": {
                "type": "object",
                "properties": {
                    "codec": {"type": "string", "pattern": "^[a-z_][a-z0-9_]*$"},
                    "nearly_floor": number,
                    "hedges": {"type": "object", "properties": {b: _PHRASES for b in BOUNDS}},
                },
                "description": "read by the codec module (writer/money.py for en)",
            },
            "qualifiers": _PHRASES,
            "flags": _strings_of(FLAG_FORMS),
            "prose": _strings_of(PROSE_FORMS),
            "direction_glue": _MAYBE_NONE,
            "conflict_markers": _PHRASES,
            "group_words": _PHRASES,
            "attribution": _PHRASES,
            "source_nouns": _MAYBE_NONE,
            "direction": {
                "type": "object",
                "properties": {**{d: _PHRASES for d in DIRECTIONS}, "plural": _strings_of(DIRECTIONS)},
                "additionalProperties": False,
            },
            "metric_words": {
                "type": "object",
                "properties": {m: _PHRASES for m in METRICS},
                "additionalProperties": False,
            },
            "total_words": _PHRASES,
            "share_words": {
                "type": "array",
                "items": {
                    "type": "array",
                    "prefixItems": [number, {"type": "string"}],
                    "minItems": 2,
                    "maxItems": 2,
                },
            },
            "date_format": {"type": "string"},
            "months": {**_PHRASES, "minItems": 12, "maxItems": 12},
            "word_boundary": {"type": "string"},
            "named_source": _strings_of(("name", "gap")),
            "sentences": {
                "type": "object",
                "properties": {
                    "ends": {"type": "string"},
                    "space_after": {"type": "boolean"},
                    "capital_after": {"type": "boolean"},
                    "abbreviations": _MAYBE_NONE,
                    "initialisms": _MAYBE_NONE,
                    "starters": _MAYBE_NONE,
                },
                "additionalProperties": False,
            },
            "clauses": {
                "type": "object",
                "properties": {f: {"type": "array", "items": {"type": "string"}} for f in CLAUSE_FIELDS},
                "additionalProperties": False,
                "description": "regexes of the causal clause analysis and of who speaks (writer/clause_words.py)",
            },
            "reading": {
                "type": "object",
                "properties": {
                    **{f: {"type": "array", "items": {"type": "string"}} for f in READING_FIELDS},
                    "months": {
                        "type": "array",
                        "items": {"type": "string"},
                        "anyOf": [{"maxItems": 0}, {"minItems": MONTHS, "maxItems": MONTHS}],
                        "description": "month names in calendar order: none, or all twelve",
                    },
                },
                "additionalProperties": False,
                "description": "regexes the reader of figures reads other outlets with (writer/reading.py)",
            },
        },
        "additionalProperties": False,
    }


def house_style_schema() -> dict:
    return {
        "type": "object",
        "properties": {
            "language": {"type": "string"},
            "agreement": {
                "type": "object",
                "properties": {"verified_sources": {"type": "integer"}, "relative_tolerance": {"type": "number"}},
                "additionalProperties": False,
            },
            "superlative": {
                "type": "object",
                "properties": {"min_weeks": {"type": "integer"}},
                "additionalProperties": False,
            },
            "claims": {
                "type": "object",
                "description": "news judgment, language-neutral (writer/claims.py)",
                "properties": {
                    "publisher": {"type": "string"},
                    "product_groups": {"type": "array", "items": {"type": "string"}},
                    "small_share": {"type": "number"},
                    "minor_share": {"type": "number"},
                    "conflict_factor": {"type": "number"},
                    "brief_max_figures": {"type": "integer"},
                },
                "additionalProperties": False,
            },
        },
        "patternProperties": {LANGUAGE_KEYS: language_schema()},
        "additionalProperties": False,
    }


def schema() -> dict:
    disabled = {
        "type": "object",
        "properties": {"id": {"type": "string"}, "disable": {"const": True}},
        "required": ["id", "disable"],
    }
    kinds = registry()
    assert set(TOP_LEVEL) == {"version", "extends", "house_style", "published_fields", "rules"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "fundflow-writer editorial rules",
        "type": "object",
        "properties": {
            "version": {"type": "integer"},
            "extends": {"type": "string", "description": "another rules file (a bare name: the shipped one)"},
            "include": {
                "description": "rules files laid under this one (house_style blocks and rules)",
                "oneOf": [{"type": "string"}, dict(_STRING_LIST)],
            },
            "house_style": house_style_schema(),
            "published_fields": {
                "description": "front-matter keys whose values readers see: linted as prose",
                "type": "array",
                "items": {"type": "string"},
            },
            "rules": {"type": "array", "items": {"oneOf": [rule_schema(k) for k in kinds] + [disabled]}},
        },
        "anyOf": [{"required": ["rules"]}, {"required": ["extends"]}],
        "patternProperties": {"^_": {"description": "anchors and shared pieces, ignored by the loader"}},
        "additionalProperties": False,
    }


def schema_text() -> str:
    return json.dumps(schema(), indent=2) + "\n"
