"""An article's Markdown -> HTML with elements wrapped around figures and placed at findings.

Positions come from the linter (offsets and line/column in the Markdown file),
so the marks go in before the Markdown is rendered: a private-use character
pair stands for each mark, survives rendering as plain text, and is replaced by
the real element afterwards, in text only (never inside a tag or an attribute).
Raw HTML in an article is shown as text, not obeyed: the page must be safe for
any article a person hands it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt

OPEN, CLOSE, POINT = "\ue000", "\ue001", "\ue002"
BASE = 0xE100  # mark n is written as chr(BASE + n)
LIMIT = 0xF8FF - BASE
_PRIVATE = re.compile("[\ue000-\uf8ff]")
_SENTINEL = re.compile("([\ue000\ue002])([\ue100-\uf8ff])|\ue001")
_TAG = re.compile(r"(<[^>]*>)")
_BLOCK_MARKER = re.compile(r"[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+|\|[ \t]*)")
_RENDERER = MarkdownIt("commonmark", {"html": False}).enable("table")


@dataclass(frozen=True)
class Span:
    """A stretch of the Markdown source to wrap (a money figure)."""

    start: int
    end: int


def clean(source: str) -> str:
    """Line endings as the linter reads them; private-use characters (our marks) made inert, offsets kept."""
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    return _PRIVATE.sub("\ufffd", source)


def offset_of(source: str, line: int, column: int) -> int:
    """Offset of a 1-based line and column (clamped into the text)."""
    starts = [0] + [m.end() for m in re.finditer("\n", source)]
    line = min(max(line, 1), len(starts))
    return min(starts[line - 1] + max(column, 1) - 1, len(source))


def _past_block_marker(source: str, offset: int) -> int:
    """A mark at the start of a line goes after its heading or list marker, which it would break."""
    if offset == 0 or source[offset - 1] == "\n":
        match = _BLOCK_MARKER.match(source, offset)
        if match:
            return match.end()
    return offset


def render_marked(
    source: str,
    body_start: int,
    spans: Sequence[Span],
    points: Sequence[int],
    open_tag: Callable[[int], str],
    close_tag: str,
    point_tag: Callable[[int], str],
) -> tuple[str, set[int], set[int]]:
    """HTML of the body with span n wrapped in ``open_tag(n)``…``close_tag`` and ``point_tag(n)`` at point n.

    Returns the HTML and which spans and points were placed (a mark that fell
    inside a link target or image text cannot be shown and is left out).
    """
    if len(spans) > LIMIT or len(points) > LIMIT:
        raise ValueError("too many marks for one article")
    inserts: list[tuple[int, int, str]] = []
    for n, span in enumerate(spans):
        start = max(span.start, body_start)
        if span.end <= start:
            continue
        inserts.append((start, 2, OPEN + chr(BASE + n)))
        inserts.append((span.end, 0, CLOSE))
    for n, offset in enumerate(points):
        offset = max(offset, body_start)
        inside = next((s for s in spans if s.start < offset < s.end), None)
        offset = inside.start if inside else _past_block_marker(source, offset)
        inserts.append((offset, 1, POINT + chr(BASE + n)))
    inserts.sort(key=lambda item: (item[0], item[1]))
    pieces, pos = [], body_start
    for offset, _, text in inserts:
        pieces.append(source[pos:offset])
        pieces.append(text)
        pos = offset
    pieces.append(source[pos:])
    html = _RENDERER.render("".join(pieces))
    return _replace(html, open_tag, close_tag, point_tag)


def _replace(
    html: str, open_tag: Callable[[int], str], close_tag: str, point_tag: Callable[[int], str]
) -> tuple[str, set[int], set[int]]:
    out: list[str] = []
    placed_spans: set[int] = set()
    placed_points: set[int] = set()
    current: int | None = None
    for chunk in _TAG.split(html):
        if chunk.startswith("<"):
            if current is not None:  # a figure never straddles a tag: close it before the tag
                out.append(close_tag)
                current = None
            out.append(_PRIVATE.sub("", chunk))
            continue

        def swap(match: re.Match[str]) -> str:
            nonlocal current
            kind = match.group(1)
            if kind is None:  # CLOSE
                if current is None:
                    return ""
                current = None
                return close_tag
            n = ord(match.group(2)) - BASE
            if kind == POINT:
                placed_points.add(n)
                return point_tag(n)
            prefix = close_tag if current is not None else ""
            current = n
            placed_spans.add(n)
            return prefix + open_tag(n)

        out.append(_SENTINEL.sub(swap, chunk))
    if current is not None:
        out.append(close_tag)
    return "".join(out), placed_spans, placed_points
