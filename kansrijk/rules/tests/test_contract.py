"""The screening contract: validation names the field; lists answer good items and flag bad ones."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from kansrijk.rules.contract import InputError, screen
from kansrijk.rules.tests.helpers import KNOWN

REQUEST: dict[str, Any] = {
    "date": "2026-01-01",
    "municipality": "GM0363",
    "household": {
        "adults": [{"age": 34, "taxable_income_yearly": "21000.00", "net_income_monthly": "1350.00", "insured": True}],
        "children": [{"age": 4, "birth_date": "2021-05-02", "school": "primary"}],
        "partners": False,
        "assets": "2000.00",
        "rent_monthly": "700.00",
    },
}


def _with(path: str, value: Any) -> dict[str, Any]:
    request = copy.deepcopy(REQUEST)
    target: Any = request
    keys = path.replace("[", ".").replace("]", "").split(".")
    for key in keys[:-1]:
        target = target[int(key)] if key.isdigit() else target[key]
    last = keys[-1]
    if value is KeyError:
        del target[last]
    elif last.isdigit():
        target[int(last)] = value
    else:
        target[last] = value
    return request


def test_a_valid_request_gets_all_national_schemes_in_order() -> None:
    answer = screen(REQUEST, KNOWN)
    assert isinstance(answer, dict)
    assert answer["date"] == "2026-01-01"
    assert answer["municipality"] == "GM0363"
    schemes = [r["scheme"] for r in answer["results"]]
    assert schemes == ["kinderbijslag", "kindgebonden_budget", "zorgtoeslag", "huurtoeslag", "bijstandsnorm"]
    assert [r["order"] for r in answer["results"]] == [1, 2, 3, 4, 5]
    kgb = answer["results"][1]
    assert kgb["kind"] == "national"
    assert kgb["amount_monthly"] == "499.00"
    assert kgb["amount_quarterly"] is None
    assert all({"name", "holds", "explanation", "reference"} <= set(c) for c in kgb["conditions"])


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        ("date", KeyError, "date"),
        ("date", "2026-02-30", "date"),
        ("date", "20260101", "date"),
        ("municipality", "GM9999", "municipality"),
        ("municipality", 363, "municipality"),
        ("household", KeyError, "household"),
        ("household.adults", [], "household.adults"),
        ("household.adults[0].age", "34", "household.adults[0].age"),
        ("household.adults[0].age", True, "household.adults[0].age"),
        ("household.adults[0].taxable_income_yearly", "-1.00", "household.adults[0].taxable_income_yearly"),
        ("household.adults[0].net_income_monthly", "1350.001", "household.adults[0].net_income_monthly"),
        ("household.adults[0].insured", "yes", "household.adults[0].insured"),
        ("household.children[0].age", 4.5, "household.children[0].age"),
        ("household.children[0].age", 5, "household.children[0].age"),
        ("household.children[0].school", "university", "household.children[0].school"),
        ("household.children[0].birth_date", "2027-01-01", "household.children[0].birth_date"),
        ("household.children[0]", "child", "household.children[0]"),
        ("household.partners", KeyError, "household.partners"),
        ("household.partners", True, "household.partners"),
        ("household.assets", 2000, "household.assets"),
        ("household.rent_monthly", "-700.00", "household.rent_monthly"),
    ],
)
def test_bad_input_names_the_field(path: str, value: Any, field: str) -> None:
    with pytest.raises(InputError) as raised:
        screen(_with(path, value), KNOWN)
    assert raised.value.field == field
    assert raised.value.message


def test_a_list_answers_good_items_and_gives_bad_items_an_error() -> None:
    bad = _with("household.children[0].age", "four")
    answers = screen([REQUEST, bad, "nonsense"], KNOWN)
    assert isinstance(answers, list)
    assert len(answers) == 3
    assert answers[0]["results"]
    assert answers[1] == {"error": {"field": "household.children[0].age", "message": "must be a whole number"}}
    assert answers[2]["error"]["field"] == "body"


def test_age_alone_holds_for_the_whole_year_and_birth_date_is_optional() -> None:
    answer = screen(_with("household.children[0].birth_date", KeyError), KNOWN)
    assert isinstance(answer, dict)
    assert answer["results"][0]["amount_yearly"] == "1186.94"  # 2 x 295.07 + 2 x 298.40


def test_unverified_is_reported_when_a_result_uses_an_unverified_value() -> None:
    answer = screen(REQUEST, KNOWN)
    assert isinstance(answer, dict)
    flags = {r["scheme"]: r["unverified"] for r in answer["results"]}
    assert flags["bijstandsnorm"] is True
    assert flags["kindgebonden_budget"] is False
