"""WeekFacts: everything a template or the linter may know about one week.

``History`` runs the whole-history work once (load, reconcile, vectorised
derived facts) and splits it by week; ``History.week(date)`` then only picks
rows. Templates read WeekFacts and decide nothing: directions, opposites and
shares are settled here, their words come from the house style.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from writer.data import history as hist
from writer.data.load import STRICT, Columns, load_frame
from writer.data.notes import Claim, Commentary, WeekNotes
from writer.data.reconcile import reconcile
from writer.data.sources import MisdatedCopy, misdated_copies
from writer.entities import Vocabulary
from writer.errors import Problem, UserError
from writer.figures import Figure
from writer.housestyle import HouseStyle


@dataclass(frozen=True)
class YearToDate:
    after: Figure
    before_sign: int  # -1, 0 (unknown), 1
    sign_flip: bool

    @property
    def before_direction(self) -> str:
        """The direction of year-to-date flows before the week (a key of house_style direction)."""
        return "inflow" if self.before_sign > 0 else "outflow"


@dataclass(frozen=True)
class Superlative:
    """One "largest since" statement, either ours (from history) or a source's claim."""

    direction: str
    since: dt.date | None
    established: bool
    claim: Claim | None = None
    missing_weeks: int = 0
    weeks: int = 0  # report weeks from the "since" week to this one, missing ones included


@dataclass(frozen=True)
class Streak:
    weeks_before: int
    ended_run: int
    open: bool = False  # the run starts at the history's first week or after a missing week
    ended_open: bool = False  # the same, for the run this week ended


@dataclass(frozen=True)
class Share:
    figure: Figure
    words: str
    flagged: bool


@dataclass(frozen=True)
class WeekFacts:
    week: dt.date
    total: Figure | None
    aum: Figure | None
    ytd: YearToDate | None
    superlative: Superlative | None
    streak: Streak | None
    assets: tuple[Figure, ...]
    countries: tuple[Figure, ...]
    leaders: tuple[Figure, ...]
    share: Share | None
    contrarians: tuple[Figure, ...]
    commentary: tuple[Commentary, ...]
    context: tuple[str, ...]
    repeated: tuple[Figure, ...]
    sources: tuple[str, ...]
    gap_before: int
    input_hash: str
    figures: tuple[Figure, ...] = field(default_factory=tuple)
    providers: tuple[Figure, ...] = ()  # issuers (Grayscale, BlackRock, ...) when the data has them
    copies: tuple[MisdatedCopy, ...] = ()  # another week's report under this week's date: no source here

    @property
    def direction(self) -> str:
        return "outflow" if self.total and self.total.sign < 0 else "inflow"


def _figure(row: dict, repeated_from: str | None = None) -> Figure:
    value = row["value"]
    return Figure(
        scope=row["scope"],
        key=row["key"],
        metric=row["metric"],
        value=None if pd.isna(value) else float(value),
        low=float(row["low"]),
        high=float(row["high"]),
        precision=float(row["precision"]),
        bound=row["bound"],
        status=row["status"],
        sources=tuple(row["sources"]),
        sides=tuple(row["sides"]),
        repeated_from=repeated_from,
        shown_precision=float(row["shown_precision"]),
    )


def _by_magnitude(figs: list[Figure]) -> tuple[Figure, ...]:
    return tuple(sorted(figs, key=lambda f: (-abs(f.point), f.key)))


_ROW_COLUMNS = ["week_ending", "scope", "key", "metric", "usd_m", "bound", "source", "url", "status", "note"]


def _row_hashes(frame: pd.DataFrame) -> dict[pd.Timestamp, str]:
    """One hash per week over its input rows, independent of row and file order (one pass)."""
    text = frame[_ROW_COLUMNS[0]].dt.strftime("%Y-%m-%d")
    for column in _ROW_COLUMNS[1:]:
        text = text + "\x1f" + frame[column].astype(str)
    lines: dict[pd.Timestamp, list[str]] = {}
    for week, line in zip(frame["week_ending"], text, strict=True):
        lines.setdefault(week, []).append(line)
    return {w: hashlib.sha256("\n".join(sorted(v)).encode()).hexdigest()[:16] for w, v in lines.items()}


