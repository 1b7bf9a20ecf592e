"""The vocabulary's names in prose, tried only where a name's first two characters stand.

``Vocabulary.mention_pattern`` is one alternation of every spelling the vocabulary
knows (a hundred or so), and Python's ``re`` tries each alternative at every word
that starts with a letter some name starts with: most words of a sentence. Here the
same pattern is split by the first two characters of its alternatives: at a word
start only the alternatives that can begin with the two characters found there are
tried, in their order in the pattern, with the same edges. An alternative left out
cannot match there, so each match is the one the whole pattern gives.

Exactness rests on the pattern's shape, checked when the scan is built: the vocabulary's
``(?<![\\w.])(?P<name>A|B|...)(?![\\w])`` with each alternative a spelling, escaped, in
``(?i:...)`` or not. Any other pattern (the unbounded one of a language written without
spaces, a vocabulary built another way) is scanned as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from writer.regex_guard import first_class, guarded

_BEFORE = r"(?<![\w.])(?P<name>"
_AFTER = r")(?![\w])"
_KEYS_HELD = 4_096  # two-character keys whose alternatives are remembered


class NameScan:
    """``finditer`` and ``search`` of a vocabulary's mention pattern (see the module)."""

    def __init__(self, pattern, names: set[str]) -> None:
        self.pattern = guarded(pattern)
        self._flags = pattern.flags
        self._parts = _alternatives(pattern.pattern, names)
        first = first_class(pattern) if self._parts is not None else None
        self._starts = re.compile(rf"(?<![\w.])(?={first})", self._flags) if first else None
        self._subs: dict[str, re.Pattern[str] | None] = {}

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """The matches ``pattern.finditer(text, pos, endpos)`` gives (groups other than ``name`` aside)."""
        end = len(text) if endpos is None else max(0, min(endpos, len(text)))
        if self._starts is None:
            yield from self.pattern.finditer(text, pos, end)
            return
        last = pos
        for start in self._starts.finditer(text, pos, end):
            at = start.start()
            if at < last:
                continue
            sub = self._sub(text[at : min(at + 2, end)])
            if sub is None:
                continue
            m = sub.match(text, at, end)
            if m is not None:
                yield m
                last = m.end()  # never empty: every spelling has a character

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)

    def _sub(self, key: str) -> re.Pattern[str] | None:
        """The alternatives that may match where ``key`` stands, in order, as one pattern; None if none."""
        if key in self._subs:
            return self._subs[key]
        assert self._parts is not None
        bodies = [body for name, body, folded in self._parts if _may_begin(name, folded, key)]
        sub = re.compile(_BEFORE + "|".join(bodies) + _AFTER, self._flags) if bodies else None
        if len(self._subs) >= _KEYS_HELD:
            self._subs.clear()
        self._subs[key] = sub
        return sub


def _may_begin(name: str, folded: bool, key: str) -> bool:
    """Can spelling ``name`` match text that begins with ``key`` (its next two characters, fewer at the end)?

    Conservative: under ``(?i:...)`` characters outside ASCII (whose case folds ``re`` may
    pair with ASCII ones, "K" and the Kelvin sign) always may."""
    k = min(2, len(name))
    if len(key) < k:
        return False  # the text ends before the name could
    head, seen = name[:k], key[:k]
    if not folded:
        return head == seen
    if not (head.isascii() and seen.isascii()):
        return True
    return head.lower() == seen.lower()


def _alternatives(source: str, names: set[str]) -> list[tuple[str, str, bool]] | None:
    """(spelling, its body in the pattern, whether case is ignored) of each alternative, in
    order; None when the pattern is not one alternation of the spellings between the edges."""
    if not (source.startswith(_BEFORE) and source.endswith(_AFTER)) or not names or "" in names:
        return None
    inner = source[len(_BEFORE) : -len(_AFTER)]
    bodies: dict[str, tuple[str, bool]] = {}
    for name in names:
        bodies[re.escape(name)] = (name, False)
        bodies[f"(?i:{re.escape(name)})"] = (name, True)
    parts: list[tuple[str, str, bool]] = []
    at = 0
    while at <= len(inner):
        fits = [
            body
            for body in bodies
            if inner.startswith(body, at) and (at + len(body) == len(inner) or inner[at + len(body)] == "|")
        ]
        if len(fits) != 1:
            return None  # not a spelling, or two readings of the source: scan with the whole pattern
        name, folded = bodies[fits[0]]
        parts.append((name, fits[0], folded))
        at += len(fits[0]) + 1
    if "|".join(body for _, body, _ in parts) != inner:
        return None
    return parts
