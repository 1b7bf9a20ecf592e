"""The reported rows behind each figure, as a reader of the page needs them.

Reconciled figures keep only their sources' names; an editor checking a figure
wants each publication's row as printed: value, bound, link, status, note.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class ReportedRow:
    """One publication's figure, the way the data file gave it."""

    scope: str
    key: str
    metric: str
    value: float  # signed US$ millions
    printed: str  # the number as written, to the precision it was written
    bound: str
    source: str
    url: str
    status: str  # the data's own status column: verified, unverified or blank
    note: str
    file: str
    line: int

    @property
    def figure_key(self) -> tuple[str, str, str]:
        return (self.scope, self.key, self.metric)

    @property
    def source_id(self) -> str:
        """How reconciliation tells publications apart (case and spacing ignored)."""
        return " ".join(self.source.casefold().split())


def printed(value: float, precision: float) -> str:
    """ "-1700" for 1700 written to the hundred, "17.1" to the tenth: the digits as written."""
    decimals = max(0, -math.floor(math.log10(precision) + 1e-9)) if precision > 0 else 0
    return f"{value:.{decimals}f}"


def rows_by_week(frame: pd.DataFrame | None) -> dict[dt.date, tuple[ReportedRow, ...]]:
    """Every validated row, grouped by report week, in file order (one pass over the frame)."""
    out: dict[dt.date, list[ReportedRow]] = {}
    if frame is None or frame.empty:
        return {}
    columns = ("week_ending", "scope", "key", "metric", "usd_m", "precision", "bound", "source", "url", "status")
    data = {c: frame[c].tolist() for c in (*columns, "note", "file", "row")}
    for i in range(len(frame)):
        week = data["week_ending"][i].date()
        value = float(data["usd_m"][i])
        out.setdefault(week, []).append(
            ReportedRow(
                scope=data["scope"][i],
                key=data["key"][i],
                metric=data["metric"][i],
                value=value,
                printed=printed(value, float(data["precision"][i])),
                bound=data["bound"][i],
                source=data["source"][i],
                url=data["url"][i],
                status=data["status"][i],
                note=data["note"][i],
                file=str(data["file"][i]),
                line=int(data["row"][i]),
            )
        )
    return {week: tuple(rows) for week, rows in out.items()}
