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

import contextlib
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
    from matplotlib.figure import Figure as MplFigure

    return MplFigure, _canvas_class()


_CANVAS: list = []


def _canvas_class():
    """matplotlib's SVG canvas, with text measured once per process rather than once per drawing.

    matplotlib caches a text's size per renderer, and its SVG canvas makes a new
    renderer for every drawing: a backfill's hundreds of charts would measure
    the same labels ("By asset", "Bitcoin", "500") again each time, most of a
    chart's cost. The size of a string in a font does not depend on the drawing,
    so this renderer shares one table of sizes; everything else is the library's.
    """
    if _CANVAS:
        return _CANVAS[0]
    from matplotlib.backends.backend_mixed import MixedModeRenderer
    from matplotlib.backends.backend_svg import FigureCanvasSVG, RendererSVG

    sizes: dict = {}

    class MeasuredOnce(RendererSVG):
        def get_text_width_height_descent(self, s, prop, ismath):
            size = sizes.get((s, prop, ismath))
            if size is None:  # the key keeps a copy: a FontProperties' hash follows its mutable state
                size = sizes[(s, prop.copy(), ismath)] = super().get_text_width_height_descent(s, prop, ismath)
            return size

        def _get_font_height_metrics(self, prop):
            # matplotlib >= 3.11 asks a renderer for a font's ascent, descent and line gap, and
            # without an answer reads them from the font file for every text it lays out
            heights = sizes.get(("heights", prop))
            if heights is None:
                heights = sizes[("heights", prop.copy())] = _font_heights(prop)
            return heights

    class Canvas(FigureCanvasSVG):
        def print_svg(self, filename, *, bbox_inches_restore=None, metadata=None, **_ignored):
            # FigureCanvasSVG.print_svg for a text buffer, with the renderer above (print_figure also
            # passes dpi, facecolor, edgecolor and orientation, which that method drops too)
            dpi = self.figure.dpi
            self.figure.dpi = 72
            width, height = self.figure.get_size_inches()
            vector = MeasuredOnce(width * 72, height * 72, filename, image_dpi=dpi, metadata=metadata)
            renderer = MixedModeRenderer(
                self.figure, width, height, dpi, vector, bbox_inches_restore=bbox_inches_restore
            )
            self.figure.draw(renderer)
            renderer.finalize()

    _CANVAS.append(Canvas)
    return Canvas


def _font_heights(prop) -> tuple[float | None, float | None, float | None]:
    """Ascent, descent and line gap of a font at 72 dpi, as ``matplotlib.text.Text._get_layout`` reads them."""
    from matplotlib.font_manager import fontManager, get_font

    font = get_font(fontManager._find_fonts_by_props(prop))
    for table_name, gap, ascent, descent in (
        ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
        ("hhea", "lineGap", "ascent", "descent"),
    ):
        table = font.get_sfnt_table(table_name)
        if table is not None:
            scale = prop.get_size_in_points() / font.get_sfnt_table("head")["unitsPerEm"]
            return table[ascent] * scale, -table[descent] * scale, table[gap] * scale
    return None, None, None  # the library measures "lp" instead


@contextlib.contextmanager
def _settings(values: Mapping[str, object]):
    """``matplotlib.rc_context`` for a few keys: it saves and restores only those, not the whole
    table of settings (which costs more than a small chart's bars)."""
    import matplotlib

    params = matplotlib.rcParams
    saved = {key: params[key] for key in values}
    params.update(values)
    try:
        yield
    finally:
        params.update(saved)


def _svg(fig, salt: str) -> str:
    """The figure as SVG markup without the XML prolog, ids salted per chart so two charts never share one."""
    import warnings

    buf = io.StringIO()
    with _settings({"svg.hashsalt": salt}), warnings.catch_warnings():
        # text stays <text> (svg.fonttype none): the browser draws Chinese labels with its own
        # fonts, so a CJK glyph missing from matplotlib's layout font is not a missing glyph
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
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
    MplFigure, Canvas = _matplotlib()
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
    from matplotlib.patches import Patch

    gaps = missing_weeks(points)
    with _settings(_RC):
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
            # minticks 3: yearly ticks from three years on (the default 5 left no interval it liked
            # for histories of 3.6 to 4.9 years, and matplotlib warned on every such page)
            locator = AutoDateLocator(minticks=3, maxticks=8)
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


def _money_tick(value: float, _pos=None) -> str:
    """A tick in US$ million: "1,500", "-20", "2.5" (never "-0", never an offset or exponent)."""
    return f"{value + 0.0:,.2f}".rstrip("0").rstrip(".")


