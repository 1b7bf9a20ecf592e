"""Markdown -> a standalone HTML page, with markdown-it-py (CommonMark, tables on).

The same parser and dialect the linter reads articles with, so a page shows
exactly the structure the linter checked. One parser, built once: loading a
Markdown converter per page cost more than converting it.
"""

from __future__ import annotations

import functools

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup

from writer.render.templates import Article, render_page


@functools.cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def markdown_to_html(text: str) -> Markup:
    """HTML the program built itself from escaped Markdown: the only text a page passes unescaped."""
    return Markup(_parser().render(text))


def to_html(article: Article, env: jinja2.Environment) -> str:
    """The article body as a page; the title is escaped by the page template."""
    return render_page(article, markdown_to_html(article.body), env)
