"""Python-Markdown's inline pass, with a pattern skipped when its expression finds nothing.

Python-Markdown tries each of its 14 inline patterns on each text node in
Python code (a registry look-up, an ancestor check, a ``finditer``), some 230
tries per article, and almost none match. Here a pattern's own compiled
expression is searched first (in C); when it finds nothing from that position,
the library's ``finditer`` would have found nothing either, so the try is
skipped with the library's own "no match" outcome. The code-span and link patterns
start with a look-behind, which makes ``re`` try every position; Markdown's syntax
gives each a character it cannot match without (a backtick, a "["), so a
``str.find`` for it comes first. Whatever matches still goes through the
library's code: the HTML is the library's, byte for byte.

The override hooks a private method of ``markdown.treeprocessors.InlineProcessor``;
``quick_inline`` leaves the library's pass in place when that method is not there.
"""

from __future__ import annotations

import markdown
from markdown import inlinepatterns, treeprocessors, util

_HOOK = "_InlineProcessor__handleInline"
_APPLY = "_InlineProcessor__applyPattern"
# the library's expressions (by their names in markdown.inlinepatterns) and a character each
# needs at or after the start of its match: a code span needs a backtick, a link a "["
_NEEDS = {"BACKTICK_RE": "`", "REFERENCE_RE": "[", "LINK_RE": "["}


def _needs(expression: str) -> str:
    """The character an expression of the library cannot match without ("" when none is known)."""
    return next((c for name, c in _NEEDS.items() if getattr(inlinepatterns, name, None) == expression), "")


class QuickInline(treeprocessors.InlineProcessor):
    """The inline tree processor over a fixed tuple of patterns, skipping those that cannot match."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.patterns = tuple(md.inlinePatterns)  # the converter's extensions are fixed once built
        # a pattern of the new style is tried by finditer from the start index: it can be searched first
        new = [p.getCompiledRegExp() if isinstance(p, inlinepatterns.InlineProcessor) else None for p in self.patterns]
        self.quick = tuple(e.search if e else None for e in new)
        self.needs = tuple(_needs(e.pattern) if e else "" for e in new)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        """The library's loop (same arguments, same result), with the search done first."""
        if isinstance(data, util.AtomicString):
            return data
        apply = getattr(self, _APPLY)
        patterns, quick, needs = self.patterns, self.quick, self.needs
        start = 0
        while patternIndex < len(patterns):
            search, needed = quick[patternIndex], needs[patternIndex]
            if search is not None and ((needed and data.find(needed, start) < 0) or search(data, start) is None):
                patternIndex, start = patternIndex + 1, 0  # what an unmatched try returns
                continue
            data, matched, start = apply(patterns[patternIndex], data, patternIndex, start)
            if not matched:
                patternIndex += 1
        return data


def quick_inline(md: markdown.Markdown) -> markdown.Markdown:
    """The converter with its inline pass replaced by ``QuickInline`` (same priority, same name),
    when this version of the library has the method it overrides."""
    if hasattr(treeprocessors.InlineProcessor, _HOOK) and hasattr(treeprocessors.InlineProcessor, _APPLY):
        priority = next(item.priority for item in md.treeprocessors._priority if item.name == "inline")
        md.treeprocessors.register(QuickInline(md), "inline", priority)
    return md
