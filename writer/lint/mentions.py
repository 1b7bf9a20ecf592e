"""The one reader of figures in prose, and the match of each figure to the week's data.

``read_figures`` finds every money amount (through the house style's codec, the
same code that reads back what the writer formats) and says what it is about:
entity, direction, metric, period, with a confidence and the doubts that lower
it. The linter's grounding check matches these mentions to the data
(``find_mentions``); ``writer extract`` turns the confident ones into rows.
A mention is matched to a figure when the interval the text allows (its
precision and hedge) is true of the figure: "over $1 billion" needs a figure
that cannot be 1,000 or less.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from writer.entities import Vocabulary
from writer.figures import Figure, Side
from writer.housestyle import HouseStyle, phrase_regex
from writer.identity_memo import held_by
from writer.lint import reading_memo
from writer.lint.document import Document, Sentence
from writer.lint.mention import LintFacts, Mention, amounts, changed
from writer.money import Amount, AmountRange
from writer.reading import NEVER as _NEVER_PATTERN
from writer.regex_guard import first_class, guarded

INF = float("inf")
# clause punctuation, ASCII and the full-width forms Chinese prose uses
_SEMICOLONS = (";", "；")
_CLAUSE_MARKS = (";", ":", "；", "：")


def figure_amount(fig: Figure) -> Amount:
    """A reconciled (non-conflicting) figure as the amount its data state.

    Asked for every mention against every figure: remembered per figure (held, so its id stays its own)."""
    return held_by(_FIGURE_AMOUNTS, fig, lambda: Amount(abs(fig.point), fig.precision, fig.bound), 4_096)


_FIGURE_AMOUNTS: dict[int, tuple[Figure, Amount]] = {}  # id(figure) -> (figure, its amount)


def figure_interval(fig: Figure, style: HouseStyle) -> tuple[float, float]:
    """Magnitudes a reconciled figure allows."""
    if fig.is_range:
        lo, hi = sorted((abs(fig.low), abs(fig.high)))
        return lo, hi
    return style.interval(figure_amount(fig))


def _text_true_of(amount: Amount, fig: Amount, style: HouseStyle) -> bool:
    """Is what the text says of an amount true of a figure the data state as ``fig``?"""
    lo, hi = style.interval(fig)
    slack = style.slack(amount, fig)
    if amount.bound == "over":
        return lo >= amount.value - slack
    if amount.bound in ("under", "nearly"):
        return hi <= amount.value + slack and (amount.bound == "under" or lo >= style.interval(amount)[0] - slack)
    return style.agree(amount, fig)


def _side_amount(side: Side, fig: Figure) -> Amount:
    return Amount(abs(side.value), fig.precision, side.bound)


def _in_direction(sides: tuple[Side, ...], sign: int) -> list[Side]:
    """A conflict's sides in the direction the prose gives first, then flat ones, then the others."""
    return sorted(sides, key=lambda x: (sign * x.value < 0, sign * x.value == 0))


def match(amount: Amount | AmountRange, fig: Figure, style: HouseStyle, sign: int = 0) -> tuple[bool, Side | None]:
    """Is this text true of this figure? For a single amount against a conflict, which side:
    of two sides the amount fits ($1.7 billion out, $1.7 billion in), the one in the direction
    the prose gives it (``sign``)."""
    tolerance = style.relative_tolerance
    if isinstance(amount, AmountRange):
        if fig.straddles:
            return False, None  # sides of both signs: a range of magnitudes is true of neither direction
        if fig.is_range:
            ends = sorted(fig.sides, key=lambda s: abs(s.value))
            return (
                _text_true_of(amount.low, _side_amount(ends[0], fig), style)
                and _text_true_of(amount.high, _side_amount(ends[-1], fig), style),
                None,
            )
        lo, hi = figure_interval(fig, style)
        # a range states one figure only when it is narrow: "$9.9 million to $1 billion" says
        # nothing true of an $881 million figure that happens to lie inside it
        narrow = amount.low.value * 2 >= amount.high.value
        return narrow and amount.low.value - tolerance * hi <= lo and hi <= amount.high.value + tolerance * hi, None
    if fig.is_range:
        for side in _in_direction(fig.sides, sign):
            if _text_true_of(amount, _side_amount(side, fig), style):
                return True, side
        return False, None
    if fig.bound in ("over", "under", "nearly"):
        # the data give only a bound: the prose may repeat it or weaken it, never sharpen it
        magnitude = abs(fig.point)
        if fig.bound == "over":
            return amount.bound == "over" and amount.value <= magnitude * (1 + tolerance), None
        return amount.bound in ("under", "nearly") and amount.value >= magnitude * (1 - tolerance), None
    return _text_true_of(amount, figure_amount(fig), style), None


def _distance(amount: Amount | AmountRange, fig: Figure) -> float:
    """How far a text's amount is from a figure's number (``Figure.point``), relative."""
    value = amount.low.value if isinstance(amount, AmountRange) else amount.value
    point = abs(fig.point)
    return abs(value - point) / max(value, point, 1e-9)


class _Words:
    """Direction words of the house style, and the reader's other ways of saying them, as one regex."""

    def __init__(self, style: HouseStyle) -> None:
        words = _direction_words(
            phrase_regex(style.outflow_words, style.word_boundary),
            phrase_regex(style.inflow_words, style.word_boundary),
            style.reading.outflow.pattern,
            style.reading.inflow.pattern,
            style.word_boundary,
        )
        self.pattern = guarded(words)  # the same matches, tried only where one may start
        self.glue = _glue(style.direction_glue)
        self.starts = _word_starts(style, first_class(words))
        # the phrases ``_matched`` reads around an amount, each as (plain, guarded): asked per mention
        self.metrics = tuple(
            (metric, style.phrases(ws), guarded(style.phrases(ws))) for metric, ws in style.metric_words.items()
        )
        self.total = guarded(style.phrases(style.total_words))
        self._starts_of: dict[str, list[int]] = {}  # per sentence text (bounded): sentences repeat week to week

    def may_start(self, text: str) -> list[int] | None:
        """Every place in ``text`` a match of ``pattern`` may start (sorted), or None when it may start anywhere."""
        if self.starts is None:
            return None
        held = self._starts_of.get(text)
        if held is None:
            if len(self._starts_of) >= _STARTS_HELD:
                self._starts_of.clear()
            held = self._starts_of[text] = [m.start() for m in self.starts.finditer(text)]
        return held


_STARTS_HELD = 4_096  # sentences whose word starts a _Words remembers
_WORDS: dict[int, tuple[HouseStyle, _Words]] = {}  # id(style) -> (style, its words): built once per house style


def _words_of(style: HouseStyle) -> _Words:
    """The ``_Words`` of a house style, built once (the style is held, so its id stays its own)."""
    return held_by(_WORDS, style, lambda: _Words(style), 16)


def _word_starts(style: HouseStyle, first: str | None) -> re.Pattern[str] | None:
    """With a word boundary ``\\b``, every alternative of ``_direction_words`` opens with it or with a
    sign ("-", "+"), so a match starts only where this pattern matches; None for other boundaries."""
    if style.word_boundary != r"\b":
        return None
    edge = style.word_boundary
    for words in (style.outflow_words, style.inflow_words):
        body = phrase_regex(words, edge)
        if not (body.startswith(edge) or body == "(?!)"):
            return None
    return _boundary_or_sign(first or "")


@cache
def _boundary_or_sign(first: str) -> re.Pattern[str]:
    """Where a word boundary or a sign stands, at a character a match may begin with (``first``)."""
    return re.compile(rf"(?={first})(?:\b|(?=[-+]))" if first else r"\b|(?=[-+])")


@cache
def _direction_words(out: str, inn: str, read_out: str, read_in: str, edge: str) -> re.Pattern[str]:
    """``edge`` is the house style's word boundary: none in a language written without spaces
    ("比特币吸纳" holds the inflow word with no edge before it)."""
    return re.compile(
        rf"(?P<out>{out}|{edge}(?:{read_out}){edge}|-(?=\s?\$))|(?P<in>{inn}|{edge}(?:{read_in}){edge}|\+(?=\s?\$))",
        re.IGNORECASE,
    )


