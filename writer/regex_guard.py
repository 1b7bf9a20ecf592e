"""A cheaper equivalent of a large alternation: the same pattern behind a look-ahead for its first character.

Python's ``re`` tries every alternative of a pattern at every position of the text;
with ``IGNORECASE`` not even the first letter of an alternative is checked quickly. The
reader of figures runs several such patterns (direction words, whole-market subjects,
the vocabulary's names, the money codec's amounts) over every sentence that holds an amount. ``guarded(p)`` is
``(?=[F])(?:p)`` where F holds every character a match of ``p`` can begin with (case
variants included): at each position the match is the same, since the look-ahead
consumes nothing and passes wherever ``p`` can match, so ``search``, ``match``,
``finditer`` (with ``pos`` and ``endpos``) give the same results, only faster at the
places no match can start. When F cannot be worked out for sure (a pattern that can
match the empty string, a back-reference, a negated class, any character), the
pattern is returned unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_WIDEST_RANGE = 256  # characters; a wider range in a first class is kept as a range
_CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\d",
    _c.CATEGORY_WORD: r"\w",
    _c.CATEGORY_SPACE: r"\s",
}


class _Unsure(Exception):
    """The first characters cannot be said for sure: leave the pattern as it is."""


_HELD: dict[int, tuple[object, object]] = {}  # id(pattern) -> (pattern, its guarded form): asked per sentence
_HELD_MAX = 512


def guarded(pattern):
    """``pattern`` (a compiled or lazy ``re`` pattern), or an equivalent that fails fast where no
    match can start (see the module)."""
    held = _HELD.get(id(pattern))
    if held is not None and held[0] is pattern:
        return held[1]
    source, flags = getattr(pattern, "pattern", None), getattr(pattern, "flags", None)
    fast = pattern
    if isinstance(source, str) and isinstance(flags, int):
        fast = _guarded(source, flags) or pattern
    if len(_HELD) >= _HELD_MAX:
        _HELD.clear()
    _HELD[id(pattern)] = (pattern, fast)  # the pattern is held, so its id stays its own
    return fast


def first_class(pattern) -> str | None:
    """A class ("(?i:[...])") holding every character a match of ``pattern`` can begin with; None when unsure."""
    return _first_class(pattern.pattern, pattern.flags)


@lru_cache(maxsize=64)
def _first_class(source: str, flags: int) -> str | None:
    try:
        items, nullable = _first(_p.parse(source, flags))
    except (_Unsure, re.error, RecursionError):
        return None
    if nullable or not items:
        return None
    return f"(?i:[{''.join(sorted(items))}])"


@lru_cache(maxsize=64)
def _guarded(source: str, flags: int) -> re.Pattern[str] | None:
    first = _first_class(source, flags)
    if first is None:
        return None
    try:
        return re.compile(f"(?={first})(?:{source})", flags)
    except re.error:  # e.g. global inline flags that must stay first
        return None


def _first(seq) -> tuple[set[str], bool]:
    """Class items (escaped) a match of this sequence may begin with, and whether it may be empty."""
    out: set[str] = set()
    for op, av in seq:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # takes no character: the next item holds the first one
        if op is _c.LITERAL:
            out.add(_escaped(av))
            return out, False
        if op is _c.IN:
            out |= _class(av)
            return out, False
        if op is _c.SUBPATTERN:
            first, nullable = _first(av[-1])
        elif op is _c.BRANCH:
            first, nullable = set(), False
            for alternative in av[1]:
                f, n = _first(alternative)
                first |= f
                nullable = nullable or n
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            low, _high, inner = av
            first, nullable = _first(inner)
            nullable = nullable or low == 0
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            first, nullable = _first(av)
        else:  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, CATEGORY at top level ...
            raise _Unsure(op)
        out |= first
        if not nullable:
            return out, False
    return out, True


def _class(items) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(_escaped(av))
        elif op is _c.RANGE:
            low, high = av
            out.add(f"{_escaped(low)}-{_escaped(high)}")
        elif op is _c.CATEGORY and av in _CATEGORIES:
            out.add(_CATEGORIES[av])
        else:  # NEGATE, other categories
            raise _Unsure(op)
    return out


def _escaped(code: int) -> str:
    return re.escape(chr(code)) if chr(code) not in "-]\\^" else "\\" + chr(code)
