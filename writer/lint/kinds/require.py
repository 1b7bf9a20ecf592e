"""require: a pattern that must occur somewhere (or in a section whose heading matches)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from writer.lint import regex_store as regex  # regex, its compiled patterns kept between runs
from writer.lint.context import Context
from writer.lint.document import Document
from writer.lint.findings import Finding
from writer.lint.kinds import CASE_SENSITIVE, SUGGESTION, Field, Kind
from writer.lint.rules import Rule, make_finding, search


def run(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    pattern = rule.compiled["patterns"]
    section = rule.compiled.get("section")
    blocks = [
        b for b in doc.blocks if section is None or (b.kind != "heading" and search(section, b.section, ctx.timeout))
    ]
    for block in reversed(blocks):  # notices and sign-offs sit at the end: look there first
        if search(pattern, doc.prose[block.start : block.end], ctx.timeout):
            return
    if section is not None and not blocks:
        yield make_finding(rule, doc, 0, 1, f"{rule.message} (no section matching {rule.params['section']!r})")
    else:
        yield make_finding(rule, doc, 0, 1)


def compile_section(params: dict[str, Any]) -> dict[str, Any]:
    """The ``section`` heading pattern, compiled (a bad pattern is a load error)."""
    if not params.get("section"):
        return {}
    try:
        return {"section": regex.compile(params["section"], regex.IGNORECASE)}
    except regex.error as exc:
        raise ValueError(f"section pattern does not compile: {exc}") from None


KIND = Kind(
    name="require",
    fields={
        "patterns": Field("strings", required=True, regex=True),
        "section": Field("string", default="", description="a pattern for the heading of the section to look in"),
        "case_sensitive": CASE_SENSITIVE,
        "suggestion": SUGGESTION,
    },
    run=run,
    compile=compile_section,
    description="a pattern that must occur in the article",
)
