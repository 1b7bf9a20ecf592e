"""Screen sentences with one google-re2 set before running the full ``regex`` patterns.

Most sentences break no rule, yet each text rule's ``regex`` pattern would
scan all of them. RE2 matches a whole set of patterns in one linear pass, so
each sentence is tested once against every screenable rule, and the full
pattern runs only on the sentences that hit, with the same flags, timeout and
surroundings as before.

A screen may let through too much, never too little: each rule's pattern is
translated (``writer.lint.re2_translate``) to a RE2 pattern that matches a
superset of what it matches. A pattern the translator does not know, or RE2
cannot compile, leaves the rule unscreened: it scans the whole document as
before. Whole-document rules (scope paragraph or document) are never screened.
Set WRITER_NO_SCREEN=1 to turn screening off.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

    import regex

    from writer.lint.document import Document
    from writer.lint.rules import Rule, RuleSet

# kind -> its pattern parameters whose matches must lie inside one sentence
SCREENED: dict[str, tuple[str, ...]] = {
    "forbid": ("patterns",),
    "limit": ("patterns",),
    "causal": ("backward", "forward", "influence", "framings", "as_clauses", "claims"),  # kinds.causal.GROUPS
}
SCREENED_SCOPES = ("sentence", "heading")


class Screen:
    """One RE2 set over the screenable rules of a rule set, and the sentences each rule hit."""

    def __init__(self, rules: RuleSet) -> None:
        import re2

        from writer.lint.re2_translate import Untranslatable, translate

        self.index: dict[tuple[str, str], int] = {}  # (rule id, parameter) -> position in the set
        self.skipped: dict[tuple[str, str], str] = {}  # (rule id, parameter) -> why it scans everything
        options = re2.Options()
        options.never_capture = True
        candidates = re2.Set.SearchSet(options)
        for rule in rules.rules:
            for param in SCREENED.get(rule.kind, ()):
                pattern = rule.compiled.get(param)
                if pattern is None:
                    continue
                if rule.params.get("scope", "sentence") not in SCREENED_SCOPES:
                    self.skipped[rule.id, param] = "whole-document scope"
                    continue
                try:
                    translated = translate(pattern.pattern, bool(pattern.flags & _ignorecase()))
                    self.index[rule.id, param] = candidates.Add(translated)
                except (Untranslatable, re2.error, ValueError) as exc:
                    self.skipped[rule.id, param] = str(exc)
        candidates.Compile()
        self._set = candidates
        self._doc: Document | None = None
        self._hits: dict[int, list[int]] = {}

    def hits(self, doc: Document) -> dict[int, list[int]]:
        """Set position -> indices of the document's sentences where it may match."""
        if self._doc is not doc:
            hits: dict[int, list[int]] = {}
            match = self._set.Match
            for n, sentence in enumerate(doc.sentences):
                for k in match(sentence.text) or ():
                    hits.setdefault(k, []).append(n)
            self._doc, self._hits = doc, hits
        return self._hits

    def finditer(
        self, rule: Rule, doc: Document, timeout: float, param: str = "patterns"
    ) -> Iterator[regex.Match] | None:
        """Matches of a rule's pattern in the sentences its screen hit, or None if it is unscreened.

        Each hit sentence is searched from its start (or the end of the previous
        match, as one pass over the document would) to the end of its block, so
        lookarounds see the same text they would in a whole-document scan.
        """
        k = self.index.get((rule.id, param))
        if k is None:
            return None
        return self._windowed(rule.compiled[param], doc, self.hits(doc).get(k, ()), timeout)

    @staticmethod
    def _windowed(pattern: regex.Pattern, doc: Document, sentence_indices, timeout: float) -> Iterator[regex.Match]:
        from writer.lint.rules import finditer

        last_end = 0
        for n in sentence_indices:
            sentence = doc.sentences[n]
            block = doc.blocks[sentence.block]
            pos = max(sentence.start, last_end)
            if pos >= sentence.end:
                continue
            for m in finditer(pattern, doc.prose, pos, block.end, timeout):
                if m.start() >= sentence.end:
                    break
                last_end = m.end()
                yield m


def _ignorecase() -> int:
    import regex

    return regex.IGNORECASE


_SCREENS: dict[int, tuple[RuleSet, Screen | None]] = {}
# Building the screen (importing re2, compiling the set) costs about what scanning
# 100 kB of prose with the full patterns costs, so a run screens only once it has
# read that much: one article is linted without it, a corpus with it.
SCREEN_AFTER = 100_000
_seen = 0


def screen_for(rules: RuleSet, size: int = SCREEN_AFTER) -> Screen | None:
    """The screen of a rule set, built once per process once ``size`` characters in total
    were linted; None before that, without google-re2, or when WRITER_NO_SCREEN is set."""
    global _seen
    if os.environ.get("WRITER_NO_SCREEN"):
        return None
    entry = _SCREENS.get(id(rules))
    if entry is None:
        _seen += size
        if _seen < SCREEN_AFTER:
            return None
    if entry is None or entry[0] is not rules:
        try:
            screen = Screen(rules)
        except ImportError:
            screen = None
        entry = _SCREENS[id(rules)] = (rules, screen)
    return entry[1]
