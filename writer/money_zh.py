"""Money amounts in Chinese prose (亿/万 with 美元): formatting and parsing side by side.

The zh house style's codec (``house_style.zh.money.codec: money_zh``), with the
functions of ``writer.money``. Chinese writes large amounts in 亿 (10^8) and
万 (10^4): US$1.7 billion is "17亿美元", US$17.1 million is "1710万美元", a
range is "3.08亿至6.3亿美元" (the unit 美元 once, at the end). Hedges stand
before the number: 约 (approx), 超过/逾 (over), 不足 (under), 近 (nearly).
As in English, "超过" rounds down and "不足"/"近" round up, so the hedge stays
true of the number; ``parse_amount`` reads back exactly what ``format_amount``
wrote, at the precision the text states. Values are US$ millions.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from writer.money import Amount, AmountRange, precision_of

HEDGED = ("approx", "over", "under", "nearly")
_UNITS = {"亿": 100.0, "万": 0.01}  # in US$ millions
_ROUNDING = {"over": "ROUND_FLOOR", "under": "ROUND_CEILING", "nearly": "ROUND_CEILING"}


@dataclass(frozen=True)
class ZhMoneyStyle:
    """Rounding and hedge words of ``house_style.zh.money`` (no defaults in code)."""

    yi_from: float  # US$ m from which amounts are written in 亿
    yi_decimals: int  # 3.08亿
    wan_decimals: int  # 1710万
    currency: str  # 美元
    range_joint: tuple[str, ...]  # 至 (the writer's), and what the reader also accepts
    hedges: dict[str, tuple[str, ...]]
    nearly_floor: float = 0.8  # 近X is true of X * nearly_floor up to X

    def hedge(self, bound: str) -> str:
        return self.hedges[bound][0]

    def bound_of(self, word: str) -> str:
        for bound, words in self.hedges.items():
            if word in words:
                return bound
        raise ValueError(f"unknown hedge word {word!r}")


def load_style(block: dict[str, Any], reader: Any) -> ZhMoneyStyle:
    """The codec's style from the language's ``money`` block; ``reader`` reports bad fields."""
    for bound in HEDGED:
        reader.words(f"money.hedges.{bound}")
    return ZhMoneyStyle(
        yi_from=reader.number("money.yi_from"),
        yi_decimals=reader.integer("money.yi_decimals"),
        wan_decimals=reader.integer("money.wan_decimals"),
        currency=reader.text("money.currency"),
        range_joint=reader.words("money.range_joint"),
        hedges={b: tuple(str(w) for w in block["hedges"][b]) for b in HEDGED},
        nearly_floor=reader.number("money.nearly_floor"),
    )


def _shipped() -> ZhMoneyStyle:
    from writer.housestyle import shipped

    return shipped("zh").money


# -- formatting ---------------------------------------------------------------------


def round_amount(magnitude: float, bound: str, style: ZhMoneyStyle) -> tuple[Decimal, str]:
    """The shown number and its unit (亿 or 万), rounded so the hedge stays true: 近X also
    needs the value above X * nearly_floor, so a small amount gets a finer step."""
    shown, unit = _rounded(magnitude, bound, style)
    extra = 0
    while bound == "nearly" and float(shown) * _UNITS[unit] * style.nearly_floor > abs(magnitude) and extra < 6:
        extra += 1
        shown, unit = _rounded(magnitude, bound, _finer(style, extra))
    return shown, unit


def _nearly_holds(magnitude: float, shown: Decimal, unit: str, style: ZhMoneyStyle) -> bool:
    """近X is true: X * nearly_floor <= magnitude <= X (the interval the linter reads)."""
    value = float(shown) * _UNITS[unit]
    return value * style.nearly_floor <= abs(magnitude) * (1 + 1e-12) and abs(magnitude) <= value * (1 + 1e-12)


def _true_bound(magnitude: float, bound: str, style: ZhMoneyStyle) -> str:
    """The bound actually written: 近 that no finer step makes true (an amount of a few
    dollars) becomes 不足, which is true of anything up to X."""
    if bound != "nearly":
        return bound
    return "nearly" if _nearly_holds(magnitude, *round_amount(magnitude, bound, style), style) else "under"


def _rounded(magnitude: float, bound: str, style: ZhMoneyStyle) -> tuple[Decimal, str]:
    mode = _ROUNDING.get(bound, "ROUND_HALF_UP")
    exact = Decimal(repr(abs(magnitude)))

    def shown(unit: str) -> Decimal:
        decimals = style.yi_decimals if unit == "亿" else style.wan_decimals
        return (exact / Decimal(repr(_UNITS[unit]))).quantize(Decimal(1).scaleb(-decimals), rounding=mode)

    if abs(magnitude) >= style.yi_from:
        return shown("亿"), "亿"
    wan = shown("万")
    if wan * Decimal("0.01") >= Decimal(repr(style.yi_from)):  # 9999.6万 rounds to 1亿
        return shown("亿"), "亿"
    return wan, "万"


def _number_text(shown: Decimal) -> str:
    text = f"{shown:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _hedge_for(magnitude: float, bound: str, shown: Decimal, unit: str, style: ZhMoneyStyle) -> str:
    if bound in HEDGED:
        return style.hedge(bound)
    return (
        ""
        if math.isclose(float(shown) * _UNITS[unit], abs(magnitude), rel_tol=1e-12, abs_tol=1e-9)
        else style.hedge("approx")
    )


def _bare_number(magnitude: float, bound: str, style: ZhMoneyStyle) -> str:
    shown, unit = round_amount(magnitude, bound, style)
    return f"{_number_text(shown)}{unit}"


def format_bare(magnitude: float, bound: str = "exact", style: ZhMoneyStyle | None = None) -> str:
    """ "17亿美元" with no hedge."""
    style = style or _shipped()
    return _bare_number(magnitude, _true_bound(magnitude, bound, style), style) + style.currency


def format_amount(magnitude: float, bound: str = "exact", style: ZhMoneyStyle | None = None) -> str:
    """ "约17亿美元", "超过10亿美元", "3350万美元"."""
    style = style or _shipped()
    bound = _true_bound(magnitude, bound, style)
    shown, unit = round_amount(magnitude, bound, style)
    hedge = _hedge_for(magnitude, bound, shown, unit, style)
    return f"{hedge}{_number_text(shown)}{unit}{style.currency}"


def _finer(style: ZhMoneyStyle, extra: int) -> ZhMoneyStyle:
    return replace(style, yi_decimals=style.yi_decimals + extra, wan_decimals=style.wan_decimals + extra)


def finer(style: ZhMoneyStyle, precision: float) -> ZhMoneyStyle:
    """The style with enough decimals to show an amount written to ``precision`` (US$ m)
    without rounding it away (17.15亿 from sources printing 1715). Never coarser."""
    if precision <= 0:
        return style
    yi = max(style.yi_decimals, math.ceil(round(-math.log10(precision / _UNITS["亿"]), 9)))
    wan = max(style.wan_decimals, math.ceil(round(-math.log10(precision / _UNITS["万"]), 9)))
    return replace(style, yi_decimals=min(yi, 4), wan_decimals=min(wan, 4))


def distinct_bare(values: list[tuple[float, str]], style: ZhMoneyStyle) -> list[str]:
    """Bare amounts for several values, finer until different values print differently."""
    texts: list[str] = []
    for extra in range(4):
        finer = _finer(style, extra)
        texts = [format_bare(m, b, finer) for m, b in values]
        if not any(
            texts[i] == texts[j] and abs(values[i][0]) != abs(values[j][0])
            for i in range(len(values))
            for j in range(i)
        ):
            return texts
    return texts


def format_range(low: float, high: float, bound: str = "approx", style: ZhMoneyStyle | None = None) -> str:
    """ "约3.08亿至6.3亿美元": smaller first, one hedge, the currency once at the end."""
    style = style or _shipped()
    a, b = sorted((abs(low), abs(high)))
    if bound == "nearly" and "under" in (_true_bound(a, bound, style), _true_bound(b, bound, style)):
        bound = "under"  # one hedge for both ends, true of both
    first, second = distinct_bare([(a, bound), (b, bound)], style)
    first = first.removesuffix(style.currency)
    inexact = any(_hedge_for(m, bound, *round_amount(m, bound, style), style) for m in (a, b))
    hedge = style.hedge(bound) if bound != "exact" else (style.hedge("approx") if inexact else "")
    return f"{hedge}{first}{style.range_joint[0]}{second}"


# -- parsing ------------------------------------------------------------------------

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_PATTERNS: dict[tuple, re.Pattern[str]] = {}


def amount_pattern(style: ZhMoneyStyle | None = None) -> re.Pattern[str]:
    """One amount or a range, as Chinese prose writes it (spaces around numbers allowed:
    "约 8.12 亿美元"). Groups: hedge, num, unit, and for a range num2, unit2."""
    style = style or _shipped()
    key = (tuple(sorted(style.hedges.items())), style.currency, style.range_joint)
    if key not in _PATTERNS:
        hedges = sorted({w for ws in style.hedges.values() for w in ws}, key=len, reverse=True)
        hedge = "|".join(re.escape(w) for w in hedges)
        joint = "|".join(re.escape(w) for w in sorted(style.range_joint, key=len, reverse=True))
        cur = re.escape(style.currency)
        first = rf"(?P<num>{_NUMBER})\s*(?P<unit>[亿万])?"
        second = rf"(?P<num2>{_NUMBER})\s*(?P<unit2>[亿万])?"
        _PATTERNS[key] = re.compile(
            rf"(?:(?P<hedge>{hedge})\s*)?(?<![\d.,]){first}\s*(?:(?:{cur})\s*(?:{joint})|(?:{joint}))\s*{second}\s*{cur}"
            rf"|(?:(?P<hedge1>{hedge})\s*)?(?<![\d.,])(?P<one>{_NUMBER})\s*(?P<unit1>[亿万])?\s*{cur}"
        )
    return _PATTERNS[key]


def _amount(num: str, unit: str | None, bound: str) -> Amount:
    scale = _UNITS[unit] if unit else 1e-6
    value = round(float(num.replace(",", "")) * scale, 9)
    return Amount(value=value, precision=precision_of(num, scale), bound=bound)


def amount_from_match(match: re.Match[str], style: ZhMoneyStyle | None = None) -> Amount | AmountRange:
    style = style or _shipped()
    if match.group("num2"):
        bound = style.bound_of(match.group("hedge")) if match.group("hedge") else "exact"
        unit2 = match.group("unit2")
        return AmountRange(
            _amount(match.group("num"), match.group("unit") or unit2, bound),
            _amount(match.group("num2"), unit2, bound),
        )
    bound = style.bound_of(match.group("hedge1")) if match.group("hedge1") else "exact"
    return _amount(match.group("one"), match.group("unit1"), bound)


def parse_amount(text: str, style: ZhMoneyStyle | None = None) -> Amount | AmountRange:
    """Read "超过10亿美元" back to Amount(1000, 1000, "over"); ValueError otherwise."""
    style = style or _shipped()
    match = amount_pattern(style).fullmatch(text.strip())
    if not match:
        raise ValueError(f"not a money amount: {text!r} (expected e.g. '约17亿美元')")
    return amount_from_match(match, style)


def find_amounts(text: str, style: ZhMoneyStyle | None = None) -> list[tuple[int, int, Amount | AmountRange]]:
    """Every amount in a text with its character span."""
    style = style or _shipped()
    return [(m.start(), m.end(), amount_from_match(m, style)) for m in amount_pattern(style).finditer(text)]


def may_hold_amount(text: str, style: ZhMoneyStyle | None = None) -> bool:
    """A cheap test before the pattern runs: every amount names the currency."""
    return (style or _shipped()).currency in text
