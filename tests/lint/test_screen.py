"""The RE2 screen changes speed, never findings."""

import pytest
import re2
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from writer.lint.context import Context
from writer.lint.document import parse
from writer.lint.kinds import registry
from writer.lint.re2_translate import Untranslatable, translate
from writer.lint.rules import example_facts
from writer.lint.screen import SCREENED, Screen, screen_for
from writer.setup import load_setup


@pytest.fixture(scope="module")
def setup():
    return load_setup()


def _findings(rule, text, setup, screen):
    doc = parse(text, "<example>")
    ctx = Context(setup.style, setup.vocabulary, example_facts(rule), screen=screen)
    ctx.attach(doc)
    return [(f.line, f.column, f.end_column, f.message) for f in registry()[rule.kind].run(rule, doc, ctx)]


def test_every_rule_example_gives_the_same_findings_through_both_paths(setup):
    screen = Screen(setup.ruleset)
    screened = [(r.id, p) for r in setup.ruleset.rules for p in SCREENED.get(r.kind, ()) if r.compiled.get(p)]
    assert screened and all(unit in screen.index for unit in screened), screen.skipped
    for rule in setup.ruleset.rules:
        for side in ("fail", "pass"):
            for example in rule.examples.get(side, []):
                assert _findings(rule, example, setup, screen) == _findings(rule, example, setup, None), example


def test_screen_is_built_once_per_rule_set(setup, monkeypatch):
    monkeypatch.delenv("WRITER_NO_SCREEN", raising=False)
    assert screen_for(setup.ruleset) is screen_for(setup.ruleset) is not None
    monkeypatch.setenv("WRITER_NO_SCREEN", "1")
    assert screen_for(setup.ruleset) is None


PATTERNS = [
    r"\bdue\s+to\b",
    r"(?<![\w-])as\s+(?!(?:a|an)\b)\w+",
    r"\battribut(?:e|ed)\b[^.;]{0,60}?\bto\b",
    r"^\s*Because",
    r"(?:(?<=\A[\s\"“]*)|(?<=[.!?]\s+))As\s+\w+",
    r"\p{Lu}\w+ said",
    r"café\s+crème",
    r"(?>ab|a)c",
    r"x{2,}+y",
    r"\d+(?:\.\d+)?\s*%",
    r"[\w$.%’'-]+ rose",
    r"\W{2}end",
    r"不构成[^。]{0,30}投资建议",
    r"a{0,2000}b",
]
CHARS = "abcexy ABCSTdueto.;%$'’-\u00e9\u00a0\u2003\n1234_不构成投资建议。Ⓐ"
TEXT = st.text(alphabet=st.sampled_from(list(CHARS)), max_size=60)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATTERNS), TEXT, st.booleans())
def test_translation_matches_a_superset(pattern, text, ignorecase):
    flags = regex.VERSION0 | (regex.IGNORECASE if ignorecase else 0)
    full = regex.compile(pattern, flags)
    quick = re2.compile(translate(pattern, ignorecase))
    for m in full.finditer(text):
        assert quick.search(m.group()) is not None, (pattern, m.group())


@pytest.mark.parametrize("pattern", [r"(a)\1", r"[^\w]x", r"(?x) a b", r"\G", r"[[:alpha:]]", r"(?(1)a|b)"])
def test_what_cannot_be_widened_soundly_is_refused(pattern):
    with pytest.raises(Untranslatable):
        translate(pattern, True)


def test_an_untranslatable_rule_still_runs_on_the_whole_document(setup, tmp_path):
    from writer.setup import load_setup as load

    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "version: 1\nrules:\n  - id: echo\n    level: error\n    kind: forbid\n    message: doubled word\n"
        "    patterns: ['\\b(\\w+)\\s+\\1\\b']\n    examples: {fail: ['the the end'], pass: ['the end']}\n"
    )
    ruleset = load(rules).ruleset
    screen = Screen(ruleset)
    assert ("echo", "patterns") in screen.skipped and ("echo", "patterns") not in screen.index
    assert _findings(ruleset.rules[0], "It was the the end.", setup, screen)


def test_whole_articles_give_the_same_findings_through_both_paths(setup):
    from tests.conftest import ROOT
    from writer.lint.engine import lint_document

    paths = [*ROOT.glob("samples/articles/*.md"), *ROOT.glob("tests/golden/*.md")]
    paths += [*(ROOT.parent / "shared").glob("corpus-dev/**/*.md")]
    screen = Screen(setup.ruleset)
    found = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")

        def lint(with_screen, text=text, path=path):
            ctx = Context(setup.style, setup.vocabulary, screen=with_screen)
            result = lint_document(parse(text, str(path)), setup.ruleset, ctx)
            return [(f.line, f.column, f.rule, f.message) for f in result.findings]

        screened = lint(screen)
        found += len(screened)
        assert screened == lint(False), path  # False: no screen, and none is built
    assert found > 5  # the samples alone give 10 (the shared corpus, when beside the checkout, many more)
