"""Markdown -> a standalone HTML page, through the ``markdown`` package.

One converter per kind of page, built once and reset between pages: loading
extensions by name for every page cost more than converting it.
"""

from __future__ import annotations

import functools

import jinja2
import markdown
from markupsafe import Markup

from writer.render.templates import Article, render_page


@functools.cache
def _converter(tables: bool) -> markdown.Markdown:
    if tables:
        from markdown.extensions.tables import TableExtension

        return markdown.Markdown(extensions=[TableExtension()], output_format="html")
    from markdown.extensions.sane_lists import SaneListExtension

    return markdown.Markdown(extensions=[SaneListExtension()], output_format="html")


def markdown_to_html(text: str, tables: bool = False) -> Markup:
    """HTML the program built itself from escaped Markdown: the only text a page passes unescaped."""
    return Markup(_converter(tables).reset().convert(text))


def to_html(article: Article, env: jinja2.Environment) -> str:
    """The article body as a page; the title is escaped by the page template."""
    return render_page(article, markdown_to_html(article.body), env)
