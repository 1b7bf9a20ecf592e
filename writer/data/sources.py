"""Who reported a row, as an independent source: copies of one report count once.

Corroboration means independent publications printed the same figure. A
translation, a syndicated copy or a sister site of one outlet is the same report
again, so rows are grouped into outlet families before they are counted:

- names that share a part ("AiCoin", "AiCoin/gdgz" and "gdgz.link" are one family;
  a part is a name split at "/", without a web suffix such as ".io");
- rows published under the same web host (the url column);
- a row whose note names another source of the data ("ForkLog RU translation").

A republication under the wrong date is a copy too (``misdated_copies``): a
publication's rows for a week that are, every one, the figures another outlet
printed for the week before or after, and that nobody else prints for their
own week, are that other report again. They corroborate nothing.

Also here: how precise a whole number written by a source can be taken to be.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass
from urllib.parse import urlparse

import numpy as np
import pandas as pd

_SUFFIX = re.compile(r"\.(?:[a-z]{2,6})$")
_NOTE_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.]{3,}")


def _parts(name: str) -> set[str]:
    parts = set()
    for part in name.casefold().split("/"):
        part = " ".join(part.split())
        part = _SUFFIX.sub("", part.removeprefix("www.")) if " " not in part else part
        if part:
            parts.add(part)
    return parts


def _host(url: str) -> str:
    try:
        host = urlparse(url).netloc.casefold()
    except ValueError:
        return ""
    return host.removeprefix("www.")


def family_ids(sources: pd.Series, urls: pd.Series, notes: pd.Series) -> pd.Series:
    """One id per outlet family for each row (the casefolded name of the family's first member)."""
    names = sorted({" ".join(str(s).casefold().split()) for s in sources}, key=str)
    parent = {n: n for n in names}

    def find(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_part: dict[str, str] = {}
    for n in names:
        for part in _parts(n):
            if part in by_part:
                union(n, by_part[part])
            else:
                by_part[part] = n
    by_host: dict[str, str] = {}
    seen: set[tuple] = set()
    for row in zip(sources, urls, notes, strict=True):
        if row in seen:  # a row like one before it joins nothing new (thousands of rows, a few outlets)
            continue
        seen.add(row)
        source, url, note = row
        n = " ".join(str(source).casefold().split())
        host = _host(str(url or ""))
        if host:
            if host in by_host:
                union(n, by_host[host])
            else:
                by_host[host] = n
        for word in _NOTE_WORD.findall(str(note or "")):
            other = by_part.get(_SUFFIX.sub("", word.casefold()))
            if other is not None:
                union(n, other)
    family = {s: find(" ".join(str(s).casefold().split())) for s in set(sources)}
    return pd.Series([family[s] for s in sources], index=sources.index)


def whole_number_precision(value: float, precision: float) -> float:
    """A whole number's trailing zeros give its precision ("1700" -> to the hundred), but
    not beyond half of itself: "1000" is read to the hundred (950 to 1050), not as anything
    from 500 to 1500, so it does not corroborate 787."""
    magnitude = abs(value)
    if not magnitude or precision <= magnitude / 2:
        return precision
    step = precision
    while step > 1 and step > magnitude / 2:
        step /= 10
    return step


# -- republications under the wrong date -------------------------------------------------

MIN_COPIED_FIGURES = 2  # one number alike in two weeks is chance; two or more, all alike, is a copy
_ADJACENT = (-7, 7)  # days


@dataclass(frozen=True)
class MisdatedCopy:
    """One publication's rows for a week that repeat another outlet's report of an adjacent week."""

    week: pd.Timestamp
    source: str
    copy_of: str  # the outlet whose report it repeats
    copy_of_week: pd.Timestamp
    figures: int  # how many figures, every one identical

    def __str__(self) -> str:
        return (
            f"{self.source}'s {self.figures} figures for {self.week.date()} are {self.copy_of}'s for "
            f"{self.copy_of_week.date()}, identical: a copy of that report under the wrong date, "
            "not counted as a source for this week"
        )


def misdated_copies(frame: pd.DataFrame) -> dict[tuple[pd.Timestamp, str], MisdatedCopy]:
    """(week, source) -> the report it copies, for a publication's rows that are a copy carried
    under the wrong date. The rule, every part of which must hold (conservative: a
    publication that may be independent is never taken for a copy):

    1. it prints at least MIN_COPIED_FIGURES figures for the week;
    2. every one is printed identically (same figure, value, precision and bound) by one
       outlet of another family for the week before or after;
    3. no other family prints any of them identically for its own week, copies aside (an
       independent outlet printing the same number is evidence the date is right);
    4. the two are not each other's copy: when the other outlet's rows for its week are
       likewise all in this one's and unsupported in their week, which date is wrong is
       not known, and neither is marked.

    ``frame`` holds typed rows (``week_ending``, ``source``, ``source_id``, ``scope``, ``key``,
    ``metric``, ``usd_m``, ``precision``, ``bound``).
    """
    frame = _near_possible_copies(frame)
    if frame.empty:
        return {}
    Unit = tuple[int, str]  # (day number of the week, source)
    rows: dict[Unit, set[Hashable]] = {}
    family: dict[Unit, str] = {}
    printers: dict[tuple[int, Hashable], set[Unit]] = {}
    days = frame["week_ending"].to_numpy().astype("datetime64[D]").astype("int64").tolist()
    values = np.round(frame["usd_m"].to_numpy(dtype=float), 9).tolist()
    steps = [float(f"{p:.6g}") for p in frame["precision"].to_numpy(dtype=float).tolist()]
    text = (frame[c].astype(str).tolist() for c in ("source", "source_id", "scope", "key", "metric", "bound"))
    for day, source, family_id, scope, key, metric, bound, value, step in zip(days, *text, values, steps, strict=True):
        unit = (day, source)
        ident = (scope, key, metric, value, step, bound)
        rows.setdefault(unit, set()).add(ident)
        family[unit] = family_id
        printers.setdefault((day, ident), set()).add(unit)

    def originals(unit: Unit) -> list[Unit]:
        """Outlets of other families that printed every figure of ``unit`` for an adjacent week."""
        found: list[Unit] = []
        for delta in _ADJACENT:
            common: set[Unit] | None = None
            for ident in rows[unit]:
                here = {u for u in printers.get((unit[0] + delta, ident), ()) if family[u] != family[unit]}
                common = here if common is None else common & here
                if not common:
                    break
            found.extend(sorted(common or (), key=lambda u: u[1]))
        return found

    candidates = {u: o for u in rows if len(rows[u]) >= MIN_COPIED_FIGURES for o in [originals(u)] if o}

    def supported(unit: Unit) -> bool:
        return any(
            other not in candidates and family[other] != family[unit]
            for ident in rows[unit]
            for other in printers[(unit[0], ident)]
        )

    unsupported = {u for u in candidates if not supported(u)}
    copies: dict[tuple[pd.Timestamp, str], MisdatedCopy] = {}
    for unit in sorted(unsupported):
        firm = [o for o in candidates[unit] if not (o in unsupported and unit in candidates[o])]
        if firm:
            week = _day(unit[0])
            copies[(week, unit[1])] = MisdatedCopy(week, unit[1], firm[0][1], _day(firm[0][0]), len(rows[unit]))
    return copies


def _near_possible_copies(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of weeks within a week of a possible copy (parts 1 and 2 of the rule, any
    family): a cheap vectorised pass, so a history with no copy costs a few milliseconds."""
    ident = pd.util.hash_pandas_object(frame[["scope", "key", "metric", "usd_m", "precision", "bound"]], index=False)
    days = frame["week_ending"].to_numpy().astype("datetime64[D]").astype("int64")
    printed = pd.MultiIndex.from_arrays([days, ident.to_numpy()])
    matched = np.zeros(len(frame), dtype=bool)
    for delta in _ADJACENT:
        matched |= pd.MultiIndex.from_arrays([days + delta, ident.to_numpy()]).isin(printed)
    units = pd.DataFrame({"day": days, "source": frame["source"].to_numpy(), "matched": matched})
    by_unit = units.groupby(["day", "source"], sort=False)["matched"].agg(["all", "size"])
    possible = by_unit[by_unit["all"] & (by_unit["size"] >= MIN_COPIED_FIGURES)]
    if possible.empty:
        return frame.iloc[:0]
    weeks = possible.index.get_level_values("day").to_numpy()
    near = np.unique(np.concatenate([weeks, weeks - 7, weeks + 7]))
    return frame[np.isin(days, near)]


def _day(number: int) -> pd.Timestamp:
    return pd.Timestamp(np.datetime64(number, "D"))
