"""forbid: a pattern that must not occur in the article's own voice.

A match is excused inside a quotation (``quotes: ignore``), in a sentence that
matches an exception, or after a named source with a speech verb
("CoinShares said ...", "according to Glassnode ...").
"""

from __future__ import annotations

from collections.abc import Iterator

from writer.housestyle import HouseStyle, phrase_regex
from writer.lint import regex_store as regex  # regex, its compiled patterns kept between runs
from writer.lint.context import Context
from writer.lint.document import Document, Sentence
from writer.lint.findings import Finding
from writer.lint.kinds import Field, Kind
from writer.lint.kinds._text import SCOPES, VOICE_FIELDS, matches
from writer.lint.rules import Rule, first_end, make_finding, search

_SPEAKER_CACHE: dict[tuple, regex.Pattern] = {}


def _speaker_pattern(rule: Rule, style: HouseStyle) -> regex.Pattern | None:
    """A named source with a speech verb ("CoinShares said", "according to Glassnode")."""
    verbs = rule.params.get("speech_verbs") or []
    if not verbs:
        return None
    unnamed_words = tuple(rule.params.get("unnamed_sources") or [])
    anaphora = style.clauses.anaphora  # "he", 他, "the firm": a reference back to a named party
    key = (tuple(verbs), unnamed_words, style.attribution, style.word_boundary, style.speaker_name, style.speaker_gap)
    key += (anaphora,)
    if key not in _SPEAKER_CACHE:
        b = style.word_boundary
        unnamed = "|".join(regex.escape(w) for w in unnamed_words) or "(?!)"
        verb = "|".join(regex.escape(v) for v in verbs)
        named = rf"(?!(?:{unnamed}){b})(?:{style.speaker_name})"  # the house style's named source
        name = rf"(?:{named}|(?i:{anaphora}){b})"
        _SPEAKER_CACHE[key] = regex.compile(
            rf"(?:(?i:{phrase_regex(style.attribution, b)})\s*{name})"
            rf"|(?:{name}(?:{style.speaker_gap})(?:{verb}){b})",
            regex.VERSION0,
        )
    return _SPEAKER_CACHE[key]


def excused(rule: Rule, ctx: Context, sentence: Sentence | None, start: int, end: int) -> bool:
    if sentence is None:
        return False
    if ctx.doc_names_hit(start, end):
        return True
    if rule.params.get("quotes") == "ignore" and sentence.in_quotes(start, end):
        return True
    if search(rule.compiled.get("exceptions"), sentence.text, ctx.timeout):
        return True
    speaker = _speaker_pattern(rule, ctx.style)
    if speaker is not None:  # a named speaker before the match (one search per sentence, not per match)
        end = first_end(speaker, sentence.text, ctx.timeout)
        if end is not None and end <= start - sentence.start:
            return True
    return False


def run(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    for start, end, sentence in matches(rule, doc, ctx):
        if excused(rule, ctx, sentence, start, end):
            continue
        found = doc.prose[start:end].strip()
        yield make_finding(rule, doc, start, end, f"{rule.message} (found {found!r})")


KIND = Kind(
    name="forbid",
    fields={
        "patterns": Field("strings", required=True, regex=True),
        "scope": Field("string", default="sentence", choices=SCOPES),
        **VOICE_FIELDS,
    },
    run=run,
    description="a pattern that must not occur in the article's own voice",
)
