"""Views of a list of findings: text, json, github annotations, SARIF 2.1.0."""

from __future__ import annotations

import json
from collections.abc import Iterable

import click

from writer import __version__
from writer.lint.engine import Result
from writer.lint.rules import RuleSet

JSON_SCHEMA = "lint-report.schema.json"  # the $id of docs/lint-report.schema.json
JSON_VERSION = 1
_COLOURS = {"error": "red", "warning": "yellow", "suggestion": "cyan"}


def text(results: Iterable[Result], colour: bool) -> str:
    """``path:line:col: level rule-id message``; grouped by file with a heading on a terminal."""
    lines: list[str] = []
    for result in results:
        if not result.findings:
            continue
        if colour:
            lines.append(click.style(result.path, bold=True, underline=True))
        for f in result.findings:
            level = click.style(f.level, fg=_COLOURS[f.level], bold=True) if colour else f.level
            rule = click.style(f.rule, dim=True) if colour else f.rule
            lines.append(f"{f.path}:{f.line}:{f.column}: {level} {rule} {f.message}")
        if colour:
            lines.append("")
    return "\n".join(lines)


def summary(results: list[Result]) -> dict[str, int]:
    counts = {"files": len(results), "error": 0, "warning": 0, "suggestion": 0, "suppressed": 0}
    for r in results:
        counts["suppressed"] += len(r.suppressed)
        for f in r.findings:
            counts[f.level] += 1
    return counts


def as_json(results: list[Result], rules: RuleSet) -> str:
    data = {
        "$schema": JSON_SCHEMA,
        "version": JSON_VERSION,
        "tool": {"name": "writer lint", "version": __version__, "rules_version": rules.version},
        "summary": summary(results),
        "findings": [f.as_dict() for r in results for f in r.findings],
        "suppressions": [
            {**f.as_dict(), "suppression": {"line": s.line, "action": s.action, "reason": s.reason}}
            for r in results
            for f, s in r.suppressed
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(results: list[Result]) -> str:
    kinds = {"error": "error", "warning": "warning", "suggestion": "notice"}
    return "\n".join(
        f"::{kinds[f.level]} file={_escape_property(f.path)},line={f.line},col={f.column},"
        f"endLine={f.end_line or f.line},endColumn={f.end_column or f.column},"
        f"title={_escape_property(f.rule)}::{_escape_data(f.message)}"
        for r in results
        for f in r.findings
    )


def sarif(results: list[Result], rules: RuleSet) -> str:
    levels = {"error": "error", "warning": "warning", "suggestion": "note"}
    rule_index = {r.id: i for i, r in enumerate(rules.rules)}
    extra = sorted({f.rule for r in results for f in r.findings} - set(rule_index))
    descriptors = [
        {
            "id": r.id,
            "name": r.id,
            "shortDescription": {"text": r.message},
            "fullDescription": {"text": r.description or r.message},
            "defaultConfiguration": {"level": levels[r.level]},
            "properties": {"kind": r.kind},
        }
        for r in rules.rules
    ] + [{"id": rid, "shortDescription": {"text": rid}} for rid in extra]
    rule_index.update({rid: len(rules.rules) + i for i, rid in enumerate(extra)})
    out = []
    for r in results:
        for f in r.findings:
            out.append(
                {
                    "ruleId": f.rule,
                    "ruleIndex": rule_index[f.rule],
                    "level": levels[f.level],
                    "message": {"text": f.message + (f" Suggestion: {f.suggestion}" if f.suggestion else "")},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": f.path},
                                "region": {
                                    "startLine": f.line,
                                    "startColumn": f.column,
                                    "endLine": f.end_line or f.line,
                                    "endColumn": f.end_column or f.column + 1,
                                },
                            }
                        }
                    ],
                    "suppressions": [],
                }
            )
        for f, s in r.suppressed:
            out.append(
                {
                    "ruleId": f.rule,
                    "ruleIndex": rule_index[f.rule],
                    "level": levels[f.level],
                    "message": {"text": f.message},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": f.path},
                                "region": {"startLine": f.line, "startColumn": f.column},
                            }
                        }
                    ],
                    "suppressions": [{"kind": "inSource", "justification": s.reason}],
                }
            )
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "writer-lint",
                        "version": __version__,
                        "rules": descriptors,
                    }
                },
                "results": out,
            }
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False)