def _direction(
    sentence: Sentence, start: int, end: int, prev_end: int, next_start: int, words: _Words, named: tuple[int, ...] = ()
) -> tuple[int, str]:
    """The direction the prose gives an amount.

    A direction noun right after the amount binds tightest ("$1 billion net
    outflow"); otherwise the nearest word before it in its clause ("a net inflow
    of $33.5 million"), then the nearest after it; a word close after beats one far before.
    """
    base = sentence.start
    text = sentence.text
    glued = text[max(0, start - base - 2) : start - base].strip(" (")
    if glued in ("-", "−", "+"):  # "(-$630M)": a sign written on the amount binds tightest
        return (1 if glued == "+" else -1), glued
    lo = max(prev_end, base)
    for mark in _CLAUSE_MARKS:  # loops, not generators: asked per amount
        at = text.rfind(mark, 0, start - base)
        if at >= 0 and base + at > lo:
            lo = base + at
    hi = min(next_start, sentence.end, end + 40)
    for mark in _SEMICOLONS:
        at = text.find(mark, end - base)
        if at >= 0 and base + at < hi:
            hi = base + at
    tight = words.pattern.match(text, end - base + len(words.glue.match(text, end - base).group()))
    if tight and tight.start() < hi - base:
        return (-1 if tight.group("out") else 1), tight.group()
    # searched to the sentence's end, so that a word's look-ahead may see the amount ("put $5 million into")
    before = _words_before(text, lo - base, start - base, words)
    after = words.pattern.search(text, end - base, max(end - base, hi - base))
    if after and any(end - base <= at < after.start() for at in named):
        after = None  # "Bitcoin took $910 million, Ethereum collected ...": the next subject's own verb
    # the amount's own verb right after it beats a word far back ("Flows into ether products
    # turned negative for the year, with $3 million having left them")
    if before and not (after and after.start() - (end - base) <= 20 and (start - base) - before[-1].end() > 40):
        m = before[-1]
        return (-1 if m.group("out") else 1), m.group()
    if after:
        return (-1 if after.group("out") else 1), after.group()
    return 0, ""


def _words_before(text: str, lo: int, start: int, words: _Words) -> list[re.Match[str]]:
    """The direction words ``words.pattern.finditer(text, lo)`` gives before the first that ends past ``start``.

    Tried only at the places a match may start (``_Words.may_start``), and never past ``start``:
    a match starting there ends past it. The same matches as the scan, without reading on to
    the next word after the amount. Only the last one is used, but all are returned."""
    starts = words.may_start(text)
    if starts is not None:
        before: list[re.Match[str]] = []
        i = bisect.bisect_left(starts, lo)
        while i < len(starts) and starts[i] < start:
            m = words.pattern.match(text, starts[i])
            if m is None:
                i += 1
                continue
            if m.end() == m.start():
                break  # an empty match: finditer's own rules for it, below
            if m.end() > start:
                return before
            before.append(m)
            i = bisect.bisect_left(starts, m.end(), i + 1)
        else:
            return before
    before = []
    for m in words.pattern.finditer(text, lo):
        if m.end() > start:
            break
        before.append(m)
    return before


@cache
def _glue(glue: tuple[str, ...]) -> re.Pattern[str]:
    """What may stand between an amount and its direction noun ("$1 billion in net outflows")."""
    words = "|".join(re.escape(w) for w in glue) or "(?!)"
    return re.compile(rf"[\s\"”’)]*(?:(?:{words})\s+)*", re.IGNORECASE)


def find_mentions(doc: Document, style: HouseStyle, vocabulary: Vocabulary, facts: LintFacts | None) -> list[Mention]:
    """Every money amount in the prose as the reader reads it, with its matched figure.

    Every key the week's data names is a known entity here, in the vocabulary or not.
    """
    if facts is None:  # without data only the amounts and their sentences are used
        return amounts(doc, style)
    vocabulary = vocabulary.with_keys((f.scope, f.key) for f in facts.figures)
    out: list[Mention] = []
    scopes = _scopes(facts)
    for mention in read_figures(doc, style, vocabulary):
        previous = out[-1] if out and out[-1].sentence is mention.sentence else None
        matched = _continued(mention, previous, style) or _matched(mention, facts, style, scopes)
        out.append(_another_side(matched, out, style))
    return out


def _scopes(facts: LintFacts) -> tuple[list[Figure], list[Figure]]:
    """The week's figures of the whole market, and the others (each mention is matched against these)."""
    totals = [f for f in facts.figures if f.scope == "total"]
    return totals, [f for f in facts.figures if f.scope != "total"]


def _another_side(mention: Mention, before: list[Mention], style: HouseStyle) -> Mention:
    """A conflict's sides listed in one sentence are each one side: an amount true of a side an
    earlier amount of the sentence already took, and of another side in its direction too
    ("B: a net outflow of $0.04 million; C: under $0.1 million"), is that other side."""
    fig, side = mention.figure, mention.side
    if fig is None or side is None or not fig.is_range:
        return mention
    taken = [o.side for o in before if o.sentence is mention.sentence and o.figure is fig and o.side is not None]
    if all(t is not side for t in taken):
        return mention
    for other in _in_direction(fig.sides, mention.sign):
        if any(t is other for t in taken) or (mention.sign and other.value * mention.sign < 0):
            continue
        if _text_true_of(mention.amount, _side_amount(other, fig), style):
            return changed(mention, side=other)
    return mention


# -- the reader ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Name:
    """An entity named in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    scope: str
    key: str
    known: bool = True


# "Tezos (XTZ)": a name the vocabulary may not know, made an asset by its ticker
_TICKERED = re.compile(r"(?<![\w$])(?P<name>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)\s\((?P<ticker>[A-Z0-9]{2,6})\)")
_TICKER_IN_BRACKETS = re.compile(r"\s\([A-Z0-9]{2,6}\)")  # what every _TICKERED match holds: a cheap first test
_BRACKETED = re.compile(r"\w\s*[(（]\s*[-−+]?\s*$")


# The words below are the house style's ``reading`` fields; only the structure around them is here.
@cache
def _worded(template: str, words: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """``template`` with ``WORDS`` replaced by a reading field's alternation, compiled once per pair."""
    return re.compile(template.replace("WORDS", words), flags)


def _shaped(template: str, flags: int, reading) -> re.Pattern[str]:
    """``template`` with each ``{{field}}`` replaced by that ``reading`` field's alternation.

    Asked per amount: remembered per (template, flags, reading), the reading held so its id stays its own."""
    key = (template, flags, id(reading))
    held = _SHAPED.get(key)
    if held is None or held[0] is not reading:
        if len(_SHAPED) >= 256:
            _SHAPED.clear()
        fields = tuple(getattr(reading, name).pattern for name in _placeholders(template))
        held = _SHAPED[key] = (reading, _filled(template, flags, fields))
    return held[1]


_SHAPED: dict[tuple[str, int, int], tuple[object, re.Pattern[str]]] = {}


@cache
def _placeholders(template: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(re.findall(r"\{\{(\w+)\}\}", template)))


@cache
def _filled(template: str, flags: int, words: tuple[str, ...]) -> re.Pattern[str]:
    """Compiled once per template and set of words."""
    for name, alternation in zip(_placeholders(template), words, strict=True):
        template = template.replace("{{" + name + "}}", alternation)
    return re.compile(template, flags)


def _thousands(reading) -> re.Pattern[str]:
    return _worded(r"^\s?(?:WORDS)\b", reading.thousands.pattern)


def _week_dated(reading) -> re.Pattern[str]:
    """ "the week ending May 13", "the week to Sept. 29", "the week of September 15-21"."""
    return _shaped(
        r"\b(?:{{week}})\s+(?:(?P<ending>{{week_ending}})|(?P<starting>{{week_starting}}))\s+(?:(?:{{weekdays}}),?\s+)?"
        r"(?P<month>{{months}})\.?\s+(?P<day>\d{1,2})(?:\s*[-–]\s*(?P<day2>\d{1,2}))?\b",
        re.IGNORECASE,
        reading,
    )


def _between_dates(reading) -> re.Pattern[str]:
    """ "between May 13 and May 17", "from March 11 to 15": a span of days, ended on the second date."""
    return _shaped(
        r"\b(?:{{dates_from}})\s+(?P<month>{{months}})\.?\s+(?P<day>\d{1,2})\s+(?:{{dates_to}})\s+"
        r"(?:(?P<month2>{{months}})\.?\s+)?(?P<day2>\d{1,2})\b",
        re.IGNORECASE,
        reading,
    )


