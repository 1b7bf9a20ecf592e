"""limit: a pattern that may occur at most ``max`` times in an article."""

from __future__ import annotations

from collections.abc import Iterator

from writer.lint.context import Context
from writer.lint.document import Document
from writer.lint.findings import Finding
from writer.lint.kinds import CASE_SENSITIVE, SUGGESTION, Field, Kind
from writer.lint.kinds._text import matches
from writer.lint.rules import Rule, make_finding


def run(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    count = 0
    for start, end, sentence in matches(rule, doc, ctx):
        if rule.params["quotes"] == "ignore" and sentence is not None and sentence.in_quotes(start, end):
            continue
        count += 1
        if count > rule.params["max"]:
            yield make_finding(
                rule, doc, start, end, f"{rule.message} (occurrence {count}, at most {rule.params['max']} allowed)"
            )


KIND = Kind(
    name="limit",
    fields={
        "patterns": Field("strings", required=True, regex=True),
        "max": Field("integer", required=True, minimum=0),
        "quotes": Field("string", default="include", choices=("ignore", "include")),
        "case_sensitive": CASE_SENSITIVE,
        "suggestion": SUGGESTION,
    },
    run=run,
    description="a pattern that may occur at most max times",
)
