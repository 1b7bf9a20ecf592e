"""The RE2 screen of a rule set (see ``writer.lint.screen``, which builds it when a run screens)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from writer.lint.screen import SCREENED, SCREENED_SCOPES

if TYPE_CHECKING:
    from collections.abc import Iterator

    import regex

    from writer.lint.document import Document
    from writer.lint.rules import Rule, RuleSet


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