def _month_number(reading, m: re.Match[str], group: str) -> int | None:
    """1 for a month named as ``reading.months`` lists first (January), and so on: the entry that
    matches where the date's month stands, in its text (an entry may look around it)."""
    start, end = m.span(group)
    for number, pattern in enumerate(_month_patterns(reading.month_names), 1):
        found = pattern.match(m.string, start)
        if found is not None and found.end() == end:
            return number
    return None


@cache
def _month_patterns(names: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(n, re.IGNORECASE) for n in names)


def _into(reading) -> re.Pattern[str]:
    """ "$116 million went into Bitcoin", "$790 million of it into Bitcoin vehicles", "$5 million left
    Ethereum": verbs of ``reading.movement`` (with a preposition) and ``movement_direct`` (without)."""
    return _shaped(
        r"[\s,]*(?:(?:{{of_it}})\s+)?(?:(?:{{flow_phrase}})\s+)?(?:(?:{{movement}})\s+|(?:{{passive}})\s+\w+\s+)?"
        r"(?:(?:{{into_word}})\s+|(?:{{movement_direct}})\s+(?:(?:{{into_word}})\s+)?)(?:(?:{{article}})\s+)?"
        r"(?:[\w-]+\s+){0,2}?",
        re.IGNORECASE,
        reading,
    )


def _share_of(reading) -> re.Pattern[str]:
    """ "nearly all of last week's $2.2 billion": the amount is the whole, not the named part's."""
    return _worded(r"\b(?:WORDS)\W*$", reading.share_of.pattern)


def _range_and(reading) -> re.Pattern[str]:
    return _worded(r"\s+(?:WORDS)\s+", reading.range_and.pattern, 0)


def _fronted_gap(reading) -> re.Pattern[str]:
    """ "At $922 million (...), the net outflow from the United States was ...", "With $40 million,
    Solana's net inflow ...": after a fronted amount, up to the flow or name its clause goes on with."""
    return _shaped(r"\s*(?:\([^()]*\)\s*)?,\s*(?:(?:{{article}})\s+)?(?:(?:{{net}})\s+)?", re.IGNORECASE, reading)


def _own(reading) -> re.Pattern[str]:
    return _shaped(r"(?:{{owner}})(?:(?:{{net}})\s+)?", re.IGNORECASE, reading)


def _amount_lead(reading) -> re.Pattern[str]:
    return _worded(r"\s*(?:(?:WORDS)\s+)*", reading.amount_lead.pattern, 0)


def _grouped(reading) -> re.Pattern[str]:
    """ "$3.7 billion (+500%) and": what stands between two amounts of one group."""
    return _worded(r"\s*(?:\([^()]{0,24}\)\s*)?(?:WORDS)\s*$", reading.group_joiner.pattern, 0)


def _clause_end(reading) -> re.Pattern[str]:
    return _worded(r"[,;:(，；：（、]|\s(?:WORDS)\s", reading.clause_end.pattern, 0)


def _article(reading) -> re.Pattern[str]:
    return _worded(r"(?:WORDS)\s+", reading.article.pattern)


def _listed(reading) -> re.Pattern[str]:
    return _worded(r"\s*(?:\([A-Z0-9]{2,6}\))?\s*(?:WORDS)\s*", reading.list_joiner.pattern)


def _amounts_joined(reading) -> re.Pattern[str]:
    """A list of amounts, not "or"."""
    return _worded(r"\s*(?:WORDS)\s*", reading.list_joiner.pattern)


def _teaser(reading) -> re.Pattern[str]:
    """Site furniture that points at another article ("Read more"): its figures are that article's."""
    return _worded(r"[\s*_>#-]*(?:WORDS)\b", reading.teaser.pattern)


def _others(reading) -> re.Pattern[str]:
    return _worded(r"\b(?:WORDS)\b", reading.others.pattern)


def _year_began(reading) -> re.Pattern[str]:
    return _worded(r"\b((?:19|20)\d\d)\s+(?:WORDS)\b", reading.year_began.pattern)


def _clause_word(reading) -> re.Pattern[str]:
    return _worded(r"\b(?:WORDS)\b", reading.clause_word.pattern)


def _determiner(reading) -> re.Pattern[str]:
    return _worded(r"(?:WORDS)\b", reading.determiner.pattern)


def _fund_noun(reading) -> re.Pattern[str]:
    return _worded(r"\s*(?:(?:WORDS)s?\b\s*)?", reading.fund_noun.pattern)


def _span_word(reading) -> re.Pattern[str]:
    return _worded(r"\s*(?:[\w-]+\s+){0,5}?(?:WORDS)\s", reading.span_word.pattern)


def _fronted_head(reading) -> re.Pattern[str]:
    return _worded(r"\s*(?:WORDS)\s*", reading.fronted_head.pattern)


def _flow_of(reading) -> re.Pattern[str]:
    return _worded(r"\s+(?:WORDS)\s+", reading.flow_of.pattern)


def _between(reading) -> re.Pattern[str]:
    return _worded(r"\b(?:WORDS)\s*$", reading.between.pattern)


def _week(reading) -> re.Pattern[str]:
    return _worded(r"\b(?:WORDS)", reading.week.pattern)


def _each(reading) -> re.Pattern[str]:
    return _worded(r"^\W{0,3}(?:WORDS)\b", reading.each.pattern)


def _possessive(reading) -> re.Pattern[str]:
    return _worded(r"\b(?:WORDS)\b", reading.possessive.pattern)


def _year_in(reading) -> re.Pattern[str]:
    return _worded(r"\b(?:WORDS)\s+((?:19|20)\d\d)\b(?!['’]s)", reading.year_in.pattern)


def _unit(reading) -> re.Pattern[str]:
    return _worded(
        r"\d\s?(?:WORDS)\b|\d\s*(?:GLUED)".replace("GLUED", reading.unit_glued.pattern), reading.unit.pattern
    )


def _week_date(text: str, reading) -> tuple[int, int, int] | None:
    """(month, day, days to the end of the week) of a week the sentence names by date."""
    span = guarded(reading.week_span).search(text)  # the house style's own form ("3 月 2 日至 6 日")
    if span and all(g.isdigit() for g in span.group("month", "day", "day2")):
        first, month = int(span.group("month")), int(span.group("month2") or span.group("month"))
        days = (month - first) * 30 + int(span.group("day2")) - int(span.group("day"))
        return (month, int(span.group("day2")), 0) if 0 <= days <= 7 else None
    m = guarded(_week_dated(reading)).search(text)
    if not m:
        m = guarded(_between_dates(reading)).search(text)
        if not m:
            return None
        first = _month_number(reading, m, "month")
        month = _month_number(reading, m, "month2" if m.group("month2") else "month")
        if first is None or month is None:
            return None  # a month entry that matches only inside the date pattern: no date read
        days = (month - first) * 30 + int(m.group("day2")) - int(m.group("day"))
        if not 0 <= days <= 7:
            return None  # "from April 8 to May 10" is no week
        return month, int(m.group("day2")), 0
    month = _month_number(reading, m, "month")
    if month is None:
        return None
    if m.group("day2"):
        return month, int(m.group("day2")), 0
    return month, int(m.group("day")), 6 if m.group("starting") else 0


@cache
def _currency(currency: str) -> re.Pattern[str]:
    return re.compile(currency, re.IGNORECASE)


def _spelled(text: str, style: HouseStyle) -> list[tuple[int, int, Amount]]:
    """Amounts with the currency in words ("1.92 billion dollars", "USD 1.2 billion"): the house
    style's ``reading.currency`` words, read by the language's codec; the writer never prints these."""
    currency = style.reading.currency.pattern
    if currency == _NEVER_PATTERN or not guarded(_currency(currency)).search(text):
        return []
    spelled = getattr(style.codec, "find_spelled_amounts", None)  # a codec without the form reads none
    return spelled(text, currency, style.money) if spelled else []


def _amounts(text: str, style: HouseStyle) -> list[tuple[int, int, Amount | AmountRange]]:
    """The amounts of a sentence: "$20 million and $18 million" is two, "between $1 and $2 billion" one range."""
    out: list[tuple[int, int, Amount | AmountRange]] = _spelled(text, style)
    if not style.may_hold_amount(text):  # e.g. no "$" (en) or "美元" (zh): the codec reads none
        return out
    for s, e, amount in style.find_amounts(text):
        joiner = _range_and(style.reading).search(text, s, e) if isinstance(amount, AmountRange) else None
        if joiner is None or _between(style.reading).search(text, 0, s):
            out.append((s, e, amount))
            continue
        out.append((s, joiner.start(), amount.low))
        out.append((joiner.end(), e, amount.high))
    return sorted(out, key=lambda a: a[0])


