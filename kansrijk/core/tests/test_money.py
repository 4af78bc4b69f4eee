"""One money module (ADR 0026): "€ 1.234,56" everywhere, exact cents, no float on a money path."""

from __future__ import annotations

import ast
from decimal import Decimal
from pathlib import Path

import pytest
from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from kansrijk.core.money import (
    MoneyInputError,
    cents_from_decimal_text,
    decimal_text,
    format_euros,
    format_money_input,
    json_amount,
    parse_money,
)
from kansrijk.rules.money import MAX_CENTS

ROOT = Path(__file__).resolve().parents[2]
MONEY_WORDS = ("cents", "amount", "euro", "money")


@pytest.mark.parametrize(
    ("cents", "shown"),
    [
        (0, "€ 0,00"),
        (5, "€ 0,05"),
        (25000, "€ 250,00"),
        (123456, "€ 1.234,56"),
        (123456789, "€ 1.234.567,89"),
        (-550, "€ -5,50"),
        (-123456, "€ -1.234,56"),
    ],
)
def test_amounts_are_shown_the_dutch_way_with_two_decimals(cents, shown):
    assert format_euros(cents) == shown


@pytest.mark.parametrize(("typed", "cents"), [("1.234,56", 123456), ("1234,56", 123456), ("€ 12", 1200)])
def test_the_three_ways_people_type_an_amount_are_read(typed, cents):
    assert parse_money(typed).cents == cents


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("12,3456", "Gebruik niet meer dan 2 cijfers na de komma"),
        ("twaalf", "Vul een bedrag in euro in"),
        ("-5", "zonder minteken"),
    ],
)
def test_amounts_that_cannot_be_read_get_a_clear_dutch_message(typed, message):
    with pytest.raises(MoneyInputError, match=message):
        parse_money(typed)


@pytest.mark.parametrize("function", [format_euros, format_money_input, decimal_text, json_amount])
def test_a_float_is_never_money(function):
    with pytest.raises(TypeError):
        function(12.5)
    with pytest.raises(TypeError):
        parse_money(12.5)  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=MAX_CENTS))
def test_parsing_what_was_formatted_gives_the_same_cents(cents):
    assert parse_money(format_euros(cents)).cents == cents
    assert parse_money(format_money_input(cents)).cents == cents


@given(st.integers(min_value=-MAX_CENTS, max_value=MAX_CENTS))
def test_export_text_reads_back_to_the_same_cents(cents):
    assert cents_from_decimal_text(decimal_text(cents)) == cents
    assert Decimal(decimal_text(cents)) * 100 == cents


@pytest.mark.parametrize(("text", "cents"), [("12", 1200), ("12.5", 1250), ("12.50", 1250), ("-3.25", -325)])
def test_export_amounts_are_read_exactly(text, cents):
    assert cents_from_decimal_text(text) == cents


@pytest.mark.parametrize("text", ["12.345", "1e3", "12,50", "", "nan"])
def test_export_amounts_with_more_than_two_decimals_or_not_numbers_are_refused(text):
    with pytest.raises(ValueError, match=r"amount|decimals"):
        cents_from_decimal_text(text)


def test_a_json_amount_is_an_exact_number():
    assert json_amount(1200) == 12 and isinstance(json_amount(1200), int)
    assert json_amount(1250) == Decimal("12.50")


def test_the_template_filter_shows_euros_and_nothing_for_no_amount():
    template = Template("{% load money %}[{{ a|euros }}][{{ b|euros }}]")
    assert template.render(Context({"a": 22500, "b": None})) == "[€ 225,00][]"


# -- no float on a money path ----------------------------------------------------------------------


def _money_functions() -> list[tuple[str, ast.AST]]:
    """Every function outside `rules` (checked by its own meta-test), tests and migrations whose
    source speaks of money (cents, amount, euro), and every function of the money module."""
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if parts[0] == "rules" or "tests" in parts or "migrations" in parts:
            continue
        source = path.read_text(encoding="utf-8")
        whole_module = path == ROOT / "core" / "money.py"
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef):
                text = (ast.get_source_segment(source, node) or "").lower()
                if whole_module or any(word in text for word in MONEY_WORDS):
                    found.append((f"{'/'.join(parts)}::{node.name}", node))
    return found


def _float_uses(node: ast.AST) -> list[str]:
    problems = []
    for inner in ast.walk(node):
        if isinstance(inner, ast.Constant) and isinstance(inner.value, float):
            problems.append(f"float literal at line {inner.lineno}")
        if isinstance(inner, ast.BinOp) and isinstance(inner.op, ast.Div):
            problems.append(f"true division at line {inner.lineno}")
        if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and inner.func.id == "float":
            problems.append(f"float() at line {inner.lineno}")
    return problems


# Functions that speak of money but compute no money: each says why.
NOT_MONEY = {
    "policy/management/commands/whatif.py::_answer": "the take-up rate is an exact Fraction; float() only prints "
    "the rate itself in the JSON answer",
    "screener/population.py::threshold_euros": "the 120% line as a point on CBS's income distribution for "
    "calibration (a statistic, compared with standardised incomes); no amount anyone receives",
    "screener/population.py::population_targets": "statistics for calibration (income shares, a median income in "
    "euros as CBS publishes it); it computes no amount anyone receives",
    "socialmap/hsds/tables.py::_parse_float": "parses coordinates; its amount parser is `_parse_cents`",
}


def test_no_function_on_a_money_path_uses_a_float():
    functions = _money_functions()
    assert any(name == "core/money.py::format_euros" for name, _ in functions)
    assert any(name.startswith("referrals/forms.py::") for name, _ in functions)
    problems = {name: found for name, node in functions if name not in NOT_MONEY and (found := _float_uses(node))}
    assert problems == {}


def test_the_float_check_finds_a_float_conversion():
    bad = ast.parse("def show(cents):\n    return cents / 100\n\ndef other(amount):\n    return float(amount)\n")
    assert [problem for node in bad.body for problem in _float_uses(node)] == [
        "true division at line 2",
        "float() at line 5",
    ]
