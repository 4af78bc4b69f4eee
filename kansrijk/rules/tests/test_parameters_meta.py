"""Meta-tests: the parameter tree keeps the OpenFisca conventions and every value has a source."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from kansrijk.rules.params import PARAMETERS_DIR, iter_parameter_files, load_parameters, load_yaml
from kansrijk.rules.schemes.bijstandsnorm import excl_from_incl

FILES = list(iter_parameter_files())
UNITS = {"currency-EUR", "/1", "month"}


def _has_reference(meta: Any) -> bool:
    refs = (meta or {}).get("reference")
    return bool(refs) and all(isinstance(r, dict) and r.get("title") and r.get("href") for r in refs)


@pytest.mark.parametrize(("name", "path"), FILES, ids=[name for name, _ in FILES])
def test_every_parameter_file_has_description_unit_reference_and_dated_values(name: str, path: Any) -> None:
    data = load_yaml(path)
    assert data.get("description"), f"{name}: no description"
    assert data["metadata"]["unit"] in UNITS, f"{name}: unit"
    assert _has_reference(data["metadata"]), f"{name}: no reference with title and href"
    assert data.get("values"), f"{name}: no values"
    for start in data["values"]:
        assert isinstance(start, dt.date), f"{name}: value key {start!r} is not a date"


@pytest.mark.parametrize(("name", "path"), FILES, ids=[name for name, _ in FILES])
def test_no_parameter_value_without_its_own_source(name: str, path: Any) -> None:
    for start, entry in load_yaml(path)["values"].items():
        if entry["value"] is None:
            continue
        assert _has_reference(entry.get("metadata")), f"{name} {start}: value without a source"


def test_money_parameters_are_whole_cents() -> None:
    for parameter in load_parameters().parameters.values():
        if parameter.unit != "currency-EUR":
            continue
        for value in parameter.values:
            if value.value is not None:
                assert (value.value * 100) % 1 == 0, f"{parameter.name} {value.start}"


def test_values_are_read_exactly_not_as_floats() -> None:
    rate = load_parameters().get("zorgtoeslag.normpercentage_alleenstaande").values[0].value
    assert isinstance(rate, Decimal)
    assert rate == Decimal("0.01896")


def test_norm_without_holiday_allowance_gives_back_the_real_norm_with_it() -> None:
    tree = load_parameters()
    for name in ("bijstandsnorm.alleenstaande", "bijstandsnorm.gehuwden"):
        for value in tree.get(name).values:
            if value.value is None:
                continue
            incl = int(value.value * 100)
            excl = int(excl_from_incl(__import__("numpy").array([incl]), 5, 100)[0])
            assert excl + (excl * 5 * 2 + 100) // 200 == incl, f"{name} {value.start}"


def test_unverified_values_are_flagged_on_the_results_that_use_them() -> None:
    params = load_parameters().at(dt.date(2026, 1, 1))
    params.integer("algemeen.aow_leeftijd")
    assert params.unverified
    clean = load_parameters().at(dt.date(2026, 1, 1))
    clean.money("kindgebonden_budget.bedrag_per_kind")
    assert not clean.unverified


def test_openfisca_loader_reads_the_parameter_tree() -> None:
    parameters = pytest.importorskip("openfisca_core.parameters")
    node = parameters.ParameterNode("", directory_path=str(PARAMETERS_DIR))
    assert node.kindgebonden_budget.bedrag_per_kind("2026-01-01") == 2580
    assert node.kinderbijslag.bedrag_12_17("2025-07-01") == pytest.approx(416.41)
    assert node("2026-01-01").huurtoeslag.maximale_rekenhuur == pytest.approx(932.93)
