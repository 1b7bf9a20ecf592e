"""The page's charts, drawn by matplotlib's SVG backend and inlined as markup.

matplotlib rather than Vega-Lite (vl-convert): a pure wheel that works offline
with no JavaScript engine, long maintained, and its SVG carries element ids we
can style (the week's bar is highlighted by the page's CSS, so one history
chart serves every week of a backfill). Text stays text (``svg.fonttype:
none``), maths parsing is off so a ``$`` in a key is printed as it is, and the
library escapes every label it writes.

Imported only on the review path: it is the one module that loads matplotlib.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from writer.figures import Figure

INFLOW, OUTFLOW, RANGE, GAP, EDGE = "#2f6f9f", "#c8553d", "#e8c36a", "#d9d9d9", "#1b1b1b"
_RC = {
    "svg.fonttype": "none",  # text as <text>: small, searchable, no glyph outlines to compute
    "text.parse_math": False,  # "$" in a data string is a dollar sign, not TeX
    "text.usetex": False,
    "font.family": "sans-serif",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "hatch.linewidth": 0.6,
}


@dataclass(frozen=True)
class WeekPoint:
    """One week's reported total: a value, or a conflict's two ends."""

    week: dt.date
    low: float
    high: float
    status: str

    @property
    def mid(self) -> float:
        return (self.low + self.high) / 2


@dataclass(frozen=True)
class Bar:
    """One bar of the breakdown chart, as its text alternative lists it."""

    panel: str  # asset or country
    key: str
    low: float
    high: float
    status: str
    sides: tuple[float, ...] = ()


@dataclass(frozen=True)
class Chart:
    svg: str
    title: str
    points: tuple = ()
    missing: tuple[dt.date, ...] = ()
    extra: dict = field(default_factory=dict)


def _matplotlib():
    import matplotlib

    matplotlib.use("svg", force=False)
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure as MplFigure

    return matplotlib, MplFigure, FigureCanvasSVG


def _svg(fig, salt: str) -> str:
    """The figure as SVG markup without the XML prolog, ids salted per chart so two charts never share one."""
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": salt}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    text = buf.getvalue()
    return text[text.index("<svg") :]


def history_points(figures) -> tuple[WeekPoint, ...]:
    """The weekly totals from a reconciled figures frame (``History.figures``)."""
    totals = figures[(figures["scope"] == "total") & (figures["metric"] == "net_flow")].sort_values("week_ending")
    return tuple(
        WeekPoint(week.date(), float(low), float(high), status)
        for week, low, high, status in zip(
            totals["week_ending"], totals["low"], totals["high"], totals["status"], strict=True
        )
    )


def missing_weeks(points: Sequence[WeekPoint]) -> tuple[dt.date, ...]:
    """Report weeks with no total between the first and the last: gaps, never zeros."""
    if not points:
        return ()
    have = {p.week for p in points}
    step = dt.timedelta(days=7)
    out, week = [], points[0].week
    while week < points[-1].week:
        week += step
        if week not in have:
            out.append(week)
    return tuple(out)


def week_id(week: dt.date) -> str:
    """Element id of a week's bar, which the page's CSS highlights."""
    return f"week-{week.isoformat()}"


def history_chart(points: Sequence[WeekPoint], words: Mapping[str, str]) -> Chart:
    """Weekly total net flow over the whole history; each bar carries its week's id."""
    matplotlib, MplFigure, Canvas = _matplotlib()
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
    from matplotlib.patches import Patch

    gaps = missing_weeks(points)
    with matplotlib.rc_context(_RC):
        fig = MplFigure(figsize=(7.4, 2.9))
        Canvas(fig)
        ax = fig.add_axes((0.1, 0.2, 0.88, 0.66))
        x = date2num([p.week for p in points])
        values = [p.mid for p in points]
        colours = [OUTFLOW if v < 0 else INFLOW for v in values]
        width = 5.0 if len(points) < 300 else 6.5
        bars = ax.bar(x, values, width=width, color=colours, linewidth=0)
        for bar, point in zip(bars, points, strict=True):
            bar.set_gid(week_id(point.week))
            if point.status == "conflicting":
                bar.set_hatch("xxx")
                bar.set_edgecolor(EDGE)
                ax.vlines(date2num(point.week), point.low, point.high, colors=EDGE, linewidth=1.2)
        for gap in date2num(list(gaps)):
            ax.axvspan(gap - 3.5, gap + 3.5, facecolor=GAP, edgecolor="#8c8c8c", hatch="////", linewidth=0)
        ax.axhline(0, color=EDGE, linewidth=0.8)
        if len(points):
            locator = AutoDateLocator(maxticks=8)
            ax.xaxis.set_major_locator(locator)
            ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
            ax.set_xlim(x[0] - 7, x[-1] + 7)
        ax.set_ylabel(words["unit"])
        ax.set_title(words["history_title"], loc="left", fontsize=10)
        handles = [Patch(color=INFLOW, label=words["inflow"]), Patch(color=OUTFLOW, label=words["outflow"])]
        if gaps:
            handles.append(Patch(facecolor=GAP, edgecolor="#8c8c8c", hatch="////", label=words["gap"]))
        if any(p.status == "conflicting" for p in points):
            handles.append(Patch(facecolor="white", edgecolor=EDGE, hatch="xxx", label=words["conflict"]))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.13), ncol=4, frameon=False, fontsize=8)
        svg = _svg(fig, "history")
    return Chart(svg=svg, title=words["history_title"], points=tuple(points), missing=gaps)


