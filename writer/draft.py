"""One week's draft, start to finish: facts -> Markdown -> HTML -> lint -> files.

``writer draft`` and ``writer backfill`` both call ``render_week``, so a
backfilled article is byte for byte the one ``draft`` gives for that week.
"""

from __future__ import annotations

import datetime as dt
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
from writer.render.templates import Article, environment, front_matter, render_article
from writer.rulesfile import RulesDocument
from writer.yamlsafe import load_yaml


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
    return not generated_text(text)


def generated_text(text: str) -> bool:
    """Is this exactly a draft as the writer wrote it (front matter and body untouched)?"""
    if not text.startswith("---\n") or "\n---\n\n" not in text:
        return False  # not ours, or its front matter fence was changed: a person's file
    front, body = text[4:].split("\n---\n\n", 1)
    try:
        meta = load_yaml(front, "front matter")
    except UserError:
        return False
    if not isinstance(meta, dict) or meta.get("body_hash") != sha(body):
        return False
    return front_matter(meta) == front + "\n"


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
