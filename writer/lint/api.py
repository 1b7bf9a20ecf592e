"""The linter as a library: load a rule set, lint texts with or without a week's data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from writer.entities import Vocabulary
from writer.lint.context import Context
from writer.lint.document import FRONT_MATTER
from writer.lint.engine import Result, example_runner, lint_text
from writer.lint.files import Input
from writer.lint.findings import Finding
from writer.lint.rules import RuleSet, load_rules
from writer.rulesfile import HouseStyle, RulesDocument


def load_ruleset(doc: RulesDocument, style: HouseStyle, vocabulary: Vocabulary, examples: bool = True) -> RuleSet:
    """Validate the rules; with ``examples`` (the default) every rule's examples must behave."""
    return load_rules(doc, example_runner(style, vocabulary) if examples else None)


def front_matter_week(text: str) -> dt.date | None:
    """The ``week:`` of an article's front matter, if it has one."""
    match = FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if not match:
        return None
    try:
        meta = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError:
        return None
    week = meta.get("week") if isinstance(meta, dict) else None
    if isinstance(week, dt.date):
        return week
    try:
        return dt.date.fromisoformat(str(week)) if week else None
    except ValueError:
        return None


def lint_input(item: Input, rules: RuleSet, style: HouseStyle, vocabulary: Vocabulary, facts=None) -> Result:
    """Lint one input; an unreadable or empty one becomes a finding, not an exception."""
    if item.text is None:
        return Result(item.path, [Finding(item.path, 1, 1, "error", "unreadable", item.problem)])
    if not item.text.strip():
        return Result(item.path, [Finding(item.path, 1, 1, "warning", "empty-file", "file is empty; nothing to lint")])
    return lint_text(item.text, item.path, rules, Context(style, vocabulary, facts))


def data_week_hint(path: Path) -> str:
    return f"{path}: give --week, or a 'week:' in the article's front matter"
