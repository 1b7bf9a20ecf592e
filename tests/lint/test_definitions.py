"""Each house-rules definition on short articles written for it (tests/corpus/*.yaml)."""

from pathlib import Path

import pytest
import yaml

from writer.lint.context import Context
from writer.lint.engine import lint_text

CORPUS = Path(__file__).parent.parent / "corpus"
CASES = {
    "attribute-flow-figures": yaml.safe_load((CORPUS / "attribution.yaml").read_text()),
    "superlative-once": yaml.safe_load((CORPUS / "superlatives.yaml").read_text()),
}


@pytest.mark.parametrize(
    "rule, case", [(rule, case) for rule, cases in CASES.items() for case in cases], ids=lambda x: str(x)[:40]
)
def test_definition(rule, case, setup):
    text = case["text"]
    result = lint_text(text, "a.md", setup.ruleset, Context(setup.style, setup.vocabulary))
    got = [text.split("\n")[f.line - 1][f.column - 1 :] for f in result.findings if f.rule == rule]
    assert len(got) == len(case["flag"]), (case["why"], got)
    for line, flag in zip(got, case["flag"], strict=True):
        assert line.startswith(flag), (case["why"], line, flag)
