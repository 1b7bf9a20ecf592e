"""The linter as a library: lint inputs with or without a week's data (set-up: ``writer.setup``)."""

from __future__ import annotations

from writer.entities import Vocabulary
from writer.housestyle import HouseStyle
from writer.lint.context import Context
from writer.lint.engine import Result, lint_text
from writer.lint.files import Input
from writer.lint.findings import Finding
from writer.lint.rules import RuleSet


def lint_input(item: Input, rules: RuleSet, style: HouseStyle, vocabulary: Vocabulary, facts=None) -> Result:
    """Lint one input; an unreadable or empty one becomes a finding, not an exception."""
    if item.text is None:
        return Result(item.path, [Finding(item.path, 1, 1, "error", "unreadable", item.problem)])
    if not item.text.strip():
        return Result(item.path, [Finding(item.path, 1, 1, "warning", "empty-file", "file is empty; nothing to lint")])
    return lint_text(item.text, item.path, rules, Context(style, vocabulary, facts))
