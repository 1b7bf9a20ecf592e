"""From articles to rows: the week's figures read out of the reports that relay them.

The figures come from the linter's reader (``lint.mentions.read_figures``), so
extract and the grounding check read prose the same way. Only confident
mentions become rows; every other flow figure is reported with its position
and the reason, because an editor trusts the table: a missed figure costs a
look at the report, a wrong one is published.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from writer.articlefile import read_meta
from writer.entities import Vocabulary
from writer.errors import Problem, UserError
from writer.fsutil import MAX_TEXT_BYTES, data_limit, decode_text, read_text_input
from writer.housestyle import HouseStyle
from writer.lint.document import parse
from writer.lint.mentions import Mention, read_figures
from writer.money import Amount, AmountRange, precision_of

COLUMNS = ("week_ending", "scope", "key", "metric", "usd_m", "bound", "source", "url", "status", "note")
MIN_CONFIDENCE = 0.7  # below this a figure is reported, not written
MAX_WEEKS_BACK = 53  # a week named by a date more than a year back is not read as this year's
MAX_WEEKS_AHEAD = 2  # a later week named by its dates ("preliminary data for Dec 15-21") is that week's row


@dataclass(frozen=True)
class Row:
    week_ending: str
    scope: str
    key: str
    metric: str
    usd_m: str
    bound: str
    source: str
    url: str
    status: str
    note: str

    def identity(self) -> tuple[str, ...]:
        """What makes two rows the same figure from the same source (the note does not)."""
        return (self.week_ending, self.scope, self.key, self.metric, self.usd_m, self.bound, self.source)


@dataclass(frozen=True)
class Skipped:
    """A figure the text states that is not written as a row, and why."""

    where: str  # path:line:column
    text: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: skipped {self.text!r}: {self.reason}"


@dataclass
class Extraction:
    rows: list[Row] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    unknown: dict[str, str] = field(default_factory=dict)  # name as written -> first position

    @property
    def had_figures(self) -> bool:
        return bool(self.rows or self.skipped)


@dataclass(frozen=True)
class Article:
    path: str
    text: str  # Markdown or plain text (HTML already stripped)
    meta: dict[str, str]  # front matter fields (source, url, lang) when present


# -- reading the input -----------------------------------------------------------------

MAX_BYTES = MAX_TEXT_BYTES
_HTML_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html|<head|<body|<article|<!--[^>]*-->\s*<)", re.IGNORECASE)


def read_article(path: str, stdin: bytes | None = None) -> Article:
    """Read a file (or stdin bytes) as an article; a clear UserError for anything that is not one."""
    name = "<stdin>" if path == "-" else path
    kind = "a text article (Markdown, text or HTML)"
    if stdin is not None:
        text = decode_text(stdin[: MAX_BYTES + 1], name, kind, MAX_BYTES)
    else:
        text = read_text_input(path, kind, MAX_BYTES)
    if name.lower().endswith((".html", ".htm")) or _HTML_START.match(text):
        from writer.htmltext import article_text

        text = article_text(text)
    return Article(name, text, _front_matter(text))


_CJK = re.compile(r"[\u4e00-\u9fff]")


def language_of(text: str) -> str:
    """ "zh" when Chinese characters outnumber a tenth of the letters, else "en"."""
    sample = text[:20000]
    cjk = len(_CJK.findall(sample))
    letters = sum(c.isalpha() for c in sample)
    return "zh" if letters and cjk * 10 > letters else "en"


def _front_matter(text: str) -> dict[str, str]:
    """``source``, ``url`` and ``lang`` from the front matter, when it gives them."""
    meta = read_meta(text)
    return {k: str(meta[k]) for k in ("source", "url", "lang") if meta.get(k)}


# -- figures to rows -------------------------------------------------------------------


def usd_text(value: float, precision: float) -> str:
    """A signed US$ m value written so that ``precision_of`` reads the same step back.

    "$1.7 billion" is "-1700" (to the hundred); "$1.70 billion" is "-1.70e3" (to the ten),
    because "1700" would read as rounded to the hundred.
    """
    if precision < 1:
        decimals = max(0, round(-math.log10(precision)))
        return f"{value:.{decimals}f}"
    whole = f"{round(value):d}"
    if math.isclose(precision_of(whole), precision) or value == 0:
        return whole
    exponent = math.floor(math.log10(abs(value)))
    digits = max(0, exponent - round(math.log10(precision)))
    return f"{value / 10**exponent:.{digits}f}e{exponent}"


def _week_of(mention: Mention, week: dt.date) -> tuple[dt.date | None, str]:
    """The report week a figure belongs to, or None and why.

    A week named by date is reported on the Monday on or after its last day;
    "the week before" is the report week less seven days.
    """
    row_week = week
    if mention.dated is not None:
        month, day, to_end = mention.dated
        year = week.year - (1 if month > week.month + 1 else 0)
        try:
            end = dt.date(year, month, day) + dt.timedelta(days=to_end)
        except ValueError:
            return None, "the date said with it is not a date"
        monday = end + dt.timedelta(days=-end.weekday() % 7)
        back = round((week - monday).days / 7)
        if back < -MAX_WEEKS_AHEAD or back > MAX_WEEKS_BACK:
            return None, f"the week it names (to {end.isoformat()}) is not near the report week"
        row_week = week - dt.timedelta(weeks=back)
    if mention.period == "previous":
        row_week -= dt.timedelta(weeks=1)
    return row_week, ""


def _agree(a: Row, b: Row, style: HouseStyle) -> bool:
    """Two rows of one article for the same figure agree when their signs do and the house
    style's agreement holds of the amounts they write (precision and hedge)."""
    va, vb = float(a.usd_m), float(b.usd_m)
    if va * vb < 0:
        return False
    amount_a = Amount(abs(va), precision_of(a.usd_m), a.bound)
    amount_b = Amount(abs(vb), precision_of(b.usd_m), b.bound)
    return style.agree(amount_a, amount_b)


