"""The causal clause analysis reads its words from the house style (house_style.<lang>.clauses):
a newsroom file that changes them changes what the linter decides, and a bad entry is a clear error."""

import pytest

from writer.errors import UserError
from writer.housestyle import shipped
from writer.lint.context import Context
from writer.lint.engine import lint_text
from writer.setup import load_setup

CAUSAL = {"no-causal-attribution", "no-causal-attribution-zh"}


def _causal(setup, text: str) -> bool:
    found = lint_text(text, "<t>", setup.ruleset, Context(setup.style, setup.vocabulary)).findings
    return any(f.rule in CAUSAL for f in found)


def _newsroom(tmp_path, clauses: str):
    path = tmp_path / "newsroom.yaml"
    path.write_text(f"extends: editorial.yaml\nhouse_style:\n  en:\n    clauses:\n{clauses}")
    return load_setup(path)


def test_both_languages_ship_the_same_word_classes():
    en, zh = shipped("en").clauses, shipped("zh").clauses
    assert en.anaphora != "(?!)" and zh.anaphora != "(?!)"
    assert "of" in en.name_joiners and "的" in zh.possessives


def test_an_anaphor_the_newsroom_adds_speaks_for_the_named_party(setup, tmp_path):
    sentence = "The desk chief said the outflows were driven by rate fears."
    assert _causal(setup, sentence)  # "The" is no name, and "the desk chief" is no shipped anaphor
    anaphora = "      anaphora: [he, she, they, 'the\\s+desk\\s+chief']\n"
    assert not _causal(_newsroom(tmp_path, anaphora), sentence)


def test_a_contrast_word_the_newsroom_removes_makes_an_as_clause_causal(setup, tmp_path):
    sentence = "Bitcoin funds shed $300 million as Ether prices fell while Solana held up."
    assert not _causal(setup, sentence)
    assert _causal(_newsroom(tmp_path, "      contrast: [whereas]\n"), sentence)


def test_a_bad_clause_word_is_a_load_error(tmp_path):
    with pytest.raises(UserError, match=r"clauses\.up"):
        _newsroom(tmp_path, "      up: ['(unclosed']\n")
