"""Markdown -> a standalone HTML page, through the ``markdown`` package."""

from __future__ import annotations

import jinja2
import markdown
from markupsafe import Markup

from writer.render.templates import Article, render_page


def to_html(article: Article, env: jinja2.Environment) -> str:
    """The article body as a page; the title is escaped by the page template."""
    body = markdown.markdown(article.body, extensions=["sane_lists"], output_format="html")
    return render_page(article, Markup(body), env)
