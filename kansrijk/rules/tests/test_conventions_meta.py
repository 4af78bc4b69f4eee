"""Meta-tests on the code: no Django under rules, no float on the money path, cases per scheme."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from kansrijk.rules.engine import evaluate
from kansrijk.rules.schemes import national_schemes
from kansrijk.rules.tests.helpers import CASES_DIR, RULES_DIR
from kansrijk.rules.tests.test_engine_consistency import small_population

PY_FILES = sorted(RULES_DIR.rglob("*.py"))
MONEY_PATH = [RULES_DIR / "money.py", *sorted((RULES_DIR / "schemes").glob("*.py"))]


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", PY_FILES, ids=lambda p: str(p.relative_to(RULES_DIR)))
def test_no_django_import_under_rules(path: Path) -> None:
    assert not any(name == "django" or name.startswith("django.") for name in _imports(path))


@pytest.mark.parametrize("path", MONEY_PATH, ids=lambda p: p.name)
def test_no_float_literal_true_division_or_float_call_on_the_money_path(path: Path) -> None:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        assert not (isinstance(node, ast.Constant) and isinstance(node.value, float)), node.lineno
        assert not isinstance(node, ast.Div), f"true division at line {getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.BinOp):
            assert not isinstance(node.op, ast.Div), f"true division at line {node.lineno}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id != "float", f"float() at line {node.lineno}"


def test_every_result_array_is_integer_or_boolean() -> None:
    tables = small_population()
    for result in evaluate(tables, dt.date(2026, 4, 1)):
        arrays = [result.amount_yearly, result.amount_monthly, result.amount_quarterly]
        arrays += list(result.parts.values()) + list(result.context.values())
        for array in arrays:
            if array is not None:
                assert array.dtype == np.int64, result.scheme_id
        for condition in result.conditions.values():
            assert condition.dtype == np.bool_


def test_every_scheme_has_cases() -> None:
    for scheme in national_schemes():
        assert list((CASES_DIR / scheme.id).glob("*.yaml")), f"no cases for {scheme.id}"


def test_every_condition_has_dutch_texts_and_a_legal_reference() -> None:
    for scheme in national_schemes():
        assert scheme.conditions
        for spec in scheme.conditions:
            assert spec.holds
            assert spec.fails
            assert spec.holds != spec.fails
            assert spec.reference.href.startswith("https://wetten.overheid.nl/")


def test_every_case_file_says_how_its_expected_values_were_derived() -> None:
    import yaml

    for path in CASES_DIR.rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert len(data.get("description", "")) > 40, path
        for case in data["cases"]:
            assert case.get("derivation"), f"{path.name}: {case['name']}"
            assert case["expect"], f"{path.name}: {case['name']}"
