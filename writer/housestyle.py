"""House style: every phrase the writer prints paired with what the linter accepts.

One object per language, built from the rules file's ``house_style``::

    house_style:
      language: en              # the language drafts are written (and read) in
      agreement:                # language-neutral: when reports agree
        verified_sources: 2
        relative_tolerance: 0.01
      superlative: {min_weeks: 4}
      en:                       # one block per language; a new language is one more block
        money:                  # handed to the codec module (writer/money.py for en)
          codec: money
          hedges: {approx: [...], over: [...], under: [...], nearly: [...]}
          nearly_floor: 0.8     # "nearly X" is true of X * 0.8 up to X
        qualifiers: [...]       # flag phrases; the writer prints the first
        flags: {...}            # how the writer wraps a flagged figure (templates with {sources}, ...)
        prose: {...}            # the pieces around a figure: "a net {direction} of {amount}", list joints
        direction_glue: [...]   # words allowed between an amount and its direction noun
        conflict_markers: [...] # words that say sources disagree
        group_words: [all, both]
        attribution: [...]      # "according to": phrases that introduce a named source
        source_nouns: [...]     # "Source A" is also cited by its last word after these
        direction: {outflow: [...], inflow: [...], plural: {...}}
        metric_words: {ytd_flow: [...], aum: [...]}
        total_words: [...]
        share_words: [[0.75, more than three quarters], ...]
        date_format: "{month} {day}, {year}"
        months: [January, ...]
        word_boundary: '\\b'    # put on both sides of every phrase pattern ('' for Chinese)
        named_source: {name: <regex>, gap: <regex>}  # a named speaker, and what may stand before its verb
        sentences: {ends: '.!?', space_after: true, capital_after: true, abbreviations: [...],
                    initialisms: [...], starters: [...]}
        reading: {...}          # how the reader of figures reads other outlets (writer/reading.py)
        clauses: {...}          # words of the causal clause analysis and of who speaks (writer/clause_words.py)

The rule for every list: the writer uses the first entry, the linter accepts
any. Defaults live once, in the shipped ``rules/editorial.yaml``: any rules
file's ``house_style`` is laid over the shipped one, so a newsroom file
states only what it changes. A language whose money is not written like
English names its own codec module (``codec: money_zh`` -> ``writer.money_zh``)
with the functions of ``writer.money`` (``load_style``, ``format_amount``,
``format_bare``, ``format_range``, ``find_amounts``, ``parse_amount``).

Loading and checking the block is ``writer.housestyle_load`` (its names still
import from here): a warm ``writer lint`` unpickles its house style and never
compiles that code.

Templates reach this object as the Jinja global ``hs``; the prose filters, the
data layer and the linter (document, mentions, the figure kinds) hold it too.
"""

from __future__ import annotations

import importlib
import math
import re
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

from writer.clause_words import ClauseWords
from writer.reading import ReadingWords
from writer.record import dataclass, field  # dataclasses without generated code: fast start-up

if TYPE_CHECKING:
    import datetime as dt

BOUNDS = ("approx", "over", "under", "nearly")
DIRECTIONS = ("outflow", "inflow")
METRICS = ("ytd_flow", "aum")
PROSE_FORMS = (
    "flow",
    "flat",
    "mixed",
    "unsized",
    "cited",
    "list_item",
    "and",
    "comma",
    "others",
    "definite",
    "aside",
    "series",
    "series_last",
    "possessive",
    "possessive_s",
)
FLAG_FORMS = (
    "single_source",
    "unverified",
    "conflict",
    "conflict_side",
    "repeated",
    "repeated_alone",
    "group",
    "share",
    "claim",
    "gap",
)
# The fields the code fills each form with (``says`` adds ``attribution``, ``flag`` adds
# ``qualifier``; possessives are filled with the name alone): a form may use these and no
# other. Forms joined as they stand ("and", "comma", "series", "repeated") are not listed.
FORM_FIELDS: dict[str, frozenset[str]] = {
    **{
        f"prose.{form}": frozenset({"attribution", *fields})
        for form, fields in {
            "flow": ("direction", "amount"),
            "flat": (),
            "mixed": (),
            "unsized": ("direction",),
            "cited": ("flow", "sources"),
            "list_item": ("name", "flow"),
            "others": ("n",),
            "definite": ("name",),
            "aside": ("text",),
            "series_last": ("sep",),
        }.items()
    },
    "prose.possessive": frozenset({"name"}),
    "prose.possessive_s": frozenset({"name"}),
    **{
        f"flags.{form}": frozenset({"qualifier", *fields})
        for form, fields in {
            "single_source": ("sources",),
            "unverified": ("sources",),
            "conflict": ("sides",),
            "conflict_side": ("sources", "amount"),
            "repeated_alone": ("sources",),
            "group": ("sources",),
            "share": (),
            "claim": (),
            "gap": (),
        }.items()
    },
}
LANGUAGE_KEYS = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$"  # en, zh, pt-BR
SENTENCE_FIELDS = ("ends", "space_after", "capital_after", "abbreviations", "initialisms", "starters")
LANGUAGE_FIELDS = (
    "money",
    "qualifiers",
    "flags",
    "prose",
    "direction_glue",
    "conflict_markers",
    "group_words",
    "attribution",
    "source_nouns",
    "direction",
    "metric_words",
    "total_words",
    "share_words",
    "date_format",
    "months",
    "word_boundary",
    "named_source",
    "sentences",
    "reading",
    "clauses",
)


