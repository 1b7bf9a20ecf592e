"""Money amounts in prose: formatting and parsing side by side.

Both directions live here so that they stay each other's inverse: whatever
``format_amount`` writes, ``parse_amount`` reads back to the same value at the
precision the text states. The linter's figure finder uses the same pattern,
so the writer cannot produce an amount the linter fails to see.

All values are US$ millions. Signs are handled by the callers through
``direction``: prose states a magnitude plus an inflow/outflow word.
"""

from __future__ import annotations

import functools
import math
import re
from typing import TYPE_CHECKING, Any

from writer.identity_memo import held_by
from writer.money_style import MoneyStyle  # its own module: a warm lint unpickles it without this one
from writer.record import dataclass, replace  # dataclasses without generated code: fast start-up
from writer.regex_guard import guarded

if TYPE_CHECKING:
    from decimal import Decimal

BOUNDS = ("exact", "approx", "over", "under", "nearly")

_SCALES = {"billion": 1000.0, "bn": 1000.0, "b": 1000.0, "million": 1.0, "m": 1.0, "mn": 1.0}


def load_style(block: dict[str, Any], reader: Any) -> MoneyStyle:
    """The codec's style from a language's ``money`` block; ``reader`` reports bad fields."""
    for bound in ("approx", "over", "under", "nearly"):
        reader.words(f"money.hedges.{bound}")
    return MoneyStyle(
        billion_from=reader.number("money.billion_from"),
        billion_decimals=reader.integer("money.billion_decimals"),
        million_decimals=reader.integer("money.million_decimals"),
        million_whole_from=reader.number("money.million_whole_from"),
        hedges={b: tuple(str(w).lower() for w in block["hedges"][b]) for b in ("approx", "over", "under", "nearly")},
        nearly_floor=reader.number("money.nearly_floor"),
    )


def _shipped() -> MoneyStyle:
    """The shipped money style, for callers that pass none (defaults live in the YAML only)."""
    from writer.housestyle import shipped

    return shipped("en").money


@dataclass(frozen=True)
class Amount:
    """An amount as text states it: magnitude, the step it was written to, bound."""

    value: float
    precision: float
    bound: str = "exact"  # the interval it allows: HouseStyle.interval (the "nearly" floor is house style)


@dataclass(frozen=True)
class AmountRange:
    """ "$308 million to $630 million": two amounts sharing one hedge."""

    low: Amount
    high: Amount


# -- precision: one rule for data cells and for prose -------------------------------


def precision_of(digits: str, scale: float = 1.0) -> float:
    """The step a written number carries: "17.1" -> 0.1, "1730" -> 10, "1700" -> 100, "1.70e3" -> 10.

    Integers are read by their trailing zeros, as a reader would: a publication
    that prints 1,700 has rounded to the hundred.
    """
    text = digits.strip().lstrip("+-").replace(",", "")
    if "e" in text.lower():  # "1.70e3": the mantissa's digits count ($1.70 billion, to the ten)
        mantissa, _, exponent = text.lower().partition("e")
        return precision_of(mantissa, scale) * 10.0 ** int(exponent)
    if "." in text:
        decimals = len(text.split(".", 1)[1])
        return scale * 10.0**-decimals
    stripped = text.rstrip("0")
    if not stripped:  # "0"
        return scale
    return scale * 10.0 ** min(len(text) - len(stripped), 300)  # a 310-digit "amount" must not overflow


# -- formatting ---------------------------------------------------------------------

_ROUNDING = {"over": "ROUND_FLOOR", "under": "ROUND_CEILING", "nearly": "ROUND_CEILING"}


def _step_for(magnitude: float, style: MoneyStyle) -> tuple[Decimal, str]:
    from decimal import Decimal  # formatting only: the lint path never pays for the import

    if magnitude >= style.billion_from:
        return Decimal(1).scaleb(-style.billion_decimals), "billion"
    if magnitude >= style.million_whole_from:
        return Decimal(1), "million"
    return Decimal(1).scaleb(-style.million_decimals), "million"


def _quantize(magnitude: float, unit: str, step: Decimal, mode: str) -> Decimal:
    from decimal import Decimal

    scale = Decimal(1000) if unit == "billion" else Decimal(1)
    return (Decimal(repr(magnitude)) / scale).quantize(step, rounding=mode)


NEARLY_EXTRA_DECIMALS = 6  # how much finer than house style "nearly X" may be written to stay true


