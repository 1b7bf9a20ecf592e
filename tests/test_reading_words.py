"""The reader's grammar words are the house style's data: a newsroom's own words change what it reads."""

import dataclasses

import pytest
import yaml

from writer.errors import UserError
from writer.housestyle import shipped
from writer.lint.document import parse
from writer.lint.mentions import read_figures
from writer.reading import FIELDS, reading_words
from writer.resources import default_rules
from writer.setup import load_setup

SETUP = load_setup(language="en")
ARTICLE = "Bitcoin products took in $40 million.\n\nFurther reading: Ether funds took in $25 million.\n"


def _style_with(**fields):
    """The shipped English style whose ``reading`` section differs only in ``fields``."""
    section = yaml.safe_load(default_rules().read_text(encoding="utf-8"))["house_style"]["en"]["reading"]
    return dataclasses.replace(shipped("en"), reading=reading_words({**section, **fields}, "newsroom.yaml", "en."))


def _teasers(style, text: str = ARTICLE) -> list[bool]:
    mentions = read_figures(parse(text), style, SETUP.vocabulary)
    return ["a teaser for another article" in m.doubts for m in mentions]


def test_the_shipped_teaser_words_do_not_know_the_newsrooms_own():
    assert _teasers(SETUP.style) == [False, False]


def test_a_newsroom_teaser_word_marks_its_block_as_another_articles():
    assert _teasers(_style_with(teaser=[r"further\s+reading"])) == [False, True]


def test_a_replaced_word_is_no_longer_read():
    own = _style_with(teaser=[r"further\s+reading"])
    text = "Bitcoin products took in $40 million.\n\nRelated: Ether funds took in $25 million.\n"
    assert _teasers(SETUP.style, text) == [False, True] and _teasers(own, text) == [False, False]


@pytest.mark.parametrize("name", FIELDS[FIELDS.index("teaser") :])  # the grammar words moved out of mentions.py
def test_each_moved_word_list_is_a_checked_reading_field(name):
    with pytest.raises(UserError, match=f"en.reading.{name}"):
        reading_words({name: "not a list"}, "newsroom.yaml", "en.")
