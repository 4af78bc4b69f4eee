"""An import is all or nothing: when a stage fails (rows, locations, search index), what it
wrote is rolled back, the data from before stays, and the command says why in one line (exit 2)."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from kansrijk.organisations.models import Organisation
from kansrijk.socialmap import search
from kansrijk.socialmap.hsds import rules, storing
from kansrijk.socialmap.models import Location, Service
from kansrijk.socialmap.search import SearchCriteria
from kansrijk.socialmap.tests.helpers import write_csv, write_datapackage

ORG = "11111111-1111-4111-8111-111111111111"
LOCATION = "33333333-3333-4333-8333-000000000001"


def _service_id(number: int) -> str:
    return f"22222222-2222-4222-8222-{number:012d}"


def _package(directory: Path, *, name: str, services: int) -> Path:
    directory.mkdir()
    write_csv(directory, "organizations.csv", ["id", "name", "description"], [[ORG, "Atoom", f"{name} organisatie"]])
    write_csv(
        directory,
        "services.csv",
        ["id", "organization_id", "name", "status"],
        [[_service_id(n), ORG, f"{name} dienst", "active"] for n in range(1, services + 1)],
    )
    write_csv(
        directory,
        "locations.csv",
        ["id", "organization_id", "name", "location_type"],
        [[LOCATION, ORG, f"{name} plek", "physical"]],
    )
    write_csv(
        directory,
        "addresses.csv",
        [
            "id",
            "location_id",
            "address_1",
            "city",
            "region",
            "state_province",
            "postal_code",
            "country",
            "address_type",
        ],
        [
            [
                "44444444-4444-4444-8444-000000000001",
                LOCATION,
                "Markt 1",
                name,
                "Leudal",
                "Limburg",
                "6081 BM",
                "NL",
                "physical",
            ]
        ],
    )
    write_csv(
        directory,
        "service_at_location.csv",
        ["id", "service_id", "location_id"],
        [[f"55555555-5555-4555-8555-{n:012d}", _service_id(n), LOCATION] for n in range(1, services + 1)],
    )
    write_datapackage(
        directory,
        {
            "organization": "organizations.csv",
            "service": "services.csv",
            "location": "locations.csv",
            "address": "addresses.csv",
            "service_at_location": "service_at_location.csv",
        },
    )
    return directory


def _services_without_search_row() -> set[Any]:
    if connection.vendor == "sqlite":
        indexed = "SELECT d.service_id FROM socialmap_service_doc d JOIN socialmap_service_fts f ON f.rowid = d.doc"
    else:
        indexed = "SELECT service_id FROM socialmap_service_search"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM socialmap_service WHERE id NOT IN ({indexed})")  # noqa: S608
        return {row[0] for row in cursor.fetchall()}


def _fail(*args: Any, **kwargs: Any) -> None:
    raise RuntimeError("schijf vol\nop regel 2")


def _fail_on_services(batch: Any) -> None:
    if batch.table.name == "service":
        _fail()
    original_upsert(batch)


original_upsert = storing.upsert
STAGES = {
    "storing the service rows": (storing, "upsert", _fail_on_services),
    "deriving the municipalities of the locations": (rules, "derive_locations", _fail),
    "building the search index": (search, "index_services", _fail),
}


def _import_fails_cleanly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str) -> None:
    call_command(
        "hsds-import", str(_package(tmp_path / "before", name="Oud", services=3)), "--quiet", stdout=StringIO()
    )
    assert _services_without_search_row() == set()
    module, attribute, replacement = STAGES[stage]
    monkeypatch.setattr(module, attribute, replacement)
    after = _package(tmp_path / "after", name="Nieuw", services=5)
    with pytest.raises(CommandError) as failure:
        call_command("hsds-import", str(after), "--quiet", stdout=StringIO())
    monkeypatch.undo()
    assert failure.value.returncode == 2
    assert str(failure.value) == (
        f"The import stopped while {stage} and stored nothing: RuntimeError: schijf vol op regel 2"
    )
    # Nothing of the failed import: the data from before, every service with its search row.
    assert sorted(Service.objects.values_list("name", flat=True)) == ["Oud dienst"] * 3
    assert Organisation.objects.get(pk=ORG).description == "Oud organisatie"
    assert list(Location.objects.values_list("name", "municipality_id")) == [("Oud plek", "GM1640")]
    assert _services_without_search_row() == set()
    assert search.search(SearchCriteria(text="oud dienst"), offset=0, limit=10)[1] == 3
    assert search.search(SearchCriteria(text="nieuw"), offset=0, limit=10)[1] == 0


@pytest.mark.django_db
@pytest.mark.parametrize("stage", list(STAGES))
def test_a_failing_stage_rolls_the_import_back_and_says_why_in_one_line(tmp_path, municipalities, monkeypatch, stage):
    _import_fails_cleanly(tmp_path, monkeypatch, stage)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("stage", list(STAGES))
def test_a_failing_stage_rolls_back_outside_a_transaction_too(tmp_path, municipalities, monkeypatch, stage):
    """Outside a transaction PostgreSQL stores on a second connection (the background writer)."""
    _import_fails_cleanly(tmp_path, monkeypatch, stage)


@pytest.mark.django_db
def test_an_import_that_succeeds_after_a_failed_one_stores_everything(tmp_path, municipalities, monkeypatch):
    _import_fails_cleanly(tmp_path, monkeypatch, "building the search index")
    call_command("hsds-import", str(tmp_path / "after"), "--quiet", stdout=StringIO())
    assert sorted(Service.objects.values_list("name", flat=True)) == ["Nieuw dienst"] * 5
    assert _services_without_search_row() == set()
    assert search.search(SearchCriteria(text="nieuw dienst"), offset=0, limit=10)[1] == 5
