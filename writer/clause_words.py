"""Words the causal clause analysis reads, kept as data per language.

The rules file's ``house_style.<language>.clauses`` lists, as regexes, the words
``writer.lint.clauses`` needs to judge a sentence's structure: where a clause
ends, which subjects point back to the previous sentence, which verbs say "up"
or "down", which words mark a contrast, a share, a negation, a temporal
complement, and how a named party's speech is introduced. The Python code
holds only how these classes combine; a language (or a newsroom) supplies its
own words. Each field is kept as one alternation *string*, compiled by the
linter on first use, so loading a house style stays cheap and picklable.
"""

from __future__ import annotations

from typing import Any

from writer.errors import Problem, UserError
from writer.record import dataclass  # dataclasses without generated code: fast start-up
from writer.style_section import alternation, fields_of

NEVER = "(?!)"

FIELDS = (
    "breaks",  # clause bounds inside a sentence: "[;:—–]"
    "pronoun_subjects",  # subjects that point back to the sentence before: "it", "the move"
    "question_words",  # a heading opening with one asks, it states no cause: "why", "what"
    "up",  # verbs and words of rising or buying: an "as" clause that runs the other way is a contrast
    "down",  # verbs and words of falling or selling
    "contrast",  # "while", "even as": an "as" clause holding one is a contrast
    "composition",  # "a sizable share of the outflows": a part of the flows, not a cause of them
    "share_subjects",  # "Bitcoin's share slides": a change of one flow's share of the others
    "negations",  # "did not spark": a negated connective states no cause
    "adding_up",  # "amplifying the outflow": flows adding to flows
    "cause_stops",  # "attitude among investors": the cause phrase ends before these
    "temporal",  # "following a $2 billion inflow", "following a high": a point in time
    "figure",  # what a figure looks like in a complement ("$2 billion", "3%")
    "timelike_framings",  # framings that may be temporal ("following", "on the heels of")
    "state_framings",  # framings that are a state by their shape ("with X -ing")
    "reading_verbs",  # "reflect": a reading of sentiment after these is evidential
    "cause_of",  # what joins a cause noun to its effect: "reason for the", "catalyst behind"
    "speech_leads",  # "according to", "in the words of": a name follows
    "own_words",  # "in his words": the speaker named before
    "statements",  # "post", "tweet", "statement": a name follows after statement_links
    "statement_links",  # "by", "from"
    "anaphora",  # "he", "the firm": a reference back to a named party (speaks for it)
    "name_joiners",  # "of", "at": may stand between the words of one name ("Bank of America")
    "possessives",  # "'s": a name's role follows ("CoinShares's head of research said")
    "that",  # a role never runs through this word: "Analysts said that ..."
    "report_nouns",  # "CoinGlass data", "figures from Farside": words of a source's output
    "reported_by",  # "compiled by", "as reported by": a name follows
    "source_links",  # "from", "by", "of", "at": between a report noun and its source
    "determiners",  # "the": may stand before a name ("according to the Block")
    "habitual",  # "tend to", "typically", "historically": a main clause stated as a general rule (a mechanism)
    "influences",  # "weighing", "lifting", "dragging": a participle of influence makes ", with X -ing" a cause
    "participles",  # "cooling" (-ing words): the participle of "with X -ing"; what stands before it is its subject
    "object_openers",  # "the", "fresh": words before the object noun of an influence verb ("lifted fresh demand")
)


@dataclass(frozen=True)
class ClauseWords:
    """One alternation string per field ("(?!)" when a field is empty)."""

    breaks: str = NEVER
    pronoun_subjects: str = NEVER
    question_words: str = NEVER
    up: str = NEVER
    down: str = NEVER
    contrast: str = NEVER
    composition: str = NEVER
    share_subjects: str = NEVER
    negations: str = NEVER
    adding_up: str = NEVER
    cause_stops: str = NEVER
    temporal: str = NEVER
    figure: str = NEVER
    timelike_framings: str = NEVER
    state_framings: str = NEVER
    reading_verbs: str = NEVER
    cause_of: str = NEVER
    speech_leads: str = NEVER
    own_words: str = NEVER
    statements: str = NEVER
    statement_links: str = NEVER
    anaphora: str = NEVER
    name_joiners: str = NEVER
    possessives: str = NEVER
    that: str = NEVER
    report_nouns: str = NEVER
    reported_by: str = NEVER
    source_links: str = NEVER
    determiners: str = NEVER
    habitual: str = NEVER
    influences: str = NEVER
    participles: str = NEVER
    object_openers: str = NEVER


def _alternation(path: str, name: str, patterns: Any) -> str:
    joined = alternation(path, name, patterns)
    if joined is None:
        return NEVER
    import regex  # only when a rules file is read: the set-up cache holds the checked strings

    try:
        regex.compile(joined)
    except regex.error as exc:
        raise UserError(Problem(f"house_style.{name}: bad regex: {exc}", path=path)) from None
    return joined


def clause_words(section: Any, path: str = "", prefix: str = "") -> ClauseWords:
    """The ``house_style.<language>.clauses`` section, checked, with one clear error per bad field."""
    checked = fields_of(section, FIELDS, f"{prefix}clauses", path, _alternation)
    return ClauseWords() if checked is None else ClauseWords(**checked)
