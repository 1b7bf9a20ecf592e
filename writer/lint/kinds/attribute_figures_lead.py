"""attribute-figures-lead: a paragraph that states a flow figure names its source (or the
lead names one for the whole article), a source being an attribution phrase of the house
style before a name, a source pattern or one of the week's sources. For languages where
writer.lint.attribution's English sentence shapes do not apply (Chinese: 据CoinShares数据);
``attribute-figures`` is the English kind. Works with or without data."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from writer.housestyle import HouseStyle, phrase_regex
from writer.lazyre import LazyPattern
from writer.lint import attribution
from writer.lint import regex_store as regex  # regex, its compiled patterns kept between runs
from writer.lint.context import Context
from writer.lint.document import Document
from writer.lint.findings import Finding
from writer.lint.kinds import SUGGESTION, Field, Kind
from writer.lint.kinds._figures import names_source
from writer.lint.rules import Rule, make_finding, search

_HAN = LazyPattern(r"[\u3400-\u9fff]")  # a wide class: slow to compile, so only when used


def _words(text: str) -> int:
    """Words in a text: spaced words, and Chinese characters two to a word."""
    return len(text.split()) + len(_HAN.findall(text)) // 2


def _attribution(style: HouseStyle) -> regex.Pattern:
    """An attribution phrase followed by a named source ("according to CoinShares", 据CoinShares):
    "according to reports" and 据权威数据 name no source."""
    return _attribution_pattern(style.attribution, style.word_boundary, style.speaker_name)


@cache
def _attribution_pattern(words: tuple[str, ...], boundary: str, name: str) -> regex.Pattern:
    return regex.compile(rf"(?i:{phrase_regex(words, boundary)})\s*(?:{name})", regex.VERSION0)


def run(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    sources = rule.compiled.get("source_patterns")
    names = list(ctx.facts.sources) if ctx.facts is not None else []
    not_flows = rule.compiled.get("ignore_context") or attribution.NEVER
    flows = _flow_words(ctx.style)
    lead_in = _attribution(ctx.style)

    def attributed(text: str) -> bool:
        return (
            bool(lead_in.search(text))
            or bool(search(sources, text, ctx.timeout))
            or any(names_source(text, n, ctx.style) for n in names)
        )

    def figures() -> list[tuple[int, int]]:
        return [
            (m.start, m.end)
            for m in ctx.mentions(doc)
            if attribution.is_flow_in_clause(
                m.sentence.text, m.start - m.sentence.start, m.end - m.sentence.start, flows, not_flows, _CLAUSE_BREAK
            )
        ]

    # paragraphs and the first paragraph as the house rules define them (a list joins its lead-in)
    for start, end in attribution.unattributed(doc, attributed, figures):
        yield make_finding(rule, doc, start, end)


# In Chinese a comma ends a clause: "累计净流入X，总净资产为Y" holds a flow and an asset level.
_CLAUSE_BREAK = regex.compile(r"[，,；;：:]")


def _flow_words(style: HouseStyle) -> regex.Pattern:
    """The house style's direction words (净流入, 流出, ...): what makes an amount a flow."""
    return _flow_pattern(style.outflow_words + style.inflow_words, style.word_boundary)


@cache
def _flow_pattern(words: tuple[str, ...], boundary: str) -> regex.Pattern:
    return regex.compile(phrase_regex(words, boundary), regex.IGNORECASE)


KIND = Kind(
    name="attribute-figures-lead",
    fields={
        "source_patterns": Field("strings", default=[], regex=True, description="besides house_style attribution"),
        "ignore_context": Field("strings", default=[], regex=True),
        "suggestion": SUGGESTION,
    },
    run=run,
    description="a flow figure names its source, or the lead does (attribution phrases: for Chinese)",
)
