import math


def figure(history, key="all", metric="net_flow", scope=None):
    figs = history.figures
    row = figs[(figs["key"] == key) & (figs["metric"] == metric)]
    if scope:
        row = row[row["scope"] == scope]
    assert len(row) == 1
    return row.iloc[0]


def test_agreement_at_the_precision_of_the_less_precise_row(history_of):
    h = history_of("""
        2026-01-26,total,all,net_flow,-1700,,A,,,
        2026-01-26,total,all,net_flow,-1730,,B,,,
    """)
    row = figure(h)
    assert row["status"] == "verified"
    assert row["value"] == -1730  # the most precise agreeing value
    assert set(row["sources"]) == {"A", "B"}


def test_rows_that_differ_beyond_precision_conflict_and_give_a_range(history_of):
    h = history_of("""
        2026-01-26,country,Switzerland,net_flow,32.5,,A,,,
        2026-01-26,country,Switzerland,net_flow,32.5,,B,,,
        2026-01-26,country,Switzerland,net_flow,41.6,,C,,,
    """)
    row = figure(h, "Switzerland")
    assert row["status"] == "conflicting"
    assert math.isnan(row["value"])
    assert (row["low"], row["high"]) == (32.5, 41.6)
    assert [s.sources for s in row["sides"]] == [("A", "B"), ("C",)]


def test_over_bound_agrees_with_a_larger_value(history_of):
    h = history_of("""
        2026-01-26,asset,Bitcoin,net_flow,-1000,over,A,,,
        2026-01-26,asset,Bitcoin,net_flow,-1090,,B,,,
    """)
    row = figure(h, "Bitcoin")
    assert row["status"] == "verified"
    assert row["value"] == -1090 and row["bound"] == "approx"


def test_over_bound_conflicts_with_a_smaller_value(history_of):
    h = history_of("""
        2026-01-26,asset,Bitcoin,net_flow,-1000,over,A,,,
        2026-01-26,asset,Bitcoin,net_flow,-930,,B,,,
    """)
    assert figure(h, "Bitcoin")["status"] == "conflicting"


def test_one_source_repeating_a_figure_counts_once(history_of):
    h = history_of("""
        2026-01-26,asset,XRP,net_flow,219,,Binance Square,,,
        2026-01-26,asset,XRP,net_flow,219.4,,binance square,,,
    """)
    row = figure(h, "XRP")
    assert row["status"] == "single-source"
    assert row["value"] == 219.4


def test_status_column_overrides_the_count(history_of):
    h = history_of("""
        2026-01-26,total,all,ytd_flow,-1000,,A,,verified,
        2026-01-26,total,all,net_flow,-1700,,A,,unverified,
        2026-01-26,total,all,net_flow,-1700,,B,,,
    """)
    assert figure(h, metric="ytd_flow")["status"] == "verified"
    assert figure(h)["status"] == "unverified"


def test_aliases_normalise_keys(history_of):
    h = history_of("""
        2026-01-26,asset,BTC,net_flow,-500,,A,,,
        2026-01-26,asset,Bitcoin,net_flow,-500,,B,,,
        2026-01-26,country,U.S.,net_flow,-400,,A,,,
        2026-01-26,country,USA,net_flow,-400,,B,,,
    """)
    assert figure(h, "Bitcoin")["status"] == "verified"
    assert figure(h, "United States")["status"] == "verified"


def test_relative_tolerance_from_rules(history_of):
    h = history_of("""
        2026-01-26,asset,XRP,net_flow,93.1,,A,,,
        2026-01-26,asset,XRP,net_flow,95.0,,B,,,
    """)
    # 1.9 apart at 0.1 precision: beyond 1% of 95, conflicting
    assert figure(h, "XRP")["status"] == "conflicting"
    h = history_of("""
        2026-01-26,asset,XRP,net_flow,93.1,,A,,,
        2026-01-26,asset,XRP,net_flow,93.9,,B,,,
    """)  # 0.7 apart between the intervals: within 1% of 93.9
    assert figure(h, "XRP")["status"] == "verified"
