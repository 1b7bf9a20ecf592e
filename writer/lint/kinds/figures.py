"""Figure rule kinds: qualify-figures and grounded-figures (need the week's data),
attribute-figures (works with or without it)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from writer.housestyle import HouseStyle
from writer.lint.context import Context
from writer.lint.document import Document
from writer.lint.findings import Finding
from writer.lint.mentions import Mention
from writer.lint.rules import Rule, make_finding, search
from writer.money import AmountRange, direction


def _describe(fig, style) -> str:
    if fig is None:
        return "nothing"
    name = "the total" if fig.scope == "total" else fig.key
    metric = {"net_flow": "net flow", "ytd_flow": "year-to-date flow", "aum": "assets under management"}[fig.metric]
    word = direction(fig.point) if fig.metric != "aum" else "level"
    return f"{name} {metric} ({word}, {fig.amount_text(style, range_bound='exact')})"


def grounded_figures(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    if ctx.facts is None:
        return
    ignore = rule.compiled.get("ignore_context")
    for m in ctx.mentions(doc):
        if ignore is not None and search(ignore, m.sentence.text, ctx.timeout):
            continue
        text = doc.source[m.start : m.end]
        if m.figure is None:
            yield make_finding(
                rule,
                doc,
                m.start,
                m.end,
                f"{text!r} matches no figure of the week's data; closest: {_describe(m.closest, ctx.style)}",
            )
            continue
        fig = m.figure
        if rule.params.get("check_direction") and m.sign and fig.metric != "aum":
            value = m.side.value if m.side else fig.point
            if m.sign * value < 0:
                yield make_finding(
                    rule,
                    doc,
                    m.start,
                    m.end,
                    f"{text!r} is called {m.sign_word!r}, but the data give {_describe(fig, ctx.style)}",
                )


def qualify_figures(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    if ctx.facts is None:
        return
    hs = ctx.style
    qualifiers = hs.phrases([*hs.qualifiers, *rule.params.get("qualifiers", [])])
    group = re.compile(rf"{hs.phrases(hs.group_words).pattern}[^.()\n]{{0,40}}(?:{qualifiers.pattern})", re.IGNORECASE)
    markers = hs.phrases([*hs.conflict_markers, *rule.params.get("conflict_markers", [])])
    mentions = ctx.mentions(doc)
    for m in mentions:
        fig = m.figure
        if fig is None or not fig.flagged:
            continue
        sentence = m.sentence.text
        paragraph = doc.block_text(m.sentence.block)
        text = doc.source[m.start : m.end]
        # a qualifier belongs to the figure whose stretch of the sentence it sits in
        lo, hi = _stretch(m, mentions)
        flagged_here = qualifiers.search(doc.prose, lo, hi) or group.search(paragraph)
        if fig.is_range:
            if isinstance(m.amount, AmountRange):
                if not (flagged_here or markers.search(sentence)):
                    yield make_finding(
                        rule,
                        doc,
                        m.start,
                        m.end,
                        f"{text!r}: sources conflict on this figure; say so or flag it as unverified",
                    )
                continue
            others = [o for o in mentions if o.sentence is m.sentence and o.figure is fig and o.side is not m.side]
            named = all(any(_names_source(sentence, s, hs) for s in side.sources) for side in fig.sides)
            if not others or not named:
                yield make_finding(
                    rule,
                    doc,
                    m.start,
                    m.end,
                    f"{text!r} is one end of a conflict; write the range "
                    f"({hs.range(fig.low, fig.high, 'approx')}) or both ends "
                    "with their sources in one sentence",
                    suggestion=rule.params.get("suggestion", ""),
                )
            elif not (flagged_here or markers.search(sentence)):
                yield make_finding(rule, doc, m.start, m.end, f"{text!r}: sources conflict; flag it as unverified")
            continue
        if not flagged_here:
            why = (
                "repeats the previous week's figure"
                if fig.repeated_from and fig.status == "verified"
                else (f"is {fig.status} ({', '.join(fig.sources)})")
            )
            yield make_finding(rule, doc, m.start, m.end, f"{text!r} {why} and carries no qualifier in its sentence")


def _stretch(m: Mention, mentions: list[Mention]) -> tuple[int, int]:
    """From the end of the previous amount in the sentence to the start of the next one."""
    same = [o for o in mentions if o.sentence is m.sentence]
    i = same.index(m)
    lo = same[i - 1].end if i else m.sentence.start
    hi = same[i + 1].start if i + 1 < len(same) else m.sentence.end
    return lo, hi


def _names_source(text: str, source: str, style: HouseStyle) -> bool:
    if style.phrases([source]).search(text):
        return True
    # "Source A" is also cited as "A statistics": the distinctive last word, case-sensitive
    words = source.split()
    if len(words) > 1 and words[0].lower() in style.source_nouns:
        return re.search(rf"(?<![\w.]){re.escape(words[-1])}(?![\w.])", text) is not None
    return False


def attribute_figures(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    sources = rule.compiled.get("source_patterns")
    names = list(ctx.facts.sources) if ctx.facts is not None else []
    ignore = rule.compiled.get("ignore_context")
    lead_in = ctx.style.phrases(ctx.style.attribution)

    def attributed(text: str) -> bool:
        return (
            bool(lead_in.search(text))
            or bool(search(sources, text, ctx.timeout))
            or any(_names_source(text, n, ctx.style) for n in names)
        )

    # the lead: the first paragraph that is more than a title line or dateline
    sentences_in = Counter(s.block for s in doc.sentences)
    lead = next(
        (
            i
            for i, b in enumerate(doc.blocks)
            if b.kind == "paragraph" and (sentences_in[i] >= 2 or len(doc.block_text(i).split()) >= 20)
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
