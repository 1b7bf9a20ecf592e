"""Jinja filters that turn figures into newsroom prose, flags included.

Every filter that prints a figure also prints its qualifier and, for a
conflict, both sides with their sources: a template cannot print an
unverified figure without its flag. Strings from data are escaped for
Markdown here, since the output of these filters is trusted as Markdown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from markupsafe import Markup

from writer.data.facts import Figure
from writer.money import direction, format_amount, format_bare
from writer.rulesfile import HouseStyle


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


def join_names(names: Iterable[str], limit: int = 3) -> str:
    """ "A, B and C"; past the limit, "A, B and 5 other publications"."""
    items = [md_escape(n) for n in names]
    if len(items) > limit:
        rest = len(items) - (limit - 1)
        items = [*items[: limit - 1], f"{rest} other publications"]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class Prose:
    """Filters bound to the house style."""

    def __init__(self, style: HouseStyle, definite: frozenset[str] = frozenset()) -> None:
        self.style = style
        self.definite = definite
        self.qualifier = style.qualifiers[0]

    def filters(self) -> dict[str, object]:
        return {
            "amount": self.amount,
            "flow": self.flow,
            "flag": self.flag,
            "sources": self.sources,
            "names": lambda names: Md(join_names([self.name(n) for n in names], limit=99)),
            "long_date": long_date,
            "weeks": weeks,
            "ordinal": ordinal,
            "flows_list": self.flows_list,
            "cited": self.cited,
            "name": self.name,
        }

    # -- single figures ------------------------------------------------------------

    def flag(self, fig: Figure) -> Md:
        """The figure's qualifier in parentheses, or nothing for a verified figure."""
        money = self.style.money
        repeat = "; the same figure was reported the week before" if fig.repeated_from else ""
        if fig.is_range:
            sides = "; ".join(f"{join_names(s.sources)}: {format_bare(s.value, s.bound, money)}" for s in fig.sides)
            return Md(f" ({sides}; the sources disagree, {self.qualifier}{repeat})")
        if fig.status == "single-source":
            return Md(f" ({join_names(fig.sources)} only, {self.qualifier}{repeat})")
        if fig.status == "unverified":
            return Md(f" (reported by {join_names(fig.sources)}, {self.qualifier}{repeat})")
        if repeat:
            return Md(f" ({repeat[2:]}, {self.qualifier})")
        return Md("")

    def amount(self, fig: Figure) -> Md:
        """ "approximately $1.7 billion", with the flag when the figure is unverified."""
        return Md(fig.amount_text(self.style.money) + self.flag(fig))

    def flow(self, fig: Figure) -> Md:
        """ "a net outflow of approximately $1.7 billion", flag included."""
        if fig.is_range and (fig.low < 0) != (fig.high < 0):
            money = self.style.money
            lo, hi = sorted((fig.low, fig.high))
            text = (
                f"net flows reported between an outflow of {format_bare(lo, 'approx', money)} "
                f"and an inflow of {format_bare(hi, 'approx', money)}"
            )
            return Md(text + self.flag(fig))
        word = direction(fig.point)
        if word == "flat":
            return Md("flat net flows" + self.flag(fig))
        return Md(f"a net {word} of {fig.amount_text(self.style.money)}" + self.flag(fig))

    def cited(self, fig: Figure) -> Md:
        """The flow with its attribution: "..., according to A and B" or the flag naming them."""
        if fig.flagged:
            return self.flow(fig)
        return Md(f"{self.flow(fig)}, according to {join_names(fig.sources)}")

    def name(self, key: str, capital: bool = False) -> Md:
        """ "the United States" for names that take the article."""
        text = md_escape(key)
        if key in self.definite:
            text = ("The " if capital else "the ") + text
        return Md(text)

    def sources(self, fig: Figure) -> Md:
        """ "CoinShares and Source A": who reported a figure."""
        return Md(join_names(fig.sources))

    # -- lists ---------------------------------------------------------------------

    def flows_list(self, figs: Iterable[Figure]) -> Md:
        """ "Canada (a net inflow of $33.5 million) and Germany (...)", one group flag when it fits.

        When every figure is single-source from the same publications, one
        "(all ... pending verification)" covers the list instead of a flag each.
        """
        figs = list(figs)
        group = (
            len(figs) > 1
            and all(f.status == "single-source" and not f.repeated_from for f in figs)
            and len({f.sources for f in figs}) == 1
        )
        money = self.style.money
        parts = []
        for fig in figs:
            if group:
                word = direction(fig.value or 0.0)
                amount = format_amount(fig.value or 0.0, fig.bound, money)
                parts.append(f"{self.name(fig.key)}, a net {word} of {amount}")
            else:
                parts.append(f"{self.name(fig.key)}, {self.flow(fig)}")
        sep = "; " if len(parts) > 2 or not group else ", "
        text = parts[0] if len(parts) == 1 else sep.join(parts[:-1]) + f"{sep}and " + parts[-1]
        if group:
            text += f" (all from {join_names(figs[0].sources)} only, all {self.qualifier})"
        return Md(text)


def long_date(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def weeks(n: int) -> str:
    """ "one week", "three weeks", "12 weeks"."""
    word = _WORDS[n] if n < len(_WORDS) else str(n)
    return f"{word} week" if n == 1 else f"{word} weeks"


def ordinal(n: int) -> str:
    names = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
    if n < len(names):
        return names[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
