"""index.md and index.html, from the ``index.md.j2`` template like every other page.

The index includes the articles' own risk-notice section, so the archive and
its articles carry the same words and a linted archive is clean.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from writer.articlefile import article_name, page_name, review_name
from writer.backfill.records import WeekRecord
from writer.fsutil import atomic_write
from writer.render.prose import Md

TITLE = "Weekly fund-flow articles"


@dataclass(frozen=True)
class IndexRow:
    week: str
    title: Md  # the article's headline, already Markdown
    link: str  # "" when the week has no article
    total: str
    lint: str
    review: str = ""  # the review page, with --review


def lint_status(record: WeekRecord) -> str:
    if record.status in ("failed", "rejected"):
        return record.status
    if record.status == "edited":
        return "edited by hand"
    warnings = record.findings.get("warning", 0)
    return "clean" if not warnings else f"{warnings} warning(s)"


def rows(records: dict[str, WeekRecord], name) -> list[IndexRow]:
    out = []
    for week in sorted(records, reverse=True):
        record = records[week]
        if record.status == "pending":
            continue
        link = name(week) if record.outputs else ""
        review = review_name(week) if review_name(week) in record.outputs else ""
        out.append(IndexRow(week, Md(record.title or "(no article)"), link, record.total, lint_status(record), review))
    return out


def write_index(out: Path, records: dict[str, WeekRecord], setup) -> None:
    from writer.render.html import markdown_to_html
    from writer.render.templates import INDEX, Article, render_page, render_template, tidy

    markdown = tidy(render_template(setup.env, INDEX, weeks=rows(records, article_name)))
    atomic_write(out / "index.md", markdown)
    linked = tidy(render_template(setup.env, INDEX, weeks=rows(records, page_name)))
    page = render_page(Article(title=TITLE, markdown=linked, body=linked), markdown_to_html(linked), setup.env)
    atomic_write(out / "index.html", page)
