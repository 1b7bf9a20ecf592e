"""Reconciled figures as plain dataclasses, free of pandas.

The linter and the rules' own examples use these without loading the data
layer; the data layer produces them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from writer.housestyle import HouseStyle


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
    shown_precision: float = 0.0  # the precision every agreeing source printed (0: house style)

    @property
    def is_range(self) -> bool:
        return self.status == "conflicting"

    @property
    def straddles(self) -> bool:
        """A conflict whose sides do not share one sign (an outflow against an inflow, or flat):
        the data establish no direction and no range of magnitudes, only each side as reported."""
        return self.is_range and len({(s.value > 0) - (s.value < 0) for s in self.sides}) > 1

    @property
    def flagged(self) -> bool:
        return self.status != "verified" or self.repeated_from is not None

    @property
    def point(self) -> float:
        """The one number of a figure (its value, or a conflict's larger end): direction, size
        order, the amount printed and the linter's nearest figure all read this."""
        return self.high if self.value is None else self.value

    @property
    def sign(self) -> int:
        return (self.point > 0) - (self.point < 0)

    @property
    def open_ends(self) -> tuple[bool, bool]:
        """Is a conflict's range open below (a side reported as "under X") or above ("over X")?

        Then no "X to Y" range is true of it: "under $1.65 billion" may be far less than $1.65 billion."""
        return any(s.bound == "under" for s in self.sides), any(s.bound == "over" for s in self.sides)

    @property
    def unsized(self) -> bool:
        """A conflict with an open side: its direction is agreed, no amount is true of every side."""
        return self.is_range and not self.straddles and any(self.open_ends)

    def amount_text(self, style: HouseStyle, range_bound: str = "approx") -> str:
        """ "approximately $1.7 billion", or a conflict's range: the amount, no flag, no direction.

        A conflict with an open side gets the house style's ``unsized`` phrase ("a net outflow whose
        size the reports do not agree on"); its sides, each with its hedge, follow in the flag."""
        if self.unsized:
            from writer.money import direction  # the sign's flow word, as the prose filters name it

            return style.says("unsized", direction=style.word(direction(self.point)))
        if self.is_range:
            return style.range(self.low, self.high, range_bound)
        return style.amount(self.point, self.bound, self.shown_precision)