def phrase_regex(words: tuple[str, ...] | list[str], boundary: str) -> str:
    """An alternation of phrases, longest first: spaces match any white space, a
    hyphen matches a hyphen or a space ("year-to-date" reads "year to date")."""
    return _phrase_regex(tuple(words), boundary)


@cache
def _phrase_regex(words: tuple[str, ...], boundary: str) -> str:
    """Built once per word list: the linter asks for the same phrases per amount."""

    def one(word: str) -> str:
        parts = [re.escape(p) for p in word.split()]
        return r"\s+".join(p.replace(r"\-", "[- ]") for p in parts)

    body = "|".join(one(w) for w in sorted(set(words), key=len, reverse=True))
    return rf"{boundary}(?:{body}){boundary}" if body else "(?!)"


@dataclass(frozen=True)
class Sentences:
    """How a language ends a sentence; ``writer.lint.document.split_sentences`` reads it."""

    ends: str  # the marks that end a sentence: ".!?" (English), "。！？；" (Chinese)
    space_after: bool  # an end mark counts only before white space (or the end)
    capital_after: bool  # and only when the next sentence starts like one
    abbreviations: frozenset[str]
    initialisms: frozenset[str]  # abbreviations that end a sentence before a starter
    starters: frozenset[str]  # after "U.S." these words do start a sentence

    @property
    def boundary(self) -> re.Pattern[str]:
        return _boundary(self.ends, self.space_after)


@cache
def _boundary(ends: str, space_after: bool) -> re.Pattern[str]:
    marks = "".join(re.escape(c) for c in ends)
    tail = r"(?=\s+|$)" if space_after else ""
    return re.compile(rf"[{marks}]+[\"'”’)\]」』]*{tail}")


