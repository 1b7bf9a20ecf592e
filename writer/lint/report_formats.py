"""The machine formats of ``writer lint`` (JSON, GitHub annotations, SARIF, Code Climate, JUnit).

Each is one view of the same Results, registered in ``writer.lint.report`` by
``@view``. Apart from the text view so that a plain ``writer lint`` never
compiles them; ``writer.lint.report.formats()`` imports this module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from writer import __version__
from writer.lint.report import JSON_SCHEMA, JSON_VERSION, summary, view

if TYPE_CHECKING:
    from writer.lint.engine import Result
    from writer.lint.rules import RuleSet


@view("json")
def as_json(results: list[Result], rules: RuleSet, colour: bool = False) -> str:
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
    import json  # only the JSON views pay for it

    return json.dumps(data, indent=2, ensure_ascii=False)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


@view("github")
def github(results: list[Result], rules: RuleSet | None = None, colour: bool = False) -> str:
    kinds = {"error": "error", "warning": "warning", "suggestion": "notice"}
    return "\n".join(
        f"::{kinds[f.level]} file={_escape_property(f.path)},line={f.line},col={f.column},"
        f"endLine={f.end_line or f.line},endColumn={f.end_column or f.column},"
        f"title={_escape_property(f.rule)}::{_escape_data(f.message)}"
        for r in results
        for f in r.findings
    )


@view("sarif")
def sarif(results: list[Result], rules: RuleSet, colour: bool = False) -> str:
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
    import json  # only the JSON views pay for it

    return json.dumps(doc, indent=2, ensure_ascii=False)


_CODECLIMATE_SEVERITY = {"error": "major", "warning": "minor", "suggestion": "info"}


@view("codeclimate")
def codeclimate(results: list[Result], rules: RuleSet | None = None, colour: bool = False) -> str:
    """GitLab Code Quality (a subset of the Code Climate spec): a JSON array of issues.

    The fingerprint names the file, rule and flagged words (with a count for
    repeats), not the line, so GitLab tracks an issue across edits above it.
    """
    import hashlib

    seen: dict[str, int] = {}
    issues = []
    for r in results:
        for f in r.findings:
            base = "\0".join((f.path, f.rule, f.excerpt or f.message))
            seen[base] = seen.get(base, 0) + 1
            fingerprint = hashlib.sha256(f"{base}\0{seen[base]}".encode()).hexdigest()
            issues.append(
                {
                    "type": "issue",
                    "check_name": f.rule,
                    "description": f.message + (f" Suggestion: {f.suggestion}" if f.suggestion else ""),
                    "categories": ["Style"],
                    "severity": _CODECLIMATE_SEVERITY[f.level],
                    "fingerprint": fingerprint,
                    "location": {
                        "path": f.path,
                        "positions": {
                            "begin": {"line": f.line, "column": f.column},
                            "end": {"line": f.end_line or f.line, "column": f.end_column or f.column},
                        },
                    },
                }
            )
    import json  # only the JSON views pay for it

    return json.dumps(issues, indent=2, ensure_ascii=False)


@view("junit")
def junit(results: list[Result], rules: RuleSet | None = None, colour: bool = False) -> str:
    """JUnit XML: one test suite per file, one failing test case per finding.

    A clean file is one passing test case; a suppressed finding is a skipped
    one carrying its reason, so CI test views show what was waived and why.
    """
    import re
    from xml.etree import ElementTree as ET

    illegal = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0

    def clean(value: str) -> str:
        return illegal.sub("\ufffd", value)

    root = ET.Element("testsuites", name="writer lint")
    total = failed = 0
    for r in results:
        suite = ET.SubElement(root, "testsuite", name=clean(r.path))
        cases = 0
        for f in r.findings:
            case = ET.SubElement(
                suite, "testcase", classname=clean(r.path), name=f"{f.rule} {f.line}:{f.column}", file=clean(f.path)
            )
            case.set("line", str(f.line))
            failure = ET.SubElement(case, "failure", type=f.level, message=clean(f.message))
            failure.text = clean(
                f"{f.path}:{f.line}:{f.column}: {f.level} {f.rule} {f.message}"
                + (f"\nSuggestion: {f.suggestion}" if f.suggestion else "")
            )
            cases += 1
        for f, s in r.suppressed:
            case = ET.SubElement(
                suite, "testcase", classname=clean(r.path), name=f"{f.rule} {f.line}:{f.column}", file=clean(f.path)
            )
            ET.SubElement(case, "skipped", message=clean(f"suppressed: {s.reason or 'no reason given'}"))
            cases += 1
        if not cases:
            ET.SubElement(suite, "testcase", classname=clean(r.path), name="writer lint", file=clean(r.path))
            cases = 1
        suite.set("tests", str(cases))
        suite.set("failures", str(len(r.findings)))
        suite.set("errors", "0")
        suite.set("skipped", str(len(r.suppressed)))
        total += cases
        failed += len(r.findings)
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
