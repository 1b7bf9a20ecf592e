"""The zh money codec: 亿/万 with 美元, hedges before the number, ranges; parse inverts format."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from writer import money_zh
from writer.housestyle import shipped
from writer.money import Amount, AmountRange

ZH = shipped("zh")


@pytest.mark.parametrize(
    ("value", "bound", "text"),
    [
        (1700, "approx", "约17亿美元"),
        (-1700, "approx", "约17亿美元"),
        (1000, "over", "超过10亿美元"),
        (17.1, "approx", "约1710万美元"),
        (33.5, "exact", "3350万美元"),
        (308, "exact", "3.08亿美元"),
        (1660, "over", "超过16.6亿美元"),
        (1664.9, "over", "超过16.64亿美元"),  # rounds down: 超过16.65亿 would be false
        (1640.1, "under", "不足16.41亿美元"),  # rounds up
        (1640.1, "nearly", "近16.41亿美元"),
        (99.996, "exact", "约1亿美元"),  # 9999.6万 is written in 亿
        (254000, "exact", "2540亿美元"),
    ],
)
def test_format_amount(value, bound, text):
    assert ZH.amount(value, bound) == text


def test_range_puts_the_smaller_first_with_one_hedge_and_one_currency():
    assert ZH.range(-630, -308) == "约3.08亿至6.3亿美元"
    assert ZH.range(17.1, 308, "exact") == "1710万至3.08亿美元"
    assert ZH.range(308, 308.4) == "约3.08亿至3.084亿美元"  # finer until the ends differ


def test_parse_reads_hedges_units_spaces_and_ranges():
    assert ZH.parse_amount("超过10亿美元") == Amount(1000, 1000, "over")
    assert ZH.parse_amount("逾10亿美元") == Amount(1000, 1000, "over")
    assert ZH.parse_amount("约 8.12 亿美元") == Amount(812, 1, "approx")
    assert ZH.parse_amount("近17亿美元").bound == "nearly"
    assert ZH.parse_amount("不足1710万美元") == Amount(17.1, pytest.approx(0.1), "under")
    rng = ZH.parse_amount("约3.08亿至6.3亿美元")
    assert isinstance(rng, AmountRange)
    assert (rng.low.value, rng.high.value, rng.low.bound) == (308, 630, "approx")
    mixed = ZH.parse_amount("8930万至1.2亿美元")
    assert (mixed.low.value, mixed.high.value) == (pytest.approx(89.3), 120)
    with pytest.raises(ValueError, match="not a money amount"):
        ZH.parse_amount("大量资金")


def test_find_amounts_gives_spans_and_skips_plain_numbers():
    text = "比特币净流出超过10亿美元，Solana净流入约1710万美元，价格为87,000美元，共3周。"
    found = ZH.find_amounts(text)
    assert [text[s:e] for s, e, _ in found] == ["超过10亿美元", "约1710万美元", "87,000美元"]
    assert found[2][2].value == pytest.approx(0.087)


magnitudes = st.floats(min_value=0.01, max_value=5_000_000, allow_nan=False, allow_infinity=False)


@given(magnitudes, st.sampled_from(["exact", "approx", "over", "under", "nearly"]))
def test_parse_inverts_format_at_the_stated_precision(value, bound):
    text = ZH.amount(value, bound)
    parsed = ZH.parse_amount(text)
    assert isinstance(parsed, Amount)
    if bound != "nearly":  # 近X may carry a finer step than its value needs (to stay true)
        assert ZH.amount(parsed.value, parsed.bound) == text  # canonical: the text comes back
    if bound in ("exact", "approx"):
        assert abs(parsed.value - value) <= parsed.precision / 2 + 1e-9 * value
    elif bound == "over":
        assert parsed.value <= value + 1e-9  # 超过X stays true
    else:
        assert parsed.value >= value - 1e-9  # 不足X / 近X stay true
    if bound == "nearly":
        assert value >= parsed.value * ZH.nearly_floor


@given(st.floats(min_value=1e-12, max_value=1e-3, allow_nan=False, allow_infinity=False))
def test_a_nearly_amount_too_small_for_any_step_is_written_as_under(value):
    """近X needs X * nearly_floor <= value <= X; where no finer step gets there, 不足X is true."""
    parsed = ZH.parse_amount(ZH.amount(value, "nearly"))
    assert parsed.value >= value - 1e-15
    if parsed.bound == "nearly":
        assert value >= parsed.value * ZH.nearly_floor * (1 - 1e-9)
    else:
        assert parsed.bound == "under"


@given(magnitudes)
def test_the_hedge_is_dropped_only_when_rounding_lost_nothing(value):
    parsed = ZH.parse_amount(ZH.amount(value, "exact"))
    assert (parsed.bound == "exact") == math.isclose(parsed.value, value, rel_tol=1e-12, abs_tol=1e-9)


@given(magnitudes, magnitudes)
def test_ranges_read_back_as_their_two_ends(a, b):
    text = ZH.range(a, b, "approx")
    parsed = ZH.parse_amount(text)
    assert isinstance(parsed, AmountRange)
    lo, hi = sorted((a, b))
    assert abs(parsed.low.value - lo) <= parsed.low.precision / 2 + 1e-9 * lo
    assert abs(parsed.high.value - hi) <= parsed.high.precision / 2 + 1e-9 * hi


def test_the_codec_has_the_functions_of_the_english_one():
    from writer import money

    for name in ("load_style", "format_amount", "format_bare", "format_range", "find_amounts", "parse_amount"):
        assert callable(getattr(money_zh, name)) and callable(getattr(money, name))
