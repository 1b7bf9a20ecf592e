"""The page's charts, drawn by matplotlib's SVG backend and inlined as markup.

matplotlib rather than Vega-Lite (vl-convert): a pure wheel that works offline
with no JavaScript engine, long maintained, and its drawings compose: one
history chart serves every week of a backfill (the week's band, drawn once, is
moved to its week), and the breakdown is stacked from pieces drawn once per
process (``BreakdownPainter``). Text stays text (``svg.fonttype:
none``), maths parsing is off so a ``$`` in a key is printed as it is, and the
library escapes every label it writes.

Imported only on the review path: it is the one module that loads matplotlib.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from writer.figures import Figure

INFLOW, OUTFLOW, RANGE, GAP, EDGE = "#2f6f9f", "#c8553d", "#e8c36a", "#d9d9d9", "#1b1b1b"
WEEK = "#f2a900"  # the band that marks the page's week on the history chart
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


_PROLOG = re.compile(r'\s*<metadata>.*?</metadata>\s*<defs>\s*<style type="text/css">[^<]*</style>\s*</defs>', re.S)
# matplotlib names each group after its artist ("figure_1", "text_3", "matplotlib.axis_2"): nothing
# points at those ids, and every chart on a page would repeat them (an id names one element)
_ARTIST_GROUP_ID = re.compile(r'(<g\b) id="[A-Za-z][\w.]*_\d+"')
_DEFS = re.compile(r"<defs>(.*?)</defs>", re.S)
_GROUP_ID = re.compile(r'(<g\b) id="([^"]+)"')
_ID = re.compile(r'\bid="([^"]+)"')


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
_CODES = [b"M", b"L", b"Q", b"C", b"z"]  # how matplotlib's SVG backend writes a path's steps


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
    from matplotlib._path import convert_to_string
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

        def _convert_path(self, path, transform=None, clip=None, simplify=None, sketch=None):
            # the library's own conversion, to two decimals rather than six: a hundredth of a point
            # is finer than any screen or printer, and the history chart's bars are in every page
            clip = (0.0, 0.0, self.width, self.height) if clip else None
            return convert_to_string(path, transform, clip, simplify, sketch, 2, _CODES, False).decode("ascii")

    class Canvas(FigureCanvasSVG):
        def print_svg(self, filename, *, bbox_inches_restore=None, metadata=None, **_ignored):
            # FigureCanvasSVG.print_svg for a text buffer, with the renderer above. ``_svg`` calls it
            # directly rather than through savefig/print_figure, whose settings (dpi, face and edge
            # colour, layout) are the figure's own here, so it restores the dpi print_figure would
            dpi = self.figure.dpi
            self.figure.dpi = 72
            try:
                width, height = self.figure.get_size_inches()
                vector = MeasuredOnce(width * 72, height * 72, filename, image_dpi=dpi, metadata=metadata)
                renderer = MixedModeRenderer(
                    self.figure, width, height, dpi, vector, bbox_inches_restore=bbox_inches_restore
                )
                self.figure.draw(renderer)
                renderer.finalize()
            finally:
                self.figure.dpi = dpi

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
        fig.canvas.print_svg(buf, metadata={"Date": None, "Creator": None})
    text = buf.getvalue()
    return _ARTIST_GROUP_ID.sub(r"\1", text[text.index("<svg") :])


def _keep(cache: dict, key, value: str, most: int) -> str:
    """Store ``value`` under ``key``, forgetting the oldest entry beyond ``most``."""
    if len(cache) >= most:
        del cache[next(iter(cache))]
    cache[key] = value
    return value


def _inside(svg: str) -> str:
    """The drawing inside an SVG root element, without the prolog every matplotlib drawing starts with
    (metadata and a stroke style): a layer stacked on a base shares the base's."""
    body = svg[svg.index(">", svg.index("<svg")) + 1 : svg.rindex("</svg>")]
    prolog = _PROLOG.match(body)
    return body[prolog.end() :] if prolog else body