def _unknown_ticker(reading) -> re.Pattern[str]:
    """An upper-case ticker the vocabulary does not know: the figure is that fund's, not the market's."""
    return _worded(r"(?<![A-Za-z])(?!(?:WORDS)(?![A-Za-z]))[A-Z]{3,6}(?![A-Za-z])", reading.not_ticker.pattern, 0)


def _names(doc: Document, sentence: Sentence, vocabulary: Vocabulary, style: HouseStyle) -> list[_Name]:
    """Entities named in a sentence: vocabulary names, whole-market subjects, tickered names."""
    text = sentence.text
    found: list[_Name] = []
    taken: list[tuple[int, int]] = []
    for m in _entity_pattern(vocabulary, style).finditer(text):
        if doc.in_name(sentence.start + m.start(), sentence.start + m.end()):
            continue
        hit = vocabulary.lookup(m.group("name"))
        if not hit:
            continue
        last = found[-1] if found else None
        if last and last.key == hit[1] and text[last.end : m.start()].strip() == "(":
            # "TRON (TRX)": the ticker in brackets is the same name, once
            close = text.find(")", m.end())
            found[-1] = _Name(last.start, close + 1 if 0 <= close - m.end() <= 1 else m.end(), *hit)
            taken[-1] = (found[-1].start, found[-1].end)
            continue
        found.append(_Name(m.start(), m.end(), *hit))
        taken.append((m.start(), m.end()))
    for m in guarded(_TICKERED).finditer(text) if _TICKER_IN_BRACKETS.search(text) else ():
        if any(a <= m.start("ticker") < b or a <= m.start() < b for a, b in taken):
            continue
        if doc.in_name(sentence.start + m.start(), sentence.start + m.end()):
            continue
        found.append(_Name(m.start(), m.end(), "asset", m.group("name"), known=False))
        taken.append((m.start(), m.end()))
    for m in guarded(style.reading.total).finditer(text):
        # "Bitcoin investment products" is Bitcoin's, not the market's
        if any(
            0 <= m.start() - b <= 16
            and re.fullmatch(r"[\s\w()'’-]*", text[b : m.start()])
            and not _clause_word(style.reading).search(text[b : m.start()])
            and not _determiner(style.reading).match(m.group())  # "the global total" opens a noun phrase of its own
            for a, b in taken
        ):
            continue
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        found.append(_Name(m.start(), m.end(), "total", "all"))
    return sorted(found, key=lambda n: n.start)


def _product(reading) -> re.Pattern[str]:
    """ "BlackRock's ETHA ETF", "iShares Bitcoin Trust (IBIT)": one fund of a provider, named by its ticker."""
    return _shaped(
        r"(?:{{owner}}|\s+)(?!(?:{{not_ticker}})\b)"
        r"(?:(?:[A-Z][\w-]*\s+){0,4}\((?P<bracketed>[A-Z]{3,5})\)|(?P<ticker>[A-Z]{3,5})\b)",
        0,
        reading,
    )


def _products(text: str, names: list[_Name], vocabulary: Vocabulary, reading) -> list[_Name]:
    """The names a figure may be about, with a provider's fund named by ticker as one key
    ("BlackRock ETHA", the contract's issuer/product keys) in place of the names it spans."""
    out: list[_Name] = []
    until = -1
    for n in names:
        if n.start < until:
            continue  # "Bitcoin" inside "iShares Bitcoin Trust (IBIT)"
        m = _product(reading).match(text, n.end) if n.scope == "provider" else None
        ticker = (m.group("bracketed") or m.group("ticker")) if m else None
        if m and ticker:
            fund = vocabulary.lookup(ticker)  # "21Shares' ARKB" is the vocabulary's "ARK 21Shares ARKB"
            key = fund[1] if fund and fund[0] == "provider" else f"{n.key} {ticker}"
            out.append(_Name(n.start, m.end(), "provider", key, known=vocabulary.knows("provider", key)))
            until = m.end()
            continue
        out.append(n)
    return out


def _window(text: str, lo: int, start: int, end: int, hi: int, reading) -> tuple[str, str]:
    """The words before an amount in its clause, and after it up to the next clause."""
    head = text[lo:start]
    cut = max(head.rfind(c) for c in _CLAUSE_MARKS)
    if cut >= 0:
        head = head[cut + 1 :]
    tail = text[end:hi]
    stop = _clause_end(reading).search(tail)
    return head, tail[: stop.start()] if stop else tail[:60]


_SEEN: dict[int, tuple[object, dict[tuple[int, str], bool]]] = {}  # id(reading) -> (reading, memo)
_SEEN_MAX = 16_384  # windows remembered per reading
_SEEN_LONGEST = 400  # characters: windows are a few words; a longer one is searched each time


def _found(reading, pattern: re.Pattern[str], text: str) -> bool:
    """Does one of ``reading``'s patterns occur in ``text``, a few words around an amount?

    The words around the amounts of drafts from one template repeat week after
    week (only the amounts change), so each answer is remembered per reading
    (a bounded memo; the reading is held, so the pattern ids stay its own).
    """
    if len(text) > _SEEN_LONGEST:  # a long clause (a hostile document): searched, never held
        return pattern.search(text) is not None
    memo = held_by(_SEEN, reading, dict, 16)
    key = (id(pattern), text)
    found = memo.get(key)
    if found is None:
        if len(memo) >= _SEEN_MAX:
            memo.clear()
        found = memo[key] = pattern.search(text) is not None
    return found


def _metric(head: str, amount: str, tail: str, reading) -> tuple[str, str]:
    """Metric of an amount and, when it is no flow, why."""
    first, level, tail_priced, later = _decided(reading, ("metric", head, tail), _metric_words, head, tail, reading)
    if first:
        return "aum", ""  # "pushing assets under management to nearly $100 billion"
    # near_head + amount is searched, not held: the amount's digits differ week by week
    priced = guarded(reading.not_flow).search(head[-70:] + amount) and not level
    if priced or tail_priced:
        return "not_flow", "a price, volume or other amount that is not a fund flow"
    return later


def _metric_words(head: str, tail: str, reading) -> tuple[bool, bool, bool, tuple[str, str]]:
    """What ``_metric`` reads in the words around an amount (all but the amount itself): assets named
    just before it, a flow level just before it, a price after it, and the metric the rest gives."""
    near_head = head[-70:]
    first = _found(reading, reading.aum, head[-45:]) and not _found(reading, reading.aum_change, head)
    level = _found(reading, reading.flow_level, near_head)
    tail_priced = _found(reading, reading.not_flow, tail) or _thousands(reading).match(tail) is not None
    if _found(reading, reading.ytd, head[-100:]) or _found(reading, reading.ytd, tail):
        later = "ytd_flow", ""
    elif _found(reading, reading.aum, head[-100:]) or _found(reading, reading.aum, tail[:25]):
        if _found(reading, reading.aum_change, head):
            later = "not_flow", "a change in assets under management, not a flow"
        else:
            later = "aum", ""
    else:
        later = "net_flow", ""
    return first, level, tail_priced, later


_DECIDED: dict[int, tuple[object, dict[tuple, object]]] = {}  # id(reading) -> (reading, memo)
_DECIDED_MAX = 16_384  # answers remembered per reading


def _decided(reading, key: tuple, decide, *args):
    """``decide(*args)``, remembered per reading under ``key`` (a tag and the words it reads).

    The words around an amount come back week after week with only the amounts changed, so
    ``_metric`` and ``_period`` answer from here, not through a dozen ``_found`` each. Words
    longer than ``_SEEN_LONGEST`` in all (a hostile document) are read each time, never held."""
    if sum(len(part) for part in key if isinstance(part, str)) > _SEEN_LONGEST:
        return decide(*args)
    memo = held_by(_DECIDED, reading, dict, 16)
    answer = memo.get(key)
    if answer is None:
        if len(memo) >= _DECIDED_MAX:
            memo.clear()
        answer = memo[key] = decide(*args)
    return answer


