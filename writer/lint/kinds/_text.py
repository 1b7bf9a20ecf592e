"""Shared by the text kinds: where a rule's patterns match in the prose."""

from __future__ import annotations

from collections.abc import Iterator

from writer.lint.context import Context
from writer.lint.document import Document, Sentence
from writer.lint.kinds import CASE_SENSITIVE, SUGGESTION, Field
from writer.lint.rules import Rule, finditer

SCOPES = ("sentence", "paragraph", "heading", "document")
# Who is speaking: fields of the kinds that excuse a named source's words (forbid, causal).
VOICE_FIELDS = {
    "exceptions": Field("strings", default=[], regex=True, description="a sentence matching one is excused"),
    "quotes": Field("string", default="ignore", choices=("ignore", "include")),
    "speech_verbs": Field("strings", default=[]),
    "unnamed_sources": Field("strings", default=[]),
    "case_sensitive": CASE_SENSITIVE,
    "suggestion": SUGGESTION,
}


def matches(rule: Rule, doc: Document, ctx: Context) -> Iterator[tuple[int, int, Sentence | None]]:
    """Matches of a rule's patterns in the prose, one pass over the whole document.

    With scope "sentence" a match must lie inside one sentence; "heading" keeps
    matches in headings; "paragraph" and "document" keep any match in prose.
    """
    scope = rule.params.get("scope", "sentence")
    screened = ctx.screen.finditer(rule, doc, ctx.timeout) if ctx.screen else None  # see writer.lint.screen
    for m in screened if screened is not None else finditer(rule.compiled["patterns"], doc.prose, timeout=ctx.timeout):
        start, end = m.span()
        sentence = doc.sentence_at(start)
        if scope == "sentence" and (sentence is None or end > sentence.end):
            continue
        if scope == "heading" and (sentence is None or doc.blocks[sentence.block].kind != "heading"):
            continue
        yield start, end, sentence
