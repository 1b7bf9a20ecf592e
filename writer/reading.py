"""How the reader of figures reads other outlets' prose: words kept as data.

The rules file's ``house_style.<language>.reading`` lists, as regexes, the extra ways
prose says a direction and what marks an amount as the whole market, a year
to date, an AUM level, another period or no flow at all. The linter's
grounding check and ``writer extract`` read figures with the same words.
"""

from __future__ import annotations

import re
from typing import Any

from writer.errors import Problem, UserError
from writer.lazyre import lazy
from writer.record import dataclass  # dataclasses without generated code: fast start-up

FIELDS = (
    "outflow",
    "inflow",
    "total",
    "total_words",
    "ytd",
    "aum",
    "aum_change",
    "not_flow",
    "previous",
    "earlier_year",
    "comparison",
    "cumulative",
    "daily",
    "currency",
)
_NEVER = re.compile(r"(?!)")
NEVER = _NEVER.pattern


@dataclass(frozen=True)
class ReadingWords:
    """One compiled alternation per field (a pattern that never matches when a field is empty)."""

    outflow: re.Pattern[str] = _NEVER
    inflow: re.Pattern[str] = _NEVER
    total: re.Pattern[str] = _NEVER
    total_words: re.Pattern[str] = _NEVER
    ytd: re.Pattern[str] = _NEVER
    aum: re.Pattern[str] = _NEVER
    aum_change: re.Pattern[str] = _NEVER
    not_flow: re.Pattern[str] = _NEVER
    previous: re.Pattern[str] = _NEVER
    earlier_year: re.Pattern[str] = _NEVER
    comparison: re.Pattern[str] = _NEVER
    cumulative: re.Pattern[str] = _NEVER
    daily: re.Pattern[str] = _NEVER
    currency: re.Pattern[str] = _NEVER  # "dollars", "USD": amounts whose currency is a word


def _compile(path: str, name: str, patterns: Any) -> re.Pattern[str]:
    if patterns is None:
        return _NEVER
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise UserError(Problem(f"house_style.{name} is {patterns!r}", path=path, expected="a list of regexes"))
    if not patterns:
        return _NEVER
    try:
        return lazy(re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE))  # cached as source
    except re.error as exc:
        raise UserError(Problem(f"house_style.{name}: bad regex: {exc}", path=path)) from None


def reading_words(section: Any, path: str = "", prefix: str = "") -> ReadingWords:
    """The ``house_style.<language>.reading`` section compiled, with one clear error per bad field."""
    if section is None:
        return ReadingWords()
    if not isinstance(section, dict):
        raise UserError(Problem(f"house_style.{prefix}reading is {section!r}", path=path, expected="a mapping"))
    unknown = sorted(set(section) - set(FIELDS))
    if unknown:
        raise UserError(
            Problem(f"house_style.{prefix}reading: unknown field {unknown[0]!r}", path=path, expected=", ".join(FIELDS))
        )
    return ReadingWords(**{name: _compile(path, f"{prefix}reading.{name}", section.get(name)) for name in FIELDS})
