"""Precision and recall of the causal rules on a labelled corpus of our own sentences."""

from pathlib import Path

import pytest
import yaml

from writer.lint.context import Context
from writer.lint.engine import lint_text

CORPUS = yaml.safe_load((Path(__file__).parent.parent / "corpus" / "causal.yaml").read_text())
CAUSAL_RULES = {"no-causal-attribution"}


def flagged(sentence, setup):
    result = lint_text(sentence, "<corpus>", setup.ruleset, Context(setup.style, setup.vocabulary))
    return any(f.rule in CAUSAL_RULES for f in result.findings)


def scores(setup):
    tp = sum(flagged(s, setup) for s in CORPUS["causal"])
    fp = sum(flagged(s, setup) for s in CORPUS["not_causal"])
    precision = tp / (tp + fp)
    recall = tp / len(CORPUS["causal"])
    return precision, recall, tp, fp


def test_corpus_is_large_enough():
    assert len(CORPUS["causal"]) >= 50 and len(CORPUS["not_causal"]) >= 50


def test_precision_and_recall(setup):
    precision, recall, _, _ = scores(setup)
    missed = [s for s in CORPUS["causal"] if not flagged(s, setup)]
    wrong = [s for s in CORPUS["not_causal"] if flagged(s, setup)]
    assert recall >= 0.95, missed
    assert precision >= 0.95, wrong


@pytest.mark.parametrize("sentence", CORPUS["not_causal"][:6])
def test_named_and_refusing_sentences_pass(sentence, setup):
    assert not flagged(sentence, setup)
