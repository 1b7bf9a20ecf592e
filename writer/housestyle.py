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

Templates reach this object as the Jinja global ``hs``; the prose filters, the
data layer and the linter (document, mentions, the figure kinds) hold it too.
"""

from __future__ import annotations

import importlib
import math
import re
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from writer.clause_words import FIELDS as CLAUSE_FIELDS
from writer.clause_words import ClauseWords, clause_words
from writer.errors import Problem, UserError
from writer.reading import FIELDS as READING_FIELDS
from writer.reading import ReadingWords, reading_words
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
LANGUAGE_KEYS = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$"  # en, zh, pt-BR
_LANGUAGE = re.compile(LANGUAGE_KEYS)
_NEUTRAL = ("language", "agreement", "superlative", "claims")
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
# the mappings whose keys are fixed (the schema closes the same ones); "*" is a language block
_CLOSED = {
    "agreement": ("verified_sources", "relative_tolerance"),
    "superlative": ("min_weeks",),
    "claims": ("publisher", "product_groups", "small_share", "minor_share", "conflict_factor", "brief_max_figures"),
    "*": LANGUAGE_FIELDS,
    "*.flags": FLAG_FORMS,
    "*.prose": PROSE_FORMS,
    "*.direction": (*DIRECTIONS, "plural"),
    "*.direction.plural": DIRECTIONS,
    "*.metric_words": METRICS,
    "*.sentences": SENTENCE_FIELDS,
    "*.named_source": ("name", "gap"),
    "*.clauses": CLAUSE_FIELDS,
    "*.reading": READING_FIELDS,
}


def _unknown_key(own: dict[str, Any]) -> tuple[str, tuple[str, ...]] | None:
    """The first key of a house_style mapping that no field reads, with what is allowed there."""
    for where, allowed in _CLOSED.items():
        heads = [k for k in own if _LANGUAGE.match(str(k)) and k not in _NEUTRAL] if where.startswith("*") else [""]
        for head in heads:
            path = where.replace("*", head).lstrip(".") if head else where
            value: Any = own
            for part in path.split("."):
                value = value.get(part) if isinstance(value, dict) else None
            if isinstance(value, dict):
                extra = [k for k in value if k not in allowed]
                if extra:
                    return f"{path}.{extra[0]}", allowed
    return None


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
        return importlib.import_module(f"writer.{self.codec_name}")

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
        money = self.money
        if precision and hasattr(self.codec, "finer"):
            money = self.codec.finer(money, precision)
        return self.codec.format_amount(magnitude, bound, money)

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


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# -- loading ------------------------------------------------------------------------


class _Reader:
    """Typed reads of one house-style block, each bad field one located error."""

    def __init__(self, path: Path, prefix: str, data: dict[str, Any]) -> None:
        self.path, self.prefix, self.data = path, prefix, data

    def fail(self, where: str, value: Any, expected: str) -> UserError:
        return UserError(
            Problem(f"house_style.{self.prefix}{where} is {value!r}", path=str(self.path), expected=expected)
        )

    def get(self, where: str) -> Any:
        value: Any = self.data
        for part in where.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        return value

    def number(self, where: str) -> float:
        value = self.get(where)
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise self.fail(where, value, "a number")
        return float(value)

    def integer(self, where: str) -> int:
        value = self.get(where)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(where, value, "an integer")
        return value

    def text(self, where: str) -> str:
        value = self.get(where)
        if not isinstance(value, str):
            raise self.fail(where, value, "a string")
        return value

    def flag(self, where: str) -> bool:
        value = self.get(where)
        if not isinstance(value, bool):
            raise self.fail(where, value, "true or false")
        return value

    def words(self, where: str, empty: bool = False) -> tuple[str, ...]:
        value = self.get(where)
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            raise self.fail(where, value, "a list of phrases")
        if not value and not empty:
            raise self.fail(where, value, "at least one phrase")
        return tuple(value)

    def mapping(self, where: str) -> dict[str, Any]:
        value = self.get(where)
        if not isinstance(value, dict):
            raise self.fail(where, value, "a mapping")
        return value


@cache
def _shipped_house_style() -> dict[str, Any]:
    from writer.resources import default_rules
    from writer.rulesfile import load_rules_document

    return load_rules_document(default_rules()).data.get("house_style") or {}


def languages(data: dict[str, Any]) -> tuple[str, ...]:
    """The language blocks of a ``house_style`` mapping."""
    return tuple(k for k in data if k not in _NEUTRAL and _LANGUAGE.match(str(k)))


def codec_module(name: str, path: Path, where: str) -> ModuleType:
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name or ""):
        raise UserError(
            Problem(f"house_style.{where} is {name!r}", path=str(path), expected="a module name in writer/")
        )
    try:
        return importlib.import_module(f"writer.{name}")
    except ImportError:
        raise UserError(Problem(f"house_style.{where}: no codec module writer/{name}.py", path=str(path))) from None


def load_house_style(data: dict[str, Any] | None, path: Path, language: str | None = None) -> HouseStyle:
    """The house style of one language from a rules file's ``house_style`` (after extends),
    laid over the shipped one."""
    from writer.resources import default_rules
    from writer.rulesfile import merge_mappings

    own = data or {}
    if not isinstance(own, dict):
        raise UserError(Problem("house_style must be a mapping", path=str(path), expected="language blocks"))
    merged = own if Path(path).resolve() == default_rules().resolve() else merge_mappings(_shipped_house_style(), own)
    stray = [k for k in own if k not in _NEUTRAL and not _LANGUAGE.match(str(k))]
    if stray:
        raise UserError(
            Problem(
                f"house_style.{stray[0]} is not a language block",
                path=str(path),
                expected=f"{', '.join(_NEUTRAL)} or a language code (e.g. house_style.en.{stray[0]})",
            )
        )
    unknown = _unknown_key(own)
    if unknown:
        raise UserError(
            Problem(f"house_style.{unknown[0]} is not a setting", path=str(path), expected=", ".join(unknown[1]))
        )
    language = language or merged.get("language") or "en"
    if language not in merged:
        raise UserError(
            Problem(
                f"house_style has no block for language {language!r}",
                path=str(path),
                expected=f"one of {', '.join(languages(merged)) or 'en'}",
            )
        )
    top = _Reader(path, "", merged)
    r = _Reader(path, f"{language}.", merged[language] or {})
    codec_name = str(r.get("money.codec") or "money")
    codec = codec_module(codec_name, path, f"{language}.money.codec")
    money = codec.load_style(r.mapping("money"), r)
    plurals = r.mapping("direction.plural")
    direction_words = {d: r.words(f"direction.{d}") for d in DIRECTIONS}
    for d in DIRECTIONS:
        if plurals.get(d) not in direction_words[d]:
            raise r.fail(f"direction.plural.{d}", plurals.get(d), f"one of the {d} words")
    flags = r.mapping("flags")
    for form in FLAG_FORMS:
        r.text(f"flags.{form}")
    prose = r.mapping("prose")
    for form in PROSE_FORMS:
        r.text(f"prose.{form}")
    share = r.get("share_words")
    if not isinstance(share, list) or not all(
        isinstance(x, list) and len(x) == 2 and isinstance(x[0], (int, float)) and isinstance(x[1], str) for x in share
    ):
        raise r.fail("share_words", share, "a list of [fraction, phrase] pairs, largest first")
    months = r.words("months")
    if len(months) != 12:
        raise r.fail("months", months, "twelve month names")
    words = clause_words(r.get("clauses"), str(path), f"{language}.")
    return HouseStyle(
        language=language,
        money=money,
        codec_name=codec_name,
        verified_sources=top.integer("agreement.verified_sources"),
        relative_tolerance=top.number("agreement.relative_tolerance"),
        superlative_min_weeks=top.integer("superlative.min_weeks"),
        nearly_floor=r.number("money.nearly_floor"),
        qualifiers=r.words("qualifiers"),
        flags={form: str(flags[form]) for form in FLAG_FORMS},
        prose={form: str(prose[form]) for form in PROSE_FORMS},
        direction_glue=r.words("direction_glue", empty=True),
        conflict_markers=r.words("conflict_markers"),
        group_words=r.words("group_words"),
        attribution=r.words("attribution"),
        source_nouns=r.words("source_nouns", empty=True),
        direction_words=direction_words,
        plurals={d: str(plurals[d]) for d in DIRECTIONS},
        metric_words={m: r.words(f"metric_words.{m}") for m in METRICS},
        total_words=r.words("total_words"),
        share_words=tuple((float(a), str(b)) for a, b in sorted(share, key=lambda x: -x[0])),
        date_format=r.text("date_format"),
        months=months,
        word_boundary=str(r.get("word_boundary") or ""),
        sentences=Sentences(
            ends=r.text("sentences.ends"),
            space_after=r.flag("sentences.space_after"),
            capital_after=r.flag("sentences.capital_after"),
            abbreviations=frozenset(w.lower() for w in r.words("sentences.abbreviations", empty=True)),
            initialisms=frozenset(w.lower() for w in r.words("sentences.initialisms", empty=True)),
            starters=frozenset(r.words("sentences.starters", empty=True)),
        ),
        reading=reading_words(r.get("reading"), str(path), f"{language}."),
        speaker_name=_speaker_name(r.text("named_source.name"), words),
        speaker_gap=_speaker_gap(r.text("named_source.gap"), words),
        clauses=words,
        claims=dict(top.get("claims") or {}),
    )


def _speaker_name(word: str, words: ClauseWords) -> str:
    """A name: words of the house style's name pattern, maybe joined ("Bank of America")."""
    return rf"(?:{word})(?:\s+(?:(?i:{words.name_joiners})\s+)?(?:{word}))*"


def _speaker_gap(gap: str, words: ClauseWords) -> str:
    """Between a name and its speech verb: a possessive role ("CoinShares's head of research"), then the gap."""
    return rf"(?:(?:{words.possessives})\s*[\w ]{{1,40}}?)?(?:{gap})"


@cache
def shipped(language: str | None = None) -> HouseStyle:
    """The shipped house style: what tests and ``style=None`` callers use (no code copy)."""
    from writer.resources import default_rules

    return load_house_style(_shipped_house_style(), default_rules(), language)
