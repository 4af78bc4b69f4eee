"""Values the screener repeats from the social map and the rules (no import between them) agree."""

from __future__ import annotations

from kansrijk.rules import local, order
from kansrijk.screener.constants import NEEDS, RANK_CHOICES, IncomeTest, School
from kansrijk.socialmap.constants import NEEDS as SOCIAL_MAP_NEEDS


def test_the_need_codes_are_the_social_maps() -> None:
    assert [code for code, _name in NEEDS] == [need.code for need in SOCIAL_MAP_NEEDS]


def test_income_tests_and_ranks_are_the_rules_own() -> None:
    assert set(IncomeTest.values) == set(local.INCOME_TESTS)
    assert {rank for rank, _label in RANK_CHOICES} == set(order.RANKS.values())


def test_school_types_are_the_rules_own() -> None:
    from kansrijk.rules.tables import SCHOOLS

    assert tuple(School.values) == SCHOOLS