def _period(head: str, tail: str, rest: str, reading, metric: str, has_next: bool = False) -> str:
    """Which period an amount covers, as the words next to it say.

    ``tail`` is the rest of the amount's clause; ``rest`` the text up to the next
    amount, which a day or "the week before" may sit in past a comma.
    """
    near_head, after = head[-110:], rest[:40]
    key = ("period", metric, has_next, near_head, tail, after)
    return _decided(reading, key, _period_words, near_head, tail, after, reading, metric, has_next)


def _period_words(near_head: str, tail: str, rest: str, reading, metric: str, has_next: bool) -> str:
    """``_period`` on the words it reads: the last 110 characters before the amount, its clause after
    it, and the first 40 characters up to the next amount."""
    for period, pattern in (
        ("daily", reading.daily),
        ("previous", reading.previous),
        ("earlier_year", reading.earlier_year),
        ("earlier", reading.comparison),
        ("cumulative", reading.cumulative),
    ):
        if period == "cumulative" and metric == "ytd_flow":
            continue  # a year to date is cumulative by nature
        if period in ("earlier", "cumulative") and metric == "aum":
            continue  # "AUM, up 43% from their lows, at $28 billion" is today's level
        # after the amount only a period it is "over", "in" or "for" counts, not "$21m after six weeks of outflows"
        if period in ("previous", "earlier_year"):  # "$13 million, the week before" may sit past a comma
            after = rest[:40]
            if has_next:  # but the clause that leads into the next amount is that amount's ("由上周的 X")
                cut = max(after.rfind(c) for c in ",;:，；：")
                after = after[:cut] if cut >= 0 else ""
        else:
            after = tail[:50] if period != "cumulative" or _span_word(reading).match(tail) else ""
        if _found(reading, pattern, near_head) or _found(reading, pattern, after):
            return period
    return "week"


def clause_start(text: str, lo: int, start: int) -> int:
    """Where the clause of an amount starts: after the previous amount, a semicolon or a colon."""
    at = lo
    for mark in _CLAUSE_MARKS:  # a loop, not max() over a generator: asked several times per amount
        after = text.rfind(mark, lo, start) + 1
        if after > at:
            at = after
    return at


def _about(i: int, spans: list[tuple[int, int]], names: list[_Name], los: list[int], text: str, reading):
    """Which entities amount i is about, and the doubt if that is unclear."""
    start, end = spans[i]
    tail = text[end : spans[i + 1][0] if i + 1 < len(spans) else len(text)]
    # "X and Y took in $a and $b respectively": by order
    group = [i]
    while group[0] > 0 and _grouped(reading).fullmatch(text[spans[group[0] - 1][1] : spans[group[0]][0]]):
        group.insert(0, group[0] - 1)
    j = group[-1]
    while j + 1 < len(spans) and _grouped(reading).fullmatch(text[spans[j][1] : spans[j + 1][0]]):
        j += 1
        group.append(j)
    if len(group) > 1:
        listed = [n for n in names if los[group[0]] <= n.start < spans[group[0]][0] and n.scope != "total"]
        listed = listed[-len(group) :]
        joined = all(_listed(reading).fullmatch(text[a.end : b.start]) for a, b in pairwise(listed))
        after_last = text[spans[group[-1]][1] :][:60]
        between = text[listed[-1].end : spans[group[0]][0]] if listed else ""
        said = reading.respectively.match(re.split(r"[.;。；]", after_last)[0]) or reading.respectively.search(between)
        # "Germany and Canada recorded inflows of $41 million and $17 million": two names joined, then
        # two amounts joined, in one clause, pair by order as surely as with "respectively"
        in_order = (
            len(listed) == len(group)
            and joined
            and listed[0].start >= clause_start(text, los[group[0]], spans[group[0]][0])
            and all(_amounts_joined(reading).fullmatch(text[spans[a][1] : spans[b][0]]) for a, b in pairwise(group))
        )
        if len(listed) == len(group) and joined and (said or in_order):
            return (listed[group.index(i)],), ""
        if said:
            return (), "a list with 'respectively' whose names and amounts do not pair up"
    clause = clause_start(text, los[i], start)
    hi = spans[i + 1][0] if i + 1 < len(spans) else len(text)
    after = [n for n in names if end <= n.start < hi]
    into_words = _into(reading)
    into = after[0] if after and into_words.fullmatch(text[end : after[0].start]) else None
    if into is not None and into.scope != "total":
        return (into,), ""  # "$790 million of it into Bitcoin vehicles"
    if _share_of(reading).search(text, los[i], start):
        return (), "a whole of which a part is meant"
    before = [n for n in names if clause <= n.start and n.end <= start]
    if _each(reading).match(tail) and before:
        run = [before[-1]]
        for n in reversed(before[:-1]):
            gap = text[n.end : run[0].start]
            if _grouped(reading).fullmatch(gap) or _listed(reading).fullmatch(gap):
                run.insert(0, n)
            else:
                break
        return tuple(run), ""
    if before:
        last = before[-1]
        prior = [n for n in before[:-1] if n.key != last.key]
        if prior and _listed(reading).fullmatch(text[prior[-1].end : last.start]):
            return (), "several entities share one amount"
        return (last,), ""
    if into is not None:
        return (into,), ""  # "$1.03 billion went into digital asset funds"
    told = _told_before_colon(text, los[i], clause, names)
    if told is not None:
        return (told,), ""
    return (), "no entity named"


def _told_before_colon(text: str, lo: int, clause: int, names: list[_Name]) -> _Name | None:
    """ "Bitcoin posted the largest outflow: a net outflow of $978 million": an amount whose clause
    follows a colon and names nothing is the one entity the clause before the colon names."""
    colon = clause - 1
    if colon < lo or text[colon] not in ":：":
        return None
    opened = max(lo, *(text.rfind(c, lo, colon) + 1 for c in _SEMICOLONS))
    told = [n for n in names if opened <= n.start and n.end <= colon]
    if not told or any(n.scope == "total" for n in told) or len({n.key for n in told}) != 1:
        return None
    return told[-1]


def _fronted(text: str, lo: int, start: int, end: int, hi: int, names: list[_Name], words: _Words, reading):
    """The entity and direction of an amount that opens its clause after "at" or "with" and whose
    clause goes on to name them: "the net outflow from X", "X's net inflow". None for any other shape."""
    if not _fronted_head(reading).fullmatch(text, clause_start(text, lo, start), start):
        return None
    gap = _fronted_gap(reading).match(text, end, hi)
    if gap is None:
        return None
    at = {n.start: n for n in names if n.end <= hi}
    flow = words.pattern.match(text, gap.end(), hi)
    if flow is not None and flow.group().strip("+-"):
        of = _flow_of(reading).match(text, flow.end(), hi)
        if of is None:
            return None
        the = _article(reading).match(text, of.end(), hi)
        name = at.get(of.end()) or (at.get(the.end()) if the else None)
    else:
        name = at.get(gap.end())
        own = _own(reading).match(text, name.end, hi) if name else None
        flow = words.pattern.match(text, own.end(), hi) if own else None
        if flow is None or not flow.group().strip("+-"):
            return None
    if name is None:
        return None
    return name, (-1 if flow.group("out") else 1), flow.group()


def _sized_fund(text: str, lo: int, start: int, end: int, hi: int, funds: list[_Name], words: _Words, reading):
    """ "the $72 billion iShares Bitcoin Trust": an amount set before a fund's name as its size is
    that fund's AUM. Only a fund (a provider's key): "the $2 trillion Bitcoin market" is no AUM, and
    "the $30 million IBIT outflow" is a flow."""
    if not reading.attributive.search(text, max(lo, start - 12), start):
        return None
    fund = next((n for n in funds if end <= n.start < hi and n.scope == "provider"), None)
    if fund is None:
        return None
    gap = text[end : fund.start]
    if not re.fullmatch(r"\s+(?:[\w-]+\s+){0,2}", gap) or words.pattern.search(gap):
        return None
    noun = _fund_noun(reading).match(text, fund.end)
    verb = words.pattern.match(text, noun.end())
    if verb and not _amount_lead(reading).fullmatch(text[verb.end() : hi]):
        return (
            None  # "the $30 million IBIT outflow": the direction is this amount's, unless an amount of its own follows
        )
    return fund


