"""The reading memo (writer.lint.reading_memo) changes no result: lint with it and without it agree.

Drafts of many weeks (two synthetic histories, the real history in ../shared/data, and
Hypothesis-generated weeks; English and Chinese) are linted with the memo off, then on
twice (so the second pass answers nearly every sentence from memory); every mention and
finding must be identical. The memo must also have answered something, or this proves nothing.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings

from bench import synthetic, synthetic_walk
from tests.conftest import HEADER
from tests.test_generated_weeks import GENERATED, SETUPS, WEEK, weeks
from writer.claims import NothingToPublish
from writer.data.facts import History
from writer.draft import render_week
from writer.lint import reading_memo
from writer.lint.context import Context
from writer.lint.document import parse
from writer.lint.engine import lint_text
from writer.lint.mentions import read_figures

REAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "reported-flows.csv"


@pytest.fixture(autouse=True)
def _fresh_memo():
    reading_memo.set_enabled(True)
    yield
    reading_memo.set_enabled(True)


def _drafts(path: Path, lang: str, limit: int | None = None) -> list[tuple[str, object]]:
    setup = SETUPS[lang]
    history = History.from_files([path], setup.style, setup.vocabulary)
    out = []
    for week in history.weeks[:limit]:
        try:
            out.append((render_week(history.week(week), setup).article.markdown, history.week(week)))
        except NothingToPublish:
            continue
    return out


def _readings(drafts, lang: str) -> list:
    """Every mention (all its fields) and finding of each draft, as lint gives them."""
    setup = SETUPS[lang]
    out = []
    for markdown, facts in drafts:
        ctx = Context(setup.style, setup.vocabulary, facts)
        result = lint_text(markdown, "week.md", setup.ruleset, ctx)
        mentions = ctx.read_mentions() or []
        out.append(([(m.start, m.end, {**m.__dict__, "sentence": m.sentence.text}) for m in mentions], result.findings))
    return out


def _same_with_and_without(drafts, lang: str) -> int:
    reading_memo.set_enabled(False)
    fresh = _readings(drafts, lang)
    reading_memo.set_enabled(True)
    assert _readings(drafts, lang) == fresh
    assert _readings(drafts, lang) == fresh  # now from memory
    return reading_memo.hits()


# each generator once, each language once (the real history below reads in both): the suite's budget
@pytest.mark.parametrize(
    ("generator", "lang"), [(synthetic, "en"), (synthetic_walk, "zh")], ids=["synthetic-en", "synthetic_walk-zh"]
)
def test_synthetic_histories_read_the_same_with_the_memo(generator, lang, tmp_path):
    drafts = _drafts(generator.write(tmp_path / "data.csv", 30, seed=11), lang)
    assert len(drafts) > 15
    assert _same_with_and_without(drafts, lang) > 0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_real_history_reads_the_same_with_the_memo(lang):
    if not REAL.exists():
        pytest.skip(f"{REAL} (the shared real history) is not here")
    drafts = _drafts(REAL, lang)
    assert drafts
    assert _same_with_and_without(drafts, lang) > 0


@settings(GENERATED, max_examples=8)  # each example drafts and lints three times in two languages
@given(weeks())
def test_generated_weeks_read_the_same_with_the_memo(rows):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "week.csv"
        path.write_text(HEADER + rows + "\n")
        for lang in SETUPS:
            drafts = [d for d in _drafts(path, lang) if d[1].week == WEEK]
            _same_with_and_without(drafts, lang)


def _read(text: str, lang: str = "en"):
    setup = SETUPS[lang]
    ctx = Context(setup.style, setup.vocabulary)
    doc = ctx.attach(parse(text, "t.md", setup.ruleset.fields))
    return read_figures(doc, setup.style, setup.vocabulary)


def test_a_sentence_with_other_digits_is_answered_from_memory_with_its_own_amounts():
    first = _read("Bitcoin products took in $12 million last week, while Ethereum shed $3 million.\n")
    again = _read("Bitcoin products took in $47 million last week, while Ethereum shed $8 million.\n")
    assert reading_memo.hits() >= 1
    assert [m.amount.value for m in again] == [47, 8]
    assert [(m.about, m.sign, m.metric, m.period) for m in again] == [
        (m.about, m.sign, m.metric, m.period) for m in first
    ]


def test_a_name_with_digits_is_never_answered_from_memory():
    # "21Shares" holds digits: the sentence is read fresh each time (a name could overlap an amount's digits)
    for value in (12, 47):
        _read(f"21Shares products took in ${value} million last week.\n")
    assert reading_memo.hits() == 0


@pytest.mark.parametrize(
    ("source", "blind"),
    [
        (r"[A-Z0-9]{2,6}", True),
        (r"\d+(?:\.\d+)?\s?%", True),
        (r"(?P<day2>\w+)", True),
        (r"(?:19|20)\d\d", False),  # a year names digits
        (r"[1-5]", False),
        (r"10-95", False),
        (r"(a)\1", False),  # a back-reference is conservatively refused
        (r"\N{DIGIT ONE}", False),
    ],
)
def test_digit_blind_patterns(source, blind):
    assert reading_memo.digit_blind(source) is blind


def test_a_style_whose_patterns_name_digits_gets_no_memo():
    setup = SETUPS["en"]
    assert reading_memo.memo_for(setup.style, setup.vocabulary, lambda: False) is None
    reading_memo.clear()
    assert reading_memo.memo_for(setup.style, setup.vocabulary, lambda: True) is not None


def test_skeleton_keeps_every_offset_and_masks_only_amount_digits():
    text = "In 2025, Bitcoin took in $41.6 million."
    found = [(25, 38, None)]
    assert reading_memo.skeleton(text, found) == "In 2025, Bitcoin took in $00.0 million."
    assert reading_memo.skeleton("x" * (reading_memo.LONGEST + 1), []) is None
