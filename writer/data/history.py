"""Facts that need the whole history, computed once for every week together.

Everything here is vectorised over the weekly totals or the figures frame
(one pass, no loop over past weeks per week), so a backfill of a thousand
weeks costs the same per week as one of fifty. The one sequential pass, the
"previous larger flow" scan for superlatives, is a monotonic stack: O(weeks).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

WEEK = pd.Timedelta(days=7)


def _central(figures: pd.DataFrame) -> pd.Series:
    """A single number per figure for ordering: the value, or a conflict's midpoint."""
    return figures["value"].fillna((figures["low"] + figures["high"]) / 2)


def _previous_at_least(values: np.ndarray, outflow: bool) -> np.ndarray:
    """Index of the latest earlier week whose flow is at least as large (-1 if none)."""
    result = np.full(len(values), -1)
    stack: list[int] = []
    sign = -1.0 if outflow else 1.0
    for i, v in enumerate(values * sign):
        while stack and values[stack[-1]] * sign < v:
            stack.pop()
        if stack:
            result[i] = stack[-1]
        stack.append(i)
    return result


def weekly_totals(figures: pd.DataFrame, min_weeks: int) -> pd.DataFrame:
    """Per week with a reported total: gaps, streaks, superlatives, year to date."""
    is_total = (figures["scope"] == "total") & (figures["metric"] == "net_flow")
    totals = figures.loc[is_total].sort_values("week_ending").reset_index(drop=True)
    weeks = totals["week_ending"]
    flow = _central(totals).to_numpy()
    gap = (weeks.diff() / WEEK).fillna(1).round().astype(int) - 1  # report weeks missing before this one
    missing_cum = gap.clip(lower=0).cumsum().to_numpy()
    out = pd.DataFrame(
        {"week_ending": weeks, "flow": flow, "precision": totals["precision"].to_numpy(), "gap_before": gap.to_numpy()}
    )

    # streak: previous weeks in the same direction, a gap or a sign change breaks it
    sign = np.sign(flow)
    breaks = (pd.Series(sign) != pd.Series(sign).shift()) | (gap > 0)
    run = breaks.cumsum()
    out["streak_before"] = run.groupby(run).cumcount().to_numpy()
    run_len = run.map(run.value_counts()).to_numpy()
    ended = breaks.to_numpy() & (gap.to_numpy() == 0) & (pd.Series(sign).shift().to_numpy() == -sign)
    out["ended_run"] = np.where(ended, pd.Series(run_len).shift().fillna(0).astype(int), 0)
    # a run is "open" when nothing says what came before its first week: the history starts
    # there, or a week is missing just before it. Its length is then only a lower bound.
    starts = np.flatnonzero(breaks.to_numpy())
    open_start = pd.Series((starts == 0) | (gap.to_numpy()[starts] > 0), index=run.to_numpy()[starts])
    run_open = run.map(open_start).to_numpy(dtype=bool)
    out["streak_open"] = run_open
    out["ended_open"] = np.where(ended, pd.Series(run_open).shift().fillna(True).to_numpy(dtype=bool), False)

    # superlative: the latest earlier week with a flow at least as large in the same direction
    since = np.full(len(flow), -1)
    for outflow in (True, False):
        prev = _previous_at_least(flow, outflow)
        mask = flow < 0 if outflow else flow > 0
        since[mask] = prev[mask]
    has_since = since >= 0
    safe = np.where(has_since, since, 0)
    out["since_week"] = weeks.to_numpy()[safe]
    out.loc[~has_since, "since_week"] = pd.NaT
    between = np.arange(len(flow)) - safe  # report weeks from D to this week
    missing = missing_cum - missing_cum[safe]
    conflicting = (totals["status"] == "conflicting").to_numpy()
    out["since_missing"] = np.where(has_since, missing, 0)
    out["since_weeks"] = np.where(has_since, between + missing, 0)
    # the week must clear every week in between even at the ends of their precision, and the
    # comparison must cover weeks in its own direction: a small inflow after a run of outflows
    # is not "the largest" of anything
    half = totals["precision"].to_numpy() / 2
    same_dir = np.zeros(len(flow), dtype=int)
    clear = np.zeros(len(flow), dtype=bool)
    for i in np.flatnonzero(has_since):
        between_idx = np.arange(safe[i] + 1, i)
        same_dir[i] = int((np.sign(flow[between_idx]) == sign[i]).sum())
        others_hi = np.abs(flow[between_idx]) + half[between_idx]
        clear[i] = not len(between_idx) or bool((others_hi < abs(flow[i]) - half[i]).all())
    out["since_same_direction"] = same_dir
    out["superlative_established"] = (
        has_since & (missing == 0) & ~conflicting & ~conflicting[safe] & clear & (same_dir >= max(1, min_weeks // 2))
    )
    out["superlative_reportable"] = has_since & (out["since_weeks"].to_numpy() >= min_weeks)
    return out.set_index("week_ending")


def year_to_date(figures: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """YTD after the week (reported) and before it (previous week's report, else derived)."""
    ytd = figures[(figures["scope"] == "total") & (figures["metric"] == "ytd_flow")].set_index("week_ending")
    out = pd.DataFrame(index=totals.index)
    out["ytd_after"] = ytd["value"].reindex(out.index)
    out["ytd_after_precision"] = ytd["precision"].reindex(out.index)
    prev_week = out.index.to_series().shift()
    contiguous = (out.index.to_series() - prev_week == WEEK) & (prev_week.dt.year == out.index.year)
    reported_before = out["ytd_after"].shift().where(contiguous)
    derived_before = out["ytd_after"] - totals["flow"]
    derived_precision = out["ytd_after_precision"] + totals["precision"]
    out["ytd_before"] = reported_before.fillna(derived_before)
    out["ytd_before_precision"] = out["ytd_after_precision"].shift().where(contiguous).fillna(derived_precision)
    first_week = out.index.day_of_year <= 7
    out.loc[first_week, ["ytd_before", "ytd_before_precision"]] = 0.0
    # a direction is established only when the amount exceeds its own uncertainty
    before_known = out["ytd_before"].abs() > out["ytd_before_precision"] / 2
    out["ytd_before_sign"] = np.where(before_known, np.sign(out["ytd_before"]), 0)
    out["ytd_sign_flip"] = (out["ytd_before_sign"] * np.sign(out["ytd_after"]) < 0).fillna(False)
    return out


def against_total(figures: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """Mark net flows of assets and countries running against the week's total, and their share."""
    flows = figures[(figures["metric"] == "net_flow") & figures["scope"].isin(["asset", "country"])].copy()
    total_flow = flows["week_ending"].map(totals["flow"])
    total_hi = flows["week_ending"].map(
        figures[(figures["scope"] == "total") & (figures["metric"] == "net_flow")].set_index("week_ending")["mag_hi"]
    )
    both_ends = np.sign(flows["low"]) == np.sign(flows["high"])
    flows["against_total"] = both_ends & (np.sign(flows["high"]) * np.sign(total_flow) < 0)
    flows["with_total"] = both_ends & (np.sign(flows["high"]) * np.sign(total_flow) > 0)
    # the conservative share of the total: smallest this figure can be over largest the total can be
    flows["share_floor"] = np.where(flows["with_total"], flows["mag_lo"] / total_hi, np.nan)
    return flows


def repeated_figures(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows whose exact value equals the same figure's value in the previous, contiguous report week."""
    keys = ["scope", "key", "metric", "usd_m"]
    weeks = np.sort(frame["week_ending"].unique())
    previous = pd.Series(np.r_[[np.datetime64("NaT")], weeks[:-1]], index=weeks)
    rows = frame[keys + ["week_ending", "source"]].copy()
    rows["prev_week"] = rows["week_ending"].map(previous)
    rows = rows[(rows["week_ending"] - rows["prev_week"]) == WEEK]
    earlier = (
        frame[keys + ["week_ending", "source"]]
        .rename(columns={"week_ending": "prev_week", "source": "prev_source"})
        .drop_duplicates(keys + ["prev_week"])
    )
    hits = rows.merge(earlier, on=keys + ["prev_week"], how="inner")
    return hits.drop_duplicates(["week_ending", "scope", "key", "metric", "source"]).reset_index(drop=True)
