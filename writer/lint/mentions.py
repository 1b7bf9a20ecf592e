"""Money figures found in prose, each matched against the week's data.

The figure finder is ``money.find_amounts``, the same code that reads back what
the writer formats. A mention is matched to a figure when the interval the
text allows (its precision and hedge) is true of the figure: "over $1 billion"
needs a figure that cannot be 1,000 or less.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from writer.entities import Vocabulary
from writer.figures import Figure, Side
from writer.housestyle import HouseStyle
from writer.lint.document import Document, Sentence
from writer.money import Amount, AmountRange

INF = float("inf")


class LintFacts(Protocol):
    """What the figure rules need of a week: WeekFacts satisfies it, so do rule examples."""

    figures: tuple[Figure, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    amount: Amount | AmountRange
    sentence: Sentence
    entities: tuple[str, ...]  # canonical names mentioned in the sentence, nearest before first
    sign: int  # direction the prose gives the amount: -1 outflow, 1 inflow, 0 unsaid
    sign_word: str
    figure: Figure | None = None
    side: Side | None = None  # one side of a conflict, when a single amount matched it
    closest: Figure | None = None


def figure_amount(fig: Figure) -> Amount:
    """A reconciled (non-conflicting) figure as the amount its data state."""
    return Amount(abs(fig.point), fig.precision, fig.bound)


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


def match(amount: Amount | AmountRange, fig: Figure, style: HouseStyle) -> tuple[bool, Side | None]:
    """Is this text true of this figure? For a single amount against a conflict, which side."""
    tolerance = style.relative_tolerance
    if isinstance(amount, AmountRange):
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
        for side in fig.sides:
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


def _direction(
    sentence: Sentence, start: int, end: int, prev_end: int, next_start: int, style: HouseStyle
) -> tuple[int, str]:
    """The direction the prose gives an amount.

    A direction noun right after the amount binds tightest ("$1 billion net
    outflow"); otherwise the nearest word before it in its clause ("a net inflow
    of $33.5 million"), then the nearest after it.
    """
    base = sentence.start
    text = sentence.text
    lo = max(prev_end, base)
    clause_lo = max(text.rfind(";", 0, start - base), text.rfind(":", 0, start - base))
    if clause_lo >= 0:
        lo = max(lo, base + clause_lo)
    hi = min(next_start, sentence.end, end + 40)
    semi = text.find(";", end - base)
    if semi >= 0:
        hi = min(hi, base + semi)
    words = style.direction_pattern()
    tight = words.match(text, end - base + len(_glue(style.direction_glue).match(text, end - base).group()))
    if tight and tight.start() < hi - base:
        return (-1 if tight.group("out") else 1), tight.group()
    before = [m for m in words.finditer(text, lo - base, start - base)]
    if before:
        m = before[-1]
        return (-1 if m.group("out") else 1), m.group()
    after = words.search(text, end - base, max(end - base, hi - base))
    if after:
        return (-1 if after.group("out") else 1), after.group()
    return 0, ""


@cache
def _glue(glue: tuple[str, ...]) -> re.Pattern[str]:
    """What may stand between an amount and its direction noun ("$1 billion in net outflows")."""
    words = "|".join(re.escape(w) for w in glue) or "(?!)"
    return re.compile(rf"[\s\"”’)]*(?:(?:{words})\s+)*", re.IGNORECASE)


def find_mentions(doc: Document, style: HouseStyle, vocabulary: Vocabulary, facts: LintFacts | None) -> list[Mention]:
    """Every money amount in the prose, with its entity, direction and matched figure."""
    entity_re = vocabulary.mention_pattern if style.word_boundary else vocabulary.unbounded_pattern
    out: list[Mention] = []
    for sentence in doc.sentences:
        if "$" not in sentence.text:  # every amount the finder reads has a dollar sign
            continue
        found = style.find_amounts(sentence.text)
        if not found:
            continue
        if facts is None:  # without data only the amounts and their sentences are used
            out.extend(Mention(sentence.start + s, sentence.start + e, a, sentence, (), 0, "") for s, e, a in found)
            continue
        names = [
            (m.start(), vocabulary.lookup(m.group("name")))
            for m in entity_re.finditer(sentence.text)
            if not doc.in_name(sentence.start + m.start(), sentence.start + m.end())
        ]
        around = _entities_around([(p, key[1]) for p, key in names if key], [s for s, _, _ in found])
        for i, (s, e, amount) in enumerate(found):
            entities = around[i]
            prev_end = sentence.start + (found[i - 1][1] if i else 0)
            next_start = sentence.start + (found[i + 1][0] if i + 1 < len(found) else len(sentence.text))
            sign, word = _direction(sentence, sentence.start + s, sentence.start + e, prev_end, next_start, style)
            mention = Mention(sentence.start + s, sentence.start + e, amount, sentence, entities, sign, word)
            previous = out[-1] if i and out else None
            out.append(_continued(mention, previous, style) or _matched(mention, facts, style))
    return out


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
    """Which metric the words around an amount speak of; net flow unless they say otherwise."""
    text = mention.sentence.text
    a = max(0, mention.start - mention.sentence.start - 60)
    b = min(len(text), mention.end - mention.sentence.start + 30)
    for metric, words in style.metric_words.items():
        if style.phrases(words).search(text, a, b):
            return metric
    return "net_flow"


def _mentions_total(mention: Mention, style: HouseStyle) -> bool:
    """Does the text around the amount speak of the total (so a named asset may sit beside it)?"""
    text = mention.sentence.text
    a = mention.start - mention.sentence.start
    b = mention.end - mention.sentence.start
    return style.phrases(style.total_words).search(text, max(0, a - 60), min(len(text), b + 30)) is not None


def _continued(mention: Mention, previous: Mention | None, style: HouseStyle) -> Mention | None:
    """An amount right after a conflict's range, matching one of its sides, is that side
    ("$308 million to $630 million (A: $308 million; C: $630 million)")."""
    if previous is None or previous.figure is None or not previous.figure.is_range:
        return None
    if previous.sentence is not mention.sentence or not isinstance(previous.amount, AmountRange):
        return None
    ok, side = match(mention.amount, previous.figure, style)
    if not ok or side is None:
        return None
    return Mention(**{**mention.__dict__, "figure": previous.figure, "side": side})


def _matched(mention: Mention, facts: LintFacts, style: HouseStyle) -> Mention:
    """Match against the named entities first, then the totals, then (no entity named) the rest.

    Within the first group that has a match, the closest figure wins.
    """
    named = [f for f in facts.figures if f.key in mention.entities and f.metric == "net_flow"]
    totals = [f for f in facts.figures if f.scope == "total"]
    groups = [sorted(named, key=lambda f: mention.entities.index(f.key))]
    if not named or _mentions_total(mention, style):
        groups.append(totals)
    if not mention.entities:
        groups.append([f for f in facts.figures if f.scope != "total"])
    for n, group in enumerate(groups):
        hits = [(fig, side) for fig in group for ok, side in [match(mention.amount, fig, style)] if ok]
        if hits:
            # named entities: the nearest name wins; otherwise the metric the words name, then the closest value
            hint = _metric_hint(mention, style)
            fig, side = (
                hits[0]
                if n == 0 and named
                else min(hits, key=lambda h: (h[0].metric != hint, _distance(mention.amount, h[0])))
            )
            return Mention(**{**mention.__dict__, "figure": fig, "side": side})
    pool = named or list(facts.figures)
    closest = min(pool, key=lambda f: _distance(mention.amount, f)) if pool else None
    return Mention(**{**mention.__dict__, "closest": closest})
