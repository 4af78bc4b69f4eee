"""The armoedeval: one vectorised table, limits exactly at the limit, national amounts as `screen` has them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest

from kansrijk.rules.armoedeval import IACK, curve, evaluate_incomes, norms_for, rows_for
from kansrijk.rules.contract import InputError, screen
from kansrijk.rules.households import BY_KEY, STANDARD_HOUSEHOLDS, build_household, rent_for, school_for
from kansrijk.rules.local import rule_from_dict
from kansrijk.rules.params import load_parameters

ON = dt.date(2026, 3, 1)
HERE = "GM0363"
KINDPAKKET = rule_from_dict(
    {
        "key": "GM0363/kindpakket",
        "label": "Kindpakket",
        "kind": "municipal",
        "rank": 10,
        "provider": "Gemeente",
        "municipality": HERE,
        "start": "2025-01-01",
        "source": {"title": "Testregeling", "href": "https://example.org/kindpakket"},
        "needs": ["sport"],
        "income_test": "bijstandsnorm",
        "income_limit_percent": 120,
        "child_age_min": 4,
        "child_age_max": 17,
        "amount_per_child": 30000,
    }
)


def test_a_120_percent_limit_keeps_the_scheme_one_cent_below_and_at_and_loses_it_one_cent_above() -> None:
    household = BY_KEY["single_parent_2"]
    norm = int(norms_for([household], HERE, ON, load_parameters())[0])
    limit = norm * 120 // 100
    nets = np.array([limit - 1, limit, limit + 1], dtype=np.int64)
    found = evaluate_incomes([household] * 3, nets, HERE, ON, [KINDPAKKET])
    assert found.by_scheme["GM0363/kindpakket"].tolist() == [60000, 60000, 0]


def test_the_curve_changes_exactly_at_120_and_reports_the_cliff_with_its_scheme() -> None:
    found = curve([BY_KEY["single_parent_2"]], HERE, ON, [KINDPAKKET], list(range(100, 201)))
    rows = rows_for(found, 0, 101)
    at = {row["percent"]: row for row in rows}
    assert at[120]["by_scheme"]["GM0363/kindpakket"] == 60000
    assert at[121]["by_scheme"]["GM0363/kindpakket"] == 0
    assert "GM0363/kindpakket" in at[121]["cliff"]
    assert at[121]["disposable_yearly_cents"] < at[120]["disposable_yearly_cents"]
    assert at[121]["marginal_rate"] > 1
    assert rows[0]["marginal_rate"] is None


def test_all_types_times_101_steps_are_one_table() -> None:
    found = curve(list(STANDARD_HOUSEHOLDS), HERE, ON, [KINDPAKKET], list(range(100, 201)))
    assert found.disposable_yearly.shape == (len(STANDARD_HOUSEHOLDS) * 101,)
    assert (found.net_monthly[1:101] >= found.net_monthly[:100]).all()


def test_the_net_income_behind_every_step_is_reached_by_its_gross_wage() -> None:
    from kansrijk.rules.wage_tax import tax_parameters, wage_tax

    found = curve(list(STANDARD_HOUSEHOLDS), HERE, ON, [], list(range(100, 201)))
    table = wage_tax(found.gross_monthly, tax_parameters(load_parameters().at(ON)))
    assert (table.net_monthly >= found.net_monthly).all()
    assert (table.net_monthly - found.net_monthly < 500).all()  # at most one table step (€ 4,50) above
    assert (found.taxable_yearly == found.gross_monthly * 12).all()


def test_a_working_single_parent_with_a_child_under_12_gets_the_iack_and_a_couple_earner_does_not() -> None:
    found = curve([BY_KEY["single_parent_2"], BY_KEY["couple_2"]], HERE, ON, [], [150])
    assert found.by_scheme[IACK][0] > 0
    assert found.by_scheme[IACK][1] == 0


def _screen_amounts(household_key: str, net: int, taxable: int) -> dict[str, Any]:
    household = BY_KEY[household_key]
    adults = [
        {
            "age": 35,
            "taxable_income_yearly": f"{taxable / 100:.2f}",
            "net_income_monthly": f"{net / 100:.2f}",
            "insured": True,
        }
    ]
    if household.partners:
        adults.append({"age": 35, "taxable_income_yearly": "0.00", "net_income_monthly": "0.00", "insured": True})
    rent_cents = build_household(household, HERE, rent_for(household, load_parameters().at(ON))).rent_monthly
    payload = {
        "date": ON.isoformat(),
        "municipality": HERE,
        "household": {
            "adults": adults,
            "children": [{"age": age, "school": school_for(age)} for age in household.child_ages],
            "partners": household.partners,
            "assets": "0.00",
            "rent_monthly": f"{rent_cents / 100:.2f}",
        },
    }
    answer = screen(payload, {HERE})
    assert isinstance(answer, dict)
    return {r["scheme"]: r for r in answer["results"] if r["kind"] == "national"}


@pytest.mark.parametrize("household", STANDARD_HOUSEHOLDS, ids=lambda h: h.key)
def test_national_amounts_equal_kansrijk_screen_for_20_income_points(household: Any) -> None:
    percents = list(range(100, 200, 5))  # 20 points
    found = curve([household], HERE, ON, [], percents)
    for i in range(len(percents)):
        screened = _screen_amounts(household.key, int(found.net_monthly[i]), int(found.taxable_yearly[i]))
        assert screened, "screen gave no national schemes"
        for scheme, result in screened.items():
            expected = round(float(result["amount_yearly"]) * 100) if result["available"] else 0
            assert int(found.by_scheme[scheme][i]) == expected, (household.key, percents[i], scheme)


def test_an_unknown_date_names_the_date() -> None:
    with pytest.raises(InputError) as raised:
        curve([BY_KEY["single"]], HERE, dt.date(2027, 3, 1), [], [100])
    assert raised.value.field == "date"
