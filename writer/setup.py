"""The one set-up path: rules, house style, vocabulary, rule set (and templates, lazily).

``writer draft``, ``facts``, ``lint``, ``rules`` and ``backfill`` all call
``load_setup``; the validated rule set is cached between runs (see
``writer.lint.cache``) under ``setup_fingerprint``, the bytes of everything it
depends on besides code. The Jinja environment is built only when a command
renders, so the lint path never imports Jinja.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from writer.entities import Vocabulary, load_vocabulary
from writer.housestyle import HouseStyle
from writer.lint import cache
from writer.lint.engine import example_runner
from writer.lint.rules import RuleSet, load_rules
from writer.resources import default_entities, default_rules
from writer.rulesfile import RulesDocument, extends_chain, house_style, load_rules_document

if TYPE_CHECKING:
    import jinja2


@dataclass(frozen=True)
class Setup:
    """What every command reads once: rules, house style, vocabulary, rule set, templates."""

    rules: RulesDocument
    style: HouseStyle
    vocabulary: Vocabulary
    ruleset: RuleSet
    templates: Path | None = None

    @cached_property
    def env(self) -> jinja2.Environment:
        from writer.render.templates import environment

        return environment(self.style, self.templates, self.vocabulary.definite)


def setup_fingerprint(rules: Path | None = None, entities: Path | None = None) -> bytes:
    """Bytes of everything a rule set depends on besides code: the rules chain and the vocabulary."""
    rules_path = Path(rules) if rules else default_rules()
    entities_path = Path(entities) if entities else default_entities()
    chain = b"\0".join(p.read_bytes() for p in extends_chain(rules_path))
    return chain + b"\0" + entities_path.read_bytes() + b"\0" + str(rules_path).encode()


def load_setup(
    rules: Path | None = None, entities: Path | None = None, templates: Path | None = None, examples: bool = True
) -> Setup:
    """Rules (validated; with ``examples`` every rule's examples must behave), house style and
    vocabulary. Cached between runs when examples run: a warm start parses no YAML and
    compiles no pattern; any change to the files or the code runs every check again."""
    name = ""
    if examples:
        try:
            name = "setup-" + cache.key(setup_fingerprint(rules, entities))
        except OSError:
            name = ""  # a missing file: the loaders below say which, clearly
    cached = cache.load(name) if name else None
    if isinstance(cached, Setup):
        return replace(cached, templates=templates) if templates else cached
    doc = load_rules_document(Path(rules) if rules else default_rules())
    style = house_style(doc)
    vocabulary = load_vocabulary(Path(entities) if entities else None)
    ruleset = load_rules(doc, example_runner(style, vocabulary) if examples else None)
    setup = Setup(doc, style, vocabulary, ruleset)
    if name:
        cache.store(name, setup)
    return replace(setup, templates=templates) if templates else setup
