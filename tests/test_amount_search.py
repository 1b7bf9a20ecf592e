"""The amount search that starts near each "$" finds what the amount pattern's own scan finds,
and the reader's per-window answers are the words' own, bounded, long windows never held."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from writer import money
from writer.housestyle import shipped
from writer.lint import mentions

STYLE = shipped("en").money
PIECES = st.sampled_from(
    [
        "approximately", "more than", "in excess of", "just under", "an estimated", "over", "US", "us", "$",
        "$1", "$ 5", "1.5", "2,000", "billion", "million", "m", "bn", "to", "and", "-", "Bitcoin", "x", ".",
        "(", ")", " ", "  ", "\t", "\n", "\u00a0", "in  excess\tof", "close\nto", "US $", "us$",
    ]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=16).map(" ".join) | st.lists(PIECES, max_size=16).map("".join)


def _scanned(text: str) -> list[tuple[int, int, object]]:
    return [(m.start(), m.end(), money.amount_from_match(m, STYLE)) for m in money._pattern(STYLE).finditer(text)]


@settings(max_examples=300, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
@given(TEXTS)
def test_amounts_found_near_each_dollar_are_the_pattern_s_own(text):
    assert money.find_amounts(text, STYLE) == _scanned(text)


def test_a_hedge_far_before_its_dollar_is_still_read():
    # two white-space characters inside the hedge: the search starts where the scan would
    text = "flows of in " + " " * 30 + "excess of $5 million and approximately    $7 million"
    assert money.find_amounts(text, STYLE) == _scanned(text)
    assert [a.bound for _, _, a in money.find_amounts(text, STYLE)] == ["over", "approx"]


def test_window_answers_are_the_words_own_and_bounded(monkeypatch):
    reading = shipped("en").reading
    monkeypatch.setattr(mentions, "_DECIDED", {})
    monkeypatch.setattr(mentions, "_DECIDED_MAX", 2)  # cleared and refilled below
    cases = [
        ("year-to-date flows stand at ", "", "ytd_flow", "week"),
        ("Bitcoin saw inflows of ", ", up from the previous week", "net_flow", "previous"),
        ("its share prices hit ", "", "not_flow", "week"),
        ("Bitcoin saw inflows of ", " on Monday", "net_flow", "daily"),
    ]
    for _ in range(3):  # computed, then answered from memory, then after the memo was cleared
        for head, tail, metric, period in cases:
            assert mentions._metric(head, "$5 million", tail, reading)[0] == metric
            assert mentions._period(head, tail, tail, reading, metric) == period
    (held,) = mentions._DECIDED.values()
    assert held[0] is reading and 0 < len(held[1]) <= 2
    # a clause longer than the memo's windows (a hostile document) is read each time, never held
    held[1].clear()
    assert mentions._metric("word " * 200 + "year to date flows stand at ", "$5 million", "", reading)[0] == "ytd_flow"
    assert not held[1]