def _drop_conflicts(out: Extraction, style: HouseStyle) -> None:
    """An article that gives two figures for one thing that cannot both be true: write neither."""
    groups: dict[tuple[str, ...], list[Row]] = {}
    for row in out.rows:
        groups.setdefault((row.week_ending, row.scope, row.key, row.metric), []).append(row)
    bad = {k for k, rows in groups.items() if any(not _agree(a, b, style) for a in rows for b in rows)}
    if not bad:
        return
    for key in bad:
        values = ", ".join(r.usd_m for r in groups[key])
        for row in groups[key]:
            what = f"{row.key} {row.metric} for {row.week_ending}"
            out.skipped.append(
                Skipped(row.note, row.usd_m, f"the article gives different figures for {what}: {values}")
            )
    out.rows = [r for r in out.rows if (r.week_ending, r.scope, r.key, r.metric) not in bad]


def rows_from(
    mentions: Iterable[Mention],
    doc_position,
    path: str,
    week: dt.date,
    source: str,
    url: str,
    vocabulary: Vocabulary,
    style: HouseStyle,
) -> Extraction:
    """Confident flow mentions as rows; the other flow mentions as skipped, with the reason."""
    out = Extraction()
    seen: set[tuple[str, ...]] = set()
    for m in mentions:
        if m.metric == "not_flow":
            continue  # a price, a volume, an AUM change: not this table's business
        line, col = doc_position(m.start)
        where = f"{path}:{line}:{col}"
        text = m.sentence.text[m.start - m.sentence.start : m.end - m.sentence.start]
        doubts = list(m.doubts)
        row_week, why = _week_of(m, week)
        if why:
            doubts.append(why)
        elif m.year is not None and row_week is not None and m.year != row_week.year:
            doubts.append(f"a flow over {m.year}, not the year of the report week")
        if not doubts and m.confidence < MIN_CONFIDENCE:
            doubts.append(f"unsure what it is about (confidence {m.confidence:.2f})")
        if doubts or isinstance(m.amount, AmountRange) or row_week is None:
            out.skipped.append(Skipped(where, text, "; ".join(doubts) or "a range, not one figure"))
            continue
        amount = m.amount
        for name in m.unknown:
            out.unknown.setdefault(name, where)
        for scope, key in m.about:
            key = "all" if scope == "total" else vocabulary.normalise(scope, key)
            signed = amount.value if m.metric == "aum" else m.sign * amount.value
            row = Row(
                row_week.isoformat(), scope, key, m.metric, usd_text(signed, amount.precision),
                amount.bound, source, url, "", where,
            )  # fmt: skip
            if row.identity() not in seen:
                seen.add(row.identity())
                out.rows.append(row)
    _drop_conflicts(out, style)
    return out


def extract(
    article: Article,
    week: dt.date,
    style: HouseStyle,
    vocabulary: Vocabulary,
    source: str | None = None,
    url: str | None = None,
) -> Extraction:
    """The rows an article states for a report week, and what it states but cannot be read safely."""
    source = source or article.meta.get("source") or _name_source(article.path)
    url = url or article.meta.get("url") or ""
    doc = parse(article.text, article.path)
    doc.sentence_rules = style.sentences
    doc.protect([*vocabulary.publications, source])
    mentions = read_figures(doc, style, vocabulary)
    return rows_from(mentions, doc.position, article.path, week, source, url, vocabulary, style)


def _name_source(path: str) -> str:
    if path in ("-", "<stdin>"):
        return "stdin"
    return Path(path).stem


# -- output ------------------------------------------------------------------------------


def to_csv(rows: Iterable[Row], header: bool = True) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if header:
        writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([getattr(row, c) for c in COLUMNS])
    return buffer.getvalue()


def append_history(path: Path, rows: list[Row]) -> int:
    """Add rows to a history CSV (atomically), dropping exact duplicates; how many were added."""
    from writer.fsutil import atomic_write

    path = Path(path)
    existing: list[dict[str, str]] = []
    text = ""
    if path.exists():
        text = read_text_input(path, "a history CSV", data_limit())
        reader = csv.DictReader(io.StringIO(text))
        missing = [
            c
            for c in ("week_ending", "scope", "key", "metric", "usd_m", "source")
            if c not in (reader.fieldnames or [])
        ]
        if text.strip() and missing:
            raise UserError(Problem(f"not a history file: no column {missing[0]!r}", path=str(path), line=1))
        existing = list(reader)
    columns = list(csv.DictReader(io.StringIO(text)).fieldnames or COLUMNS) if text.strip() else list(COLUMNS)

    def identity(r: dict[str, str]) -> tuple[str, ...]:
        value = r.get("usd_m", "").replace(",", "")
        try:
            number = float(value)
        except ValueError:
            number = value
        return (r.get("week_ending", ""), r.get("scope", ""), r.get("key", ""), r.get("metric", ""), number,
                r.get("source", ""))  # fmt: skip

    have = {identity(r) for r in existing}
    new = []
    for row in rows:
        record = {c: getattr(row, c) for c in COLUMNS}
        if identity(record) not in have:
            have.add(identity(record))
            new.append(record)
    if not new:
        return 0
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(existing)
    writer.writerows(new)
    atomic_write(path, buffer.getvalue())
    return len(new)
