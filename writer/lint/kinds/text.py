"""Text rule kinds: forbid, limit, require. They need no data."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from writer.housestyle import HouseStyle, phrase_regex
from writer.lint.context import Context
from writer.lint.document import Document, Sentence
from writer.lint.findings import Finding
from writer.lint.rules import Rule, finditer, make_finding, search

_SPEAKER_CACHE: dict[tuple, regex.Pattern] = {}


def _speaker_pattern(rule: Rule, style: HouseStyle) -> regex.Pattern | None:
    """A named source with a speech verb ("CoinShares said", "according to Glassnode")."""
    verbs = rule.params.get("speech_verbs") or []
    if not verbs:
        return None
    key = (tuple(verbs), tuple(rule.params.get("unnamed_sources") or []), style.attribution, style.word_boundary)
    if key not in _SPEAKER_CACHE:
        unnamed = "|".join(regex.escape(w) for w in key[1]) or "(?!)"
        verb = "|".join(regex.escape(v) for v in verbs)
        name = r"(?!(?:" + unnamed + r")\b)\p{Lu}[\w&.'’-]*(?:\s+(?:of\s+|at\s+)?\p{Lu}[\w&.'’-]*)*"
        _SPEAKER_CACHE[key] = regex.compile(
            rf"(?:(?i:{phrase_regex(style.attribution, style.word_boundary)})\s+{name})"
            rf"|(?:{name}(?:'s\s+[\w ]{{1,40}}?|,[^,]{{1,80}},)?\s+(?:{verb})\b)",
            regex.VERSION0,
        )
    return _SPEAKER_CACHE[key]


def _excused(rule: Rule, ctx: Context, sentence: Sentence | None, start: int, end: int) -> bool:
    if sentence is None:
        return False
    if ctx.doc_names_hit(start, end):
        return True
    if rule.params.get("quotes") == "ignore" and sentence.in_quotes(start, end):
        return True
    if search(rule.compiled.get("exceptions"), sentence.text, ctx.timeout):
        return True
    speaker = _speaker_pattern(rule, ctx.style)
    if speaker is not None:
        head = sentence.text[: start - sentence.start]
        if search(speaker, head, ctx.timeout):
            return True
    return False


def _matches(rule: Rule, doc: Document, ctx: Context) -> Iterator[tuple[int, int, Sentence | None]]:
    """Matches of a rule's patterns in the prose, one pass over the whole document.

    With scope "sentence" a match must lie inside one sentence; "heading" keeps
    matches in headings; "paragraph" and "document" keep any match in prose.
    """
    scope = rule.params.get("scope", "sentence")
    for m in finditer(rule.compiled["patterns"], doc.prose, timeout=ctx.timeout):
        start, end = m.span()
        sentence = doc.sentence_at(start)
        if scope == "sentence" and (sentence is None or end > sentence.end):
            continue
        if scope == "heading" and (sentence is None or doc.blocks[sentence.block].kind != "heading"):
            continue
        yield start, end, sentence


def forbid(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    for start, end, sentence in _matches(rule, doc, ctx):
        if _excused(rule, ctx, sentence, start, end):
            continue
        found = doc.prose[start:end].strip()
        yield make_finding(rule, doc, start, end, f"{rule.message} (found {found!r})")


def limit(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    count = 0
    for start, end, sentence in _matches(rule, doc, ctx):
        if rule.params["quotes"] == "ignore" and sentence is not None and sentence.in_quotes(start, end):
            continue
        count += 1
        if count > rule.params["max"]:
            yield make_finding(
                rule, doc, start, end, f"{rule.message} (occurrence {count}, at most {rule.params['max']} allowed)"
            )


def require(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
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
