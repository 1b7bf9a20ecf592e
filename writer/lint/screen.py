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
Set WRITER_NO_SCREEN=1 to turn screening off. The screen itself is
``writer.lint.screen_set``, imported only when a run screens (one article never does).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from writer.lint.rules import RuleSet
    from writer.lint.screen_set import Screen

# kind -> its pattern parameters whose matches must lie inside one sentence
SCREENED: dict[str, tuple[str, ...]] = {
    "forbid": ("patterns",),
    "limit": ("patterns",),
    "causal": ("backward", "forward", "influence", "framings", "as_clauses", "claims"),  # kinds.causal.GROUPS
}
SCREENED_SCOPES = ("sentence", "heading")


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
            from writer.lint.screen_set import Screen  # compiled only when a run screens

            screen = Screen(rules)
        except ImportError:
            screen = None
        entry = _SCREENS[id(rules)] = (rules, screen)
    return entry[1]


def __getattr__(name: str) -> Any:
    """``Screen`` by its old name (``writer.lint.screen_set``)."""
    if name == "Screen":
        from writer.lint.screen_set import Screen

        return Screen
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
