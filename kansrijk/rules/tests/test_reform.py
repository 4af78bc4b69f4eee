"""The reform engine: baseline and reform over the same population."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import lru_cache

import pytest

from kansrijk.rules.local import rule_from_dict
from kansrijk.rules.population import generate
from kansrijk.rules.reform import Reform, compare
from kansrijk.rules.tables import Tables
from kansrijk.rules.tests.helpers import RULES_DIR

CSV = RULES_DIR.parent / "municipalities" / "data" / "gemeenten_bevolking_oppervlakte_2024.csv"
HERE = "GM1640"
ON = dt.date(2026, 3, 1)
KINDPAKKET = rule_from_dict(
    {
        "key": f"{HERE}/kindpakket",
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


@lru_cache(maxsize=2)
def population(year: int) -> Tables:
    return generate(CSV, on=dt.date(year, 1, 1), municipality=HERE, seed=17)


@pytest.mark.parametrize("limit", [100, 110, 120, 125, 130, 150, 200])
def test_a_raised_limit_never_reaches_fewer_households_than_the_baseline(limit: int) -> None:
    found = compare([KINDPAKKET], Reform(KINDPAKKET.key, income_limit_percent=limit), HERE, population(2026), ON)
    assert found.baseline.households > 0
    if limit >= 120:
        assert found.reform.households >= found.baseline.households
        assert found.reform.children >= found.baseline.children
    if limit > 120:
        assert found.reform.households > found.baseline.households
    if limit < 120:
        assert found.reform.households < found.baseline.households


def test_a_future_date_never_gives_0_it_uses_the_last_known_national_values() -> None:
    future = dt.date(2031, 6, 1)
    found = compare([KINDPAKKET], Reform(KINDPAKKET.key, income_limit_percent=130), HERE, population(2031), future)
    assert found.baseline.households > 0
    assert found.reform.households > found.baseline.households
    assert found.reform.cost_cents > 0


def test_an_amount_change_changes_the_cost_not_the_reach() -> None:
    found = compare([KINDPAKKET], Reform(KINDPAKKET.key, amount_per_child=45000), HERE, population(2026), ON)
    assert found.reform.households == found.baseline.households
    assert found.reform.cost_cents * 2 == found.baseline.cost_cents * 3


def test_a_later_start_date_means_no_reach_before_it_and_a_new_scheme_is_added() -> None:
    later = compare([KINDPAKKET], Reform(KINDPAKKET.key, start=dt.date(2027, 1, 1)), HERE, population(2026), ON)
    assert later.reform.households == 0
    new = replace(KINDPAKKET, key=f"{HERE}/nieuw", label="Nieuwe regeling")
    added = compare([KINDPAKKET], Reform(new.key, new_rule=new), HERE, population(2026), ON)
    assert added.baseline.households == 0
    assert added.reform.households > 0
