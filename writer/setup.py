"""The one set-up path: rules, house style, vocabulary, rule set (and templates, lazily).

``writer draft``, ``facts``, ``lint``, ``rules`` and ``backfill`` all call
``load_setup``; the validated rule set is cached between runs (see
``writer.lint.cache``) under ``setup_fingerprint``, the bytes of everything it
depends on besides code. The Jinja environment is built only when a command
renders, so the lint path never imports Jinja.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from writer.entities import language_files
from writer.lint import cache
from writer.record import dataclass, replace  # dataclasses without generated code: fast start-up
from writer.resources import default_entities, default_rules
from writer.rulesfile import extends_chain

if TYPE_CHECKING:
    import jinja2

    from writer.entities import Vocabulary
    from writer.housestyle import HouseStyle
    from writer.lint.rules import RuleSet
    from writer.rulesfile import RulesDocument


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

        display = self.vocabulary.display.get(self.style.language)  # 美国 for United States in zh
        return environment(self.style, self.templates, self.vocabulary.definite, display)


def setup_fingerprint(rules: Path | None = None, entities: Path | None = None) -> bytes:
    """Bytes of everything a rule set depends on besides code: the rules chain and the vocabulary."""
    rules_path = Path(rules) if rules else default_rules()
    entities_path = Path(entities) if entities else default_entities()
    chain = b"\0".join(p.read_bytes() for p in extends_chain(rules_path))
    names = b"".join(p.read_bytes() for p in language_files(entities_path).values() if p.is_file())
    return chain + b"\0" + entities_path.read_bytes() + names + b"\0" + str(rules_path).encode()


def load_setup(
    rules: Path | None = None,
    entities: Path | None = None,
    templates: Path | None = None,
    examples: bool = True,
    language: str | None = None,
) -> Setup:
    """Rules (validated; with ``examples`` every rule's examples must behave), house style and
    vocabulary. Cached between runs when examples run: a warm start parses no YAML and
    compiles no pattern; any change to the files or the code runs every check again.
    ``language`` picks the house style and the shipped templates (default: the rules file's
    ``house_style.language``); the rule set is the same, each rule reading its ``lang``."""
    name = ""
    if examples:
        try:
            name = "setup-" + cache.key(setup_fingerprint(rules, entities), language or "")
        except OSError:
            name = ""  # a missing file: the loaders below say which, clearly
    cached = cache.load(name) if name else None
    if isinstance(cached, Setup):
        return replace(cached, templates=templates) if templates else cached
    # a cache miss: only now the loaders (a warm start never compiles their code)
    from writer.entities_load import load_vocabulary
    from writer.lint.rules_load import example_runner, load_rules
    from writer.rulesfile_load import house_style, load_rules_document

    doc = load_rules_document(Path(rules) if rules else default_rules())
    style = house_style(doc, language)
    vocabulary = load_vocabulary(Path(entities) if entities else None)
    # examples are written in the rules file's default language, or in their rule's ``lang``
    default = house_style(doc) if language else style
    runner = example_runner(default, vocabulary, lambda code: house_style(doc, code))
    ruleset = load_rules(doc, runner if examples else None)
    setup = Setup(doc, style, vocabulary, ruleset)
    if name:
        cache.store(name, setup)
    return replace(setup, templates=templates) if templates else setup
