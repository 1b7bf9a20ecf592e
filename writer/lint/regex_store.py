"""The ``regex`` module, with the patterns a lint run compiles kept for the next run.

``regex`` parses a pattern in Python, so the linter's own patterns (the clause
analysis, the speaker and source grammars) cost milliseconds each to compile at
every start-up, more than linting an article. Its compiled patterns pickle to
their compiled code, so this module keeps them in the signed rule cache
(``writer.lint.cache``: a private folder, a per-user MAC) and the next run
loads them instead of parsing. A module that reads ``from writer.lint import
regex_store as regex`` gets the same patterns and functions as ``regex``;
only where they come from differs. The stored set is keyed by this package's
code and the ``regex`` version, so a change to either compiles afresh.
"""

from __future__ import annotations

from typing import Any

import regex as _regex
from regex import *  # noqa: F403 - everything but compiling is regex's own

from writer.lint import cache

_MAX_STORED = 400  # more than a run compiles; a store grown past it keeps only the last run's
_store: dict[tuple[str, int], Any] | None = None
_used: set[tuple[str, int]] = set()
_changed = False


def _name() -> str:
    return "regex-" + cache.key(_regex.__version__)


def _loaded() -> dict[tuple[str, int], Any]:
    global _store
    if _store is None:
        stored = cache.load(_name())
        _store = stored if isinstance(stored, dict) else {}
    return _store


def compile(pattern: Any, flags: int = 0, **kwargs: Any) -> Any:
    """``regex.compile``, answered from the store when this pattern was compiled before."""
    global _changed
    if isinstance(pattern, _regex.Pattern):
        return pattern
    if kwargs or not isinstance(pattern, str):  # named lists, bytes: not stored
        return _regex.compile(pattern, flags, **kwargs)
    key = (pattern, int(flags))
    store = _loaded()
    found = store.get(key)
    if found is None:
        found = store[key] = _regex.compile(pattern, flags)
        _changed = True
    _used.add(key)
    return found


def match(pattern: Any, string: str, flags: int = 0, **kwargs: Any) -> Any:
    return compile(pattern, flags).match(string, **kwargs)


def fullmatch(pattern: Any, string: str, flags: int = 0, **kwargs: Any) -> Any:
    return compile(pattern, flags).fullmatch(string, **kwargs)


def search(pattern: Any, string: str, flags: int = 0, **kwargs: Any) -> Any:
    return compile(pattern, flags).search(string, **kwargs)


def findall(pattern: Any, string: str, flags: int = 0, **kwargs: Any) -> Any:
    return compile(pattern, flags).findall(string, **kwargs)


def finditer(pattern: Any, string: str, flags: int = 0, **kwargs: Any) -> Any:
    return compile(pattern, flags).finditer(string, **kwargs)


def split(pattern: Any, string: str, maxsplit: int = 0, flags: int = 0, **kwargs: Any) -> Any:
    return compile(pattern, flags).split(string, maxsplit, **kwargs)


def sub(pattern: Any, repl: Any, string: str, count: int = 0, flags: int = 0, **kwargs: Any) -> Any:
    return compile(pattern, flags).sub(repl, string, count, **kwargs)


def save() -> None:
    """Keep what this run compiled for the next one (nothing to do when it compiled nothing new)."""
    global _changed
    if not _changed or _store is None:
        return
    kept = _store if len(_store) <= _MAX_STORED else {k: _store[k] for k in _used}
    cache.store(_name(), kept)
    _changed = False
