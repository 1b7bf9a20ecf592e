"""The corpus of bad articles under samples/articles gives exactly the findings it documents."""

import pytest
import yaml

from tests.conftest import ROOT
from writer.articlefile import front_matter_week
from writer.data.facts import History
from writer.lint.api import lint_input
from writer.lint.files import read

ARTICLES = ROOT / "samples" / "articles"
EXPECTED = yaml.safe_load((ARTICLES / "expected.yaml").read_text())
REFERENCE = ROOT.parent / "shared" / "reference" / "000_5a2649edd37bc3e4.txt"


@pytest.fixture(scope="module")
def reference_history(setup):
    return History.from_files([ROOT / "samples" / "reference-week.csv"], setup.style, setup.vocabulary)


def test_every_article_is_documented():
    assert sorted(EXPECTED) == sorted(p.name for p in ARTICLES.glob("*.md"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_article_findings(name, setup, reference_history):
    item = read(str(ARTICLES / name))
    facts = reference_history.week(front_matter_week(item.text))
    result = lint_input(item, setup.ruleset, setup.style, setup.vocabulary, facts)
    got = [[f.rule, f.line, f.column] for f in result.findings if f.level in ("error", "warning")]
    assert sorted(got) == sorted(EXPECTED[name])


@pytest.mark.skipif(not REFERENCE.exists(), reason="the shared reference article is not beside this checkout")
def test_reference_article_lints_without_error(setup, reference_history):
    item = read(str(REFERENCE))
    result = lint_input(
        item,
        setup.ruleset,
        setup.style,
        setup.vocabulary,
        reference_history.week(front_matter_week("---\nweek: 2026-01-26\n---\n")),
    )
    # it uses "reflecting" (a reading of risk appetite), "against the backdrop of" (correlation), "amplifying"
    # (flows adding up): none of them states a cause, and noise is no finding at any level. It does make two
    # superlative-since claims ("the first clear signal ... since", then a quoted "largest ... since"): the
    # house rules count every one, quoted or not, so the second is its only finding.
    got = [(f.rule, f.excerpt) for f in result.findings if f.level in ("error", "warning")]
    assert got == [("superlative-once", "largest single-week outflow since")]
