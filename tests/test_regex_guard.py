"""``regex_guard.guarded`` gives the same matches as the pattern it guards, everywhere."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from writer import money
from writer.lint import mentions
from writer.reading import FIELDS
from writer.regex_guard import guarded
from writer.setup import load_setup

SETUPS = {lang: load_setup(language=lang) for lang in ("en", "zh")}


def _patterns() -> list[tuple[str, object]]:
    out = [("tickered", mentions._TICKERED)]
    for lang, setup in SETUPS.items():
        style, reading = setup.style, setup.style.reading
        words = mentions._direction_words(
            mentions.phrase_regex(style.outflow_words, style.word_boundary),
            mentions.phrase_regex(style.inflow_words, style.word_boundary),
            reading.outflow.pattern,
            reading.inflow.pattern,
            style.word_boundary,
        )
        out += [(f"{lang} direction words", words), (f"{lang} names", setup.vocabulary.mention_pattern)]
        out += [(f"{lang} unbounded names", setup.vocabulary.unbounded_pattern)]
        out += [(f"{lang} reading.{f}", getattr(reading, f)) for f in FIELDS]
    out.append(("en amounts", money.amount_pattern(SETUPS["en"].style.money)))
    return out


PATTERNS = _patterns()
# prose of both languages, and the characters case folding treats specially (long s, Kelvin sign, dotted I)
ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 $.,;:()-+%'’\n")
    + ["ſ", "\u212a", "İ", "ı", "流", "入", "亿", "美", "元", "比", "特", "币", "，", "。"]
)
WORDS = st.sampled_from(
    [
        "Bitcoin", "bitcoin", "outflows", "net inflow", "took in", "shed", "digital asset investment products",
        "the market", "$1.2 billion", "over $30 million", "US$5m", "approximately", "流入", "净流出", "1.2亿美元",
        "Short Bitcoin", "XRP", "Tezos (XTZ)", "21Shares", "year-to-date", "AUM", "fund flows", "-$", "+$",
    ]
)  # fmt: skip
TEXTS = st.lists(st.one_of(WORDS, st.text(ALPHABET, max_size=6)), max_size=14).map(" ".join)


def _all(pattern, text: str, pos: int, endpos: int) -> list:
    found = [(m.span(), m.groupdict(), m.groups()) for m in pattern.finditer(text, pos, endpos)]
    one = pattern.search(text, pos, endpos)
    at = pattern.match(text, pos, endpos)
    return [found, one and one.span(), at and at.span()]


@settings(max_examples=40, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
@given(TEXTS, st.integers(0, 200), st.integers(0, 200))
def test_guarded_patterns_match_as_their_originals(text, pos, endpos):
    pos, endpos = min(pos, len(text)), min(max(pos, endpos), len(text))
    for name, pattern in PATTERNS:
        fast = guarded(pattern)
        assert _all(fast, text, pos, endpos) == _all(pattern, text, pos, endpos), name
        assert _all(fast, text, 0, len(text)) == _all(pattern, text, 0, len(text)), name


def test_the_reader_s_large_patterns_are_guarded():
    setup = SETUPS["en"]
    for pattern in (setup.vocabulary.mention_pattern, setup.style.reading.total, mentions._TICKERED):
        assert guarded(pattern).pattern.startswith("(?=(?i:[")


@pytest.mark.parametrize(
    "source",
    [
        r"a*",  # may match the empty string
        r"(?:x|)y?",
        r"(a)?\1b",  # a back-reference first when the group is skipped
        r"[^a]b",  # a negated class
        r".b",
        r"(x)?(?(1)a|b)",  # a conditional
    ],
)
def test_patterns_whose_first_characters_are_unsure_are_left_alone(source):
    pattern = re.compile(source)
    assert guarded(pattern) is pattern


def test_first_characters_through_groups_repeats_and_lookarounds():
    pattern = re.compile(r"(?<![\w.])(?:(?:ab)?c|\bd+|(?=x)[e-g]|\s?h)")
    fast = guarded(pattern)
    assert fast.pattern.startswith("(?=(?i:[")
    for text in ("c abc d e f g hx h", " ab", "x.c", "ddd-e"):
        assert _all(fast, text, 0, len(text)) == _all(pattern, text, 0, len(text))