class History:
    """All weeks of the given data, with history-wide facts computed once."""

    def __init__(self, frame: pd.DataFrame, style: HouseStyle) -> None:
        self.style = style
        copies = misdated_copies(frame)
        self._copies: dict[pd.Timestamp, list[MisdatedCopy]] = {}
        for copy in copies.values():
            self._copies.setdefault(copy.week, []).append(copy)
        self.figures = reconcile(frame, style, copies)
        self.totals = hist.weekly_totals(self.figures, style.superlative_min_weeks)
        self.ytd = hist.year_to_date(self.figures, self.totals)
        flows = hist.against_total(self.figures, self.totals)
        self.figures = self.figures.join(flows[["against_total", "with_total", "share_floor"]])
        repeats = hist.repeated_figures(frame)
        self._repeats = {
            (r.week_ending, r.scope, r.key, r.metric): r.prev_source for r in repeats.itertuples(index=False)
        }
        # everything per week is split out once here, so History.week only picks
        self._figures_by_week: dict[pd.Timestamp, list[dict]] = {}
        for record in self.figures.to_dict("records"):
            self._figures_by_week.setdefault(record["week_ending"], []).append(record)
        self._totals = self.totals.to_dict("index")
        self._ytd_rows = self.ytd.to_dict("index")
        self._row_hashes = _row_hashes(frame)
        self.weeks = tuple(pd.Timestamp(w).date() for w in sorted(self._figures_by_week))

    @classmethod
    def from_files(
        cls, paths: list[Path], style: HouseStyle, vocabulary: Vocabulary, columns: Columns = STRICT
    ) -> History:
        return cls(load_frame(paths, vocabulary, columns), style)

    def row_hash(self, week: dt.date) -> str:
        """Hash of the input rows of one week, independent of file order."""
        return self._row_hashes[pd.Timestamp(week)]

    def require_week(self, week: dt.date) -> pd.Timestamp:
        stamp = pd.Timestamp(week)
        if stamp not in self._figures_by_week:
            near = min(self.weeks, key=lambda w: abs((w - week).days)) if self.weeks else None
            hint = f"; nearest week with data: {near}" if near else ""
            raise UserError(Problem(f"no data for week {week}{hint}", expected="a week_ending present in the data"))
        return stamp

    def week(self, week: dt.date, notes: WeekNotes | None = None) -> WeekFacts:
        stamp = self.require_week(week)
        notes = notes or WeekNotes(week=week)
        rows = self._figures_by_week[stamp]
        # a figure equal to last week's is doubtful only when nobody else confirms it this week
        figs = [
            _figure(
                r, None if r["status"] == "verified" else self._repeats.get((stamp, r["scope"], r["key"], r["metric"]))
            )
            for r in rows
        ]
        by = {(f.scope, f.metric, f.key): f for f in figs}
        total = by.get(("total", "net_flow", "all"))
        flows = {(r["scope"], r["key"]): r for r in rows if r["metric"] == "net_flow" and r["scope"] != "total"}
        assets = _by_magnitude([f for f in figs if f.scope == "asset" and f.metric == "net_flow"])
        countries = _by_magnitude([f for f in figs if f.scope == "country" and f.metric == "net_flow"])
        contrarians = tuple(f for f in assets + countries if flows[(f.scope, f.key)]["against_total"] is True)
        leaders = tuple(f for f in assets if flows[(f.scope, f.key)]["with_total"] is True)[:2]
        return WeekFacts(
            week=stamp.date(),
            total=total,
            aum=by.get(("total", "aum", "all")),
            ytd=self._ytd(stamp, by.get(("total", "ytd_flow", "all"))),
            superlative=self._superlative(stamp, total, notes),
            streak=self._streak(stamp),
            assets=assets,
            countries=countries,
            leaders=leaders,
            share=self._share(leaders, flows),
            contrarians=contrarians,
            commentary=notes.commentary,
            context=notes.context,
            repeated=tuple(f for f in figs if f.repeated_from),
            sources=tuple(sorted({s for f in figs for s in f.sources}, key=str.casefold)),
            gap_before=int(self._totals.get(stamp, {}).get("gap_before", 0)),
            input_hash=self.row_hash(stamp.date()),
            figures=tuple(figs),
            providers=_by_magnitude([f for f in figs if f.scope == "provider" and f.metric == "net_flow"]),
            copies=tuple(self._copies.get(stamp, ())),
        )

    def _ytd(self, stamp: pd.Timestamp, after: Figure | None) -> YearToDate | None:
        if after is None or after.is_range or stamp not in self._ytd_rows:
            return YearToDate(after, 0, False) if after is not None else None
        row = self._ytd_rows[stamp]
        return YearToDate(after=after, before_sign=int(row["ytd_before_sign"]), sign_flip=bool(row["ytd_sign_flip"]))

    def _superlative(self, stamp: pd.Timestamp, total: Figure | None, notes: WeekNotes) -> Superlative | None:
        claim = next((c for c in notes.claims if c.kind == "superlative"), None)
        direction = "outflow" if total is not None and total.sign < 0 else "inflow"
        if total is not None and stamp in self._totals:
            row = self._totals[stamp]
            if bool(row["superlative_reportable"]):
                since = pd.Timestamp(row["since_week"]).date()
                established = bool(row["superlative_established"])
                if established or claim is None:
                    return Superlative(
                        direction,
                        since,
                        established,
                        missing_weeks=int(row["since_missing"]),
                        weeks=int(row["since_weeks"]),
                    )
        if claim is not None:
            return Superlative(direction, None, False, claim=claim)
        return None

    def _streak(self, stamp: pd.Timestamp) -> Streak | None:
        if stamp not in self._totals:
            return None
        row = self._totals[stamp]
        return Streak(
            weeks_before=int(row["streak_before"]),
            ended_run=int(row["ended_run"]),
            open=bool(row["streak_open"]),
            ended_open=bool(row["ended_open"]),
        )

    def _share(self, leaders: tuple[Figure, ...], flows: dict) -> Share | None:
        if not leaders:
            return None
        lead = leaders[0]
        floor = flows[(lead.scope, lead.key)]["share_floor"]
        if floor is None or pd.isna(floor):
            return None
        words = self.style.share(floor)
        if words is None:
            return None
        return Share(figure=lead, words=words, flagged=lead.flagged)