@dataclass(frozen=True)
class HouseStyle:
    """The editorial constants and phrases of one language; see the module docstring."""

    language: str
    money: Any  # the codec's style object (writer.money.MoneyStyle for en)
    codec_name: str  # module under writer/ (a name, so the set-up cache can pickle the style)
    verified_sources: int
    relative_tolerance: float
    superlative_min_weeks: int
    nearly_floor: float
    qualifiers: tuple[str, ...]
    flags: dict[str, str]
    prose: dict[str, str]
    direction_glue: tuple[str, ...]
    conflict_markers: tuple[str, ...]
    group_words: tuple[str, ...]
    attribution: tuple[str, ...]
    source_nouns: tuple[str, ...]
    direction_words: dict[str, tuple[str, ...]]
    plurals: dict[str, str]
    metric_words: dict[str, tuple[str, ...]]
    total_words: tuple[str, ...]
    share_words: tuple[tuple[float, str], ...]
    date_format: str
    months: tuple[str, ...]
    word_boundary: str
    sentences: Sentences
    reading: ReadingWords  # how other outlets' figures are read (writer/reading.py)
    speaker_name: str = r"(?!)"  # regex: a named source ("CoinShares", "James Butterfill", "Bank of America")
    speaker_gap: str = r"\s+"  # regex: what may stand between that name and its speech verb
    clauses: ClauseWords = field(default_factory=ClauseWords)  # causal clause words (writer/clause_words.py)
    claims: dict[str, Any] = field(default_factory=dict)  # language-neutral news judgment (writer/claims.py)

    # -- words the writer prints (the first of each list) ----------------------------

    @property
    def codec(self) -> ModuleType:
        return _codec(self.codec_name)

    @property
    def qualifier(self) -> str:
        return self.qualifiers[0]

    @property
    def outflow_words(self) -> tuple[str, ...]:
        return self.direction_words["outflow"]

    @property
    def inflow_words(self) -> tuple[str, ...]:
        return self.direction_words["inflow"]

    def word(self, direction: str) -> str:
        """ "outflow" -> the word the writer prints for it."""
        return self.direction_words[direction][0]

    def plural(self, direction: str) -> str:
        return self.plurals[direction]

    def hedge(self, bound: str) -> str:
        return self.money.hedge(bound)

    def flag(self, form: str, **parts: str) -> str:
        """A flag phrase from its form ("single_source", "group", ...) with its parts filled."""
        return self.flags[form].format(qualifier=self.qualifier, **parts)

    def says(self, form: str, **parts: str) -> str:
        """A prose form ("flow", "cited", ...) with its parts filled."""
        return self.prose[form].format(attribution=self.attribution[0], **parts)

    def join(self, items: list[str]) -> str:
        """ "A, B and C" in the language's list joints."""
        if len(items) <= 1:
            return "".join(items)
        return self.prose["comma"].join(items[:-1]) + self.prose["and"] + items[-1]

    def long_date(self, day: dt.date) -> str:
        return self.date_format.format(month=self.months[day.month - 1], m=day.month, day=day.day, year=day.year)

    def share(self, floor: float) -> str | None:
        """The share words true of a floor ("more than half" for 0.52), or None."""
        return next((w for limit, w in self.share_words if floor > limit), None)

    # -- money, through the language's codec -----------------------------------------

    def amount(self, magnitude: float, bound: str = "exact", precision: float = 0.0) -> str:
        """The amount in house style; finer when every source printed it finer ("$1.65 billion"
        from three sources printing 1650), never coarser."""
        key = (id(self.money), self.codec_name, type(magnitude), magnitude, bound, type(precision), precision)
        known = _AMOUNTS.get(key)
        if known is not None and known[0] is self.money:  # the same style object, not a reused id
            return known[1]
        money, codec = self.money, self.codec
        if precision and hasattr(codec, "finer"):
            money = codec.finer(money, precision)
        text = codec.format_amount(magnitude, bound, money)
        if len(_AMOUNTS) >= _AMOUNTS_KEPT:
            _AMOUNTS.clear()
        _AMOUNTS[key] = (self.money, text)
        return text

    def bare(self, magnitude: float, bound: str = "exact") -> str:
        return self.codec.format_bare(magnitude, bound, self.money)

    def range(self, low: float, high: float, bound: str = "approx") -> str:
        return self.codec.format_range(low, high, bound, self.money)

    def may_hold_amount(self, text: str) -> bool:
        """A cheap test before the amount pattern runs (every amount names its currency)."""
        return self.codec.may_hold_amount(text, self.money)

    def find_amounts(self, text: str) -> list:
        return self.codec.find_amounts(text, self.money)

    def parse_amount(self, text: str) -> Any:
        return self.codec.parse_amount(text, self.money)

    def interval(self, amount: Any, tolerance: float = 0.0) -> tuple[float, float]:
        """Magnitudes a written amount allows: its precision and its hedge (one definition)."""
        slack = amount.value * tolerance
        if amount.bound == "over":
            return (amount.value - slack, math.inf)
        if amount.bound in ("under", "nearly"):
            low = 0.0 if amount.bound == "under" else amount.value * self.nearly_floor
            return (low - slack, amount.value + slack)
        half = amount.precision / 2
        return (amount.value - half - slack, amount.value + half + slack)

    def slack(self, a: Any, b: Any) -> float:
        """How far apart two amounts may be and still agree: the relative tolerance of their mean.

        The mean, not the larger, so that agreeing is overlap of each amount's
        own ``reach``: reconciliation groups rows in O(n log n) by that.
        """
        return self.relative_tolerance * (a.value + b.value) / 2

    def reach(self, amount: Any) -> tuple[float, float]:
        """The interval of an amount widened by half the relative tolerance of its value each side."""
        lo, hi = self.interval(amount)
        widen = self.relative_tolerance * amount.value / 2 + 5e-10
        return lo - widen, hi + widen

    def agree(self, a: Any, b: Any) -> bool:
        """Two written amounts agree when the intervals their texts allow overlap (intervals that
        only touch do not: "1200" and "1300" at the hundred are two different figures), or when
        the amounts themselves are within the relative tolerance. Reconciliation (two reports)
        and the linter (prose against data) both use this."""
        a_lo, a_hi = self.interval(a)
        b_lo, b_hi = self.interval(b)
        if max(a_lo, b_lo) < min(a_hi, b_hi) - 1e-9:
            return True
        return math.isfinite(a.value + b.value) and abs(a.value - b.value) <= self.slack(a, b) + 1e-9

    # -- recognisers the linter uses ----------------------------------------------------

    def phrases(self, words: tuple[str, ...] | list[str]) -> re.Pattern[str]:
        """A case-insensitive pattern for any of the phrases, with the language's word boundary."""
        return _compiled(phrase_regex(tuple(words), self.word_boundary))


# amounts already printed, by (style, magnitude, bound, precision): a week prints most of its
# figures two or three times (the flow, its flag, the list), and formatting goes through Decimal
_AMOUNTS: dict[tuple, tuple[Any, str]] = {}
_AMOUNTS_KEPT = 4096


@cache
def _codec(name: str) -> ModuleType:
    """The codec module, looked up once: every amount printed or read asks for it (tens of
    thousands of times in a backfill), and ``import_module`` costs microseconds each time."""
    return importlib.import_module(f"writer.{name}")


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# -- loading: in writer/housestyle_load.py ------------------------------------------

_LOADERS = ("load_house_style", "shipped", "languages", "codec_module")


def __getattr__(name: str) -> Any:
    """The loaders by their old names; their code is compiled only when a rules file is read
    (a warm ``writer lint`` unpickles its house style and never needs it)."""
    if name in _LOADERS:
        from writer import housestyle_load

        return getattr(housestyle_load, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
