"""Who reported a row, as an independent source: copies of one report count once.

Corroboration means independent publications printed the same figure. A
translation, a syndicated copy or a sister site of one outlet is the same report
again, so rows are grouped into outlet families before they are counted:

- names that share a part ("AiCoin", "AiCoin/gdgz" and "gdgz.link" are one family;
  a part is a name split at "/", without a web suffix such as ".io");
- rows published under the same web host (the url column);
- a row whose note names another source of the data ("ForkLog RU translation").

Also here: how precise a whole number written by a source can be taken to be.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

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
    for source, url, note in zip(sources, urls, notes, strict=True):
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
    return pd.Series([find(" ".join(str(s).casefold().split())) for s in sources], index=sources.index)


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
