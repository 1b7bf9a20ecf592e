"""The causal kind: a cause of flows or prices stated in the article's own voice.

Each pattern group names where the effect stands relative to the words it
matches; a pattern hit is only a candidate, and the clause analysis in
``writer.lint.clauses`` decides whether the sentence claims a cause (see there
for why structure and not more patterns). One finding per sentence.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator

from writer.housestyle import HouseStyle
from writer.lint import clauses
from writer.lint import regex_store as regex  # regex, its compiled patterns kept between runs
from writer.lint.context import Context
from writer.lint.document import Document, Sentence
from writer.lint.findings import Finding
from writer.lint.kinds import Field, Kind
from writer.lint.kinds._text import VOICE_FIELDS
from writer.lint.rules import Rule, finditer, make_finding, search

# pattern group -> how to judge a hit of it
GROUPS: dict[str, Callable[..., bool]] = {
    "backward": clauses.backward_claim,  # effect before: "X due to Y", "X was driven by Y"
    "forward": clauses.forward_claim,  # effect after: "Y drove X", "Y caused X"
    "influence": clauses.influence_claim,  # "Y lifted demand for X": the verb's object is the effect
    "framings": clauses.framing_claim,  # "amid Y", "following Y", "with Y -ing": Y must be an event
    "as_clauses": clauses.as_claim,  # "X as Y": Y a change in X's direction
    "claims": clauses.claim_effect,  # motives, mechanisms, cause nouns
}
# Word classes the clause analysis reads (writer.lint.clauses.Lexicon).
WORD_CLASSES = ("effects", "prices", "non_effects", "agents", "events", "changes", "aggregates", "readings")
_LEXICONS: dict[tuple, clauses.Lexicon] = {}
_SPEAKERS: dict[tuple, regex.Pattern] = {}


def _lexicon(rule: Rule, style: HouseStyle) -> clauses.Lexicon:
    key = (*(tuple(rule.params.get(c) or ()) for c in WORD_CLASSES), style.clauses)
    if key not in _LEXICONS:
        _LEXICONS[key] = clauses.Lexicon(
            **{c: rule.compiled.get(c) or regex.compile("(?!)") for c in WORD_CLASSES},
            g=clauses.grammar(style.clauses),
        )
    return _LEXICONS[key]


def _speaker(rule: Rule, style: HouseStyle) -> regex.Pattern:
    key = (tuple(rule.params.get("speech_verbs") or ()), tuple(rule.params.get("unnamed_sources") or ()))
    if (*key, style.clauses) not in _SPEAKERS:
        _SPEAKERS[(*key, style.clauses)] = clauses.speaker_pattern(*key, style.clauses)
    return _SPEAKERS[(*key, style.clauses)]


def _previous_text(doc: Document, sentence: Sentence) -> str:
    """The sentence before, in the same block: where "It" and "The move" point."""
    i = bisect.bisect_left(doc.sentence_starts, sentence.start)
    if i and doc.sentences[i - 1].block == sentence.block:
        return doc.sentences[i - 1].text
    return ""


def _hits(rule: Rule, doc: Document, ctx: Context) -> Iterator[tuple[int, int, Sentence, str]]:
    for group in GROUPS:
        pattern = rule.compiled.get(group)
        if pattern is None:
            continue
        screened = ctx.screen.finditer(rule, doc, ctx.timeout, param=group) if ctx.screen else None
        for m in screened if screened is not None else finditer(pattern, doc.prose, timeout=ctx.timeout):
            start, end = m.span()
            sentence = doc.sentence_at(start)
            if sentence is None or end > sentence.end:
                continue
            yield start, end, sentence, group


def run(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    lex = _lexicon(rule, ctx.style)
    done: set[int] = set()
    for start, end, sentence, group in sorted(_hits(rule, doc, ctx), key=lambda h: h[0]):
        if sentence.start in done or ctx.doc_names_hit(start, end):
            continue
        text = sentence.text
        s, e = start - sentence.start, end - sentence.start
        if rule.params.get("quotes") == "ignore" and sentence.in_quotes(start, end):
            continue
        heading = doc.blocks[sentence.block].kind == "heading"
        if clauses.is_question(lex, text, heading) or lex.g.negated.search(text, 0, s):
            continue
        # the clause analysis rejects most candidates, and costs less than the refusals' scan
        if not GROUPS[group](lex, text, s, e, _previous_text(doc, sentence)):
            continue
        if search(rule.compiled.get("exceptions"), text, ctx.timeout):
            continue
        # the costliest check, last; its pattern is compiled on first need
        if clauses.attributed(lex, _speaker(rule, ctx.style), text, s, e):
            continue
        done.add(sentence.start)
        found = doc.prose[start:end].strip()
        yield make_finding(rule, doc, start, end, f"{rule.message} (found {found!r})")


_GROUP_HELP = {
    "backward": 'the effect stands before the words: "X due to Y", "X was driven by Y"',
    "forward": 'the effect follows the words: "Y drove the outflows", "Y caused BTC to fall"',
    "influence": 'verbs of influence whose object is a flow, demand or price: "Y lifted demand for X"',
    "framings": '"amid", "following", "given", "with X -ing": a cause only before an event or condition',
    "as_clauses": '"X as Y": a cause when Y is a change running the same way as X',
    "claims": "motives, mechanisms and cause nouns stated as fact",
}
KIND = Kind(
    name="causal",
    fields={
        **{g: Field("strings", default=[], regex=True, description=help_) for g, help_ in _GROUP_HELP.items()},
        **{
            w: Field("strings", default=[], regex=True, description="word class (writer/lint/clauses.py)")
            for w in WORD_CLASSES
        },
        **VOICE_FIELDS,
    },
    run=run,
    description="a cause of flows or prices in the article's own voice, judged by clause structure",
)
