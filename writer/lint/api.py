"""The linter as a library: load a rule set, lint texts with or without a week's data."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from writer.entities import Vocabulary, load_vocabulary
from writer.housestyle import HouseStyle
from writer.lint import cache
from writer.lint.context import Context
from writer.lint.document import FRONT_MATTER
from writer.lint.engine import Result, example_runner, lint_text
from writer.lint.files import Input
from writer.lint.findings import Finding
from writer.lint.rules import RuleSet, load_rules
from writer.resources import default_entities, default_rules
from writer.rulesfile import RulesDocument, house_style, load_rules_document


def load_ruleset(doc: RulesDocument, style: HouseStyle, vocabulary: Vocabulary, examples: bool = True) -> RuleSet:
    """Validate the rules; with ``examples`` (the default) every rule's examples must behave."""
    return load_rules(doc, example_runner(style, vocabulary) if examples else None)


_EXTENDS = re.compile(rb"^extends:\s*['\"]?([^'\"\n#]+?)['\"]?\s*(?:#.*)?$", re.MULTILINE)


def _chain_bytes(path: Path, depth: int = 0) -> bytes:
    """The bytes of a rules file and of every file it extends (no YAML parsing needed)."""
    raw = path.read_bytes()
    match = _EXTENDS.search(raw)
    if match and depth < 10:
        parent = path.parent / match.group(1).decode().strip()
        if parent.is_file():
            raw += b"\0" + _chain_bytes(parent, depth + 1)
    return raw


@dataclass(frozen=True)
class LintSetup:
    ruleset: RuleSet
    style: HouseStyle
    vocabulary: Vocabulary
    rules: RulesDocument


def setup_fingerprint(rules: Path | None = None, entities: Path | None = None) -> bytes:
    """Bytes of everything a rule set depends on besides code: the rules chain and the vocabulary."""
    rules_path = Path(rules) if rules else default_rules()
    entities_path = Path(entities) if entities else default_entities()
    return _chain_bytes(rules_path) + b"\0" + entities_path.read_bytes() + b"\0" + str(rules_path).encode()


def load_lint_setup(rules: Path | None = None, entities: Path | None = None) -> LintSetup:
    """Rules (validated, examples run), house style and vocabulary, cached between runs.

    The cache key is the rules files' bytes, the vocabulary's bytes and the
    package code (see ``writer.lint.cache``): a warm start parses no YAML and
    compiles no pattern; any change runs every check again. Nothing that
    failed to load is cached.
    """
    try:
        name = "setup-" + cache.key(setup_fingerprint(rules, entities))
    except OSError:
        name = ""  # a missing file: the loaders below say which, clearly
    cached = cache.load(name) if name else None
    if isinstance(cached, LintSetup):
        return cached
    doc = load_rules_document(Path(rules) if rules else default_rules())
    style = house_style(doc)
    vocabulary = load_vocabulary(Path(entities) if entities else None)
    setup = LintSetup(load_ruleset(doc, style, vocabulary), style, vocabulary, doc)
    if name:
        cache.store(name, setup)
    return setup


def front_matter_week(text: str) -> dt.date | None:
    """The ``week:`` of an article's front matter, if it has one."""
    match = FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if not match:
        return None
    import yaml  # only articles with front matter pay for it

    try:
        meta = yaml.load(match.group(1) or "", Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
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
