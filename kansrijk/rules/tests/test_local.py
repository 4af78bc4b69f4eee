"""Municipal schemes and funds as data: selection by date and place, order of use, no need counted twice."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from kansrijk.rules.contract import screen
from kansrijk.rules.engine import evaluate
from kansrijk.rules.funds import FUNDS
from kansrijk.rules.local import LocalScheme, rule_from_dict, select_rules
from kansrijk.rules.order import counted
from kansrijk.rules.schemes import SchemeRegistry
from kansrijk.rules.tests.helpers import KNOWN
from kansrijk.rules.tests.test_engine_consistency import small_population

KINDPAKKET: dict[str, Any] = {
    "key": "GM1640/kindpakket", "label": "Kindpakket", "kind": "municipal", "rank": 10, "provider": "Gemeente",
    "municipality": "GM1640", "start": "2026-01-01", "needs": ["sport", "cultuur", "schoolkosten"],
    "income_test": "bijstandsnorm", "income_limit_percent": 120, "child_age_min": 4, "child_age_max": 17,
    "amount_per_child": 25000, "source": {"title": "Test", "href": "https://example.org"},
}  # fmt: skip
FUND_RULES = [rule_from_dict({**f, "provider": f["label"], "municipality": None}) for f in FUNDS]
REQUEST: dict[str, Any] = {
    "date": "2026-11-22",
    "municipality": "GM1640",
    "household": {
        "adults": [{"age": 34, "taxable_income_yearly": "21000.00", "net_income_monthly": "1500.00", "insured": True}],
        "children": [{"age": 8, "school": "primary"}],
        "partners": False,
        "assets": "0.00",
        "rent_monthly": "700.00",
    },
}


def test_a_rule_applies_only_from_its_start_and_through_its_end() -> None:
    old = replace(rule_from_dict(KINDPAKKET), end=dt.date(2026, 6, 30))
    new = replace(rule_from_dict(KINDPAKKET), start=dt.date(2026, 7, 1), income_limit_percent=130)
    assert select_rules([old, new], "GM1640", dt.date(2025, 12, 31)) == []
    assert select_rules([old, new], "GM1640", dt.date(2026, 6, 30)) == [old]
    assert select_rules([old, new], "GM1640", dt.date(2026, 7, 1)) == [new]
    assert select_rules([old, new], "GM0363", dt.date(2026, 7, 1)) == []


def test_a_funds_local_row_replaces_its_national_row_there() -> None:
    national = next(r for r in FUND_RULES if r.key == "leergeld")
    local = replace(national, municipality="GM1640", income_limit_percent=130)
    assert select_rules([national, local], "GM1640", dt.date(2026, 1, 1)) == [local]
    assert select_rules([national, local], "GM0363", dt.date(2026, 1, 1)) == [national]


def test_every_fund_row_has_a_source_and_secondary_values_are_marked() -> None:
    for rule in FUND_RULES:
        assert rule.source.href.startswith("https://")
        assert rule.source.title
        if rule.income_test == "bijstandsnorm":
            assert rule.unverified, rule.key  # local limits vary: marked as such


def test_the_answer_lists_municipal_scheme_then_funds_and_marks_fallbacks() -> None:
    rules = [rule_from_dict(KINDPAKKET), *FUND_RULES]
    answer = screen(REQUEST, KNOWN | {"GM1640"}, lambda code: rules)
    assert isinstance(answer, dict)
    local = [r for r in answer["results"] if r["kind"] in ("municipal", "fund")]
    assert [r["scheme"] for r in local][:4] == [
        "GM1640/kindpakket",
        "jeugdfonds_sport_cultuur",
        "leergeld",
        "kinderhulp",
    ]
    fallback = {r["scheme"]: r["fallback"] for r in local}
    assert fallback == {
        "GM1640/kindpakket": False, "jeugdfonds_sport_cultuur": True, "leergeld": False, "kinderhulp": False,
        "jarige_job": False, "speelgoedbank": False, "voedselbank": False,
    }  # fmt: skip


def test_without_local_rules_the_answer_is_the_national_one() -> None:
    answer = screen(REQUEST, KNOWN | {"GM1640"})
    assert isinstance(answer, dict)
    assert [r["kind"] for r in answer["results"]] == ["national"] * 4 + ["yardstick"]


def test_over_a_population_a_need_is_counted_once_in_order_of_use() -> None:
    tables = small_population()
    rules = [replace(rule_from_dict(KINDPAKKET), municipality=None), *FUND_RULES[:2]]
    registry = SchemeRegistry(LocalScheme(rule) for rule in rules)
    results = evaluate(tables, dt.date(2026, 4, 1), registry)
    first = counted(list(registry), results)
    kindpakket, jeugdfonds = results[0], results[1]
    assert kindpakket.eligible.any()
    # Jeugdfonds (120%, sport + culture) is never first where the kindpakket (120%) already covers both needs.
    assert not (first["jeugdfonds_sport_cultuur"].first & kindpakket.eligible).any()
    assert (first["GM1640/kindpakket"].first == kindpakket.eligible).all()
    assert int(kindpakket.counts["kinderen"].sum()) >= int(kindpakket.eligible.sum())
    assert jeugdfonds.eligible.sum() >= 0
