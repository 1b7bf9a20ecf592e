import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from writer.housestyle import shipped
from writer.money import (
    Amount,
    AmountRange,
    find_amounts,
    finer,
    format_amount,
    format_range,
    parse_amount,
    precision_of,
)


@pytest.mark.parametrize(
    ("value", "bound", "text"),
    [
        (1700, "approx", "approximately $1.7 billion"),
        (1730, "exact", "approximately $1.7 billion"),
        (1700, "exact", "$1.7 billion"),
        (1000, "over", "over $1 billion"),
        (1090, "over", "over $1 billion"),
        (1660, "over", "over $1.6 billion"),  # rounds down: "over $1.7 billion" would be false
        (1640, "under", "under $1.7 billion"),  # rounds up
        (308, "approx", "approximately $308 million"),
        (33.5, "exact", "$33.5 million"),
        (-17.1, "exact", "$17.1 million"),
        (999.96, "exact", "approximately $1 billion"),
        (254000, "exact", "$254 billion"),
    ],
)
def test_format_amount(value, bound, text):
    assert format_amount(value, bound) == text


def test_format_range_puts_smaller_first_with_one_hedge():
    assert format_range(-630, -308) == "approximately $308 million to $630 million"
    assert format_range(32.5, 41.6, "exact") == "$32.5 million to $41.6 million"


@pytest.mark.parametrize(
    ("digits", "precision"), [("17.1", 0.1), ("1730", 10), ("1700", 100), ("-1000", 1000), ("8", 1), ("0", 1)]
)
def test_precision_of_reads_trailing_zeros_and_decimals(digits, precision):
    assert precision_of(digits) == pytest.approx(precision)


def test_parse_reads_hedges_units_and_ranges():
    assert parse_amount("more than $1 billion") == Amount(1000, 1000, "over")
    assert parse_amount("US$1.7bn") == Amount(1700, 100, "exact")
    rng = parse_amount("approximately $308 million to $630 million")
    assert isinstance(rng, AmountRange)
    assert (rng.low.value, rng.high.value, rng.low.bound) == (308, 630, "approx")
    with pytest.raises(ValueError, match="not a money amount"):
        parse_amount("a lot of money")


def test_find_amounts_gives_spans():
    text = "Bitcoin lost over $1 billion while Solana added $17.1 million."
    found = find_amounts(text)
    assert [text[s:e] for s, e, _ in found] == ["over $1 billion", "$17.1 million"]


magnitudes = st.floats(min_value=0.05, max_value=5_000_000, allow_nan=False, allow_infinity=False)


@given(magnitudes, st.sampled_from(["exact", "approx", "over", "under", "nearly"]))
def test_parse_inverts_format_at_the_stated_precision(value, bound):
    text = format_amount(value, bound)
    parsed = parse_amount(text)
    assert isinstance(parsed, Amount)
    # the text is canonical: formatting what was parsed gives the same text back
    assert format_amount(parsed.value, parsed.bound) == text
    if bound in ("exact", "approx"):
        assert abs(parsed.value - value) <= parsed.precision / 2 + 1e-9 * value
    elif bound == "over":
        assert parsed.value <= value + 1e-9  # "over X" stays true
    else:
        assert parsed.value >= value - 1e-9  # "under/nearly X" stays true


@given(magnitudes)
def test_hedge_is_dropped_only_when_rounding_lost_nothing(value):
    text = format_amount(value, "exact")
    parsed = parse_amount(text)
    assert (parsed.bound == "exact") == (parsed.value == pytest.approx(value, rel=1e-12, abs=1e-12))


def test_style_changes_rounding():
    style = dataclasses.replace(shipped().money, billion_decimals=2)
    assert format_amount(1730, "exact", style) == "$1.73 billion"


EN = shipped()


def test_nearly_is_never_written_of_a_value_far_below_it():
    # 0.031 is below 80% of 0.1: "nearly $0.1 million" would be false
    assert format_amount(0.03125, "nearly") == "nearly $0.032 million"
    assert format_amount(0.03, "nearly") == "nearly $0.03 million"  # a source's "nearly $30,000" kept
    assert format_amount(1640.1, "nearly") == "nearly $1.7 billion"  # house step already true
    assert format_amount(1e-9, "nearly") == "under $0.1 million"  # no step makes it true: another true hedge


tiny_to_large = st.floats(min_value=1e-12, max_value=5_000_000, allow_nan=False, allow_infinity=False)


@given(tiny_to_large, st.sampled_from([0.001, 0.1, 1, 10, 100, 1000]))
def test_nearly_x_holds_of_the_value_at_any_precision(value, precision):
    """Whatever is printed as "nearly X" lies in [X * nearly_floor, X]; any other hedge
    printed instead is true of the value too (the interval the linter reads)."""
    style = finer(EN.money, precision) if precision < 1000 else EN.money
    text = format_amount(value, "nearly", style)
    parsed = parse_amount(text, style)
    assert isinstance(parsed, Amount)
    low, high = EN.interval(parsed)
    assert low <= value * (1 + 1e-9) and value <= high * (1 + 1e-9), text
    if parsed.bound == "nearly":
        assert value >= parsed.value * EN.nearly_floor * (1 - 1e-9) and value <= parsed.value * (1 + 1e-9), text
    else:
        assert parsed.bound == "under" and value < 1e-6, text


@given(tiny_to_large, tiny_to_large)
def test_a_nearly_range_is_true_of_both_ends(a, b):
    text = format_range(a, b, "nearly")
    parsed = parse_amount(text)
    assert isinstance(parsed, AmountRange)
    for end, value in ((parsed.low, min(a, b)), (parsed.high, max(a, b))):
        low, high = EN.interval(end)
        assert low <= value * (1 + 1e-9) and value <= high * (1 + 1e-9), text
