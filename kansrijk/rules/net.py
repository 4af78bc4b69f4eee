"""The `kansrijk net` contract, pure: a monthly gross wage and a date in, the witte maandtabel out.

`net_monthly(monthly_wage="4000.00", date="2026-01-01")` answers
`{"wage_tax_monthly": "818.67", "wage_tax_monthly_without_credits": "1442.17",
"arbeidskorting_monthly": "461.00", "net_monthly": "3181.33"}` (standard monthly table, employee
below AOW age, with loonheffingskorting); bad input raises `InputError` naming the field.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from kansrijk.rules.contract import FIRST_DATE, LAST_DATE, InputError
from kansrijk.rules.money import MoneyError, format_cents, parse_cents
from kansrijk.rules.params import MissingParameter, ParameterTree, load_parameters
from kansrijk.rules.wage_tax import TaxParameters, tax_parameters, wage_tax


def parse_date(value: object, field: str) -> dt.date:
    if not isinstance(value, str) or len(value) != 10:
        raise InputError(field, "must be a date like 2026-01-01")
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(field, "is not a valid date (like 2026-01-01)") from None
    if not FIRST_DATE <= parsed <= LAST_DATE:
        raise InputError(field, "must lie between 2000-01-01 and 2100-12-31")
    return parsed


def tax_parameters_on(on: dt.date, field: str = "date", tree: ParameterTree | None = None) -> TaxParameters:
    """The tax parameters of a date, or `InputError(field)` when they are not known for it."""
    try:
        return tax_parameters((tree or load_parameters()).at(on))
    except MissingParameter:
        raise InputError(field, f"the income-tax values for {on.isoformat()} are not known") from None


def net_monthly(monthly_wage: object, date: object) -> dict[str, str]:
    """The monthly table for one wage on one date, amounts as strings in euros with two decimals."""
    try:
        cents = parse_cents(monthly_wage)
    except MoneyError as error:
        raise InputError("monthly-wage", str(error)) from None
    on = parse_date(date, "date")
    table = wage_tax(np.array([cents], dtype=np.int64), tax_parameters_on(on))
    return {
        "wage_tax_monthly": format_cents(table.wage_tax_monthly[0]),
        "wage_tax_monthly_without_credits": format_cents(table.wage_tax_monthly_without_credits[0]),
        "arbeidskorting_monthly": format_cents(table.arbeidskorting_monthly[0]),
        "net_monthly": format_cents(table.net_monthly[0]),
    }