def _stack(base: str, *layers: tuple[str, float, float]) -> str:
    """One ``<svg>``: ``base`` with each (drawing, dx, dy) painted over it in turn, moved right by dx
    and down by dy points. A layer is a drawing's inside (``_inside``), kept that way by its cache.

    Every drawing is matplotlib's, of the same width and in the same units
    (points), so stacking their contents needs no scaling: only a group
    moved to where the layer belongs.
    """
    end = base.rindex("</svg>")
    seen: set[str] = set()
    groups = [
        f'<g transform="translate({dx:.4f} {dy:.4f})">{body}</g>' if dx or dy else f"<g>{body}</g>"
        for body, dx, dy in ((_once(inner, seen), dx, dy) for inner, dx, dy in layers)
    ]
    return base[:end] + "".join(groups) + base[end:]


def _once(layer: str, seen: set[str]) -> str:
    """A layer without what an earlier layer of the stack already gave an id: its definitions (a
    tick's mark, the same in every tick: ids are hashes of what they define) and its group's name."""

    def defs(match: re.Match[str]) -> str:
        ids = _ID.findall(match.group(1))
        if ids and all(i in seen for i in ids):
            return ""
        seen.update(ids)
        return match.group()

    def group(match: re.Match[str]) -> str:
        if match.group(2) in seen:
            return match.group(1)
        seen.add(match.group(2))
        return match.group()

    return _GROUP_ID.sub(group, _DEFS.sub(defs, layer))


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


def history_chart(points: Sequence[WeekPoint], words: Mapping[str, str]) -> Chart:
    """Weekly total net flow over the whole history, drawn once per run; ``for_week`` marks a week on it.

    The bars are a few compound paths (one per colour, conflicts hatched), not
    a path per bar: the chart is in every page of a backfill, and a path and id
    per bar made it two thirds of each page's bytes. The week is marked by a
    band that matplotlib draws once, at the first week, and that each page
    moves to its own week (``for_week``).
    """
    MplFigure, Canvas = _matplotlib()
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
    from matplotlib.patches import Patch, PathPatch

    gaps = missing_weeks(points)
    with _settings(_RC):
        fig = MplFigure(figsize=(7.4, 2.9))
        Canvas(fig)
        box = (0.1, 0.2, 0.88, 0.66)
        ax = fig.add_axes(box)
        ax.patch.set_gid("history-plot")  # the plot area, by name (the bars' bounds are tested against it)
        x = date2num([p.week for p in points])
        values = [p.mid for p in points]
        width = 5.0 if len(points) < 300 else 6.5
        half = width / 2
        # one path per kind of bar, added as an artist: ``ax.bar`` builds a rectangle and a transform
        # per bar and widens the data limits bar by bar, most of this chart's cost; the limits are
        # widened once here instead. No clipping: the limits hold every bar
        kinds: dict[tuple[str, bool], list] = {}
        for left, value, point in zip(x - half, values, points, strict=True):
            kind = (OUTFLOW if value < 0 else INFLOW, point.status == "conflicting")
            kinds.setdefault(kind, []).append([(left, 0.0), (left + width, 0.0), (left + width, value), (left, value)])
        for (colour, conflicting), boxes in kinds.items():
            name = ("outflow" if colour == OUTFLOW else "inflow") + ("-conflicting" if conflicting else "")
            shape = PathPatch(_boxes_path(boxes), facecolor=colour, linewidth=0, clip_on=False, gid=f"history-{name}")
            if conflicting:
                shape.set_hatch("xxx")
                shape.set_edgecolor(EDGE)
            shape.sticky_edges.y.append(0.0)  # as ax.bar's: no margin below a history that is all inflows
            ax.add_artist(shape)
        if len(points):
            ax.update_datalim([(x[0] - half, min(0.0, *values)), (x[-1] + half, max(0.0, *values))])
        conflicts = [p for p in points if p.status == "conflicting"]
        if conflicts:  # each conflict's range as a line, all in one collection
            ax.vlines(
                date2num([p.week for p in conflicts]),
                [p.low for p in conflicts],
                [p.high for p in conflicts],
                colors=EDGE,
                linewidth=1.2,
            )
        for gap in date2num(list(gaps)):
            ax.axvspan(gap - 3.5, gap + 3.5, facecolor=GAP, edgecolor="#8c8c8c", hatch="////", linewidth=0)
        ax.axhline(0, color=EDGE, linewidth=0.8)
        ax.autoscale(axis="y")  # to the limits widened above (an artist added as such asks for no autoscale)
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
        if conflicts:
            handles.append(Patch(facecolor="white", edgecolor=EDGE, hatch="xxx", label=words["conflict"]))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.13), ncol=4, frameon=False, fontsize=8)
        svg = _svg(fig, "history")
        extra = {}
        if len(points):
            # the week's band: the same axes on a transparent figure, nothing else drawn
            mark = MplFigure(figsize=(7.4, 2.9))
            Canvas(mark)
            mark.patch.set_visible(False)
            band_ax = mark.add_axes(box)
            band_ax.set_axis_off()
            band_ax.set_xlim(ax.get_xlim())
            band_ax.axvspan(
                x[0] - 3.5, x[0] + 3.5, facecolor=WEEK, alpha=0.5, edgecolor=EDGE, linewidth=1, gid="history-week"
            )
            per_day = 7.4 * 72 * box[2] / (ax.get_xlim()[1] - ax.get_xlim()[0])  # points per day, at 72 dpi
            extra = {"mark": _inside(_svg(mark, "history-week")), "first": float(x[0]), "per_day": per_day}
    return Chart(svg=svg, title=words["history_title"], points=tuple(points), missing=gaps, extra=extra)