def _subject(doc: Document, vocabulary: Vocabulary, style: HouseStyle) -> tuple[_Name | None, bool]:
    """The one asset, country or provider the headline is about ("Spot Bitcoin ETFs post ..."), if any,
    and whether the article stays on it.

    A figure whose sentence names nothing is then that entity's, not the whole market's, but only
    when the article stays on it: one that also names another entity of its kind, or the whole
    market, has figures of its own for those, and an unnamed one is then unclear.
    """
    heading = next((b for b in doc.blocks if b.kind == "heading"), None)
    if heading is None:
        return None, False
    text = doc.prose[heading.start : heading.end]
    if style.reading.total.search(text):
        return None, False
    found = _entity_pattern(vocabulary, style).finditer(text)
    keys = {hit for m in found if (hit := vocabulary.lookup(m.group("name")))}
    if len(keys) != 1:
        return None, False
    scope, key = keys.pop()
    subject = _Name(0, 0, scope, key)
    for m in _entity_pattern(vocabulary, style).finditer(doc.prose, heading.end):
        hit = vocabulary.lookup(m.group("name"))
        if hit and hit[0] == scope and hit[1] != key and not doc.in_name(m.start(), m.end()):
            return subject, False
    return subject, True


def _named_before(doc: Document, sentence: Sentence, vocabulary: Vocabulary, style: HouseStyle) -> bool:
    """Does the paragraph name an asset, country or provider before this sentence?"""
    block = doc.blocks[sentence.block]
    return _entity_pattern(vocabulary, style).search(doc.prose, block.start, sentence.start) is not None


def _entity_pattern(vocabulary: Vocabulary, style: HouseStyle) -> re.Pattern[str]:
    """Names bounded by word edges, or unbounded for a language written without spaces."""
    return guarded(vocabulary.mention_pattern if style.word_boundary else vocabulary.unbounded_pattern)


_PERIOD_DOUBTS = {
    "daily": "a daily figure",
    "earlier": "compared with an earlier figure whose week is not said",
    "earlier_year": "a figure of an earlier year",
    "cumulative": "a figure over several weeks, a month or a year",
}


def read_figures(doc: Document, style: HouseStyle, vocabulary: Vocabulary) -> list[Mention]:
    """Every money amount in the prose with what it is about, without the week's data.

    Each mention carries its entities (``entities`` for the grounding check,
    ``about`` for extract), direction, metric, period and a confidence; a mention
    whose entity, direction, metric or period is unclear says why in ``doubts``.
    A sentence read before in another week with only its amounts changed is not
    read again (``reading_memo``): its words' decisions are reused, its amounts new.
    """
    words = _words_of(style)
    subject, sole = _subject(doc, vocabulary, style)
    headline = next((i for i, b in enumerate(doc.blocks) if b.kind == "heading"), None)
    year_of_doc: int | None = None  # "... attract $47.2 billion in 2025": an annual review
    memo = reading_memo.memo_for(style, vocabulary, lambda: _digit_blind(style, words))
    out: list[Mention] = []
    previous: tuple[list[tuple[int, int, Amount | AmountRange]], str | None] = ([], None)  # the sentence before
    for index, sentence in enumerate(doc.sentences):
        found = _amounts(sentence.text, style)
        skeleton = memo.skeleton(sentence.text, found) if memo is not None else None
        if found:
            at = _Sentence(doc, index, sentence, found, skeleton, previous, memo, vocabulary, style)
            read, year_of_doc = _read_sentence_memo(at, subject, sole, sentence.block == headline, year_of_doc, words)
            out.extend(read)
        previous = (found, skeleton)
    return out


@dataclass
class _Sentence:
    """A sentence with amounts, and what the reader needs of its document."""

    doc: Document
    index: int
    sentence: Sentence
    found: list[tuple[int, int, Amount | AmountRange]]
    skeleton: str | None  # reading_memo.skeleton, None: not remembered
    previous: tuple[list[tuple[int, int, Amount | AmountRange]], str | None]  # the sentence before: found, skeleton
    memo: reading_memo.Memo | None
    vocabulary: Vocabulary
    style: HouseStyle


def _read_sentence_memo(
    at: _Sentence, subject: _Name | None, sole: bool, in_headline: bool, year_of_doc: int | None, words: _Words
) -> tuple[list[Mention], int | None]:
    """``_read_sentence``, remembered per skeleton of the sentence and every input its reading depends on."""
    doc, sentence, vocabulary, style = at.doc, at.sentence, at.vocabulary, at.style
    reading = style.reading
    before_names = _previous_names_memo(at)
    names = _names_memo(at.memo, doc, sentence, at.found, at.skeleton, vocabulary, style)
    teaser = _teaser(reading).match(doc.prose, doc.blocks[sentence.block].start) is not None
    consulted: list[bool] = []

    def paragraph_named() -> bool:
        if not consulted:
            consulted.append(_named_before(doc, sentence, vocabulary, style))
        return consulted[0]

    def read() -> tuple[list[Mention], int | None]:
        return _read_sentence(
            sentence, at.found, names, before_names, subject, sole, in_headline, year_of_doc, teaser,
            paragraph_named, words, reading, vocabulary,
        )  # fmt: skip

    memo, skeleton = at.memo, at.skeleton
    if memo is None or skeleton is None:
        return read()
    key = (
        skeleton,
        reading_memo.shapes(at.found),
        sentence.end - sentence.start,
        tuple(names),
        tuple(before_names),
        subject,
        sole,
        in_headline,
        year_of_doc,
        teaser,
    )
    held = memo.get(key)
    if held is not None:
        decisions, year_after, was_named_before = held
        if was_named_before is None or was_named_before == paragraph_named():
            dated = _week_date(sentence.text, reading)
            return [
                _mention(sentence.start + s, sentence.start + e, amount, sentence, said, dated)
                for (s, e, amount), said in zip(at.found, decisions, strict=True)
            ], year_after
    mentions, year_after = read()
    decisions = tuple(
        (m.entities, m.sign, m.sign_word, m.about, m.unknown, m.metric, m.period, m.year, m.confidence, m.doubts)
        for m in mentions
    )
    memo.put(key, (decisions, year_after, consulted[0] if consulted else None))
    return mentions, year_after


def _names_memo(
    memo: reading_memo.Memo | None,
    doc: Document,
    sentence: Sentence,
    found: list[tuple[int, int, Amount | AmountRange]],
    skeleton: str | None,
    vocabulary: Vocabulary,
    style: HouseStyle,
) -> list[_Name]:
    """``_names``, remembered per skeleton of the sentence and the publication names inside it."""
    if memo is None or skeleton is None:
        return _names(doc, sentence, vocabulary, style)
    key = ("names", skeleton, reading_memo.spans(found), reading_memo.names_within(doc, sentence))
    held = memo.get(key)
    if held is None:
        held = tuple(_names(doc, sentence, vocabulary, style))
        if not reading_memo.overlaps(held, found):  # a name over an amount's digits is read fresh each time
            memo.put(key, held)
    return list(held)


def _previous_names_memo(at: _Sentence) -> list[_Name]:
    """``_previous_names`` through ``_names_memo``."""
    doc, index = at.doc, at.index
    if index == 0 or doc.sentences[index - 1].block != doc.sentences[index].block:
        return []
    return _names_memo(at.memo, doc, doc.sentences[index - 1], *at.previous, at.vocabulary, at.style)


def _digit_blind(style: HouseStyle, words: _Words) -> bool:
    """Do the patterns the reader runs over an amount's own characters treat all digits alike?

    The reading memo reuses a sentence's decisions for another sentence that differs only
    in the digits of its amounts, which is sound only when no pattern that may see those
    digits names one ("19" in a year, "[1-5]"). The patterns searched only in the words
    between amounts (``ytd``, ``comparison``, ``cumulative`` ...: windows that end where an
    amount starts) and those read fresh each time (``week_span``, ``between``, ``currency``,
    ``teaser``) may name digits; names in the vocabulary with digits ("21Shares") are
    checked per sentence (``Memo.digit_name``).
    """
    reading = style.reading
    seen = [
        words.pattern,
        words.glue,
        reading.total,
        reading.not_flow,
        reading.respectively,
        _clause_word(reading),
        _determiner(reading),
        _unit(reading),
        _fund_noun(reading),
        _week(reading),
        _TICKERED,
        _BRACKETED,
        _product(reading),
        _unknown_ticker(reading),
    ]
    return all(reading_memo.digit_blind(p.pattern) for p in seen)


