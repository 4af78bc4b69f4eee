"""Money strings in, cents inside, strings out; rounding only where the rules say."""

from __future__ import annotations

import numpy as np
import pytest

from kansrijk.rules.money import MoneyError, floor_to_euro, format_cents, format_euros_nl, parse_cents, round_to_euro
from kansrijk.rules.schemes.base import at_least_minimum, paid_monthly, round_yearly


@pytest.mark.parametrize(("text", "cents"), [("21000.00", 2100000), ("0", 0), ("7.5", 750), ("0.01", 1)])
def test_decimal_strings_become_whole_cents(text: str, cents: int) -> None:
    assert parse_cents(text) == cents


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-1.00", "negative"),
        ("1.001", "2 decimals"),
        ("1,00", "decimal string"),
        (12, "decimal string"),
        (1.5, "decimal string"),
        ("", "decimal string"),
        ("01.00", "decimal string"),
        ("1e3", "decimal string"),
        ("100000000.01", "too large"),
    ],
)
def test_bad_money_strings_are_refused_with_a_reason(value: object, message: str) -> None:
    with pytest.raises(MoneyError, match=message):
        parse_cents(value)


def test_cents_are_formatted_back_exactly() -> None:
    assert format_cents(2100000) == "21000.00"
    assert format_cents(5) == "0.05"
    assert format_cents(-5) == "-0.05"
    assert format_euros_nl(14601100) == "€ 146.011"
    assert format_euros_nl(140150) == "€ 1.401,50"


def test_half_a_cent_rounds_up_and_less_does_not() -> None:
    assert list(round_yearly(np.array([5, 4, 15], dtype=np.int64), 10)) == [1, 0, 2]


def test_monthly_amounts_are_paid_rounded_down_to_whole_euros() -> None:
    assert list(paid_monthly(np.array([49999, 50000], dtype=np.int64), 1)) == [49900, 50000]
    assert list(floor_to_euro(np.array([12999], dtype=np.int64))) == [12900]
    assert list(round_to_euro(np.array([2350, 2349], dtype=np.int64))) == [2400, 2300]


def test_the_24_euro_rule_rounds_the_exact_amount_to_euros_first() -> None:
    numerators = np.array([2_350_000, 2_349_999, 2_400_000], dtype=np.int64)  # thousandths of a cent
    assert list(at_least_minimum(numerators, 1000, 2400)) == [True, False, True]