def round_amount(magnitude: float, bound: str, style: MoneyStyle) -> tuple[Decimal, str]:
    """Round a magnitude to house style, in the direction that keeps the hedge true.

    "over X" rounds down and "under/nearly X" round up, so the printed bound
    still holds of the true value. "nearly X" also needs the value at least
    X * nearly_floor: where the house step is too coarse for that ($0.03
    million would be "nearly $0.1 million"), a finer step is taken, one
    decimal at a time (as the Chinese codec does). Returns the shown number and its unit.
    """
    shown, unit = _round_at(magnitude, bound, style)
    extra = 0
    # a flow is never written "$0 million": a finer step until it shows (0.04 -> "$0.04 million")
    while not shown and magnitude > 0 and extra < NEARLY_EXTRA_DECIMALS:
        extra += 1
        shown, unit = _round_at(magnitude, bound, _finer_by(style, extra))
    while bound == "nearly" and not _nearly_holds(magnitude, shown, unit, style) and extra < NEARLY_EXTRA_DECIMALS:
        extra += 1
        shown, unit = _round_at(magnitude, bound, _finer_by(style, extra))
    return shown, unit


def _nearly_holds(magnitude: float, shown: Decimal, unit: str, style: MoneyStyle) -> bool:
    """ "nearly X" is true: X * nearly_floor <= magnitude <= X (the interval the linter reads)."""
    value = float(shown) * (1000.0 if unit == "billion" else 1.0)
    return value * style.nearly_floor <= abs(magnitude) * (1 + 1e-12) and abs(magnitude) <= value * (1 + 1e-12)


def _finer_by(style: MoneyStyle, extra: int) -> MoneyStyle:
    """House style with ``extra`` more decimals in both units (no whole-million step)."""
    if not extra:
        return style
    return replace(
        style,
        billion_decimals=style.billion_decimals + extra,
        million_decimals=style.million_decimals + extra,
        million_whole_from=math.inf,
    )


def _true_bound(magnitude: float, bound: str, style: MoneyStyle) -> str:
    """The bound actually written: "nearly" that no step up to NEARLY_EXTRA_DECIMALS finer
    makes true (a value of a few dollars) becomes "under", true of anything up to X."""
    if bound != "nearly":
        return bound
    return "nearly" if _nearly_holds(magnitude, *round_amount(magnitude, bound, style), style) else "under"


def _round_at(magnitude: float, bound: str, style: MoneyStyle) -> tuple[Decimal, str]:
    from decimal import Decimal

    mode = _ROUNDING.get(bound, "ROUND_HALF_UP")
    step, unit = _step_for(magnitude, style)
    shown = _quantize(magnitude, unit, step, mode)
    if unit == "million" and shown >= Decimal(repr(style.billion_from)):
        step, unit = _step_for(style.billion_from, style)
        shown = _quantize(magnitude, unit, step, mode)
    return shown, unit


def _number_text(shown: Decimal) -> str:
    text = f"{shown:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _hedge_for(magnitude: float, bound: str, shown: Decimal, unit: str, style: MoneyStyle) -> str:
    if bound in ("over", "under", "nearly", "approx"):
        return style.hedge(bound)
    scale = 1000.0 if unit == "billion" else 1.0
    return "" if math.isclose(float(shown) * scale, magnitude, rel_tol=1e-12, abs_tol=1e-9) else style.hedge("approx")


def format_bare(magnitude: float, bound: str = "exact", style: MoneyStyle | None = None) -> str:
    """ "$1.7 billion" with no hedge word (for the second end of a range)."""
    style = style or _shipped()
    bound = _true_bound(abs(magnitude), bound, style)
    shown, unit = round_amount(abs(magnitude), bound, style)
    return f"${_number_text(shown)} {unit}"


def format_amount(magnitude: float, bound: str = "exact", style: MoneyStyle | None = None) -> str:
    """ "approximately $1.7 billion", "over $1 billion", "$33.5 million"."""
    style = style or _shipped()
    magnitude = abs(magnitude)
    bound = _true_bound(magnitude, bound, style)
    shown, unit = round_amount(magnitude, bound, style)
    hedge = _hedge_for(magnitude, bound, shown, unit, style)
    body = f"${_number_text(shown)} {unit}"
    return f"{hedge} {body}" if hedge else body


