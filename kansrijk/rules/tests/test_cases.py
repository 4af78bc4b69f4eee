"""Run every YAML scenario in `cases/`: household in, amounts and conditions out."""

from __future__ import annotations

from typing import Any

import pytest

from kansrijk.rules.tests.helpers import load_cases, run_case

CASES = load_cases()


@pytest.mark.parametrize(("case_id", "case"), CASES, ids=[case_id for case_id, _ in CASES])
def test_case_gives_the_expected_answer(case_id: str, case: dict[str, Any]) -> None:
    results = run_case(case)
    for scheme, expected in case["expect"].items():
        result = results[scheme]
        for key, value in expected.items():
            if key in ("conditions", "parts"):
                actual = (
                    {c["name"]: c["holds"] for c in result["conditions"]} if key == "conditions" else result["parts"]
                )
                for name, wanted in value.items():
                    assert actual.get(name) == wanted, f"{case_id}: {scheme}.{key}.{name}"
            else:
                assert result[key] == value, f"{case_id}: {scheme}.{key} = {result[key]!r}"
