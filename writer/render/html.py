"""Markdown -> a standalone HTML page, through the ``markdown`` package.

Readers see what ``markdown`` makes of the article; the linter reads the same
text with markdown-it-py, and ``tests/test_html_text.py`` holds the two to the
same words for every paragraph, list item and heading. One converter with one
``SaneListExtension`` instance serves every page (``reset`` between pages):
building a converter and loading its extensions by name per page cost more than
converting it. Its inline pass skips patterns that cannot match (``writer/render/inline.py``).
"""

from __future__ import annotations

import functools

import jinja2
import markdown
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markupsafe import Markup

from writer.render.inline import quick_inline
from writer.render.templates import Article, render_page


@functools.cache
def _converter() -> markdown.Markdown:
    md = markdown.Markdown(extensions=[SaneListExtension(), TableExtension()], output_format="html")
    return quick_inline(md)


def markdown_to_html(text: str) -> Markup:
    """HTML the program built itself from escaped Markdown: the only text a page passes unescaped."""
    return Markup(_converter().reset().convert(text))


def to_html(article: Article, env: jinja2.Environment) -> str:
    """The article body as a page; the title is escaped by the page template."""
    return render_page(article, markdown_to_html(article.body), env)