def distinct_bare(values: list[tuple[float, str]], style: MoneyStyle) -> list[str]:
    """Bare amounts ("$1.7 billion") for several (magnitude, bound) pairs, one step finer
    at a time until different magnitudes no longer print the same text."""
    for extra in range(4):
        finer = (
            style
            if extra == 0
            else replace(
                style,
                billion_decimals=style.billion_decimals + extra,
                million_decimals=style.million_decimals + extra,
                million_whole_from=math.inf,
            )
        )
        texts = [format_bare(m, b, finer) for m, b in values]
        clash = any(
            texts[i] == texts[j] and abs(values[i][0]) != abs(values[j][0])
            for i in range(len(values))
            for j in range(i)
        )
        if not clash:
            return texts
    return texts


def format_range(low: float, high: float, bound: str = "approx", style: MoneyStyle | None = None) -> str:
    """ "approximately $308 million to $630 million" (smaller magnitude first, one hedge)."""
    style = style or _shipped()
    a, b = sorted((abs(low), abs(high)))
    if bound == "nearly" and "under" in (_true_bound(a, bound, style), _true_bound(b, bound, style)):
        bound = "under"  # one hedge for both ends, true of both
    hedges = {_hedge_for(m, bound, *round_amount(m, bound, style), style) for m in (a, b)} - {""}
    hedge = style.hedge(bound) if bound != "exact" else (style.hedge("approx") if hedges else "")
    first, second = distinct_bare([(a, bound), (b, bound)], style)
    body = f"{first} to {second}"
    return f"{hedge} {body}" if hedge else body


def direction(value: float) -> str:
    """Sign to the flow word: negative is an outflow."""
    if value < 0:
        return "outflow"
    if value > 0:
        return "inflow"
    return "flat"


# -- parsing ------------------------------------------------------------------------


def _hedge_alternation(style: MoneyStyle) -> str:
    words = sorted({w for ws in style.hedges.values() for w in ws}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UNIT = r"billion|million|bn|mn|b|m"


def amount_pattern(style: MoneyStyle | None = None) -> re.Pattern[str]:
    """One amount or a range of two, with an optional hedge, as prose writes it.

    Groups: hedge, num, unit, and for a range num2, unit2.
    """
    style = style or _shipped()
    hedge = _hedge_alternation(style)
    one = rf"(?:US)?\$\s?(?P<num>{_NUMBER})(?:\s?(?P<unit>{_UNIT})\b)?"
    two = rf"(?:US)?\$\s?(?P<num2>{_NUMBER})(?:\s?(?P<unit2>{_UNIT})\b)?"
    return re.compile(
        rf"(?:\b(?P<hedge>{hedge})\s+)?{one}(?:\s*(?:to|-|–|and)\s*{two})?",
        re.IGNORECASE,
    )


_PATTERNS: dict[tuple, re.Pattern[str]] = {}


def _pattern(style: MoneyStyle) -> re.Pattern[str]:
    """The amount pattern of a style, compiled once per distinct set of hedge words."""
    key = tuple(sorted(style.hedges.items()))
    if key not in _PATTERNS:
        _PATTERNS[key] = guarded(amount_pattern(style))  # the same matches, tried only where one may start
    return _PATTERNS[key]


def _amount(num: str, unit: str | None, bound: str) -> Amount:
    scale = _SCALES[(unit or "").lower()] if unit else 1e-6
    value = round(float(num.replace(",", "")) * scale, 9)  # no 4101.1*1000 drift
    return Amount(value=value, precision=precision_of(num, scale), bound=bound)


_SPELLED_UNIT = r"billion|million|bn|mn"  # before a currency word a one-letter unit is too loose


def find_spelled_amounts(text: str, currency: str, style: MoneyStyle) -> list[tuple[int, int, Amount]]:
    """Amounts whose currency is a word (``currency``, a regex): "1.92 billion dollars", "USD 1.2 billion".

    The writer never prints these; other outlets do, and the reader of figures reads them."""
    out = []
    for m in _spelled_pattern(currency, _spelled_hedges(style)).finditer(text):
        unit = m.group("unit") or m.group("unit2")
        num = m.group("num") or m.group("num2")
        bound = style.bound_of(m.group("hedge")) if m.group("hedge") else "exact"
        out.append((m.start(), m.end(), _amount(num, unit, bound)))
    return out


def _spelled_hedges(style: MoneyStyle) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for ws in style.hedges.values() for w in sorted(ws, key=len))


