"""A republication under the wrong date is one more copy of another week's report, not a source.

Issue 10: copies of one report (the same outlet family, or a republication with the
wrong date) are one source, not independent corroboration. Each case below is a week
of a small history; the rule is in ``writer.data.sources.misdated_copies``.
"""

import pytest
from click.testing import CliRunner

from tests.conftest import d
from writer.cli import main

# the report of the week ending 2026-02-02, as two outlets relay it on time
REPORT = """
2026-02-02,total,all,net_flow,-1730,,Tribune,,,
2026-02-02,asset,Bitcoin,net_flow,-1090,,Tribune,,,
2026-02-02,total,all,ytd_flow,-1000,,Tribune,,,
2026-02-02,total,all,net_flow,-1730,,Courier,,,
"""


def gazette_copy(herald: str) -> str:
    """REPORT, then for 02-09 Herald's total and Gazette's copy of Tribune's 02-02 rows."""
    return REPORT + (
        f"2026-02-09,total,all,net_flow,{herald},,Herald,,,\n"
        "2026-02-09,total,all,net_flow,-1730,,Gazette,,,\n"
        "2026-02-09,asset,Bitcoin,net_flow,-1090,,Gazette,,,\n"
    )


def figure(history, week, scope="total", key="all", metric="net_flow"):
    facts = history.week(d(week))
    return next(f for f in facts.figures if (f.scope, f.key, f.metric) == (scope, key, metric)), facts


def test_a_copy_under_the_wrong_date_does_not_corroborate_the_week_it_is_filed_under(history_of):
    # Gazette's rows for 02-09 are Tribune's for 02-02, every one identical; Herald reports 02-09
    history = history_of(gazette_copy("-1700"))
    total, facts = figure(history, "2026-02-09")
    assert total.sources == ("Herald",) and total.status == "single-source"  # was "verified" by Herald + Gazette
    bitcoin, _ = figure(history, "2026-02-09", "asset", "Bitcoin")
    assert bitcoin.sources == ("Gazette",) and bitcoin.flagged  # nobody else: kept, as one flagged source
    [copy] = facts.copies
    assert (copy.source, copy.copy_of, copy.copy_of_week.date(), copy.figures) == (
        "Gazette",
        "Tribune",
        d("2026-02-02"),
        2,
    )
    # the week the report belongs to keeps both of its relays
    assert figure(history, "2026-02-02")[0].status == "verified"


def test_two_copies_filed_under_one_wrong_week_count_once(history_of):
    history = history_of(
        REPORT
        + """
        2026-02-09,total,all,net_flow,-1730,,Gazette,,,
        2026-02-09,asset,Bitcoin,net_flow,-1090,,Gazette,,,
        2026-02-09,total,all,net_flow,-1730,,Post,,,
        2026-02-09,asset,Bitcoin,net_flow,-1090,,Post,,,
        """
    )
    total, facts = figure(history, "2026-02-09")
    assert total.flagged and len(total.sources) == 1  # two copies of one report: one source
    assert {c.source for c in facts.copies} == {"Gazette", "Post"}


def test_a_copy_does_not_make_a_conflict_in_the_week_it_is_filed_under(history_of):
    history = history_of(gazette_copy("-187"))
    total, _ = figure(history, "2026-02-09")
    assert total.status == "single-source" and total.value == -187 and not total.is_range


@pytest.mark.parametrize(
    "week_rows",
    [
        # Herald prints one of the figures for 02-09 too: evidence the date is right
        "-1730,,Herald\n-1730,,Gazette\nBitcoin -1090,,Gazette",
        # one figure alike in two weeks is chance
        "-1700,,Herald\n-1730,,Gazette",
        # another bound, another precision: not identical
        "-1700,,Herald\n-1730,over,Gazette\nBitcoin -1090.0,,Gazette",
    ],
    ids=["confirmed-in-its-week", "one-figure", "other-bound-or-precision"],
)
def test_an_outlet_that_may_be_independent_is_never_taken_for_a_copy(history_of, week_rows):
    rows = []
    for line in week_rows.splitlines():
        value, bound, source = line.rsplit(",", 2)
        scope, key = ("asset", value.split()[0]) if " " in value else ("total", "all")
        rows.append(f"2026-02-09,{scope},{key},net_flow,{value.split()[-1]},{bound},{source},,,")
    history = history_of(REPORT + "\n".join(rows))
    total, facts = figure(history, "2026-02-09")
    assert facts.copies == () and total.status == "verified"


def test_when_either_date_could_be_the_wrong_one_neither_is_marked(history_of):
    # Tribune alone for 02-02, Gazette alone for 02-09, the same figures: which date is wrong is unknown
    history = history_of(
        """
        2026-02-02,total,all,net_flow,-1730,,Tribune,,,
        2026-02-02,asset,Bitcoin,net_flow,-1090,,Tribune,,,
        2026-02-09,total,all,net_flow,-1730,,Gazette,,,
        2026-02-09,asset,Bitcoin,net_flow,-1090,,Gazette,,,
        2026-02-09,total,all,net_flow,-1700,,Herald,,,
        """
    )
    assert history.week(d("2026-02-02")).copies == history.week(d("2026-02-09")).copies == ()


def test_an_outlet_repeating_its_own_report_is_the_repeat_check_s_business(history_of):
    history = history_of(
        """
        2026-02-02,total,all,net_flow,-1730,,Tribune,,,
        2026-02-02,asset,Bitcoin,net_flow,-1090,,Tribune,,,
        2026-02-09,total,all,net_flow,-1730,,Tribune,,,
        2026-02-09,asset,Bitcoin,net_flow,-1090,,Tribune,,,
        """
    )
    assert history.week(d("2026-02-09")).copies == ()


def test_the_real_history_has_no_copy_and_keeps_every_source(real_history):
    # 2026-02-02: the total (-1700) comes from five publications, two of them misdated in their pages
    # but not in the data; nothing there is a copy of the week before
    total, facts = figure(real_history, "2026-02-02")
    assert facts.copies == () and total.status == "verified" and len(total.sources) == 5
    assert all(real_history.week(w).copies == () for w in real_history.weeks)


def test_writer_facts_prints_the_copy_as_a_warning(write_csv):
    path = write_csv(gazette_copy("-1700"))
    out = CliRunner().invoke(main, ["facts", "--data", str(path), "--week", "2026-02-09"]).output
    assert (
        "warning: Gazette's 2 figures for 2026-02-09 are Tribune's for 2026-02-02, identical: "
        "a copy of that report under the wrong date, not counted as a source for this week"
    ) in out
