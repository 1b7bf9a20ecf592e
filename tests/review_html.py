"""Reading a review page back as structure (stdlib html.parser): what the tests assert on."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    inside_article: bool = False


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._stack: list[Element] = []
        self._article_depth = 0

    VOID = frozenset({"meta", "br", "img", "hr", "input", "link", "source", "wbr"})

    def handle_starttag(self, tag, attrs):
        el = Element(tag, {k: v or "" for k, v in attrs}, inside_article=self._article_depth > 0)
        self.elements.append(el)
        if tag == "article":
            self._article_depth += 1
        if tag not in self.VOID:
            self._stack.append(el)

    def handle_endtag(self, tag):
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i].tag == tag:
                del self._stack[i:]
                break
        if tag == "article":
            self._article_depth -= 1

    def handle_data(self, data):
        for el in self._stack:
            el.text += data

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Element]:
        out = []
        for el in self.elements:
            if tag and el.tag != tag:
                continue
            if cls and cls not in el.attrs.get("class", "").split():
                continue
            if any(el.attrs.get(k.replace("_", "-")) != v for k, v in attrs.items()):
                continue
            out.append(el)
        return out


def read(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def outline(html: str) -> dict:
    """The page's structure, free of its exact bytes: landmarks, headings, marks, findings, charts."""
    page = read(html)
    figures = [e for e in page.find("a", "figure") if e.inside_article]
    return {
        "landmarks": [
            f"{e.tag}#{e.attrs.get('id', '')}" for e in page.elements if e.tag in ("main", "article", "section", "nav")
        ][:12],
        "headings": [e.tag for e in page.elements if e.tag in ("h1", "h2")],
        "figures": [[e.text.strip(), e.attrs["data-figure"], e.attrs["data-status"]] for e in figures],
        "panels": len(page.find("section", "panel")),
        "findings": [e.attrs["data-rule"] for e in page.find("span", "finding")],
        "facts_rows": len([e for e in page.find("tr") if e.attrs.get("class", "").startswith("status-")]),
        "charts": [e.attrs.get("id") for e in page.find("figure")],
        "svgs": len(page.find("svg")),
        "scripts": len(page.find("script")),
    }
