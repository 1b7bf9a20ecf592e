"""Block structure of Markdown: a quick scanner for plain articles, markdown-it for the rest.

The linter reads only the block structure (headings, paragraphs, list items,
table cells and their line ranges). markdown-it-py gets it right for every
CommonMark document but costs more to import than linting an article takes.
Most articles are headings, paragraphs and simple lists, so ``scan`` reads
those line by line and gives the same tokens; at the first construct outside
that subset (code, quotes, HTML other than comments, tables, setext headings,
link definitions, tabs, nested or multi-paragraph list items) it returns None
and markdown-it parses the whole document. A test checks that both agree on
every document the scanner accepts.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Token(NamedTuple):
    """The fields of a markdown-it token that the linter reads."""

    type: str
    map: list[int] | None = None
    tag: str = ""
    content: str = ""


READ_TYPES = ("list_item_open", "list_item_close", "table_open", "heading_open", "paragraph_open", "th_open", "td_open")

_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]|$)")
_HR = re.compile(r" {0,3}([-*_])[ \t]*(?:\1[ \t]*){2,}$")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_LIST = re.compile(r"( {0,3})(?:([-+*])|(\d{1,9})([.)]))( +|$)")
_TABLE_RULE = re.compile(r"[ \t]*[|:-][-:| \t]*$")
# starts that the scanner leaves to markdown-it (indent of up to 3 already stripped)
_OTHER_BLOCK = re.compile(r"```|~~~|>|<(?!!--)|\[[^\]]*\]:|\[\^")


class _Unsupported(Exception):
    pass


def block_tokens(src: str) -> list:
    """Tokens of the document's blocks: the quick scan when it applies, else markdown-it's."""
    tokens = scan(src)
    return tokens if tokens is not None else markdown_it_tokens(src)


_PARSER = None


def markdown_it_tokens(src: str) -> list:
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt

        # Blocks and their line ranges are all we read; inline parsing is skipped.
        _PARSER = MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])
    return _PARSER.parse(src)


def scan(src: str) -> list[Token] | None:
    """The block tokens of a plain document, or None when it needs the full parser."""
    if any(c in src for c in "\t\0\f\v") or ("|" in src and any(_table_rule(line) for line in src.split("\n"))):
        return None
    try:
        return _Scanner(src.split("\n")).run()
    except _Unsupported:
        return None


def _table_rule(line: str) -> bool:
    return ("|" in line or ":" in line) and _TABLE_RULE.match(line) is not None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _blank(line: str) -> bool:
    return not line.strip(" ")


def _heading_content(line: str, hashes_end: int) -> str:
    """ATX heading text as markdown-it gives it: closing hashes dropped when a space precedes them."""
    end = len(line.rstrip(" "))
    body = line[hashes_end:end]
    stripped = body.rstrip("#")
    if len(stripped) < len(body) and stripped.endswith(" "):
        body = stripped
    return body.strip()


class _Scanner:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.out: list[Token] = []

    def run(self) -> list[Token]:
        n = 0
        while n < len(self.lines):
            n = self._block(n)
        return self.out

    def _block(self, n: int) -> int:
        line = self.lines[n]
        if _blank(line):
            return n + 1
        if _indent(line) >= 4:
            raise _Unsupported("indented code")
        body = line.lstrip(" ")
        if _OTHER_BLOCK.match(body):
            raise _Unsupported(body[:3])
        if body.startswith("<!--"):
            return self._comment(n)
        heading = _ATX.match(line)
        if heading:
            level = len(heading.group(1))
            self.out.append(Token("heading_open", [n, n + 1], f"h{level}"))
            self.out.append(Token("inline", [n, n + 1], "", _heading_content(line, heading.end(1))))
            return n + 1
        if _HR.match(line):
            return n + 1
        if _LIST.match(line):
            return self._list(n)
        return self._paragraph(n, top=True)

    def _comment(self, n: int) -> int:
        """An HTML block of type 2: from ``<!--`` to the line holding ``-->``."""
        while n < len(self.lines):
            if "-->" in self.lines[n]:
                return n + 1
            n += 1
        return n

    def _interrupts(self, line: str) -> bool:
        """Does this line end a top-level paragraph (and start a block the scanner reads)?"""
        if _indent(line) >= 4:
            return False
        body = line.lstrip(" ")
        if _SETEXT.match(line) or _HR.match(line) or _OTHER_BLOCK.match(body):
            raise _Unsupported("setext heading, rule or block after a paragraph line")
        if body.startswith("<!--") or _ATX.match(line):
            return True
        item = _LIST.match(line)
        if item:
            content = line[item.end() :]
            ordered_not_one = item.group(3) is not None and item.group(3) != "1"
            return not (_blank(content) or ordered_not_one)
        return False

    def _paragraph(self, n: int, top: bool) -> int:
        start = n
        n += 1
        while n < len(self.lines) and not _blank(self.lines[n]) and not self._interrupts(self.lines[n]):
            n += 1
        self.out.append(Token("paragraph_open", [start, n]))
        self.out.append(Token("inline", [start, n]))
        return n

    def _list(self, n: int) -> int:
        first = _LIST.match(self.lines[n])
        assert first is not None
        kind = first.group(2) or first.group(4)
        while n < len(self.lines):
            item = _LIST.match(self.lines[n])
            if item is None or (item.group(2) or item.group(4)) != kind or _HR.match(self.lines[n]):
                return n  # another block (or another list) begins
            n = self._item(n, item)
            if n < len(self.lines) and _blank(self.lines[n]):
                after = n
                while after < len(self.lines) and _blank(self.lines[after]):
                    after += 1
                if after == len(self.lines):
                    return after
                nxt = _LIST.match(self.lines[after])
                if _indent(self.lines[after]) >= self._content_at:
                    raise _Unsupported("item with several blocks")
                if nxt is None or (nxt.group(2) or nxt.group(4)) != kind:
                    return after
                n = after
        return n

    def _item(self, n: int, item: re.Match) -> int:
        line = self.lines[n]
        spaces = len(item.group(5))
        if not spaces or _blank(line[item.end() :]):
            raise _Unsupported("empty list item")
        if spaces > 4:
            raise _Unsupported("code in a list item")
        self._content_at = item.end()
        content = line[item.end() :]
        if (
            _OTHER_BLOCK.match(content)
            or content.startswith(("<!--", "#"))
            or _LIST.match(content)
            or _HR.match(content)
        ):
            raise _Unsupported("block inside a list item")
        self.out.append(Token("list_item_open", [n, 0]))
        start = n
        n += 1
        while n < len(self.lines):
            nxt = self.lines[n]
            if _blank(nxt):
                break
            if _indent(nxt) >= self._content_at:
                inner = nxt[self._content_at :]
                if _indent(inner) < 4 and (
                    _LIST.match(inner) or _ATX.match(inner) or _HR.match(inner) or _SETEXT.match(inner)
                    or _OTHER_BLOCK.match(inner.lstrip(" ")) or inner.lstrip(" ").startswith("<!--")
                ):  # fmt: skip
                    raise _Unsupported("nested block in a list item")
                n += 1
                continue
            if _HR.match(nxt):
                raise _Unsupported("rule after a list item")
            lower = _LIST.match(nxt)
            if lower and (lower.group(2) or lower.group(4)) != (item.group(2) or item.group(4)):
                raise _Unsupported("another kind of list after a list item")
            if lower or _ATX.match(nxt):
                break  # the next item, or a heading that ends the list
            if _SETEXT.match(nxt) or _OTHER_BLOCK.match(nxt.lstrip(" ")) or nxt.lstrip(" ").startswith("<!--"):
                raise _Unsupported("block after a list item")
            n += 1  # a lazy continuation line of the item's paragraph
        self.out.append(Token("paragraph_open", [start, n]))
        self.out.append(Token("inline", [start, n]))
        self.out.append(Token("list_item_close"))
        return n
