"""A memo of the reader's decisions per sentence, for drafts that repeat their words week after week.

The drafts of a backfill come from one set of templates: a sentence comes back
every week with only its amounts changed ("Bitcoin saw inflows of $41 million").
The reader's decisions on such a sentence (entities, direction, metric, period,
confidence, doubts) depend on its words, never on the digits of its amounts, so
``writer.lint.mentions`` keys them on the sentence's *skeleton* (each ASCII digit
inside an amount's span made "0", so every length and offset stays the same) plus
every other input the reading takes, and reads the amounts themselves fresh.

That is sound only when no pattern that sees an amount's characters tells one
digit from another; ``digit_blind`` checks a pattern's source for that, and the
reader disables the memo for a house style whose patterns fail it. The memo is
bounded (cleared when full), held per (house style, vocabulary) identity, and can
be switched off (``set_enabled``) so tests can compare its readings with a fresh one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Hashable, Sequence

from writer.regex_guard import guarded

_ENABLED = True
_MEMOS: dict[tuple[int, int], tuple[object, object, Memo | None]] = {}  # (id(style), id(vocabulary)) -> held
MAX_MEMOS = 8  # house styles x vocabularies remembered at once
MAX_ENTRIES = 8_192  # sentences remembered per memo
LONGEST = 1_000  # characters: a longer sentence (a hostile document) is read each time, never held

_ASCII_DIGITS = str.maketrans("123456789", "000000000")
# what may hold a digit without naming one: \d and other class escapes, and {m,n} quantifiers
_NOT_A_DIGIT = re.compile(r"\\[dDwWsSbBAZ]|\{\d*(?:,\d*)?\}|\(\?P<\w+>")
_CLASS = re.compile(r"\[\^?\]?(?:\\.|[^\]\\])*\]")  # a character class, "[A-Z0-9]"


class Memo:
    """Bounded answers for one (house style, vocabulary)."""

    def __init__(self, digit_names: re.Pattern[str] | None) -> None:
        self.entries: dict[Hashable, object] = {}
        self.hits = 0  # answers given from memory (tests check the memo is used at all)
        self._digit_names = digit_names

    def get(self, key: Hashable) -> object | None:
        held = self.entries.get(key)
        if held is not None:
            self.hits += 1
        return held

    def put(self, key: Hashable, value: object) -> None:
        if len(self.entries) >= MAX_ENTRIES:
            self.entries.clear()
        self.entries[key] = value

    def digit_name(self, text: str) -> bool:
        """Might a name with digits ("21Shares") stand in the sentence, its digits perhaps an amount's?"""
        return self._digit_names is not None and self._digit_names.search(text) is not None

    def skeleton(self, text: str, found: Sequence[tuple[int, int, object]]) -> str | None:
        """``skeleton``, or None (never remembered) for a sentence where a name with digits may stand."""
        return None if self.digit_name(text) else skeleton(text, found)


def set_enabled(on: bool) -> None:
    """Switch the memo on or off (tests read with it and without it and compare)."""
    global _ENABLED
    _ENABLED = on
    clear()


def clear() -> None:
    _MEMOS.clear()


def hits() -> int:
    """Answers given from memory by every memo held now."""
    return sum(held[2].hits for held in _MEMOS.values() if held[2] is not None)


def memo_for(style: object, vocabulary, blind: Callable[[], bool]) -> Memo | None:
    """The memo of a house style and vocabulary; None when switched off or when ``blind()``
    says the style's patterns tell digits apart. The pair is held, so its ids stay its own."""
    if not _ENABLED:
        return None
    key = (id(style), id(vocabulary))
    held = _MEMOS.get(key)
    if held is None or held[0] is not style or held[1] is not vocabulary:
        if len(_MEMOS) >= MAX_MEMOS:
            _MEMOS.clear()
        memo = Memo(_digit_names(vocabulary)) if blind() else None
        held = _MEMOS[key] = (style, vocabulary, memo)
    return held[2]


def _digit_names(vocabulary) -> re.Pattern[str] | None:
    """Every spelling of the vocabulary that holds a digit, each digit as any digit."""
    spellings = {name for names in vocabulary.names.values() for name in names if any(c.isdigit() for c in name)}
    if not spellings:
        return None
    parts = sorted((re.sub(r"\\?\d", r"\\d", re.escape(name)) for name in spellings), key=len, reverse=True)
    return guarded(re.compile("|".join(parts), re.IGNORECASE))


def digit_blind(source: str) -> bool:
    """Does a pattern match a digit only as any digit (``\\d``, ``\\w``, ``.``, ``[0-9]``), never a given one?

    Conservative: any digit left in the source once class escapes and quantifiers are
    taken out (a literal, a range end, a back-reference, an escape by code) fails, and so
    does ``\\N{...}``.
    """
    # every digit or none: a class's "0-9" is any digit
    source = _CLASS.sub(lambda m: m.group().replace("0-9", ""), source)
    rest = _NOT_A_DIGIT.sub("", source)
    return not any(c.isdigit() for c in rest) and "\\N" not in rest


def skeleton(text: str, found: Sequence[tuple[int, int, object]]) -> str | None:
    """The text with every ASCII digit inside an amount's span made "0"; None when the
    sentence is too long to hold or an amount holds another script's digit."""
    if len(text) > LONGEST:
        return None
    parts = []
    at = 0
    for start, end, _ in found:
        if start < at:
            return None  # amounts overlap: not the shape the reader expects, read it fresh
        amount = text[start:end]
        masked = amount.translate(_ASCII_DIGITS)
        if not masked.isascii() and any(c.isdigit() and c != "0" for c in masked):
            return None
        parts += [text[at:start], masked]
        at = end
    parts.append(text[at:])
    return "".join(parts)


def spans(found: Sequence[tuple[int, int, object]]) -> tuple[tuple[int, int], ...]:
    return tuple((start, end) for start, end, _ in found)


def shapes(found: Sequence[tuple[int, int, object]]) -> tuple[tuple[int, int, str], ...]:
    """Where each amount stands and its kind (one amount or a range), its value left out."""
    return tuple((start, end, type(amount).__name__) for start, end, amount in found)


def names_within(doc, sentence) -> tuple[tuple[int, int], ...]:
    """The publication names (``Document.names``) that touch a sentence, relative to its start."""
    names = doc.names
    if not names:
        return ()
    lo = sentence.start
    hi = sentence.start + max(len(sentence.text), sentence.end - sentence.start)
    i = max(0, bisect.bisect_left(names, (lo, -1)) - 1)
    out = []
    while i < len(names) and names[i].start <= hi:
        if names[i].end >= lo:
            out.append((names[i].start - lo, names[i].end - lo))
        i += 1
    return tuple(out)


def overlaps(names: Sequence, found: Sequence[tuple[int, int, object]]) -> bool:
    """Does a name found in a sentence overlap one of its amounts?"""
    return any(n.start < end and start < n.end for n in names for start, end, _ in found)
