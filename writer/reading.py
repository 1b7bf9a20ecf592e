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
from writer.style_section import alternation, fields_of

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
    "movement",
    "movement_direct",
    "level",
    "flow_level",
    "week_span",
    "attributive",
    "respectively",
    "ellipsis",
    "teaser",
    "others",
    "year_began",
    "clause_word",
    "determiner",
    "fund_noun",
    "each",
    "possessive",
    "year_in",
    "unit",
    "unit_glued",
    "span_word",
    "fronted_head",
    "flow_of",
    "between",
    "week",
    "list_joiner",
    "group_joiner",
    "clause_end",
    "article",
    "months",
    "weekdays",
    "week_ending",
    "week_starting",
    "dates_from",
    "dates_to",
    "share_of",
    "range_and",
    "net",
    "owner",
    "not_ticker",
    "of_it",
    "flow_phrase",
    "passive",
    "into_word",
    "amount_lead",
    "thousands",
    "coin_amount",
)
MONTHS = 12  # ``months`` lists them in calendar order: a date's month is its index
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
    movement: re.Pattern[str] = _NEVER  # "went" (into), "flowed" (out of): money moved to what follows
    movement_direct: re.Pattern[str] = _NEVER  # "left", "entered": the same without a preposition
    level: re.Pattern[str] = _NEVER  # "stands at": a year to date said as a level
    flow_level: re.Pattern[str] = _NEVER  # "inflows rose to": a flow's level, not a price
    week_span: re.Pattern[str] = _NEVER  # days of one week, groups month, day, month2, day2 (numbers)
    attributive: re.Pattern[str] = _NEVER  # "the" before "$72 billion iShares Bitcoin Trust": a fund's size
    respectively: re.Pattern[str] = _NEVER  # "respectively" (after the amounts), "分别" (before them): pair by order
    ellipsis: re.Pattern[str] = _NEVER  # what may stand between two amounts whose second leaves its verb out
    teaser: re.Pattern[str] = _NEVER  # "Read more": a block opened by it points at another article
    others: re.Pattern[str] = _NEVER  # "the rest of", "other assets": an amount of what is left unnamed
    year_began: re.Pattern[str] = _NEVER  # "began" after a year: "2026 began with ..." is a year's flow
    clause_word: re.Pattern[str] = _NEVER  # "as", "while": opens a new clause between a name and "crypto funds"
    determiner: re.Pattern[str] = _NEVER  # "the global total": the market named as a noun phrase of its own
    fund_noun: re.Pattern[str] = _NEVER  # "ETF", "trust": a fund's common noun after its name (plural "s" added)
    each: re.Pattern[str] = _NEVER  # "$5 million each": one amount said of every name listed
    possessive: re.Pattern[str] = _NEVER  # "its", "their": the amount is the entity named before
    year_in: re.Pattern[str] = _NEVER  # "in" before a year: "in 2025" makes the amount that year's
    unit: re.Pattern[str] = _NEVER  # "billion", "mn": a unit after a number, at a word's end
    unit_glued: re.Pattern[str] = _NEVER  # "亿": a unit written straight after a number, no word end
    span_word: re.Pattern[str] = _NEVER  # "over", "since": a span follows, so a cumulative word is this amount's
    fronted_head: re.Pattern[str] = _NEVER  # "At", "With": an amount fronted by it opens its clause
    flow_of: re.Pattern[str] = _NEVER  # "from", "into": between a flow noun and the entity it names
    between: re.Pattern[str] = _NEVER  # "between" before "$1 and $2 billion": one range, not two amounts
    week: re.Pattern[str] = _NEVER  # a sentence naming a week is about that week
    list_joiner: re.Pattern[str] = _NEVER  # ",", "and", "、": what joins a list of names or of amounts
    group_joiner: re.Pattern[str] = _NEVER  # the same with "or", matched as written (case-sensitive)
    clause_end: re.Pattern[str] = (
        _NEVER  # "while", "but" between spaces: an amount's clause ends there (case-sensitive)
    )
    article: re.Pattern[str] = _NEVER  # "the" before a named entity ("the net outflow from the US")
    months: re.Pattern[str] = _NEVER  # "Jan(?:uary)?": month names, calendar order (``month_names``)
    weekdays: re.Pattern[str] = _NEVER  # "Friday" before a date ("the week ending Friday, May 13")
    week_ending: re.Pattern[str] = _NEVER  # "ending", "to": the date after "week" is its last day
    week_starting: re.Pattern[str] = _NEVER  # "of": the date after "week" is its first day
    dates_from: re.Pattern[str] = _NEVER  # "between", "from" before a span of days ("from March 11 to 15")
    dates_to: re.Pattern[str] = _NEVER  # "and", "to" between the span's two dates
    share_of: re.Pattern[str] = _NEVER  # "most of last week's" before an amount: the amount is the whole
    range_and: re.Pattern[str] = _NEVER  # "and" inside a range the codec read: two amounts unless "between"
    net: re.Pattern[str] = _NEVER  # "net" before a flow word ("With $40 million, Solana's net inflow ...")
    owner: re.Pattern[str] = _NEVER  # "'s " after a name: what it owns follows ("BlackRock's ETHA")
    not_ticker: re.Pattern[str] = _NEVER  # capitals that are no ticker ("ETF", "CEO", "YTD")
    of_it: re.Pattern[str] = _NEVER  # "of it" after an amount: part of a flow named before
    flow_phrase: re.Pattern[str] = _NEVER  # "of net inflows" between an amount and where it went
    passive: re.Pattern[str] = _NEVER  # "was", "were" before a participle ("$5 million was pulled from")
    into_word: re.Pattern[str] = _NEVER  # "into", "out of": the entity after it is where the money went
    amount_lead: re.Pattern[str] = _NEVER  # "a", "some" between a direction word and the amount it leads to
    thousands: re.Pattern[str] = _NEVER  # "K" right after an amount: thousands, a price ("$90K")
    coin_amount: re.Pattern[str] = _NEVER  # "500 BTC": a flow written in coins, not dollars
    month_names: tuple[str, ...] = ()  # ``months`` one regex a month, January first


def _compile(path: str, name: str, patterns: Any) -> re.Pattern[str]:
    joined = alternation(path, name, patterns)
    if joined is None:
        return _NEVER
    try:
        return lazy(re.compile(joined, re.IGNORECASE))  # cached as source, compiled on first use
    except re.error as exc:
        raise UserError(Problem(f"house_style.{name}: bad regex: {exc}", path=path)) from None


def reading_words(section: Any, path: str = "", prefix: str = "") -> ReadingWords:
    """The ``house_style.<language>.reading`` section compiled, with one clear error per bad field."""
    checked = fields_of(section, FIELDS, f"{prefix}reading", path, _compile)
    if checked is None:
        return ReadingWords()
    months = section.get("months") or []
    if len(months) not in (0, MONTHS):
        raise UserError(
            Problem(
                f"house_style.{prefix}reading.months has {len(months)} {'entry' if len(months) == 1 else 'entries'}",
                path=path,
                expected=f"none, or all {MONTHS} months in calendar order",
            )
        )
    return ReadingWords(**checked, month_names=tuple(months))
