"""Jinja filters that turn figures into newsroom prose, flags included.

Every filter that prints a figure also prints its qualifier and, for a
conflict, both sides with their sources: a template cannot print an
unverified figure without its flag. Strings from data are escaped for
Markdown here, since the output of these filters is trusted as Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup

from writer.data.facts import Figure
from writer.housestyle import HouseStyle
from writer.money import direction


class Md(str):
    """Text that is already valid Markdown; the environment will not escape it again."""


# Markdown markup, HTML's <, > and ", and an & only where it would start an entity ("&lt;"):
# a bare & ("S&P") is escaped by every Markdown renderer and stays readable for the linter.
_MD_SPECIAL = re.compile(r"[\\`*_\[\]<>|#\"]|&(?=#?\w+;)")
_ENTITIES = {"<": "&lt;", ">": "&gt;", '"': "&quot;", "&": "&amp;"}


def md_escape(text: str) -> str:
    """Escape a data string so Markdown shows it literally (and HTML gets no tags, attributes or entities)."""
    return _MD_SPECIAL.sub(lambda m: _ENTITIES.get(m.group(), "\\" + m.group()), text)


def finalize(value: object) -> object:
    """Escape data strings on output; Markdown made by filters and HTML Markup pass through."""
    return value if isinstance(value, (Md, Markup)) else md_escape(str(value))


class Prose:
    """Filters bound to the house style: every phrase they print comes from it."""

    def __init__(
        self, style: HouseStyle, definite: frozenset[str] = frozenset(), display: dict[str, str] | None = None
    ) -> None:
        self.style = style
        self.definite = definite
        self.display = display or {}  # canonical name -> the name printed in this language

    def filters(self) -> dict[str, object]:
        return {
            "amount": self.amount,
            "plain": lambda fig: Md(fig.amount_text(self.style)),  # no flag: a headline's amount
            "md": lambda text: Md(md_escape(str(text))),  # a data string inside a ~ concatenation
            "trusted": Md,  # a macro's output or a joined list, already escaped piece by piece
            "flow": self.flow,
            "sides": self.sides,
            "flag": self.flag,
            "sources": self.sources,
            "names": lambda names: Md(self.join_names([self.name(n) for n in names], limit=99)),
            "long_date": self.style.long_date,
            "weeks": weeks,
            "count": count,
            "ordinal": ordinal,
            "flows_list": self.flows_list,
            "cited": self.cited,
            "name": self.name,
            "upper_first": upper_first,
            "possessive": self.possessive,
        }

    def possessive(self, name: str) -> Md:
        """ "CoinShares'", "Bloomberg's": the house style's possessive forms (a name ending in s)."""
        form = "possessive_s" if str(name).endswith("s") else "possessive"
        return Md(self.style.prose[form].format(name=md_escape(str(name))))

    def join_names(self, names: Iterable[str], limit: int = 3) -> str:
        """ "A, B and C"; past the limit, "A, B and 5 other publications"."""
        items = [n if isinstance(n, Md) else md_escape(n) for n in names]  # Md: escaped already
        if len(items) > limit:
            rest = len(items) - (limit - 1)
            items = [*items[: limit - 1], self.style.says("others", n=str(rest))]
        return self.style.join(items)

    # -- single figures ------------------------------------------------------------

    def flag(self, fig: Figure) -> Md:
        """The figure's qualifier in parentheses, or nothing for a verified figure."""
        hs = self.style
        repeat = hs.prose["series"] + hs.flags["repeated"] if fig.repeated_from else ""
        if fig.is_range:
            amounts = side_amounts(hs, fig)
            if fig.straddles or fig.unsized:  # no amount before them: each side says its own direction
                amounts = [_side_flow(hs, s.value, a) for s, a in zip(fig.sides, amounts, strict=True)]
            sides = hs.prose["series"].join(
                hs.flag("conflict_side", sources=self.join_names(s.sources), amount=a)
                for s, a in zip(fig.sides, amounts, strict=True)
            )
            return Md(hs.says("aside", text=hs.flag("conflict", sides=sides) + repeat))
        if fig.status == "single-source":
            return Md(hs.says("aside", text=hs.flag("single_source", sources=self.join_names(fig.sources)) + repeat))
        if fig.status == "unverified":
            return Md(hs.says("aside", text=hs.flag("unverified", sources=self.join_names(fig.sources)) + repeat))
        if repeat:
            return Md(hs.says("aside", text=hs.flag("repeated_alone", sources=self.join_names(fig.sources))))
        return Md("")

    def amount(self, fig: Figure) -> Md:
        """ "approximately $1.7 billion", with the flag when the figure is unverified."""
        return Md(fig.amount_text(self.style) + self.flag(fig))

    def _flow(self, fig: Figure) -> str:
        hs = self.style
        if fig.straddles:  # the sides, each with its direction, follow in the flag
            return hs.says("mixed")
        key = direction(fig.point)
        if key == "flat":
            return hs.says("flat")
        if fig.unsized:  # "under X" against Y: the phrase has no amount
            return fig.amount_text(hs)
        return hs.says("flow", direction=hs.word(key), amount=fig.amount_text(hs))

    def flow(self, fig: Figure) -> Md:
        """ "a net outflow of approximately $1.7 billion", flag included."""
        return Md(self._flow(fig) + self.flag(fig))

    def sides(self, fig: Figure) -> list[tuple[Md, Md, str]]:
        """A conflict's sides as (sources, bare amount, direction key), amounts told apart, for a
        template that writes them its own way (a headline: "Wire B, $12 million outflow")."""
        amounts = side_amounts(self.style, fig)
        return [
            (Md(self.join_names(s.sources)), Md(a), direction(s.value))
            for s, a in zip(fig.sides, amounts, strict=True)
        ]

    def cited(self, fig: Figure) -> Md:
        """The flow with its attribution: "..., according to A and B" or the flag naming them."""
        if fig.flagged:
            return self.flow(fig)
        return Md(self.style.says("cited", flow=self.flow(fig), sources=self.join_names(fig.sources)))

    def name(self, key: str, capital: bool = False) -> Md:
        """ "the United States" for names that take the article; 美国 in Chinese."""
        text = md_escape(self.display.get(key, key))
        if key in self.definite:
            text = self.style.says("definite", name=text)
            text = upper_first(text) if capital else text
        return Md(text)

    def sources(self, fig: Figure) -> Md:
        """ "CoinShares and Source A": who reported a figure."""
        return Md(self.join_names(fig.sources))

    # -- lists ---------------------------------------------------------------------

    def flows_list(self, figs: Iterable[Figure]) -> Md:
        """ "Canada (a net inflow of $33.5 million) and Germany (...)", one group flag when it fits.

        When every figure is single-source from the same publications, one
        "(all ... pending verification)" covers the list instead of a flag each.
        """
        hs = self.style
        figs = list(figs)
        group = (
            len(figs) > 1
            and all(f.status == "single-source" and not f.repeated_from for f in figs)
            and len({f.sources for f in figs}) == 1
        )
        parts = [
            hs.says("list_item", name=self.name(fig.key), flow=self._flow(fig) if group else self.flow(fig))
            for fig in figs
        ]
        sep = hs.prose["series"] if len(parts) > 2 else hs.prose["comma"]  # two items: "X, ..., and Y, ..."
        text = parts[0] if len(parts) == 1 else sep.join(parts[:-1]) + hs.says("series_last", sep=sep) + parts[-1]
        if group:
            text += hs.says("aside", text=hs.flag("group", sources=self.join_names(figs[0].sources)))
        return Md(text)


