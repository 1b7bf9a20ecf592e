"""The reader's grammar words are the house style's data: a newsroom's own words change what it reads."""

import ast
import dataclasses
import re
from pathlib import Path

import pytest
import yaml

import writer.lint as lint_package
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


# -- the calendar, ticker and fronting words moved out of mentions.py ------------------------

GERMAN_MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                 "Oktober", "November", "Dezember"]  # fmt: skip


def _dated(style, text: str):
    return [m.dated for m in read_figures(parse(text), style, SETUP.vocabulary)]


def test_a_week_is_dated_with_the_house_styles_month_names():
    text = "In the week ending Mai 13, Bitcoin products took in $40 million.\n"
    assert _dated(SETUP.style, text) == [None]
    assert _dated(_style_with(months=GERMAN_MONTHS), text) == [(5, 13, 0)]


def test_a_span_of_days_is_dated_with_the_house_styles_span_words():
    text = "Between May 11 and May 15, Bitcoin products took in $40 million.\n"
    assert _dated(SETUP.style, text) == [(5, 15, 0)]
    own = _style_with(dates_from=["von"], dates_to=["bis"])
    assert _dated(own, text) == [None]
    assert _dated(own, text.replace("Between", "Von").replace("and", "bis")) == [(5, 15, 0)]


def test_a_week_of_a_day_counts_to_the_weeks_end_by_the_starting_words():
    text = "In the week of September 15, Bitcoin products took in $40 million.\n"
    assert _dated(SETUP.style, text) == [(9, 15, 6)]
    assert _dated(_style_with(week_starting=[], week_ending=["of"]), text) == [(9, 15, 0)]


@pytest.mark.parametrize("count", [1, 11, 13])
def test_months_are_all_twelve_or_none(count):
    with pytest.raises(UserError, match=rf"en\.reading\.months has {count} entr(?:y|ies) \(expected none, or all 12"):
        reading_words({"months": GERMAN_MONTHS[:count] if count <= 12 else GERMAN_MONTHS + ["Extra"]}, "n.yaml", "en.")
    assert reading_words({"months": []}, "n.yaml", "en.").month_names == ()


def _about(style, text: str):
    return [(m.about, m.doubts) for m in read_figures(parse(text), style, SETUP.vocabulary)]


def test_a_capitalised_word_is_a_ticker_unless_the_house_style_says_it_is_none():
    text = "ZYX had $12 million of outflows.\n"
    shipped = yaml.safe_load(default_rules().read_text(encoding="utf-8"))["house_style"]["en"]["reading"]
    # an unknown ticker before the amount: some fund's figure, so not the market's
    assert _about(SETUP.style, text) == [((), ("no entity named",))]
    own = _style_with(not_ticker=[*shipped["not_ticker"], "ZYX"])
    assert _about(own, text) == [((("total", "all"),), ())]


def test_a_whole_before_an_amount_is_read_with_the_share_words():
    text = "Bitcoin took nearly all of last week's $2.2 billion of inflows.\n"
    assert "a whole of which a part is meant" in _about(SETUP.style, text)[0][1]
    assert "a whole of which a part is meant" not in _about(_style_with(share_of=[]), text)[0][1]


def test_thousands_after_an_amount_make_it_a_price_by_the_house_style():
    text = "Bitcoin products took in $90K.\n"
    assert [m.metric for m in read_figures(parse(text), SETUP.style, SETUP.vocabulary)] == ["not_flow"]
    own = _style_with(thousands=[])
    assert [m.metric for m in read_figures(parse(text), own, SETUP.vocabulary)] == ["net_flow"]


# -- no word of a language in the reader's own regexes ---------------------------------------

_REGEX_CALLS = {"compile", "_worded", "_shaped", "search", "match", "fullmatch", "finditer", "sub", "split", "findall"}
_SYNTAX = re.compile(r"\{\{\w+\}\}|\{\w+\}|WORDS|GLUED|\(\?P<\w+>|\\[A-Za-z]|\[[^\]]*\]|\(\?[aiLmsux-]+[:)]")


def _regex_words(path: Path) -> list[str]:
    """Words (two letters or more) in the regex literals a module compiles, after regex syntax,
    placeholders of house-style fields and group names are taken out."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in _REGEX_CALLS:
            continue
        for c in ast.walk(node.args[0]):
            if isinstance(c, ast.Constant) and isinstance(c.value, str):
                words = re.findall(r"[A-Za-z]{2,}", _SYNTAX.sub(" ", c.value))
                found += [f"{path.name}:{node.lineno}: {w}" for w in words]
    return found


@pytest.mark.parametrize("module", ["mentions.py", "attribution.py", "clauses.py"])
def test_the_readers_regexes_hold_no_words_of_a_language(module):
    assert _regex_words(Path(lint_package.__file__).parent / module) == []


def test_the_word_scan_finds_a_word_in_a_regex(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('import re\nP = re.compile(r"(?P<day>\\\\d+)\\\\s+(?:{{months}})\\\\s+week")\n', encoding="utf-8")
    assert _regex_words(sample) == ["sample.py:2: week"]


def test_a_month_entry_that_looks_around_is_read_in_its_text():
    months = [*GERMAN_MONTHS[:4], r"Mai(?=\s+\d)", *GERMAN_MONTHS[5:]]
    assert _dated(_style_with(months=months), "In the week ending Mai 13, Bitcoin products took in $40 million.\n") == [
        (5, 13, 0)
    ]
    odd = [*GERMAN_MONTHS[:4], r"(?<=ending\s)Mai", *GERMAN_MONTHS[5:]]
    assert _dated(_style_with(months=odd), "In the week ending Mai 13, Bitcoin products took in $40 million.\n") == [
        (5, 13, 0)
    ]
