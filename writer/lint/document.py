"""Markdown -> prose with positions: blocks, sentences, quotations, suppressions.

The trick that keeps every position true: the source is copied and every
character that is not prose (front matter, code, HTML, link targets, URLs,
Markdown markup) is replaced by a space, newlines kept. Offsets in the masked
text are offsets in the file, so a finding's line and column need no mapping.
``writer.lint.blocks`` finds the blocks and their line ranges (markdown-it-py where needed).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import cached_property
from typing import NamedTuple

from writer.articlefile import split as split_front_matter
from writer.housestyle import Sentences
from writer.lint.blocks import block_tokens
from writer.lint.fields import DEFAULT_FIELDS, FieldSpan, field_spans
from writer.record import dataclass, field  # dataclasses without generated code: fast start-up

# Inline non-prose, each with a literal that must be present for it to be worth a scan.
# Linear on hostile text: no pattern scans past the next opener of its own kind, so
# 40,000 unclosed "[a](" or "<a " cost one pass, not one pass each.
_INLINE_NOISE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("`", re.compile(r"(`+)[^`]*?\1")),  # inline code
    ("<!--", None),  # HTML comments: _comments, a linear scan
    ("](", re.compile(r"!?\[(?=[^\[\]\n]*\]\()|\]\([^()\]\n]*\)")),  # link openers and targets
    ("]:", re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.MULTILINE)),  # reference definitions
    ("<", re.compile(r"</?[A-Za-z][^<>\n]*>")),  # raw HTML tags and autolinks
    ("://", re.compile(r"\b(?:https?|ftp)://\S+")),  # bare URLs
    ("www.", re.compile(r"\bwww\.\S+")),
    ("", re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]|>[ \t]?|[-*+][ \t]|\d{1,9}[.)][ \t])", re.MULTILINE)),  # block markers
    ("*", re.compile(r"\*{1,3}")),  # emphasis
    ("_", re.compile(r"(?<!\w)_{1,3}|_{1,3}(?!\w)")),
    ("\\", re.compile(r"\\(?=[^\w\s])")),  # backslash escapes
)
_SUPPRESS = re.compile(
    r"<!--\s*writer-lint\s+(?P<action>disable-next-line|disable|enable)\b(?P<rules>[^<>\n]*?)"
    r"(?:\s--\s*(?P<reason>.*?))?\s*-->"
)
_QUOTES = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|„[^“”\n]*[“”]|«[^»\n]*»|'(?=[A-Z])[^'\n]{3,}'(?!\w)")

_WORD_BEFORE = re.compile(r"([A-Za-z](?:[A-Za-z.]*[A-Za-z])?)\.*$")


class Span(NamedTuple):
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    block: int  # index into Document.blocks
    quotes: tuple[Span, ...] = ()  # absolute offsets of quoted passages

    def in_quotes(self, start: int, end: int) -> bool:
        """Quotes are sorted and disjoint: the one that could hold ``start`` is found by bisection."""
        i = bisect.bisect_right(self.quotes, (start, float("inf"))) - 1
        return i >= 0 and self.quotes[i].start <= start and end <= self.quotes[i].end


@dataclass(frozen=True)
class Block:
    kind: str  # heading, paragraph, item, cell, field (a published front-matter value)
    start: int
    end: int
    section: str  # text of the nearest heading above ("" before any); a field's name
    level: int = 0  # heading level


class Suppression(NamedTuple):
    action: str
    rules: tuple[str, ...]  # empty: every rule
    reason: str
    line: int
    column: int


@dataclass
class Document:
    """One article, ready for rules: masked prose, blocks, sentences, suppressions."""

    path: str
    source: str
    prose: str
    blocks: list[Block]
    front_matter: str = ""
    suppressions: list[Suppression] = field(default_factory=list)
    names: list[Span] = field(default_factory=list)  # publication names: not prose to judge
    sentence_rules: Sentences | None = None  # the house style's splitter (set before sentences are read)

    def protect(self, names: Iterable[str]) -> None:
        """Mark where known publication names stand ("Because Bitcoin" is a name, not a cause)."""
        words = sorted({n for n in names if n.strip()}, key=len, reverse=True)
        if not words:
            return
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")
        self.names = [Span(m.start(), m.end()) for m in pattern.finditer(self.prose)]
        self.__dict__.pop("sentences", None)  # a name ending in a letter ("Source A.") can end a sentence
        self.__dict__.pop("sentence_starts", None)

    def in_name(self, start: int, end: int) -> bool:
        """Names are sorted and disjoint: only the last one starting before ``end`` can overlap."""
        i = bisect.bisect_left(self.names, (end, -1)) - 1
        return i >= 0 and start < self.names[i].end

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.source)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset in the original file."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    @cached_property
    def sentences(self) -> list[Sentence]:
        out: list[Sentence] = []
        for index, block in enumerate(self.blocks):
            text = self.prose[block.start : block.end]
            quotes = tuple(Span(block.start + m.start(), block.start + m.end()) for m in _QUOTES.finditer(text))
            name_ends = {n.end - block.start for n in self.names if block.start < n.end <= block.end}
            pieces = (
                [(0, len(text))] if block.kind == "heading" else split_sentences(text, self.sentence_rules, name_ends)
            )
            for a, b in pieces:
                raw = text[a:b]
                lead = len(raw) - len(raw.lstrip())
                trail = len(raw.rstrip())
                if trail <= lead:
                    continue
                s, e = block.start + a + lead, block.start + a + trail
                inner = tuple(q for q in quotes if q.start < e and q.end > s)
                out.append(Sentence(s, e, self.prose[s:e], index, inner))
        return out

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Start offsets of the sentences, in order (for bisect)."""
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self.sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def block_text(self, index: int) -> str:
        """One string object per block, so per-text caches (``rules.Budget``) hit."""
        text = self._block_texts.get(index)
        if text is None:
            block = self.blocks[index]
            text = self._block_texts[index] = self.prose[block.start : block.end]
        return text

    @cached_property
    def _block_texts(self) -> dict[int, str]:
        return {}

    def suppressed(self, rule_id: str, line: int) -> Suppression | None:
        """The suppression that silences a rule on a line, if any (bisection in a per-rule table)."""
        if not self.suppressions:
            return None
        if rule_id not in self._suppression_index:
            self._suppression_index[rule_id] = self._index_suppressions(rule_id)
        lines, states, next_line = self._suppression_index[rule_id]
        if line in next_line:
            return next_line[line]
        i = bisect.bisect_right(lines, line) - 1
        return states[i] if i >= 0 else None

    @cached_property
    def _suppression_index(self) -> dict[str, tuple[list[int], list[Suppression | None], dict[int, Suppression]]]:
        return {}

    def _index_suppressions(self, rule_id: str):
        """For one rule: where disable/enable change the state, and which lines a disable-next-line covers."""
        lines: list[int] = []
        states: list[Suppression | None] = []
        next_line: dict[int, Suppression] = {}
        for sup in self.suppressions:
            if sup.rules and rule_id not in sup.rules:
                continue
            if sup.action == "disable-next-line":
                next_line.setdefault(self._next_content_line(sup.line), sup)
            else:
                lines.append(sup.line)
                states.append(sup if sup.action == "disable" else None)
        return lines, states, next_line

    def _next_content_line(self, line: int) -> int:
        """The first line after ``line`` that is neither blank nor a comment (one table for all)."""
        table = self._content_after
        found = table[line] if line < len(table) else len(table)
        return found if found < len(table) else line + 1

    @cached_property
    def _content_after(self) -> list[int]:
        """For each line number n, the first content line after it: one backward pass, not one per finding."""
        lines = self.source.split("\n")
        after = [0] * (len(lines) + 1)
        nxt = len(lines) + 1
        for n in range(len(lines) - 1, -1, -1):  # lines[n] is line n+1
            after[n + 1] = nxt
            if lines[n].strip() and not lines[n].lstrip().startswith("<!--"):
                nxt = n + 1
        after[0] = nxt
        return after