def _side_flow(style: HouseStyle, value: float, amount: str) -> str:
    """One side of a conflict across zero, with its own direction: "a net outflow of $12 million"."""
    key = direction(value)
    return style.says("flat") if key == "flat" else style.says("flow", direction=style.word(key), amount=amount)


def side_amounts(style: HouseStyle, fig: Figure) -> list[str]:
    """A conflict's sides as printed: told apart at a finer step where they would print alike, and a
    side that rests on a bound keeps its hedge ("under $3.1 billion"), or the bare amount is false of it."""
    bare = distinct_amounts(style, [(s.value, s.bound) for s in fig.sides])
    return [
        style.amount(abs(s.value), s.bound) if s.bound in ("over", "under", "nearly") else text
        for s, text in zip(fig.sides, bare, strict=True)
    ]


def distinct_amounts(style: HouseStyle, values: list[tuple[float, str]]) -> list[str]:
    """Bare amounts at the house precision, finer where two different values would print alike
    ("$1.72 billion" and "$1.68 billion", not "$1.7 billion" twice)."""
    return style.codec.distinct_bare(values, style.money)


def upper_first(text: str) -> str:
    """The first letter in upper case, the rest as written ("CoinShares", not "Coinshares")."""
    return text[:1].upper() + text[1:]


_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def weeks(n: int) -> str:
    """ "one week", "three weeks", "12 weeks"."""
    word = _WORDS[n] if n < len(_WORDS) else str(n)
    return f"{word} week" if n == 1 else f"{word} weeks"


def count(n: int) -> str:
    """ "two", "five", "12": a small count in words."""
    return _WORDS[n] if n < len(_WORDS) else str(n)


def ordinal(n: int) -> str:
    names = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
    if n < len(names):
        return names[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
