"""A generated draft with one thing broken is caught, with the right rule and position, every week."""

import re

import pytest

from tests.conftest import HISTORY
from writer.data.facts import History
from writer.draft import render_week
from writer.lint.context import Context
from writer.lint.engine import lint_text
from writer.money import find_amounts
from writer.setup import load_setup

SETUP = load_setup()
HIST = History.from_files([HISTORY], SETUP.style, SETUP.vocabulary)
DRAFTS = {w: (HIST.week(w), render_week(HIST.week(w), SETUP).article.markdown) for w in HIST.weeks}


def findings(text, facts):
    return lint_text(text, "d.md", SETUP.ruleset, Context(SETUP.style, SETUP.vocabulary, facts)).findings


def position(text, offset):
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def lead_offset(text):
    """Offset of the lead paragraph (the first paragraph after the headline)."""
    head = text.index("\n# ")
    return text.index("\n\n", head + 1) + 2


@pytest.mark.parametrize("week", HIST.weeks, ids=str)
def test_drafts_are_clean(week):
    facts, text = DRAFTS[week]
    assert [f for f in findings(text, facts) if f.level == "error"] == []


@pytest.mark.parametrize("week", HIST.weeks, ids=str)
def test_changed_figure_is_caught(week):
    facts, text = DRAFTS[week]
    start = lead_offset(text)
    found = [a for a in find_amounts(text[start:], SETUP.style.money)]
    if not found:
        pytest.skip("no figure in the lead")
    s, e, _ = found[0]
    s, e = s + start, e + start
    number = re.search(r"\d[\d,.]*", text[s:e])
    changed = text[: s + number.start()] + "9.9" + text[s + number.end() :]
    hits = [f for f in findings(changed, facts) if f.rule == "grounded-figures"]
    assert hits and (hits[0].line, hits[0].column) == position(changed, s)


@pytest.mark.parametrize("week", HIST.weeks, ids=str)
def test_removed_flag_is_caught(week):
    facts, text = DRAFTS[week]
    body = text.index("\n---\n") + 5  # after the front matter
    flag = re.compile(r" \([^()]*?(?: only,| disagree,)[^()]*?pending verification[^()]*\)").search(text, body)
    if not flag:
        pytest.skip("no per-figure flag this week")
    changed = text[: flag.start()] + text[flag.end() :]
    amounts = [(s, e) for s, e, _ in find_amounts(changed[: flag.start()], SETUP.style.money)]
    hits = [f for f in findings(changed, facts) if f.rule == "flag-unverified-figures"]
    assert hits, flag.group()
    assert position(changed, amounts[-1][0]) in [(h.line, h.column) for h in hits]


@pytest.mark.parametrize("week", HIST.weeks, ids=str)
def test_second_superlative_is_caught(week):
    facts, text = DRAFTS[week]
    at = lead_offset(text)
    extra = "It was the biggest weekly move since 2021, according to CoinShares. "
    has_one = re.search(r"largest[^.]*since", text) is not None
    insert = extra if has_one else extra + extra
    changed = text[:at] + insert + text[at:]
    hits = [f for f in findings(changed, facts) if f.rule == "superlative-once"]
    assert len(hits) == 1
    second = [m.start() for m in re.finditer(r"largest|biggest", changed)][1]
    assert (hits[0].line, hits[0].column) == position(changed, second)


@pytest.mark.parametrize("week", HIST.weeks, ids=str)
def test_inserted_causal_clause_is_caught(week):
    facts, text = DRAFTS[week]
    at = lead_offset(text)
    changed = text[:at] + "The move was driven by fears over rates. " + text[at:]
    hits = [f for f in findings(changed, facts) if f.rule == "no-causal-attribution"]
    assert hits and (hits[0].line, hits[0].column) == position(changed, at + len("The move was "))