def _comments(text: str) -> list[tuple[int, int]]:
    """``<!-- ... -->`` spans; an opener with no closer after it ends the scan (no rescan per opener)."""
    spans = []
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        spans.append((start, end + 3))
        pos = end + 3
    return spans


def split_sentences(
    text: str, rules: Sentences | None = None, name_ends: set[int] | frozenset[int] = frozenset()
) -> list[tuple[int, int]]:
    """Sentence spans in a block of prose, by the house style's ``sentences`` (default: the
    shipped language's); in English robust to "U.S.", "$1.7 billion", "Jan. 26", "e.g.".

    ``name_ends``: offsets where a known name ends; a full stop there is no initial's
    ("as did Source A. Bitcoin ..." is two sentences)."""
    if rules is None:
        from writer.housestyle import shipped

        rules = shipped().sentences
    spans: list[tuple[int, int]] = []
    start = 0
    for match in rules.boundary.finditer(text):
        end = match.end()
        rest = text[end:].lstrip()
        if not rest:
            continue
        if match.group().startswith(".") and not match.group().startswith("..."):
            word = _WORD_BEFORE.search(text[max(0, match.start() - 24) : match.start() + 1])
            token = word.group(1).lower() if word else ""
            initial = re.fullmatch(r"[a-z]", token) and match.start() not in name_ends
            if token in rules.abbreviations or initial:
                first = re.match(r"\S+", rest)
                if not (token in rules.initialisms and first and first.group().strip('"“') in rules.starters):
                    continue
        nxt = rest[:1]
        if rules.capital_after and not (nxt.isupper() or nxt.isdigit() or nxt in "\"“'‘($[*-#•●"):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _blanked(text: str, ranges: list[tuple[int, int]]) -> str:
    """The text with every range replaced by spaces, newlines kept (offsets unchanged)."""
    out: list[str] = []
    pos = 0
    for start, end in sorted(ranges):
        start = max(start, pos)
        if end <= start:
            continue
        out.append(text[pos:start])
        out.append("\n".join(" " * len(part) for part in text[start:end].split("\n")))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _without(ranges: list[tuple[int, int]], keep: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The masked ranges with the kept spans cut out of them."""
    out: list[tuple[int, int]] = []
    for start, end in ranges:
        pieces = [(start, end)]
        for k_start, k_end in keep:
            pieces = [
                piece for a, b in pieces for piece in ((a, min(b, k_start)), (max(a, k_end), b)) if piece[1] > piece[0]
            ]
        out.extend(pieces)
    return out


_TABLE_RULE = re.compile(r"[\s|:-]*-[\s|:-]*")


def parse(source: str, path: str = "-", fields: tuple[str, ...] = DEFAULT_FIELDS) -> Document:
    """Read Markdown (or plain text) into a Document with prose masked in place.

    ``fields``: front-matter keys whose values readers see; their text stays prose (writer.lint.fields).
    """
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    ranges: list[tuple[int, int]] = []
    front = ""
    published: list[FieldSpan] = []
    meta, _, body_offset = split_front_matter(source)
    if meta is not None:
        front = meta
        ranges.append((0, body_offset))
        if meta:
            meta_start = source.index("\n") + 1  # after the opening "---" line
            published = field_spans(source, meta_start, meta_start + len(meta), fields)
            # a field repeating the headline is the same published text: lint it once, at the headline
            headline = re.search(r"^#[ \t]+(.+?)[ \t#]*$", source[body_offset:], re.MULTILINE)
            if headline:
                published = [f for f in published if source[f.start : f.end].strip() != headline.group(1).strip()]
    line_starts = [0] + [m.end() for m in re.finditer("\n", source)] + [len(source) + 1]

    def offset(line: int) -> int:
        return min(line_starts[min(line, len(line_starts) - 1)], len(source))

    suppressions = []
    if "writer-lint" in source:
        for m in _SUPPRESS.finditer(source):
            line = bisect.bisect_right(line_starts, m.start())  # not a count from the start per comment
            rules = tuple(r for r in re.split(r"[\s,]+", m.group("rules").strip()) if r)
            column = m.start() - line_starts[line - 1] + 1
            suppressions.append(Suppression(m.group("action"), rules, (m.group("reason") or "").strip(), line, column))

    tokens = block_tokens(source[body_offset:])  # markdown-it only where the quick scan cannot
    first_line = source.count("\n", 0, body_offset)
    blocks: list[Block] = [Block("field", f.start, f.end, f.name) for f in published]
    prose_lines = bytearray(len(line_starts))
    table_lines: list[int] = []
    section = ""
    in_item = 0
    for i, tok in enumerate(tokens):
        if tok.type == "list_item_open":
            in_item += 1
        elif tok.type == "list_item_close":
            in_item -= 1
        elif tok.type == "table_open" and tok.map:
            table_lines.extend(range(tok.map[0] + first_line, tok.map[1] + first_line))
        if tok.type != "inline" or tok.map is None:
            continue
        opener = tokens[i - 1].type if i else ""
        a, b = tok.map[0] + first_line, tok.map[1] + first_line
        if opener == "heading_open":
            kind = "heading"
        elif opener in ("th_open", "td_open"):
            kind = "cell"
        else:
            kind = "item" if in_item else "paragraph"
        level = int(tokens[i - 1].tag[1]) if kind == "heading" else 0
        start, end = offset(a), offset(b)
        if kind == "heading":
            section = tok.content.strip()
        for line in range(a, b):
            prose_lines[line] = 1
        if kind == "cell" and blocks and blocks[-1].start == start:
            continue  # one block per table row
        blocks.append(Block(kind, start, min(end, len(source)), section, level))
    # everything outside prose blocks (code, HTML blocks, rules, front matter) is masked
    for line in range(len(line_starts) - 1):
        if not prose_lines[line]:
            ranges.append((line_starts[line], line_starts[line + 1] - 1))
    for line in table_lines:  # table delimiter rows
        lo, hi = line_starts[line], line_starts[line + 1] - 1
        if _TABLE_RULE.fullmatch(source, lo, hi):
            ranges.append((lo, hi))
    if published:
        ranges = _without(ranges, [(f.start, f.end) for f in published])
    masked = _blanked(source, ranges)
    for literal, pattern in _INLINE_NOISE:
        if literal in masked:
            ranges.extend(_comments(masked) if pattern is None else (m.span() for m in pattern.finditer(masked)))
    prose = _blanked(source, ranges)
    if table_lines:
        prose = prose.replace("|", " ")
    return Document(path=path, source=source, prose=prose, blocks=blocks, front_matter=front, suppressions=suppressions)