@functools.cache
def _spelled_pattern(currency: str, hedge: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?:\b(?P<hedge>{hedge})\s+)?(?:\b(?P<num>{_NUMBER})\s?(?P<unit>{_SPELLED_UNIT})\s+(?:{currency})\b"
        rf"|\b(?:{currency})\s?(?P<num2>{_NUMBER})\s?(?P<unit2>{_SPELLED_UNIT})\b)",
        re.IGNORECASE,
    )


def amount_from_match(match: re.Match[str], style: MoneyStyle | None = None) -> Amount | AmountRange:
    """Turn a match of ``amount_pattern`` into an Amount or AmountRange."""
    style = style or _shipped()
    hedge = match.group("hedge")
    bound = style.bound_of(hedge) if hedge else "exact"
    if match.group("num2"):
        unit2 = match.group("unit2")
        unit1 = match.group("unit") or unit2
        return AmountRange(_amount(match.group("num"), unit1, bound), _amount(match.group("num2"), unit2, bound))
    return _amount(match.group("num"), match.group("unit"), bound)


def parse_amount(text: str, style: MoneyStyle | None = None) -> Amount | AmountRange:
    """Read "over $1 billion" back to Amount(1000, 1000, "over"); ValueError otherwise."""
    style = style or _shipped()
    match = _pattern(style).fullmatch(" ".join(text.split()))
    if not match:
        raise ValueError(f"not a money amount: {text!r} (expected e.g. 'approximately $1.7 billion')")
    return amount_from_match(match, style)


def find_amounts(text: str, style: MoneyStyle | None = None) -> list[tuple[int, int, Amount | AmountRange]]:
    """Every amount in a text with its character span."""
    style = style or _shipped()
    return [(m.start(), m.end(), amount_from_match(m, style)) for m in _amount_matches(text, style)]


_WHITESPACE_RUN = re.compile(r"\s\s")


def _amount_matches(text: str, style: MoneyStyle):
    """``_pattern(style).finditer(text)``, searched only a few characters before each "$".

    Every match holds a "$" and nothing before it but a hedge, its space and "US": with no
    run of two white-space characters in between, that is at most ``_reach`` characters,
    so no match starts further back than that from the first "$" ahead; where such a run
    stands, the search starts where ``finditer`` would. The same matches, in the same order,
    without trying the hedge words at every word of the text.
    """
    pattern, reach = _pattern(style), _reach(style)
    pos = 0
    while True:
        dollar = text.find("$", pos)
        if dollar < 0:
            return  # every match holds a "$"
        start = dollar - reach
        if start <= pos or _WHITESPACE_RUN.search(text, pos, dollar):
            start = pos
        m = pattern.search(text, start)
        if m is None:
            return
        yield m
        pos = m.end()  # never empty: a match holds a "$"


_REACH: dict[int, tuple[MoneyStyle, int]] = {}  # id(style) -> (style, reach): asked per sentence


def _reach(style: MoneyStyle) -> int:
    """The longest a match may run before its "$" with single spaces: a hedge, a space, "US"."""
    return held_by(_REACH, style, lambda: _reach_of(style), 64)


def _reach_of(style: MoneyStyle) -> int:
    words = [w for ws in style.hedges.values() for w in ws]
    if any("$" in w or not w.isprintable() for w in words):
        return 1 << 30  # not the shape ``_amount_matches`` counts on: search from where finditer would
    return max((len(w) for w in words), default=0) + 3


def may_hold_amount(text: str, style: MoneyStyle | None = None) -> bool:
    """A cheap test before the pattern runs: every amount this codec reads has a dollar sign."""
    return "$" in text


def finer(style: MoneyStyle, precision: float) -> MoneyStyle:
    """The style with enough decimals to show an amount written to ``precision`` (US$ m)
    without rounding it away: 1650 to the ten is "$1.65 billion". Never coarser."""
    if precision <= 0:
        return style
    billion = max(style.billion_decimals, math.ceil(round(-math.log10(precision / 1000.0), 9)))
    million = max(style.million_decimals, math.ceil(round(-math.log10(precision), 9)))
    whole_from = style.million_whole_from if precision >= 1 else math.inf
    if (billion, million, whole_from) == (style.billion_decimals, style.million_decimals, style.million_whole_from):
        return style
    return replace(
        style, billion_decimals=min(billion, 3), million_decimals=min(million, 3), million_whole_from=whole_from
    )
