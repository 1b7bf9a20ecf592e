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

from writer.lint import cache

# regex's flags (tests/lint/test_startup.py checks them against regex): naming one
# must not import regex, whose parser a warm run never needs
A = ASCII = 0x80
I = IGNORECASE = 0x2  # noqa: E741 - regex's own name
L = LOCALE = 0x4
M = MULTILINE = 0x8
S = DOTALL = 0x10
U = UNICODE = 0x20
X = VERBOSE = 0x40
V1 = VERSION1 = 0x100
W = WORD = 0x800
V0 = VERSION0 = 0x2000
F = FULLCASE = 0x4000
_METACHARS = frozenset("()[]{}?*+|^$\\.-#&~")  # what regex.escape escapes (with white space)

_MAX_STORED = 400  # more than a run compiles; a store grown past it keeps only the last run's
_store: dict[tuple[str, int], Any] | None = None
_used: set[tuple[str, int]] = set()
_changed = False


def _regex() -> Any:
    import regex

    return regex


def __getattr__(name: str) -> Any:  # Pattern, Match, error, ...: regex's own
    if name.startswith("__"):
        raise AttributeError(name)
    return getattr(_regex(), name)


def escape(pattern: str, special_only: bool = True, literal_spaces: bool = False) -> str:
    """``regex.escape`` (its default: special characters only), without importing regex."""
    if not isinstance(pattern, str) or not special_only:
        return _regex().escape(pattern, special_only, literal_spaces)
    return "".join(
        c if c == " " and literal_spaces else "\\" + c if c in _METACHARS or c.isspace() else c for c in pattern
    )


def _name() -> str:
    return "regex-" + cache.key()  # the key covers this package's code and the regex engine


def _loaded() -> dict[tuple[str, int], Any]:
    global _store
    if _store is None:
        stored = cache.load(_name())
        _store = stored if isinstance(stored, dict) else {}
    return _store


def compile(pattern: Any, flags: int = 0, **kwargs: Any) -> Any:
    """``regex.compile``, answered from the store when this pattern was compiled before."""
    global _changed
    if not flags and not kwargs and hasattr(pattern, "finditer"):  # compiled already
        return pattern
    if kwargs or not isinstance(pattern, str):  # named lists, bytes: not stored
        return _regex().compile(pattern, flags, **kwargs)
    key = (pattern, int(flags))
    store = _loaded()
    found = store.get(key)
    if found is None:
        found = store[key] = _regex().compile(pattern, flags)
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
