"""``re`` patterns compiled when first used, which pickle as their source.

``re`` compiles in Python, and a compiled ``re`` pattern cannot be pickled:
unpickling one compiles it again. So every warm start of the linter paid for
every house-style reading pattern and the vocabulary's name pattern (about
15 ms), although linting without data uses none of them. A ``LazyPattern``
behaves as the compiled pattern for what the package uses (``search``,
``finditer``, ``pattern`` and the rest of the methods), compiles on the first
such use, and pickles as ``(pattern, flags)``. Loaders still compile at load
(``lazy(re.compile(...))``) so a bad regex is reported where it is read.
"""

from __future__ import annotations

import re
from typing import Any

_BOUND = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    """A compiled ``re`` pattern made on first use; after that its methods are the pattern's own."""

    def __init__(self, pattern: str, flags: int = 0, compiled: re.Pattern[str] | None = None) -> None:
        self.pattern = pattern
        self.flags = flags
        if compiled is not None:
            self._bind(compiled)

    def _bind(self, compiled: re.Pattern[str]) -> re.Pattern[str]:
        own = self.__dict__
        own["compiled"] = compiled
        for name in _BOUND:  # instance attributes: a call costs what the pattern's own call costs
            own[name] = getattr(compiled, name)
        own["groups"], own["groupindex"] = compiled.groups, compiled.groupindex
        return compiled

    def __getattr__(self, name: str) -> Any:  # only what is not bound yet
        if name.startswith("__") or "pattern" not in self.__dict__:
            raise AttributeError(name)
        compiled = self.__dict__.get("compiled") or self._bind(re.compile(self.pattern, self.flags))
        return getattr(compiled, name)

    def __reduce__(self) -> tuple[type, tuple[str, int]]:
        return LazyPattern, (self.pattern, self.flags)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LazyPattern) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags!r})"


def lazy(compiled: re.Pattern[str]) -> LazyPattern:
    """``compiled`` (already checked), to be stored as its source and compiled again on first use."""
    return LazyPattern(compiled.pattern, compiled.flags & ~re.UNICODE, compiled)
