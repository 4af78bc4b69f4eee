"""The armoedeval: disposable income of the standard household types from 100% to 200% of their
bijstandsnorm, as one vectorised table (ADR 0034).

The x-axis is net monthly income as a percentage of the bijstandsnorm INCLUDING vakantietoeslag,
the way municipal schemes define their limits: net = floor(norm x percent / 100), exactly the
municipal limit at that percentage, so a 120% scheme is kept at 120 and lost at 121.

Where the income comes from (stated, not assumed silently): all of it is the wage of one earner
(the applicant; a partner has no income), from 100% up, as an employee below AOW age. The gross
monthly wage behind each net is computed with the witte maandtabel inverse (`wage_tax.gross_for_net`);
the taxable income the toeslagen test is 12 x that gross wage (holiday allowance spread over the
months; the bijzonder tarief on it is not modelled). A supplemented benefit is not modelled.

Disposable income per year = 12 x net + every national scheme (kinderbijslag, kindgebonden budget,
zorgtoeslag, huurtoeslag) + the inkomensafhankelijke combinatiekorting (a working single parent
with a child under 12; it is not in the monthly table) + the municipality's schemes and the funds,
in order of use (`order.counted`: each need counted once).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from kansrijk.rules.contract import InputError, registry_for
from kansrijk.rules.engine import evaluate
from kansrijk.rules.households import StandardHousehold, build_household, rent_for, youngest_under_12
from kansrijk.rules.local import LocalRule
from kansrijk.rules.net import tax_parameters_on
from kansrijk.rules.order import counted
from kansrijk.rules.params import MissingParameter, ParameterTree, load_parameters
from kansrijk.rules.schemes.base import KIND_NATIONAL
from kansrijk.rules.schemes.bijstandsnorm import norms_on
from kansrijk.rules.tables import I64, build_tables
from kansrijk.rules.wage_tax import gross_for_net, iack_yearly

IACK = "inkomensafhankelijke_combinatiekorting"


@dataclass
class Curve:
    """One row per (type, net income): inputs and the amounts per scheme, all int64 cents."""

    types: list[StandardHousehold]  # per row
    percent: I64
    net_monthly: I64
    gross_monthly: I64
    taxable_yearly: I64
    by_scheme: dict[str, I64]
    disposable_yearly: I64


def norms_for(types: Sequence[StandardHousehold], municipality: str, on: dt.date, tree: ParameterTree) -> I64:
    """Each type's monthly bijstandsnorm including vakantietoeslag on the date (cents)."""
    households = [build_household(t, municipality, 0) for t in types]
    try:
        norms = norms_on(build_tables(households, on), on, tree.at(on))
    except MissingParameter:
        raise InputError("date", f"the bijstandsnorm for {on.isoformat()} is not known") from None
    return norms.incl


def evaluate_incomes(
    types: Sequence[StandardHousehold],
    net_monthly: I64,
    municipality: str,
    on: dt.date,
    rules: Sequence[LocalRule],
    tree: ParameterTree | None = None,
) -> Curve:
    """All amounts for row i = household type `types[i]` with net income `net_monthly[i]`, in one table."""
    tree = tree or load_parameters()
    params = tree.at(on)
    tax = tax_parameters_on(on, tree=tree)
    try:
        rents = {t.key: rent_for(t, params) for t in set(types)}
    except MissingParameter:
        raise InputError("date", f"the huurtoeslag values for {on.isoformat()} are not known") from None
    gross = gross_for_net(net_monthly, tax)
    taxable = gross * 12
    households = [
        build_household(t, municipality, rents[t.key], int(n), int(g))
        for t, n, g in zip(types, net_monthly, taxable, strict=True)
    ]
    tables = build_tables(households, on)
    registry = registry_for(rules, municipality, on)
    schemes = list(registry)
    results = evaluate(tables, on, registry, tree)
    by_scheme: dict[str, I64] = {}
    for scheme, result in zip(schemes, results, strict=True):
        if scheme.kind == KIND_NATIONAL and result.amount_yearly is not None:
            by_scheme[scheme.id] = np.where(result.available, result.amount_yearly, 0).astype(np.int64)
    has_young = np.array([not t.partners and youngest_under_12(t, on) for t in types], dtype=np.bool_)
    by_scheme[IACK] = np.where(has_young, iack_yearly(taxable // 100, tax) * 100, 0).astype(np.int64)
    for key, found in counted(schemes, results).items():
        by_scheme[key] = found.amount
    disposable = net_monthly * 12 + sum(by_scheme.values(), np.zeros(len(types), dtype=np.int64))
    percent = np.zeros(len(types), dtype=np.int64)
    return Curve(list(types), percent, net_monthly, gross, taxable, by_scheme, disposable)


def curve(
    types: Sequence[StandardHousehold],
    municipality: str,
    on: dt.date,
    rules: Sequence[LocalRule],
    percents: Sequence[int],
    tree: ParameterTree | None = None,
) -> Curve:
    """Every type x every percentage of its bijstandsnorm, as one table (types outer, percents inner)."""
    tree = tree or load_parameters()
    norms = norms_for(types, municipality, on, tree)
    steps = np.array(percents, dtype=np.int64)
    net = (norms[:, None] * steps[None, :] // 100).reshape(-1)
    rows = [t for t in types for _ in percents]
    found = evaluate_incomes(rows, net, municipality, on, rules, tree)
    found.percent = np.tile(steps, len(types))
    return found


def _rate(before_disposable: int, after_disposable: int, before_gross: int, after_gross: int) -> float | None:
    """Effective marginal rate: the share of one more euro of gross wage that does not reach disposable
    income (1 - change in disposable / change in yearly gross wage)."""
    gross_change = (after_gross - before_gross) * 12
    if gross_change == 0:
        return None
    return round(float(1 - Fraction(after_disposable - before_disposable, gross_change)), 4)


def rows_for(found: Curve, start: int, stop: int) -> list[dict[str, Any]]:
    """The JSON rows of one type (rows start..stop-1 of the curve), with marginal rates and cliffs."""
    rows: list[dict[str, Any]] = []
    for i in range(start, stop):
        amounts = {key: int(values[i]) for key, values in found.by_scheme.items()}
        row: dict[str, Any] = {
            "percent": int(found.percent[i]),
            "net_income_monthly_cents": int(found.net_monthly[i]),
            "gross_wage_monthly_cents": int(found.gross_monthly[i]),
            "taxable_income_yearly_cents": int(found.taxable_yearly[i]),
            "disposable_yearly_cents": int(found.disposable_yearly[i]),
            "by_scheme": amounts,
            "marginal_rate": None,
            "cliff": [],
        }
        if i > start:
            before, after = int(found.disposable_yearly[i - 1]), int(found.disposable_yearly[i])
            row["marginal_rate"] = _rate(before, after, int(found.gross_monthly[i - 1]), int(found.gross_monthly[i]))
            if after < before:
                row["cliff"] = [k for k, v in found.by_scheme.items() if int(v[i]) < int(v[i - 1])]
        rows.append(row)
    return rows
