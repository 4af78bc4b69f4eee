"""Fixtures of the screener tests: the demo world (Leudal's schemes and the funds)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from kansrijk.screener.selectors import forget_municipality_codes


@pytest.fixture
def demo(municipalities: None) -> None:
    from kansrijk.demo.loaders import organisations, screener

    organisations.load()
    screener.load()


@pytest.fixture(autouse=True)
def _fresh_codes() -> Iterator[None]:
    forget_municipality_codes()
    yield
    forget_municipality_codes()


def leudal_request(
    *, net: str = "1500.00", on: str = "2026-11-22", ages: tuple[int, ...] = (6, 10), partners: bool = False
) -> dict[str, Any]:
    """A family in Leudal: one parent (or two), children at primary school, renting."""
    adults = [{"age": 35, "taxable_income_yearly": "21000.00", "net_income_monthly": net, "insured": True}]
    if partners:
        adults.append({"age": 37, "taxable_income_yearly": "0.00", "net_income_monthly": "0.00", "insured": True})
    return {
        "date": on,
        "municipality": "GM1640",
        "household": {
            "adults": adults,
            "children": [{"age": age, "school": "primary" if age < 12 else "secondary"} for age in ages],
            "partners": partners,
            "assets": "1000.00",
            "rent_monthly": "650.00",
        },
    }
