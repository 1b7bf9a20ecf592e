"""One week's draft, start to finish: facts -> Markdown -> HTML -> lint -> files.

``writer draft`` and ``writer backfill`` both call ``render_week``, so a
backfilled article is byte for byte the one ``draft`` gives for that week.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2

from writer.entities import Vocabulary
from writer.errors import Problem, UserError
from writer.fsutil import atomic_write, sha
from writer.housestyle import HouseStyle
from writer.lint.api import load_lint_setup
from writer.lint.context import Context
from writer.lint.engine import lint_text
from writer.lint.findings import Finding
from writer.lint.rules import RuleSet
from writer.render.templates import Article, environment, render_article
from writer.rulesfile import RulesDocument


@dataclass(frozen=True)
class Setup:
    """What every command reads once: rules, house style, vocabulary, templates."""

    rules: RulesDocument
    style: HouseStyle
    vocabulary: Vocabulary
    env: jinja2.Environment
    templates: Path | None
    ruleset: RuleSet


def load_setup(rules: Path | None = None, entities: Path | None = None, templates: Path | None = None) -> Setup:
    lint = load_lint_setup(rules, entities)
    env = environment(lint.style, templates, lint.vocabulary.definite)
    return Setup(
        rules=lint.rules,
        style=lint.style,
        vocabulary=lint.vocabulary,
        env=env,
        templates=templates,
        ruleset=lint.ruleset,
    )


@dataclass(frozen=True)
class Draft:
    week: dt.date
    article: Article
    html: str
    findings: tuple[Finding, ...] = ()

    @property
    def has_errors(self) -> bool:
        return any(f.level == "error" for f in self.findings)


def render_week(facts, setup: Setup, path: str | None = None) -> Draft:
    """Render a week and lint the result against the same rules: a draft with an error is a bug."""
    from writer.render.html import to_html

    article = render_article(facts, setup.env, setup.rules.version)
    name = path or f"{facts.week.isoformat()}.md"
    result = lint_text(article.markdown, name, setup.ruleset, Context(setup.style, setup.vocabulary, facts))
    return Draft(week=facts.week, article=article, html=to_html(article, setup.env), findings=tuple(result.findings))


_BODY_HASH = re.compile(r"^body_hash: (\w+)$", re.MULTILINE)


def edited_by_hand(path: Path) -> bool:
    """True when a generated draft's body no longer matches the hash it was written with."""
    if not path.exists():
        return False
    text = path.read_text(encoding="utf-8", errors="replace")
    match = _BODY_HASH.search(text.split("\n---\n", 1)[0])
    if not match or "\n---\n\n" not in text:
        return True  # not ours, or its front matter was changed: a person's file
    body = text.split("\n---\n\n", 1)[1]
    return sha(body) != match.group(1)


def write_draft(draft: Draft, out: Path, force: bool = False) -> list[Path]:
    """Write DATE.md and DATE.html atomically; refuse to replace a hand-edited draft."""
    md_path = Path(out) / f"{draft.week.isoformat()}.md"
    html_path = md_path.with_suffix(".html")
    if not force and edited_by_hand(md_path):
        raise UserError(
            Problem("was edited after it was generated; not overwritten (use --force to replace it)", path=str(md_path))
        )
    atomic_write(md_path, draft.article.markdown)
    atomic_write(html_path, draft.html)
    return [md_path, html_path]