def for_week(history: Chart, week: dt.date) -> str:
    """The history chart with ``week`` marked by its band (the chart as it is for a week it lacks)."""
    from matplotlib.dates import date2num

    if "mark" not in history.extra or not any(p.week == week for p in history.points):
        return history.svg
    dx = (float(date2num(week)) - history.extra["first"]) * history.extra["per_day"]
    return _stack(history.svg, (history.extra["mark"], dx, 0.0))


def _bars(figures: Sequence[Figure], panel: str) -> list[Bar]:
    return [
        Bar(panel, f.key, min(f.low, f.high), max(f.low, f.high), f.status, tuple(s.value for s in f.sides))
        for f in figures
    ]


def _box(x0: float, x1: float, y: float) -> list[tuple[float, float]]:
    """The outline of a bar from x0 to x1 on row y."""
    return [(x0, y - 0.32), (x1, y - 0.32), (x1, y + 0.32), (x0, y + 0.32)]


def _boxes_path(boxes: list):
    """One matplotlib path made of closed outlines."""
    import numpy as np
    from matplotlib.path import Path

    return Path.make_compound_path_from_polys(np.asarray(boxes, dtype=float).reshape(-1, 4, 2))


def _money_tick(value: float, _pos=None) -> str:
    """A tick in US$ million: "1,500", "-20", "2.5" (never "-0", never an offset or exponent)."""
    return f"{value + 0.0:,.2f}".rstrip("0").rstrip(".")


def key_order(figures) -> dict[tuple[str, str], int]:
    """A fixed order of the history's assets and countries: the most money moved over the whole history first.

    The breakdown chart lists a week's rows in this order rather than by the
    week's sizes, so a key keeps its place from week to week and the chart's
    labelled frame repeats across weeks (drawn once, see ``BreakdownPainter``).
    """
    rows = figures[figures["scope"].isin(("asset", "country")) & (figures["metric"] == "net_flow")]
    if rows.empty:
        return {}
    moved = ((rows["low"] + rows["high"]) / 2).abs().groupby([rows["scope"], rows["key"]]).sum()
    ranked = sorted(moved.items(), key=lambda item: (-item[1], item[0]))
    return {(scope, key): n for n, ((scope, key), _) in enumerate(ranked)}


