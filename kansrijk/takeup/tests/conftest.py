"""Fixtures of the take-up tests: the demo world (Leudal's schemes and the funds)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache

from kansrijk.screener.selectors import forget_local_rules, forget_municipality_codes


@pytest.fixture
def demo(municipalities: None) -> None:
    from kansrijk.demo.loaders import organisations, screener

    organisations.load()
    screener.load()


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    forget_municipality_codes()
    forget_local_rules()
    cache.clear()
    yield
    forget_municipality_codes()
    forget_local_rules()
    cache.clear()
