"""attribute-figures-lead: a paragraph that states a flow figure names its source (or the
lead names one for the whole article), a source being an attribution phrase of the house
style before a name, a source pattern or one of the week's sources. For languages where
writer.lint.attribution's English sentence shapes do not apply (Chinese: 据CoinShares数据);
``attribute-figures`` is the English kind. Works with or without data."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cache

from writer.housestyle import HouseStyle, phrase_regex
from writer.lazyre import LazyPattern
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
    ignore = rule.compiled.get("ignore_context")
    lead_in = _attribution(ctx.style)

    def attributed(text: str) -> bool:
        return (
            bool(lead_in.search(text))
            or bool(search(sources, text, ctx.timeout))
            or any(names_source(text, n, ctx.style) for n in names)
        )

    # the lead: the first paragraph that is more than a title line or dateline
    sentences_in = Counter(s.block for s in doc.sentences)
    lead = next(
        (
            i
            for i, b in enumerate(doc.blocks)
            if b.kind == "paragraph" and (sentences_in[i] >= 2 or _words(doc.block_text(i)) >= 20)
        ),
        None,
    )
    if lead is not None and attributed(doc.block_text(lead)):
        return  # the lead names the source for the whole article
    done: set[int] = set()
    for m in ctx.mentions(doc):
        block = m.sentence.block
        if doc.blocks[block].kind == "heading":
            continue  # a headline's figure is attributed by the text under it
        if block in done or (ignore is not None and search(ignore, m.sentence.text, ctx.timeout)):
            continue
        done.add(block)
        if not attributed(doc.block_text(block)):
            yield make_finding(rule, doc, m.start, m.end)


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
