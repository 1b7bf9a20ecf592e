"""The money style of English prose: house rounding and hedge words (``writer.money`` uses it).

Apart from ``writer.money`` so that unpickling a house style from the rule cache
(every warm ``writer lint``) does not compile the formatter and parser.
"""

from __future__ import annotations

from writer.record import dataclass  # dataclasses without generated code: fast start-up


@dataclass(frozen=True)
class MoneyStyle:
    """House rounding and hedge words, from ``house_style.<language>.money`` (no defaults in code)."""

    billion_from: float
    billion_decimals: int
    million_decimals: int
    million_whole_from: float
    hedges: dict[str, tuple[str, ...]]
    nearly_floor: float = 0.8  # "nearly X" is true of X * nearly_floor up to X

    def hedge(self, bound: str) -> str:
        """The word written for a bound (the first of its list)."""
        return self.hedges[bound][0]

    def bound_of(self, word: str) -> str:
        """Which bound a hedge word expresses ("more than" -> "over")."""
        low = " ".join(word.lower().split())
        for bound, words in self.hedges.items():
            if low in words:
                return bound
        raise ValueError(f"unknown hedge word {word!r}")
