"""Rules as the linter holds them, and regex matching under a time budget.

Every match runs under a timeout, so a catastrophic pattern is a load error
(its examples time out) rather than a hang. Loading, validating and
self-testing a rules file is ``writer.lint.rules_load`` (``load_rules``): a
warm ``writer lint`` unpickles its rule set from the cache and never compiles
that code; its names are still importable from here.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from writer.lint import regex_store as regex  # regex, its compiled patterns kept between runs
from writer.lint.fields import DEFAULT_FIELDS
from writer.lint.findings import Finding
from writer.record import dataclass, field  # dataclasses without generated code: fast start-up

MATCH_TIMEOUT = 1.0  # seconds of regex work per pattern per document (and per megabyte of it) while linting
EXAMPLE_TIMEOUT = 0.25  # stricter at load: a pattern this slow on one line is broken


class RegexTimeout(Exception):
    """A rule's pattern took longer than the budget on some text."""


@dataclass(frozen=True)
class Rule:
    id: str
    level: str
    kind: str
    message: str
    params: dict[str, Any]
    examples: dict[str, Any]
    where: tuple[str, int]
    description: str = ""
    compiled: dict[str, regex.Pattern | None] = field(default_factory=dict)
    lang: tuple[str, ...] = ()  # the languages whose articles it reads; empty: every language
    # its kind's, kept on the rule: linting without data then never imports a data kind's module
    needs_data: bool = False

    def applies_to(self, language: str) -> bool:
        return not self.lang or language in self.lang


class Budget:
    """Seconds of regex work per pattern per document, counting only the time inside the regex.

    The linter's own work between matches (and the machine's load while it
    waits) is not charged to a pattern. A search on a text already searched
    is answered from memory, so asking the same question per finding costs
    one search, not one per finding.
    """

    def __init__(self, seconds: float = MATCH_TIMEOUT) -> None:
        self.base = self.seconds = seconds
        self.spent: dict[int, float] = {}
        self._memo: dict[tuple[int, str], regex.Match | None] = {}

    def fit(self, size: int) -> None:
        """A longer document gets a longer budget: one more second of regex work per megabyte."""
        self.seconds = self.base * (1 + size / 1_000_000)

    def left(self, pattern: regex.Pattern) -> float:
        left = self.seconds - self.spent.get(id(pattern), 0.0)
        if left <= 0:
            raise RegexTimeout(pattern.pattern[:60])
        return left

    def charge(self, pattern: regex.Pattern, started: float) -> None:
        self.spent[id(pattern)] = self.spent.get(id(pattern), 0.0) + time.perf_counter() - started

    def search(self, pattern: regex.Pattern, text: str) -> regex.Match | None:
        key = (id(pattern), text)
        if key not in self._memo:
            started = time.perf_counter()
            try:
                self._memo[key] = pattern.search(text, timeout=self.left(pattern))
            except TimeoutError:
                raise RegexTimeout(pattern.pattern[:60]) from None
            finally:
                self.charge(pattern, started)
        return self._memo[key]


def _budget(timeout: float | Budget) -> Budget:
    return timeout if isinstance(timeout, Budget) else Budget(timeout)


def finditer(
    pattern: regex.Pattern,
    text: str,
    pos: int = 0,
    endpos: int | None = None,
    timeout: float | Budget = MATCH_TIMEOUT,
) -> Iterator[regex.Match]:
    """Matches under a time budget; raises RegexTimeout instead of hanging.

    Each search is charged on its own, so what the caller does between
    matches does not count against the pattern.
    """
    budget = _budget(timeout)
    end = len(text) if endpos is None else endpos
    while pos <= end:
        started = time.perf_counter()
        try:
            match = pattern.search(text, pos, end, timeout=budget.left(pattern))
        except TimeoutError:
            raise RegexTimeout(pattern.pattern[:60]) from None
        finally:
            budget.charge(pattern, started)
        if match is None:
            return
        yield match
        pos = match.end() if match.end() > match.start() else match.end() + 1


def search(pattern: regex.Pattern | None, text: str, timeout: float | Budget = MATCH_TIMEOUT) -> regex.Match | None:
    if pattern is None:
        return None
    return _budget(timeout).search(pattern, text)


def first_end(pattern: regex.Pattern, text: str, timeout: float | Budget = MATCH_TIMEOUT) -> int | None:
    """Where the first match in ``text`` ends: "is there a match before offset n", asked per finding,
    is one search per text instead of one search per finding over a growing prefix."""
    match = _budget(timeout).search(pattern, text)
    return None if match is None else match.end()


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    version: str
    path: str
    fields: tuple[str, ...] = DEFAULT_FIELDS  # front-matter fields linted as prose


def make_finding(
    rule: Rule, doc, start: int, end: int, message: str | None = None, suggestion: str | None = None
) -> Finding:
    line, column = doc.position(start)
    end_line, end_column = doc.position(max(start, end - 1))
    return Finding(
        path=doc.path,
        line=line,
        column=column,
        level=rule.level,
        rule=rule.id,
        message=message or rule.message,
        suggestion=rule.params.get("suggestion", "") if suggestion is None else suggestion,
        end_line=end_line,
        end_column=end_column + 1,
        excerpt=doc.source[start:end][:120],
    )


_LOADERS = ("load_rules", "example_facts", "ExampleFacts", "TOP_LEVEL")


def __getattr__(name: str) -> Any:
    """The loaders by their old names (``writer.lint.rules_load``), compiled only when used."""
    if name in _LOADERS:
        from writer.lint import rules_load

        return getattr(rules_load, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
