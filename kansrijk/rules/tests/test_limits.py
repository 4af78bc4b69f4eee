"""Walk every income and asset limit of every year with parameters: at the limit, and just above."""

from __future__ import annotations

import datetime as dt

import pytest

from kansrijk.rules.money import format_cents
from kansrijk.rules.params import load_parameters
from kansrijk.rules.tests.helpers import household, screen_one

YEARS = (2025, 2026)
CHILD = ({"age": 7, "school": "primary"},)


def _money(name: str, year: int) -> int:
    return load_parameters().at(dt.date(year, 1, 1)).money(name)


ASSET_LIMITS = [
    ("kindgebonden_budget", "kindgebonden_budget.vermogensgrens_alleenstaande", False, CHILD, YEARS),
    ("kindgebonden_budget", "kindgebonden_budget.vermogensgrens_partner", True, CHILD, YEARS),
    ("zorgtoeslag", "zorgtoeslag.vermogensgrens_alleenstaande", False, (), YEARS),
    ("zorgtoeslag", "zorgtoeslag.vermogensgrens_partner", True, (), YEARS),
    ("huurtoeslag", "huurtoeslag.vermogensgrens_per_persoon", False, (), (2026,)),
    ("huurtoeslag", "huurtoeslag.vermogensgrens_partner", True, (), (2026,)),
]
CASES = [(s, n, p, c, y) for s, n, p, c, years in ASSET_LIMITS for y in years]


@pytest.mark.parametrize(("scheme", "name", "partners", "children", "year"), CASES)
def test_assets_at_the_limit_keep_the_right_and_one_cent_or_euro_above_lose_it(
    scheme: str, name: str, partners: bool, children: tuple[dict[str, object], ...], year: int
) -> None:
    limit = _money(name, year)
    incomes = ("15000.00", "0.00") if partners else ("15000.00",)
    for assets, expected in ((limit, True), (limit + 1, False), (limit + 100, False)):
        data = household(
            incomes=incomes, partners=partners, children=children, assets=format_cents(assets), rent="700.00"
        )
        result = screen_one(f"{year}-02-01", data)[scheme]
        assert result["eligible"] is expected, (name, year, assets)


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("partners", [False, True])
def test_kindgebonden_budget_drempel_at_gives_no_reduction_and_one_euro_above_does(year: int, partners: bool) -> None:
    threshold = _money("algemeen.drempelinkomen", year)
    if partners:
        threshold += _money("kindgebonden_budget.verhoging_drempel_partner", year)
    incomes_at = (format_cents(threshold), "0.00") if partners else (format_cents(threshold),)
    incomes_above = (format_cents(threshold + 100), "0.00") if partners else (format_cents(threshold + 100),)
    at = screen_one(f"{year}-03-01", household(incomes=incomes_at, partners=partners, children=CHILD))
    above = screen_one(f"{year}-03-01", household(incomes=incomes_above, partners=partners, children=CHILD))
    assert at["kindgebonden_budget"]["parts"]["verlaging_inkomen"] == "0.00"
    assert above["kindgebonden_budget"]["parts"]["verlaging_inkomen"] != "0.00"


@pytest.mark.parametrize(
    ("year", "partners", "ceiling"),
    [
        (2025, False, 39719),
        (2025, True, 50206),
        (2026, False, 40857),
        (2026, True, 51142),
    ],
)
def test_zorgtoeslag_published_income_ceilings_hold_at_and_fail_one_euro_above(
    year: int, partners: bool, ceiling: int
) -> None:
    for income, expected in ((ceiling, True), (ceiling + 1, False)):
        incomes = (f"{income}.00", "0.00") if partners else (f"{income}.00",)
        result = screen_one(f"{year}-01-01", household(incomes=incomes, partners=partners))
        assert result["zorgtoeslag"]["eligible"] is expected, (year, partners, income)


@pytest.mark.parametrize(("persons", "name"), [(1, "eenpersoons"), (2, "meerpersoons")])
def test_huurtoeslag_inkomensijkpunt_at_gives_no_reduction_and_one_euro_above_does(persons: int, name: str) -> None:
    point = _money(f"huurtoeslag.inkomensijkpunt_{name}", 2026)
    children = CHILD if persons == 2 else ()

    def reduction(income: int) -> str:
        data = household(incomes=(format_cents(income),), children=children, rent="700.00")
        return str(screen_one("2026-01-01", data)["huurtoeslag"]["parts"]["verlaging_inkomen"])

    assert reduction(point) == "0.00"
    assert reduction(point + 100) != "0.00"
