"""Paragraphs, flow figures and named sources, as the house rules define them for unattributed-figure.

- A paragraph is a run of lines that are not headings; a list or table forms one paragraph with
  the line that leads into it. Headings are never paragraphs.
- The first paragraph is the first one after the title, whatever it is (a dek, a dateline, a list).
- A fund-flow figure is money moving into or out of products; prices, AUM, volumes, ventures and
  projections are not. Which one a figure is depends on the words nearest to it, so the nearest
  flow word and the nearest non-flow word compete; a dollar amount written without a unit
  ("$87,000") is a price level. Flows written in coins ("11,964 BTC") are flows too.
- A source is named: a known publication, or a capitalised name that reports ("according to
  Farside Investors", "CoinGlass data", "BitMEX Research says", "post by James Butterfill").
  "According to reports", "the data", "the firm" and "his" name no one.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator

from writer.clause_words import ClauseWords
from writer.lint import regex_store as regex  # regex, its compiled patterns kept between runs
from writer.lint.document import Document
from writer.record import dataclass  # dataclasses without generated code: fast start-up

NEVER = regex.compile("(?!)")
_TITLE_LEVEL = 1
_MASTHEAD_WORDS = 6


@dataclass(frozen=True)
class Paragraph:
    blocks: tuple[int, ...]
    start: int
    end: int


def paragraphs(doc: Document) -> list[Paragraph]:
    """Blocks grouped into paragraphs: a list or table joins the paragraph that introduces it."""
    groups: list[list[int]] = []
    previous = ""
    for i, block in enumerate(doc.blocks):
        if block.kind in ("heading", "field"):  # titles are attributed by the text under them
            previous = "heading"
            continue
        joins = block.kind in ("item", "cell") and previous in ("paragraph", "item", "cell")
        if joins and groups:
            groups[-1].append(i)
        else:
            groups.append([i])
        previous = block.kind
    return [Paragraph(tuple(g), doc.blocks[g[0]].start, doc.blocks[g[-1]].end) for g in groups]


def first_paragraph(doc: Document, paras: list[Paragraph]) -> Paragraph | None:
    """The first paragraph after the title (a dek, a dateline or a list counts).

    Markdown marks the title as the first top-level heading. A plain-text article has no
    marker: its first block is the title, and the short lines under it (source, byline,
    time stamp: fewer than six words) belong to the masthead, not to the text.
    """
    title = next((b for b in doc.blocks if b.kind == "heading" and b.level == _TITLE_LEVEL), None)
    if title is not None:
        return next((p for p in paras if p.start >= title.end), None)
    rest = paras[1:] if paras and doc.blocks[paras[0].blocks[0]].start == doc.blocks[0].start else paras
    return next((p for p in rest if len(doc.prose[p.start : p.end].split()) >= _MASTHEAD_WORDS), None)


def unattributed(
    doc: Document,
    attributed: Callable[[str], bool],
    figures: Callable[[], Iterable[tuple[int, int]]],
) -> Iterator[tuple[int, int]]:
    """The first flow figure of each paragraph that names no source, none at all when the
    first paragraph names one (the house rules' unattributed-figure, for every language).
    ``figures`` is called only when the first paragraph leaves the question open."""
    paras = paragraphs(doc)
    lead = first_paragraph(doc, paras)
    if lead is not None and attributed(doc.prose[lead.start : lead.end]):
        return  # the first paragraph names the source for the whole article
    found = list(figures())
    for para in paras:
        first = next((f for f in found if para.start <= f[0] < para.end), None)
        if first is not None and not attributed(doc.prose[para.start : para.end]):
            yield first


class SourcePattern:
    """Known names (cheap), the cue words a naming needs (cheap), then the full pattern.

    The full pattern is compiled on first use: most articles name a known publication or give
    no cue word, and its compile cost (the name grammar over the whole vocabulary) would
    otherwise be paid by every lint run."""

    def __init__(self, known: regex.Pattern | None, cues: regex.Pattern, full: str) -> None:
        self.known, self.cues, self._full_source = known, cues, full
        self._full: regex.Pattern | None = None

    @property
    def full(self) -> regex.Pattern:
        if self._full is None:
            self._full = regex.compile(self._full_source, regex.VERSION0)
        return self._full


def source_pattern(
    names: Iterable[str], lead_ins: Iterable[str], verbs: Iterable[str], unnamed: Iterable[str], w: ClauseWords
) -> SourcePattern:
    """Where a paragraph names a data source. ``lead_ins`` are the house style's attribution phrases
    ("according to"): they count only when a name follows them. The name grammar is written once
    (a DEFINE group) and called from each alternative, so the pattern stays small."""
    skip = "|".join(regex.escape(w) for w in unnamed) or "(?!)"
    verb = "|".join(regex.escape(v) for v in verbs) or "(?!)"
    word = rf"\b(?!(?:{skip})\b)\p{{Lu}}(?:[\w&'’-]|\.(?=\w))*"
    # the words around a name are the house style's (house_style.<lang>.clauses, writer/clause_words.py)
    grammar = rf"(?(DEFINE)(?P<word>{word})(?P<name>(?&word)(?:\s+(?:(?i:{w.name_joiners})\s+)?(?&word))*))"
    name = "(?&name)"
    # longest first; ties in a fixed order, so the pattern (and its stored compiled form) is the same every run
    known = "|".join(regex.escape(n) for n in sorted({n for n in names if n.strip()}, key=lambda n: (-len(n), n)))
    lead = "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in lead_ins) or "(?!)"
    noun, by, the = f"(?:{w.report_nouns})", f"(?:{w.reported_by})", rf"(?:(?i:{w.determiners})\s+)?"
    statement = f"(?:{w.statements})"
    alternatives = [
        rf"\b(?i:{lead}|{by})\s+{the}{name}",
        rf"\b(?i:{noun})\s+(?i:{w.source_links})\s+{the}(?:[a-z][\w-]*\s+){{0,3}}{name}",
        rf"\b(?i:{statement})\s+(?i:{w.statement_links})\s+{name}",
        rf"{name}(?:{w.possessives})?\s+(?:\w+\s+)?(?:(?i:{noun})|{verb})\b",
        rf"\b(?:{verb})\s+{name}",  # '"...," said Kira Holm'
    ]
    return SourcePattern(
        known=regex.compile(rf"(?<!\w)(?i:{known})(?!\w)") if known else None,
        cues=regex.compile(rf"\b(?i:{lead}|{by}|{noun}|{statement}|{verb})\b"),
        full=grammar + "|".join(f"(?:{a})" for a in alternatives),
    )


def names_source(pattern: SourcePattern, text: str) -> bool:
    if pattern.known is not None and pattern.known.search(text):
        return True
    return pattern.cues.search(text) is not None and pattern.full.search(text) is not None


def flow_figures(
    doc: Document, spans: Iterable[tuple[int, int]], flows: regex.Pattern, not_flows: regex.Pattern, reading
) -> Iterator[tuple[int, int]]:
    """The money spans that are fund-flow figures, plus flows written in coins, in document order.

    ``reading`` is the house style's: its ``coin_amount`` ("500 BTC") and its unit words."""
    coins, scaled = _figure_shapes(reading.coin_amount.pattern, reading.unit.pattern, reading.thousands.pattern)
    candidates = sorted(set(spans) | {m.span() for m in coins.finditer(doc.prose)})
    for start, end in candidates:
        sentence = doc.sentence_at(start)
        if sentence is None:
            continue
        written = doc.source[start:end]
        if "$" in written and not scaled.search(written) and not coins.match(written):
            continue  # "$87,000": a price level
        if _is_flow(sentence.text, start - sentence.start, end - sentence.start, flows, not_flows):
            yield start, end


@functools.cache
def _figure_shapes(coin: str, unit: str, thousands: str) -> tuple[regex.Pattern, regex.Pattern]:
    """An amount written in coins, and a dollar amount with a unit (no unit: "$87,000" is a price)."""
    return regex.compile(rf"\b(?:{coin})\b"), regex.compile(rf"(?i)\d\s*(?:{unit}|{thousands})\b")


def is_flow_in_clause(
    text: str, start: int, end: int, flows: regex.Pattern, not_flows: regex.Pattern, breaks: regex.Pattern
) -> bool:
    """``_is_flow`` inside the clause that holds the figure: a flow and an asset level can share
    one sentence ("净流入X，总净资产为Y"), and only the words of the figure's own clause decide."""
    lo = max((m.end() for m in breaks.finditer(text, 0, start)), default=0)
    nxt = breaks.search(text, end)
    hi = nxt.start() if nxt else len(text)
    return _is_flow(text[lo:hi], start - lo, end - lo, flows, not_flows)


def _is_flow(text: str, start: int, end: int, flows: regex.Pattern, not_flows: regex.Pattern) -> bool:
    """The nearest flow word against the nearest non-flow word around the figure."""

    def distance(pattern: regex.Pattern) -> int | None:
        best = None
        for m in pattern.finditer(text):
            d = start - m.end() if m.end() <= start else m.start() - end if m.start() >= end else 0
            best = d if best is None else min(best, d)
        return best

    flow, other = distance(flows), distance(not_flows)
    if flow is None:
        return False
    return other is None or flow <= other
