"""The article text of an HTML page, as Markdown-ish lines, through a real parser.

The standard library's ``html.parser`` is tolerant of broken markup, decodes
entities and never executes anything; pulling the text of ``<article>`` (else
``<main>``, else ``<body>``) needs no more, so no dependency is added for it.
Headings become ``#`` lines, list items ``-`` lines, every other block a
paragraph; scripts, styles, navigation, headers, footers and forms are dropped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP = {
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "svg",
    "template",
    "iframe",
    "button",
}
_BLOCKS = {"p", "div", "section", "article", "main", "blockquote", "tr", "table", "ul", "ol", "br", "hr", "figure",
           "figcaption", "pre", "dl", "dd", "dt"}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "source", "area", "base", "col", "embed", "param", "track", "wbr"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: dict[str, list[str]] = {"article": [], "main": [], "body": [], "all": []}
        self.open: dict[str, int] = {"article": 0, "main": 0, "body": 0}
        self.skip = 0
        self.stack: list[str] = []

    def _emit(self, text: str) -> None:
        if self.skip:
            return
        self.parts["all"].append(text)
        for name, depth in self.open.items():
            if depth:
                self.parts[name].append(text)

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _VOID:
            if tag in ("br", "hr"):
                self._emit("\n\n")
            return
        self.stack.append(tag)
        if tag in _SKIP:
            self.skip += 1
        elif tag in self.open:
            self.open[tag] += 1
        if tag in _HEADINGS:
            self._emit("\n\n" + "#" * int(tag[1]) + " ")
        elif tag == "li":
            self._emit("\n\n- ")
        elif tag in ("td", "th"):
            self._emit(" ")
        elif tag in _BLOCKS:
            self._emit("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.stack:
            return  # a stray end tag
        while self.stack:
            top = self.stack.pop()
            if top in _SKIP:
                self.skip = max(0, self.skip - 1)
            elif top in self.open:
                self.open[top] = max(0, self.open[top] - 1)
            if top in _HEADINGS or top in _BLOCKS or top == "li":
                self._emit("\n\n")
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        self._emit(re.sub(r"\s+", " ", data))


def article_text(html: str) -> str:
    """The readable text of the page's article; empty when the page has none."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    for name in ("article", "main", "body"):
        text = _tidy("".join(collector.parts[name]))
        if text:
            return text
    return "" if "<body" in html.lower() else _tidy("".join(collector.parts["all"]))


def _tidy(text: str) -> str:
    lines = [line.strip() for line in text.split("\n")]
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    out = re.sub(r"^(#+|-)\s*$", "", out, flags=re.MULTILINE)
    return re.sub(r"\n{3,}", "\n\n", out).strip() + ("\n" if out else "")
