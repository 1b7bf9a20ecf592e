"""Reconciled figures as plain dataclasses, free of pandas.

The linter and the rules' own examples use these without loading the data
layer; the data layer produces them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Side:
    """One position in a conflict: a value and who reported it."""

    value: float
    bound: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Figure:
    """A reconciled figure: value or range, bound, status and who reported it."""

    scope: str
    key: str
    metric: str
    value: float | None
    low: float
    high: float
    precision: float
    bound: str
    status: str
    sources: tuple[str, ...]
    sides: tuple[Side, ...] = ()
    repeated_from: str | None = None  # source whose previous-week figure this repeats

    @property
    def is_range(self) -> bool:
        return self.status == "conflicting"

    @property
    def flagged(self) -> bool:
        return self.status != "verified" or self.repeated_from is not None

    @property
    def sign(self) -> int:
        v = self.high if self.value is None else self.value
        return (v > 0) - (v < 0)

    @property
    def name(self) -> str:
        return self.key if self.scope != "total" else "all digital asset investment products"