def _read_sentence(
    sentence: Sentence,
    found: list[tuple[int, int, Amount | AmountRange]],
    names: list[_Name],
    before_names: list[_Name],
    subject: _Name | None,
    sole: bool,
    in_headline: bool,
    year_of_doc: int | None,
    teaser: bool,
    paragraph_named,
    words: _Words,
    reading,
    vocabulary: Vocabulary,
) -> tuple[list[Mention], int | None]:
    """The mentions of one sentence's amounts, and the year of the document after it.

    Everything it reads of the document comes in as an argument (``paragraph_named`` is asked
    only when needed): the reading memo keys on these.
    """
    out: list[Mention] = []
    keys_before = {n.key for n in before_names}
    before_it = [before_names[-1]] if len(keys_before) == 1 and before_names[-1].scope != "total" else []
    # the headline's asset holds for an unnamed figure only where the sentence before speaks of nothing else
    on_subject = sole and subject is not None and keys_before <= {subject.key}
    text = sentence.text
    dated = _week_date(text, reading)
    funds = _products(text, names, vocabulary, reading)
    spans = [(s, e) for s, e, _ in found]
    los = [spans[i - 1][1] if i else 0 for i in range(len(spans))]
    around = _entities_around([(n.start, n.key) for n in names if n.scope != "total"], [s for s, _ in spans])
    last_sign, last_word = 0, ""
    named = tuple(n.start for n in names)
    for i, (s, e, amount) in enumerate(found):
        entities = around[i]
        prev_end = sentence.start + los[i]
        next_start = sentence.start + (found[i + 1][0] if i + 1 < len(found) else len(text))
        sign, word = _direction(sentence, sentence.start + s, sentence.start + e, prev_end, next_start, words, named)
        listed_with = i and out[-1].sentence is sentence and _grouped(reading).fullmatch(text[spans[i - 1][1] : s])
        if listed_with and out[-1].sign and not _tight(text, e, words):
            # "$14 million and $9 million respectively, against US outflows of $447 million": the
            # list's direction, not a word past it that belongs to the next amount
            sign, word = out[-1].sign, out[-1].sign_word
        hi = found[i + 1][0] if i + 1 < len(found) else len(text)
        head, tail = _window(text, los[i], s, e, hi, reading)
        rest = text[e:hi]
        metric, why = _metric(head, text[s:e], tail, reading)
        after_level = i and out[-1].sentence is sentence and out[-1].metric == "aum" and len(head.strip()) <= 8
        if after_level and reading.level.search(head):  # "AUM fell from $241 billion to $221 billion"
            metric, why = "aum", ""
        period = _period(head, tail, rest, reading, metric, i + 1 < len(found))
        if period == "week" and listed_with:
            period = out[-1].period  # "of $7.7 million and $33.3 million respectively": the first one's day
        confidence = 1.0
        said = _year_in(reading).search(tail[:20]) or _year_in(reading).search(head[-60:])
        began = _year_began(reading).search(head[-60:])  # "2026 began with $582 million of inflows"
        year = int(said.group(1)) if said else int(began.group(1)) if began else None
        if year and metric == "net_flow" and (period == "cumulative" or began):
            # "took in $47.2 billion in 2025": a year's flow, which is year to date at a week of that year
            metric, period = "ytd_flow", _period(head, tail, rest, reading, "ytd_flow", i + 1 < len(found))
            if in_headline:
                year_of_doc = year
        elif (
            year_of_doc
            and not year
            and metric == "net_flow"
            and period in ("week", "earlier")
            and not _week(reading).search(text)
        ):
            # in an annual review a figure with no week of its own is the year's, compared with the year before
            metric, period, year, confidence = "ytd_flow", "week", year_of_doc, 0.8
        if not _unit(reading).search(text, s, e) and metric != "not_flow":
            near = words.pattern.search(text, max(los[i], s - 25), s) or words.pattern.match(
                text, e + len(words.glue.match(text, e).group())
            )
            listed = i and out and out[-1].sentence is sentence and out[-1].metric != "not_flow" and out[-1].sign
            if not near and not listed:  # "$90,000" is a price; "$500,000" in a list of flows is a flow
                metric, why = "not_flow", "a dollar amount with no million or billion and no flow word beside it"
        about, doubt = _about(i, spans, funds, los, text, reading)
        fronted = _fronted(text, los[i], s, e, hi, names, words, reading)
        if fronted is not None:
            name, sign, word = fronted
            about, doubt = (name,), ""
        sized = _sized_fund(text, los[i], s, e, hi, funds, words, reading)
        if sized is not None and metric != "not_flow":
            metric, why, about, doubt, period = "aum", "", (sized,), "", "week"
        if metric == "aum" and not about and doubt.startswith("a whole"):
            doubt = "no entity named"  # "2.5% of the $90 billion in these products": the whole is the level
        doubts: list[str] = []
        if teaser:
            doubts.append("a teaser for another article")
        if why:
            doubts.append(why)
        if isinstance(amount, AmountRange):
            doubts.append("a range, not one figure")
        if period in _PERIOD_DOUBTS:
            doubts.append(_PERIOD_DOUBTS[period])
        follows = (
            period in ("previous", "earlier")
            or metric == "ytd_flow"
            or _possessive(reading).search(head)
            # "short-Bitcoin products drew $105 million, ... with just $139 million in AUM": the same funds' level
            or (metric == "aum" and not reading.total_words.search(head) and not reading.total.search(head))
        )
        if not about and i and out[-1].sentence is sentence and out[-1].about and follows:
            # "$42 million, up from $13 million the week before"; "bringing the year's tally to $310 million";
            # "took in $8.2 million, making $640 million since January"
            about, confidence = tuple(_Name(s, s, sc, k) for sc, k in out[-1].about), confidence - 0.1
        elif not about and _others(reading).search(head):
            doubts.append("the rest of the market, not one key")
        elif not about and not names and _possessive(reading).search(head) and len(before_it) == 1:
            # "Bitcoin had a rough week. Its funds shed $156 million": "its" carries the one name before
            about, confidence = (before_it[0],), 0.85
        elif not about:
            named_before = [n for n in names if n.start < s]
            # "Outflows of $54 million hit Bitcoin": a name later in the amount's clause may be what it is about
            named_after = [n for n in names if e <= n.start < e + len(tail) and n.scope != "total"]
            ticker_after = _unknown_ticker(reading).search(text, e, e + len(tail))
            if ticker_after and not named_after:  # "bought $300 million of XYZ": XYZ's, not the market's
                named_after = [_Name(ticker_after.start(), ticker_after.end(), "asset", ticker_after.group())]
            if _unknown_ticker(reading).search(text, clause_start(text, los[i], s), s):
                named_before.append(_Name(0, 0, "asset", "?", known=False))  # "IBIT had $242 million of outflows"
            # "With $20 billion in assets, Grayscale ...": a fronted amount is the name's that follows it
            fronted_level = _fronted_head(reading).fullmatch(text, clause_start(text, los[i], s), s) and any(
                n.start >= e and n.scope != "total" for n in names
            )
            if fronted_level:
                doubts.append("unclear whether it is the market's or the name's after it")
            elif _BRACKETED.search(text, 0, s):
                # "funds holding a mix of altcoins (-$0.4 million)": the figure of the words before
                # the bracket, which name no entity the vocabulary knows
                doubts.append("a bracketed figure of something the vocabulary does not name")
            elif subject is not None and not on_subject and not named_before:
                # a headline about one asset, in an article that names others too: an unnamed figure
                # may be that asset's or the market's
                doubts.append(f"unclear whether it is {subject.key}'s (the headline's) or the market's")
            elif not named_before and len(before_it) == 1 and not reading.total_words.search(head):
                # "Inflows into Bitcoin came to $31 million. Year-to-date inflows stand at $890 million."
                doubts.append(f"unclear whether it is {before_it[0].key}'s (named just before) or the market's")
            elif not named_before and (metric in ("ytd_flow", "aum") or reading.total_words.search(head[-30:])):
                # "year-to-date flows stand at $40 million", "outflows totalled $54 million": the market's
                about, confidence = (subject or _Name(s, s, "total", "all"),), 0.8
            elif sign and not named_before and not named_after and not paragraph_named():
                # "Outflows of $54 million in the week ...": no asset named here or earlier in the paragraph
                about, confidence = (subject or _Name(s, s, "total", "all"),), 0.75
            elif named_after and doubt == "no entity named":
                doubts.append(f"unclear whether it is {named_after[0].key}'s or the market's")
            else:
                doubts.append(doubt)
        elif doubt:
            confidence -= 0.15
        if metric == "ytd_flow" and not sign and reading.level.search(head):
            sign, word, confidence = 1, "", confidence - 0.1  # "year-to-date flows now stand at $40 million"
        if metric in ("net_flow", "ytd_flow") and not sign:
            if last_sign and i and _elliptic(text, spans[i - 1][1], s, names, reading):
                # "Bitcoin funds gathered $1.2 billion and Solana products $96 million": the verb left out
                # is the first one's; "Bitcoin lost $35 million, and XRP gathered $8 million" says its own
                sign, word, confidence = last_sign, last_word, confidence - 0.15
                if out[-1].sentence is sentence and out[-1].metric == "ytd_flow" and metric == "net_flow":
                    metric = "ytd_flow"  # "year-to-date flows stand at $4 billion, with Bitcoin at $3 billion"
            else:
                doubts.append("direction unclear")
        if sign:
            last_sign, last_word = sign, word
        said = (
            entities,
            sign,
            word,
            tuple((n.scope, n.key) for n in about),
            tuple(n.key for n in about if not n.known),
            metric,
            period,
            year if metric == "ytd_flow" else None,
            round(confidence, 2),
            tuple(doubts),
        )
        out.append(_mention(sentence.start + s, sentence.start + e, amount, sentence, said, dated))
    return out, year_of_doc


