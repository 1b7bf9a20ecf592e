"""Reported rows -> one reconciled figure per (week, scope, key, metric).

Two rows agree when the intervals their text allows overlap: "1700" (written
to the hundred) allows 1650..1750 and so agrees with "1730"; "over 1000"
agrees with 1090 (``HouseStyle.agree``, the definition the linter uses too; a
relative tolerance from the rules file widens each interval by half of it).
One source counts once however often it repeats a figure. The agreeing group
is the set of rows through the most corroborated point, so its rows all
agree with each other; anything left over makes the figure conflicting.

A publication's rows that are a copy of another week's report under the wrong
date (``sources.misdated_copies``) are no source for the week: where anyone
else reports the figure they are set aside; where nobody does, they make the
figure as one source at most (flagged), however many copies there are.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from writer.data.cliques import cliques
from writer.data.sources import whole_number_precision
from writer.figures import Side
from writer.housestyle import HouseStyle
from writer.money import Amount

FIGURE_KEYS = ["week_ending", "scope", "key", "metric"]


@dataclass(frozen=True)
class _Row:
    source_id: str
    source: str
    value: float
    amount: Amount
    status: str
    copy: bool = False  # part of a report of another week, carried under this one's date


def _rank(row: _Row) -> tuple[int, float]:
    """Point values before bounds, then the most precise."""
    return (0 if row.amount.bound in ("exact", "approx") else 1, row.amount.precision)


def _interval(row: _Row, style: HouseStyle) -> tuple[float, float]:
    """The signed values a row's text allows as corroboration reads it, so that overlap is
    ``style.agree``: "1000" stands for 950 to 1050 (``whole_number_precision``: it is no
    source for 787); intervals that only touch do not agree ("1200" and "1300" at the
    hundred), so each is narrowed by a hair; the relative tolerance widens an interval
    only where its own precision is finer than that tolerance ("1730" and "1740" agree)."""
    amount = row.amount
    precision = whole_number_precision(amount.value, amount.precision)
    lo, hi = style.interval(Amount(amount.value, precision, amount.bound))
    widen = max(0.0, style.relative_tolerance * amount.value / 2 - precision / 2) - 1e-7
    lo, hi = lo - widen, hi + widen
    lo = max(1e-12, lo)  # above zero: an inflow and an outflow never agree
    hi = max(hi, lo)  # "under 0" allows nothing above zero: a point, never an empty interval
    return (-hi, -lo) if row.value < 0 else (lo, hi)


def _clusters(rows: list[_Row], style: HouseStyle) -> list[list[_Row]]:
    """Groups of mutually agreeing rows, the most corroborated first (then the best-ranked row's).

    Agreement is interval overlap, so a group is the rows through one point
    (``cliques``: O(n log n)); a publication repeating itself adds no weight.
    """
    seen: set[tuple[str, float, float]] = set()
    intervals, weights = [], []
    for row in rows:
        interval = _interval(row, style)
        intervals.append(interval)
        weights.append(0.0 if (row.source_id, *interval) in seen else 1.0)
        seen.add((row.source_id, *interval))
    order = [sorted(group, key=lambda i: (_rank(rows[i]), i)) for group in cliques(intervals, weights)]
    order.sort(key=lambda g: (-len({rows[i].source_id for i in g}), _rank(rows[g[0]]), g[0]))  # then file order
    return [[rows[i] for i in group] for group in order]


def _sources(rows: list[_Row]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for row in rows:
        seen.setdefault(row.source_id, row.source)
    return tuple(sorted(seen.values(), key=str.casefold))


def _without_copies(rows: list[_Row]) -> list[_Row]:
    """Copies set aside where any other row reports the figure; else one source, all of them."""
    independent = [r for r in rows if not r.copy]
    if independent:
        return independent
    first = rows[0].source_id
    return [replace(r, source_id=first) for r in rows]


def _reconcile_group(rows: list[_Row], style: HouseStyle) -> dict:
    rows = _without_copies(rows)
    clusters = _clusters(rows, style)
    main = clusters[0]
    best = min(main, key=_rank)
    sides = tuple(
        Side(value=min(c, key=_rank).value, bound=min(c, key=_rank).amount.bound, sources=_sources(c)) for c in clusters
    )
    sources = _sources(rows)
    lo_hi = [style.interval(r.amount) for r in rows]
    if len(clusters) > 1:
        shown = 0.0
        values = [s.value for s in sides]
        # smaller and larger magnitude; of equal ones (-630 and +630) the outflow is low, the inflow
        # high, so a conflict across zero always shows low < 0 < high
        low, high = min(values, key=lambda v: (abs(v), v)), max(values, key=lambda v: (abs(v), v))
        status = "conflicting"
        value = np.nan
        precision = min(r.amount.precision for r in rows)
        bound = "approx"
    else:
        low = high = value = best.value
        precision = best.amount.precision
        shown = max(r.amount.precision for r in main)  # what every agreeing source printed
        bound = best.amount.bound
        explicit = {r.status for r in main}
        if "verified" in explicit:
            status = "verified"
        elif "unverified" in explicit:
            status = "single-source" if len(sources) == 1 else "unverified"
        elif len(sources) >= style.verified_sources:
            status = "verified"
        elif len(sources) == 1:
            status = "single-source"
        else:
            status = "unverified"
    return {
        "value": value,
        "low": low,
        "high": high,
        "precision": precision,
        "shown_precision": shown,
        "bound": bound,
        "status": status,
        "sources": sources,
        "sides": sides,
        "mag_lo": max(0.0, min(lo for lo, _ in lo_hi)) if len(clusters) > 1 else max(0.0, lo_hi[rows.index(best)][0]),
        "mag_hi": max(hi for _, hi in lo_hi) if len(clusters) > 1 else lo_hi[rows.index(best)][1],
    }


def reconcile(
    frame: pd.DataFrame, style: HouseStyle, copies: Collection[tuple[pd.Timestamp, str]] = ()
) -> pd.DataFrame:
    """One row per figure: value or low/high, precision, bound, status, sources, sides.

    ``copies`` holds the (week, source) pairs whose rows are misdated copies of another report.
    """
    frame = frame.sort_values(FIGURE_KEYS + ["row"], kind="stable")
    copied = frozenset(copies)
    cols = {c: frame[c].to_numpy() for c in ("source_id", "source", "usd_m", "precision", "bound", "status")}
    records = []
    for key, idx in frame.groupby(FIGURE_KEYS, sort=True).indices.items():
        rows = [
            _Row(
                source_id=cols["source_id"][i],
                source=cols["source"][i],
                value=float(cols["usd_m"][i]),
                amount=Amount(abs(float(cols["usd_m"][i])), float(cols["precision"][i]), cols["bound"][i]),
                status=cols["status"][i],
                copy=bool(copied) and (key[0], cols["source"][i]) in copied,
            )
            for i in idx
        ]
        records.append((*key, *_reconcile_group(rows, style).values()))
    columns = FIGURE_KEYS + [
        "value",
        "low",
        "high",
        "precision",
        "shown_precision",
        "bound",
        "status",
        "sources",
        "sides",
        "mag_lo",
        "mag_hi",
    ]
    figures = pd.DataFrame.from_records(records, columns=columns)
    figures["flagged"] = figures["status"] != "verified"
    return figures
