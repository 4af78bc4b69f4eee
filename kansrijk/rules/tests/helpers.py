"""Shared helpers for the rules tests (no Django)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from kansrijk.rules.contract import screen
from kansrijk.rules.local import rule_from_dict

RULES_DIR = Path(__file__).resolve().parent.parent
CASES_DIR = RULES_DIR / "cases"
KNOWN = frozenset({"GM0363", "GM0014"})


def load_cases() -> list[tuple[str, dict[str, Any]]]:
    """Every case of every YAML case file, with an id "scheme/file: name"."""
    found = []
    for path in sorted(CASES_DIR.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            found.append((f"{path.parent.name}/{path.stem}: {case['name']}", case))
    return found


def run_case(case: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Screen a case's household on its date; results by scheme id."""
    request = {
        "date": str(case["date"]),
        "municipality": case.get("municipality", "GM0363"),
        "household": copy.deepcopy(case["household"]),
    }
    rules = [rule_from_dict(rule) for rule in case.get("local_rules", ())]
    answer = screen(request, KNOWN | {"GM1640"}, (lambda municipality: rules) if rules else None)
    assert isinstance(answer, dict)
    return {result["scheme"]: result for result in answer["results"]}


def household(
    *,
    incomes: tuple[str, ...] = ("20000.00",),
    partners: bool = False,
    children: tuple[dict[str, Any], ...] = (),
    assets: str = "0.00",
    rent: str = "0.00",
    ages: tuple[int, ...] = (35, 35),
    insured: tuple[bool, ...] = (True, True),
) -> dict[str, Any]:
    """A contract household built from a few knobs."""
    adults = [
        {
            "age": ages[i],
            "taxable_income_yearly": income,
            "net_income_monthly": "1500.00",
            "insured": insured[i],
        }
        for i, income in enumerate(incomes)
    ]
    return {
        "adults": adults,
        "children": list(children),
        "partners": partners,
        "assets": assets,
        "rent_monthly": rent,
    }


def screen_one(on: str, data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return run_case({"date": on, "household": data})
