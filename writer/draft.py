"""One week's draft, start to finish: facts -> Markdown -> HTML -> lint -> files.

``writer draft`` and ``writer backfill`` both call ``render_week``, so a
backfilled article is byte for byte the one ``draft`` gives for that week.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from writer.articlefile import article_name, generated, page_name
from writer.errors import Problem, UserError
from writer.fsutil import atomic_write
from writer.lint.context import Context
from writer.lint.engine import lint_text
from writer.lint.findings import Finding
from writer.lint.mention import Mention
from writer.render.templates import Article, render_article
from writer.setup import Setup


@dataclass(frozen=True)
class Draft:
    week: dt.date
    article: Article
    html: str
    findings: tuple[Finding, ...] = ()
    mentions: tuple[Mention, ...] | None = None  # the figures lint read, for the review page (None: not read)

    @property
    def has_errors(self) -> bool:
        return any(f.level == "error" for f in self.findings)


def render_week(facts, setup: Setup, path: str | None = None) -> Draft:
    """Render a week and lint the result against the same rules: a draft with an error is a bug."""
    from writer.render.html import to_html

    article = render_article(facts, setup.env, setup.rules.version)
    name = path or article_name(facts.week)
    context = Context(setup.style, setup.vocabulary, facts)
    result = lint_text(article.markdown, name, setup.ruleset, context)
    mentions = context.read_mentions()
    return Draft(
        week=facts.week,
        article=article,
        html=to_html(article, setup.env),
        findings=tuple(result.findings),
        mentions=None if mentions is None else tuple(mentions),
    )


def edited_by_hand(path: Path) -> bool:
    """True when a generated draft was changed after it was written: its body or its front matter.

    The body must match the ``body_hash`` it was written with, and the front
    matter must be exactly what the writer dumps for the values it holds.
    """
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise UserError(Problem(f"cannot read: {exc.strerror}", path=str(path))) from None
    return not generated(text)


def write_draft(draft: Draft, out: Path, force: bool = False) -> list[Path]:
    """Write DATE.md and DATE.html atomically; refuse to replace a hand-edited draft."""
    md_path = Path(out) / article_name(draft.week)
    html_path = Path(out) / page_name(draft.week)
    if not force and edited_by_hand(md_path):
        raise UserError(
            Problem("was edited after it was generated; not overwritten (use --force to replace it)", path=str(md_path))
        )
    atomic_write(md_path, draft.article.markdown)
    atomic_write(html_path, draft.html)
    return [md_path, html_path]
