"""A money amount in prose, as the figure rules see it, and the amounts of a document.

Linting without data needs only where the amounts are; the reader of figures
(``writer.lint.mentions``: entity, direction, metric, period, the match to the
data) is a large module, so it is imported only when a week's data is given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from writer.record import dataclass  # dataclasses without generated code: fast start-up

if TYPE_CHECKING:
    from writer.figures import Figure, Side
    from writer.housestyle import HouseStyle
    from writer.lint.document import Document, Sentence
    from writer.money import Amount, AmountRange


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
    # what the reader makes of the amount on its own, without data (extract uses these)
    about: tuple[tuple[str, str], ...] = ()  # (scope, key) it is about: ("total", "all"), or several with "each"
    unknown: tuple[str, ...] = ()  # names in `about` the vocabulary does not know, as written
    metric: str = "net_flow"  # net_flow, ytd_flow, aum, or not_flow
    period: str = "week"  # week, previous (the week before), earlier, earlier_year, cumulative, daily
    dated: tuple[int, int, int] | None = None  # (month, day, days to the week's end) of a week named by date
    year: int | None = None  # the calendar year a year's flow is said to cover ("in 2025")
    confidence: float = 1.0
    doubts: tuple[str, ...] = ()  # why the reader is unsure; a mention with doubts is never a row


def changed(mention: Mention, **changes: object) -> Mention:
    """A copy of a mention with some fields changed: the reader makes one per amount matched
    to the data, so its fields are copied as they are (the names are the class's own, and a
    mention has no ``__post_init__``), not checked one by one as ``Mention(**fields)`` would."""
    copy = object.__new__(Mention)
    fields = copy.__dict__
    fields.update(mention.__dict__)
    fields.update(changes)
    return copy


def amounts(doc: Document, style: HouseStyle) -> list[Mention]:
    """Every money amount of a document with its sentence, read without the week's data."""
    return [
        Mention(sentence.start + s, sentence.start + e, a, sentence, (), 0, "")
        for sentence in doc.sentences
        if style.may_hold_amount(sentence.text)  # e.g. no "$" (en) or "美元" (zh): no amount
        for s, e, a in style.find_amounts(sentence.text)
    ]