def _mention(start: int, end: int, amount, sentence: Sentence, said: tuple, dated) -> Mention:
    """A mention from what the reader said of it: entities, sign, sign word, about, unknown,
    metric, period, year, confidence, doubts (the reading memo holds these). Every field is
    given in order, no data matched yet: a record built from positions alone is built fastest."""
    entities, sign, word, about, unknown, metric, period, year, confidence, doubts = said
    return Mention(
        start, end, amount, sentence, entities, sign, word, None, None, None,
        about, unknown, metric, period, dated, year, confidence, doubts,
    )  # fmt: skip


def _tight(text: str, end: int, words: _Words) -> bool:
    """Is a direction noun right after the amount ("$9 million of outflows")?"""
    return words.pattern.match(text, end + len(words.glue.match(text, end).group())) is not None


def _elliptic(text: str, start: int, end: int, names: list[_Name], reading) -> bool:
    """Does the text between two amounts leave the verb out, so the second takes the first's direction?

    With no name between them the second is the same flow compared or continued. A gap that names a
    new subject may hold only names, punctuation and the house style's ``reading.ellipsis`` words
    ("and", "products"); any other word (a verb of its own) means the amount says its own direction."""
    gap = text[start:end]
    inside = [n for n in names if start <= n.start and n.end <= end]
    if not inside:
        return True  # "$57 million, compared with $2.5 million the week before": the same flow
    for n in inside:
        gap = gap[: n.start - start] + " " * (n.end - n.start) + gap[n.end - start :]
    return _ellipsis(reading.ellipsis.pattern).fullmatch(gap) is not None


@cache
def _ellipsis(words: str) -> re.Pattern[str]:
    return re.compile(rf"(?:[\s,，、()（）]|(?:{words})(?![\w-]))*", re.IGNORECASE)


def _previous_names(doc: Document, index: int, vocabulary: Vocabulary, style: HouseStyle) -> list[_Name]:
    """The entities (whole market included) the sentence before names in the same paragraph:
    what "its" may point back to, and what an unnamed figure may be confused with."""
    if index == 0 or doc.sentences[index - 1].block != doc.sentences[index].block:
        return []
    return _names(doc, doc.sentences[index - 1], vocabulary, style)


def _entities_around(names: list[tuple[int, str]], starts: list[int]) -> list[tuple[str, ...]]:
    """Per amount: the names before it, nearest first, then those after it, first first; each once a side.

    Two sweeps keep the last (or first) position of each distinct name, so a
    sentence with thousands of amounts and names costs their count times the
    (small) number of distinct names, not their product.
    """
    before: list[tuple[str, ...]] = []
    last: dict[str, int] = {}
    j = 0
    for start in starts:
        while j < len(names) and names[j][0] < start:
            last[names[j][1]] = names[j][0]
            j += 1
        before.append(tuple(sorted(last, key=lambda k: -last[k])))
    after: list[tuple[str, ...]] = [()] * len(starts)
    first: dict[str, int] = {}
    j = len(names) - 1
    for i in range(len(starts) - 1, -1, -1):
        while j >= 0 and names[j][0] >= starts[i]:
            first[names[j][1]] = names[j][0]
            j -= 1
        after[i] = tuple(sorted(first, key=lambda k: first[k]))
    return [b + a for b, a in zip(before, after, strict=True)]


def _metric_hint(mention: Mention, style: HouseStyle) -> str:
    """Which metric the words around an amount speak of; net flow unless they say otherwise.

    Failing words near it, a phrase opening the sentence before its first comma sets the
    metric of every amount after it ("Year to date, flows stand at ... (A: $30 million;
    B: under $30 million)"): an "under $30 million" that is also true of a tiny weekly total
    is still the year's figure the sentence is about."""
    text = mention.sentence.text
    a = max(0, mention.start - mention.sentence.start - 60)
    b = min(len(text), mention.end - mention.sentence.start + 30)
    metrics = _words_of(style).metrics
    for metric, _plain, fast in metrics:
        if fast.search(text, a, b):
            return metric
    opening = _OPENING.match(text)
    if opening and opening.end() <= mention.start - mention.sentence.start:
        for metric, plain, _fast in metrics:
            if plain.search(opening.group()):
                return metric
    return "net_flow"


_OPENING = re.compile(r"[^,，;；:：]{1,40}[,，]")  # a sentence's opening phrase, up to its comma


def _mentions_total(mention: Mention, style: HouseStyle) -> bool:
    """Does the text around the amount speak of the total (so a named asset may sit beside it)?"""
    text = mention.sentence.text
    a = mention.start - mention.sentence.start
    b = mention.end - mention.sentence.start
    window = (max(0, a - 60), min(len(text), b + 30))
    return _words_of(style).total.search(text, *window) is not None


def _continued(mention: Mention, previous: Mention | None, style: HouseStyle) -> Mention | None:
    """An amount right after a conflict's range, matching one of its sides, is that side
    ("$308 million to $630 million (A: $308 million; C: $630 million)")."""
    if previous is None or previous.figure is None or not previous.figure.is_range:
        return None
    if previous.sentence is not mention.sentence or not isinstance(previous.amount, AmountRange):
        return None
    ok, side = match(mention.amount, previous.figure, style, mention.sign)
    if not ok or side is None:
        return None
    return changed(mention, figure=previous.figure, side=side)


_TOTAL = ("total", "all")


def _matched(
    mention: Mention, facts: LintFacts, style: HouseStyle, scopes: tuple[list[Figure], list[Figure]] | None = None
) -> Mention:
    """Match against the named entities first, then the totals, then (no entity named) the rest.

    Within the first group that has a match, the closest figure wins. ``scopes``: ``_scopes(facts)``,
    worked out once per document by the caller.
    """
    totals, others = scopes or _scopes(facts)
    entities = mention.entities
    named = [f for f in facts.figures if f.key in entities and f.metric == "net_flow"] if entities else []
    by_name = sorted(named, key=lambda f: mention.entities.index(f.key))
    groups = [by_name]
    if mention.about == (_TOTAL,):
        # the reader found the whole market as what the amount is about ("Crypto fund inflows total
        # $X while Germany draws outflows"): a name later in the sentence has its own figures
        groups.insert(0, totals)
    elif not named or _mentions_total(mention, style):
        groups.append(totals)
    if not mention.entities:
        groups.append(others)
    for group in groups:
        hits = [(fig, side) for fig in group for ok, side in [match(mention.amount, fig, style, mention.sign)] if ok]
        if hits:
            # named entities: the nearest name wins; otherwise the metric the words name, then the closest value
            if group is by_name and named:
                fig, side = hits[0]
            else:
                hint = _metric_hint(mention, style)
                fig, side = min(hits, key=lambda h: (h[0].metric != hint, _distance(mention.amount, h[0])))
            return changed(mention, figure=fig, side=side)
    pool = named or list(facts.figures)
    closest = min(pool, key=lambda f: _distance(mention.amount, f)) if pool else None
    return changed(mention, closest=closest)
