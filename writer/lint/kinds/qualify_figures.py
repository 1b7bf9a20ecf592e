"""qualify-figures: an unverified or conflicting figure carries a house-style qualifier
in its stretch of the sentence, or a group flag in its paragraph."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from writer.lint.context import Context
from writer.lint.document import Document
from writer.lint.findings import Finding
from writer.lint.kinds import SUGGESTION, Field, Kind
from writer.lint.kinds._figures import names_source
from writer.lint.mentions import Mention
from writer.lint.rules import Rule, make_finding
from writer.money import AmountRange


def run(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    if ctx.facts is None:
        return
    hs = ctx.style
    qualifiers = hs.phrases([*hs.qualifiers, *rule.params.get("qualifiers", [])])
    # "(all from World-News.io only, pending verification)": a dot inside a name is no sentence end
    gap = r"(?:[^.()\n]|\.(?=\S)){0,60}"
    group = re.compile(rf"{hs.phrases(hs.group_words).pattern}{gap}(?:{qualifiers.pattern})", re.IGNORECASE)
    markers = hs.phrases([*hs.conflict_markers, *rule.params.get("conflict_markers", [])])
    mentions = ctx.mentions(doc)
    by_sentence = _by_sentence(mentions)
    for m in mentions:
        fig = m.figure
        if fig is None or not fig.flagged:
            continue
        sentence = m.sentence.text
        paragraph = doc.block_text(m.sentence.block)
        text = doc.source[m.start : m.end]
        # a qualifier belongs to the figure whose stretch of the sentence it sits in
        lo, hi = _stretch(m, by_sentence[id(m.sentence)])
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
            others = [o for o in by_sentence[id(m.sentence)] if o.figure is fig and o.side is not m.side]
            named = all(any(names_source(sentence, s, hs) for s in side.sources) for side in fig.sides)
            # an end at zero has no amount to print ("flat net flows"): only the other ends must be
            unsaid = not others and any(s is not m.side and s.value for s in fig.sides)
            if unsaid or not named:
                yield make_finding(
                    rule,
                    doc,
                    m.start,
                    m.end,
                    f"{text!r} is one end of a conflict; write "
                    + ("" if fig.straddles else f"the range ({hs.range(fig.low, fig.high, 'approx')}) or ")
                    + "both ends with their sources in one sentence",
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


def _by_sentence(mentions: list[Mention]) -> dict[int, list[Mention]]:
    """Mentions grouped by sentence once, so per-mention lookups do not rescan the document."""
    out: dict[int, list[Mention]] = {}
    for m in mentions:
        out.setdefault(id(m.sentence), []).append(m)
    return out


def _stretch(m: Mention, same: list[Mention]) -> tuple[int, int]:
    """From the end of the previous amount in the sentence to the start of the next one."""
    i = bisect.bisect_left(same, m.start, key=lambda o: o.start)  # mentions are in text order
    lo = same[i - 1].end if i else m.sentence.start
    hi = same[i + 1].start if i + 1 < len(same) else m.sentence.end
    return lo, hi


KIND = Kind(
    name="qualify-figures",
    fields={
        "qualifiers": Field("strings", default=[], description="accepted besides house_style qualifiers"),
        "conflict_markers": Field("strings", default=[], description="accepted besides house_style conflict_markers"),
        "suggestion": SUGGESTION,
    },
    run=run,
    needs_data=True,
    description="unverified figures carry their qualifier",
)