class BreakdownPainter:
    """One matplotlib figure per process, its artists updated for each week.

    Building a figure (axes, spines, tick objects, fonts) costs more than
    drawing it, and a backfill draws hundreds of these, so the figure is made
    once and each week only moves bars, tick labels and limits. Assets and
    countries share one axes and one scale (the same week, the same unit):
    half the axis machinery of two panels, and the two are comparable. The
    legend is the same every week, so it is drawn once (``legend_svg``).
    """

    ROW = 0.24  # inches per row
    MARGINS = (1.55, 0.3, 0.55, 0.4)  # left, right, bottom, top, inches

    def __init__(self, words: Mapping[str, str]) -> None:
        MplFigure, Canvas = _matplotlib()
        from matplotlib.lines import Line2D
        from matplotlib.ticker import FuncFormatter, MaxNLocator

        self.words = dict(words)
        with _settings(_RC):
            self.fig = MplFigure(figsize=(7.4, 3))
            Canvas(self.fig)
            self.ax = ax = self.fig.add_axes((0.2, 0.2, 0.75, 0.7))
            # title and axis labels at fixed places: matplotlib would otherwise measure every tick label
            # twice more per drawing to keep clear of them (most of a drawing's cost)
            ax.set_title(words["breakdown_title"], loc="left", fontsize=10, y=1.0, pad=8)
            ax.set_xlabel(words["unit"])
            ax.yaxis.set_label_coords(-0.2, 0.5)
            ax.axvline(0, color=EDGE, linewidth=0.8)
            ax.xaxis.set_major_locator(MaxNLocator(nbins=4))
            ax.xaxis.set_major_formatter(FuncFormatter(_money_tick))
            ax.tick_params(axis="y", left=False)  # rows are categories: no tick marks
            self.sides = Line2D([], [], linestyle="none", marker="|", markersize=11, color=EDGE)
            ax.add_line(self.sides)
        self._bars: list = []

    def _rows(self, by_asset: list[Bar], by_country: list[Bar]) -> list[tuple[str, Bar | None, str]]:
        """Top to bottom: a heading row per group, then its bars (or a "none reported" row)."""
        rows: list[tuple[str, Bar | None, str]] = []
        for title, bars in ((self.words["assets_title"], by_asset), (self.words["countries_title"], by_country)):
            rows.append((title, None, "bold"))
            rows += [(b.key, b, "normal") for b in bars] or [(self.words["none"], None, "italic")]
        return rows

    def draw(self, by_asset: list[Bar], by_country: list[Bar]) -> str:
        from matplotlib.patches import Rectangle

        ax = self.ax
        for patch in self._bars:
            patch.remove()
        self._bars = []
        rows = self._rows(by_asset, by_country)
        height = self.MARGINS[2] + self.MARGINS[3] + self.ROW * (len(rows) + 0.6)
        left, right, bottom, top = self.MARGINS
        self.fig.set_size_inches(7.4, height)
        ax.set_position((left / 7.4, bottom / height, 1 - (left + right) / 7.4, 1 - (bottom + top) / height))
        ax.xaxis.set_label_coords(0.5, -0.36 / (height - bottom - top))  # 0.36 in below the axes
        sides_x: list[float] = []
        sides_y: list[float] = []
        lo = hi = 0.0
        ys = list(range(len(rows)))[::-1]
        for y, (_, bar, _) in zip(ys, rows, strict=True):
            if bar is None:
                continue
            if bar.status == "conflicting":
                patch = Rectangle((bar.low, y - 0.32), bar.high - bar.low, 0.64, facecolor=RANGE, hatch="xxx")
                patch.set_edgecolor(EDGE)
                sides_x += bar.sides
                sides_y += [y] * len(bar.sides)
            else:
                colour = OUTFLOW if bar.high < 0 else INFLOW
                flagged = bar.status != "verified"
                patch = Rectangle((0, y - 0.32), bar.high, 0.64, facecolor=colour, hatch="////" if flagged else None)
                patch.set_edgecolor("white" if flagged else colour)
            ax.add_artist(patch)  # not add_patch: the limits are set below, not grown patch by patch
            self._bars.append(patch)
            lo, hi = min(lo, bar.low, *bar.sides), max(hi, bar.high, *bar.sides)
        self.sides.set_data(sides_x, sides_y)
        pad = (hi - lo) * 0.08 or 1.0
        ax.set_xlim(lo - pad, hi + pad)
        ax.set_ylim(-0.6, len(rows) - 0.4)
        ax.set_yticks(ys, [label for label, _, _ in rows])
        for tick, (_, _, style) in zip(ax.yaxis.get_major_ticks(), rows, strict=False):
            tick.label1.set_fontweight("bold" if style == "bold" else "normal")
            tick.label1.set_fontstyle("italic" if style == "italic" else "normal")
        with _settings(_RC):
            return _svg(self.fig, "breakdown")

    def legend_svg(self) -> str:
        """The key to the breakdown's colours and hatching, the same every week: drawn once."""
        MplFigure, Canvas = _matplotlib()
        from matplotlib.patches import Patch

        w = self.words
        with _settings(_RC):
            fig = MplFigure(figsize=(7.4, 0.32))
            Canvas(fig)
            handles = [
                Patch(color=INFLOW, label=w["inflow"]),
                Patch(color=OUTFLOW, label=w["outflow"]),
                Patch(facecolor="#8c8c8c", edgecolor="white", hatch="////", label=w["flagged"]),
                Patch(facecolor=RANGE, edgecolor=EDGE, hatch="xxx", label=w["conflict"]),
            ]
            fig.legend(
                handles=handles, loc="center left", bbox_to_anchor=(0.01, 0.5), ncol=4, frameon=False, fontsize=8
            )
            return _svg(fig, "legend")


_PAINTERS: dict[tuple, tuple[BreakdownPainter, str]] = {}


def breakdown_chart(assets: Sequence[Figure], countries: Sequence[Figure], words: Mapping[str, str]) -> Chart:
    """The week's net flows by asset and by country; a conflict is a range with a tick at each side.

    The painter (and the legend it draws once) is kept per process and per set of words.
    """
    key = tuple(sorted(words.items()))
    if key not in _PAINTERS:
        painter = BreakdownPainter(words)
        _PAINTERS[key] = (painter, painter.legend_svg())
    painter, legend = _PAINTERS[key]
    by_asset, by_country = _bars(assets, "asset"), _bars(countries, "country")
    svg = painter.draw(by_asset, by_country)
    return Chart(svg=svg, title=words["breakdown_title"], points=tuple(by_asset + by_country), extra={"legend": legend})