def _nice(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 times a power of ten that is at least ``value`` (> 0)."""
    power = 10.0 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= value * (1 - 1e-9))


def money_scale(bars: Sequence[Bar]) -> tuple[float, float]:
    """The x limits of a week's breakdown: zero and every bar end inside, the ends on a few fixed steps.

    The limits come from a small set (multiples of a 1-2-2.5-5 step, plus a
    fixed margin), so weeks of a similar size share one scale and its axis is
    drawn once.
    """
    ends = [0.0]
    for bar in bars:
        ends += [bar.low, bar.high, *bar.sides]
    lo, hi = min(ends), max(ends)
    if hi - lo <= 0:
        return (-1.0, 1.0)
    step = _nice((hi - lo) / 8)
    lo, hi = math.floor(lo / step - 1e-9) * step, math.ceil(hi / step - 1e-9) * step
    pad = (hi - lo) * 0.04
    return (lo - pad, hi + pad)


class BreakdownPainter:
    """The week's breakdown chart, composed of three matplotlib drawings, two of them shared by many weeks.

    A chart's cost is matplotlib laying out and drawing its texts and ticks,
    and those repeat across weeks: the frame (title, unit, axis line and one
    label per row) depends only on the week's rows, which follow the history's
    fixed key order (``key_order``), and the money axis only on the scale,
    which comes from a few fixed steps (``money_scale``). Each is drawn once
    per process and kept; each week matplotlib draws only its bars, ranges and
    zero line, on a transparent figure of the same size and axes position, and
    the three SVG drawings are stacked into one ``<svg>`` (frame, then bars,
    then the axis strip moved to the frame's bottom edge). Figures are made
    once: building one costs more than drawing it. The legend is the same
    every week, so it is drawn once too (``legend_svg``).
    """

    ROW = 0.24  # inches per row
    MARGINS = (1.55, 0.3, 0.55, 0.4)  # left, right, bottom, top, inches
    WIDTH = 7.4
    STRIP = 0.1  # inches of the axis strip's figure above the frame's bottom margin
    KEEP = 256  # frames and scales kept per process

    def __init__(self, words: Mapping[str, str]) -> None:
        MplFigure, Canvas = _matplotlib()
        import matplotlib
        from matplotlib.lines import Line2D
        from matplotlib.markers import TICKDOWN
        from matplotlib.patches import PathPatch
        from matplotlib.ticker import FuncFormatter, MaxNLocator
        from matplotlib.transforms import Affine2D, IdentityTransform

        self.words = dict(words)
        left, right, bottom, _ = self.MARGINS
        with _settings(_RC):
            # the frame: title, unit, axis lines and row labels, no money ticks
            self.frame = MplFigure(figsize=(self.WIDTH, 3))
            Canvas(self.frame)
            self.frame_ax = ax = self.frame.add_axes((0.2, 0.2, 0.75, 0.7), gid="breakdown-frame")
            # title and axis labels at fixed places: matplotlib would otherwise measure every tick label
            # twice more per drawing to keep clear of them
            ax.set_title(words["breakdown_title"], loc="left", fontsize=10, y=1.0, pad=8)
            ax.set_xlabel(words["unit"])
            ax.yaxis.set_label_coords(-0.2, 0.5)
            ax.set_xticks([])
            ax.set_yticks([])  # the rows' labels are drawings of their own (``_label``)
            # a row's label: one text, right-aligned where the y axis puts its tick labels, drawn once
            # per label and moved to its row, so the frame depends on the number of rows only
            self.label = MplFigure(figsize=(self.WIDTH, 1))
            Canvas(self.label)
            self.label.patch.set_visible(False)
            pad = matplotlib.rcParams["ytick.major.pad"] + matplotlib.rcParams["ytick.major.size"]
            self.label_text = self.label.text(
                left * 72 - pad, 36, "", transform=IdentityTransform(), ha="right", va="center_baseline"
            )
            # the money axis: its ticks, each (mark and label) drawn once per label on a strip as wide as
            # the frame, at the strip's middle, and moved to its place (``_tick``); the ticks are the
            # locator's and the labels the formatter's, as an axis with the week's limits would draw them
            self.locator, self.formatter = MaxNLocator(nbins=4), FuncFormatter(_money_tick)
            # a tick is a mark and a text as matplotlib's x axis draws them (its sizes, pad, colour and
            # font from the settings), placed directly: an axes with one tick cost four times as much
            self.scale = MplFigure(figsize=(self.WIDTH, bottom + self.STRIP))
            Canvas(self.scale)
            self.scale.patch.set_visible(False)
            self.scale.set_gid("breakdown-scale")
            rc = matplotlib.rcParams
            middle, axis = (left + (self.WIDTH - left - right) / 2) * 72, bottom * 72  # points, from bottom left
            mark = Line2D(
                [middle],
                [axis],
                marker=TICKDOWN,
                markersize=rc["xtick.major.size"],
                markeredgewidth=rc["xtick.major.width"],
                color=rc["xtick.color"],
                linestyle="none",
                transform=IdentityTransform(),
            )
            self.scale.add_artist(mark)
            colour = rc["xtick.color"] if rc["xtick.labelcolor"] == "inherit" else rc["xtick.labelcolor"]
            self.tick_text = self.scale.text(
                middle,
                axis - rc["xtick.major.size"] - rc["xtick.major.pad"],
                "",
                transform=IdentityTransform(),
                ha="center",
                va="top",
                color=colour,
                fontsize=rc["xtick.labelsize"],
            )
            # the week: bars, ranges and the zero line, on a transparent figure with no axes. The
            # artists are placed by one transform from (US$ million, row) straight to the frame's
            # points, set per week (``_place_bars``): no axes to lay out, no figure to resize
            self.bars = MplFigure(figsize=(self.WIDTH, 3))
            Canvas(self.bars)
            self.bars.patch.set_visible(False)
            self.bars.set_gid("breakdown-bars")
            self.place = Affine2D()
            # one shape per kind of bar, all of a week's bars of that kind in one path: matplotlib draws
            # five paths a week whatever the number of rows (a patch per bar cost about as much again)
            empty = _boxes_path([])
            self.kinds = {
                ("verified", INFLOW): PathPatch(empty, facecolor=INFLOW, edgecolor=INFLOW),
                ("verified", OUTFLOW): PathPatch(empty, facecolor=OUTFLOW, edgecolor=OUTFLOW),
                ("flagged", INFLOW): PathPatch(empty, facecolor=INFLOW, edgecolor="white", hatch="////"),
                ("flagged", OUTFLOW): PathPatch(empty, facecolor=OUTFLOW, edgecolor="white", hatch="////"),
                ("conflicting", RANGE): PathPatch(empty, facecolor=RANGE, edgecolor=EDGE, hatch="xxx"),
            }
            self.zero = Line2D([0.0, 0.0], [0.0, 0.0], color=EDGE, linewidth=0.8)
            self.sides = Line2D([], [], linestyle="none", marker="|", markersize=11, color=EDGE)
            for artist in (*self.kinds.values(), self.zero, self.sides):
                artist.set_transform(self.place)  # before add_artist, which would otherwise set its own
                self.bars.add_artist(artist)
        self._frames: dict[int, str] = {}
        self._labels: dict[tuple[str, str], str] = {}
        self._ticks: dict[str, str] = {}

    def _rows(self, by_asset: list[Bar], by_country: list[Bar]) -> list[tuple[str, Bar | None, str]]:
        """Top to bottom: a heading row per group, then its bars (or a "none reported" row)."""
        rows: list[tuple[str, Bar | None, str]] = []
        for title, bars in ((self.words["assets_title"], by_asset), (self.words["countries_title"], by_country)):
            rows.append((title, None, "bold"))
            rows += [(b.key, b, "normal") for b in bars] or [(self.words["none"], None, "italic")]
        return rows

    def _height(self, rows: int) -> float:
        return self.MARGINS[2] + self.MARGINS[3] + self.ROW * (rows + 0.6)

    def _place(self, fig, ax, rows: int) -> None:
        """Size a full-height figure for ``rows`` rows; every row sits at the same place in every layer."""
        left, right, bottom, top = self.MARGINS
        height = self._height(rows)
        fig.set_size_inches(self.WIDTH, height)
        ax.set_position(
            (left / self.WIDTH, bottom / height, 1 - (left + right) / self.WIDTH, 1 - (bottom + top) / height)
        )
        ax.set_ylim(-0.6, rows - 0.4)

    def _place_bars(self, rows: int, limits: tuple[float, float]) -> None:
        """Map (US$ million, row) to the points where the frame's axes put them (``_place``, at 72 dpi).

        The bars' figure keeps its size: only its content is stacked into the
        frame's drawing, so the transform alone decides where a bar lands.
        matplotlib's SVG y grows upwards from the figure's bottom edge; the
        frame's from its top, so a row's height is counted from the bars'
        figure's top edge down by the frame's.
        """
        left, right, bottom, top = self.MARGINS
        lo, hi = limits
        height = self._height(rows)
        box_width, box_height = (self.WIDTH - left - right) * 72, (height - bottom - top) * 72
        sx, sy = box_width / (hi - lo), box_height / (rows + 0.2)  # rows span -0.6 .. rows - 0.4
        ty = (self.bars.get_figheight() - height) * 72 + bottom * 72 + 0.6 * sy
        self.place.clear().scale(sx, sy).translate(left * 72 - lo * sx, ty)
        self.zero.set_data([0.0, 0.0], [-0.6, rows - 0.4])

    def _frame(self, rows: int) -> str:
        """The frame for this many rows (title, unit, axis lines), drawn once and kept."""
        svg = self._frames.get(rows)
        if svg is None:
            ax = self.frame_ax
            self._place(self.frame, ax, rows)
            height = self._height(rows)
            ax.xaxis.set_label_coords(0.5, -0.36 / (height - self.MARGINS[2] - self.MARGINS[3]))  # 0.36 in below
            svg = _keep(self._frames, rows, _svg(self.frame, "breakdown-frame"), self.KEEP)
        return svg

    def _label(self, label: str, style: str) -> str:
        """A row's label (bold for a group's heading, italic for "none reported"), drawn once and kept."""
        svg = self._labels.get((label, style))
        if svg is None:
            text = self.label_text
            text.set_text(label)
            text.set_fontweight("bold" if style == "bold" else "normal")
            text.set_fontstyle("italic" if style == "italic" else "normal")
            svg = _keep(self._labels, (label, style), _inside(_svg(self.label, "breakdown-label")), self.KEEP)
        return svg

    def _label_offsets(self, rows: int) -> list[float]:
        """How far down (points) each row's label moves from its drawing's middle, top row first."""
        _, _, bottom, top = self.MARGINS
        height = self._height(rows)
        step = (height - bottom - top) * 72 / (rows + 0.2)  # rows span -0.6 .. rows - 0.4
        return [height * 72 - bottom * 72 - (y + 0.6) * step - 36 for y in range(rows)[::-1]]

    def _tick(self, label: str) -> str:
        """One tick of the money axis, mark and label, at the strip's middle: drawn once and kept."""
        svg = self._ticks.get(label)
        if svg is None:
            self.tick_text.set_text(label)
            svg = _keep(self._ticks, label, _inside(_svg(self.scale, "breakdown-scale")), self.KEEP)
        return svg

    def _scale(self, limits: tuple[float, float], top: float) -> list[tuple[str, float, float]]:
        """The money axis for these limits: each tick's drawing and where it goes (dx, dy = ``top``)."""
        lo, hi = limits
        left, right, _, _ = self.MARGINS
        box = (self.WIDTH - left - right) * 72
        close = (hi - lo) * 1e-10  # the axis keeps a tick this close to its limits
        values = [v for v in self.locator.tick_values(lo, hi) if lo - close <= v <= hi + close]
        labels = self.formatter.format_ticks(values)
        return [
            (self._tick(label), ((v - lo) / (hi - lo) - 0.5) * box, top)
            for v, label in zip(values, labels, strict=True)
        ]

    def draw(self, by_asset: list[Bar], by_country: list[Bar]) -> str:
        rows = self._rows(by_asset, by_country)
        limits = money_scale(by_asset + by_country)
        self._place_bars(len(rows), limits)
        boxes: dict[tuple[str, str], list] = {kind: [] for kind in self.kinds}
        sides_x: list[float] = []
        sides_y: list[float] = []
        for y, (_, bar, _) in zip(range(len(rows))[::-1], rows, strict=True):
            if bar is None:
                continue
            if bar.status == "conflicting":
                boxes[("conflicting", RANGE)].append(_box(bar.low, bar.high, y))
                sides_x += bar.sides
                sides_y += [y] * len(bar.sides)
                continue
            kind = "verified" if bar.status == "verified" else "flagged"
            boxes[(kind, OUTFLOW if bar.high < 0 else INFLOW)].append(_box(0.0, bar.high, y))
        for kind, shape in self.kinds.items():
            shape.set_visible(bool(boxes[kind]))
            if boxes[kind]:
                shape.set_path(_boxes_path(boxes[kind]))
        self.sides.set_data(sides_x, sides_y)
        self.sides.set_visible(bool(sides_x))
        with _settings(_RC):
            frame = self._frame(len(rows))
            labels = [self._label(label, style) for label, _, style in rows]
            bars = _inside(_svg(self.bars, "breakdown-bars"))
            strip_top = (self._height(len(rows)) - self.MARGINS[2] - self.STRIP) * 72  # points, SVG y grows down
            scale = self._scale(limits, strip_top)
        offsets = self._label_offsets(len(rows))
        return _stack(
            frame, *((svg, 0.0, dy) for svg, dy in zip(labels, offsets, strict=True)), (bars, 0.0, 0.0), *scale
        )

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


def breakdown_chart(
    assets: Sequence[Figure],
    countries: Sequence[Figure],
    words: Mapping[str, str],
    order: Mapping[tuple[str, str], int] | None = None,
) -> Chart:
    """The week's net flows by asset and by country; a conflict is a range with a tick at each side.

    Rows follow ``order`` (``key_order`` of the history; keys it lacks come last,
    largest first), so a key keeps its place from week to week. The painter (and
    the legend it draws once) is kept per process and per set of words.
    """
    key = tuple(sorted(words.items()))
    if key not in _PAINTERS:
        painter = BreakdownPainter(words)
        _PAINTERS[key] = (painter, painter.legend_svg())
    painter, legend = _PAINTERS[key]
    by_asset, by_country = _bars(_ordered(assets, order), "asset"), _bars(_ordered(countries, order), "country")
    svg = painter.draw(by_asset, by_country)
    return Chart(svg=svg, title=words["breakdown_title"], points=tuple(by_asset + by_country), extra={"legend": legend})


def _ordered(figures: Sequence[Figure], order: Mapping[tuple[str, str], int] | None) -> list[Figure]:
    """``figures`` (largest first, as the facts give them) in the history's fixed order."""
    if not order:
        return list(figures)
    last = len(order)
    return sorted(figures, key=lambda f: order.get((f.scope, f.key), last))  # stable: the rest stay largest first