def _bars(figures: Sequence[Figure], panel: str) -> list[Bar]:
    return [
        Bar(panel, f.key, min(f.low, f.high), max(f.low, f.high), f.status, tuple(s.value for s in f.sides))
        for f in figures
    ]


def _panel(ax, bars: list[Bar], title: str, words: Mapping[str, str]) -> None:
    ax.set_title(title, loc="left", fontsize=10)
    if not bars:
        ax.text(0.5, 0.5, words["none"], ha="center", va="center", transform=ax.transAxes, color="#555555")
        ax.set_xticks([])
        ax.set_yticks([])
        return
    y = list(range(len(bars)))[::-1]
    for pos, bar in zip(y, bars, strict=True):
        if bar.status == "conflicting":
            ax.barh(pos, bar.high - bar.low, left=bar.low, height=0.6, color=RANGE, hatch="xxx", edgecolor=EDGE)
            ax.plot(list(bar.sides), [pos] * len(bar.sides), linestyle="none", marker="|", markersize=12, color=EDGE)
        else:
            colour = OUTFLOW if bar.high < 0 else INFLOW
            hatch = "" if bar.status == "verified" else "////"
            ax.barh(pos, bar.high, height=0.6, color=colour, hatch=hatch, edgecolor="white" if hatch else colour)
    ax.axvline(0, color=EDGE, linewidth=0.8)
    ax.set_yticks(y, [b.key for b in bars])
    ax.set_xlabel(words["unit"])
    ax.margins(x=0.12)


def breakdown_chart(assets: Sequence[Figure], countries: Sequence[Figure], words: Mapping[str, str]) -> Chart:
    """The week's net flows by asset and by country; a conflict is a range with a tick at each side."""
    matplotlib, MplFigure, Canvas = _matplotlib()
    from matplotlib.patches import Patch

    by_asset, by_country = _bars(assets, "asset"), _bars(countries, "country")
    rows = max(len(by_asset), len(by_country), 2)
    with matplotlib.rc_context(_RC):
        fig = MplFigure(figsize=(7.4, 1.5 + 0.32 * rows))
        Canvas(fig)
        left = fig.add_axes((0.16, 0.28, 0.32, 0.6))
        right = fig.add_axes((0.66, 0.28, 0.32, 0.6))
        _panel(left, by_asset, words["assets_title"], words)
        _panel(right, by_country, words["countries_title"], words)
        handles = [
            Patch(color=INFLOW, label=words["inflow"]),
            Patch(color=OUTFLOW, label=words["outflow"]),
            Patch(facecolor="#8c8c8c", edgecolor="white", hatch="////", label=words["flagged"]),
            Patch(facecolor=RANGE, edgecolor=EDGE, hatch="xxx", label=words["conflict"]),
        ]
        fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.02, 0.0), ncol=4, frameon=False, fontsize=8)
        svg = _svg(fig, "breakdown")
    return Chart(svg=svg, title=words["breakdown_title"], points=tuple(by_asset + by_country))
