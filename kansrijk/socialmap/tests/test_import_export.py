from __future__ import annotations

import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection

from kansrijk.organisations.models import Organisation
from kansrijk.socialmap.hsds.reader import PackageError
from kansrijk.socialmap.models import Address, Location, Service, ServiceAtLocation
from kansrijk.socialmap.services import hsds_import
from kansrijk.socialmap.tests.helpers import EXAMPLE_CSV, HSDS_DATA, export_errors, write_csv, write_datapackage

pytestmark = pytest.mark.django_db

ORG = "11111111-1111-4111-8111-111111111111"
SERVICE_COLUMNS = [
    "id",
    "organization_id",
    "name",
    "status",
    "email",
    "minimum_age",
    "maximum_age",
    "application_process",
]


def _read_all(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.glob("*.csv"))}


def test_the_hsds_example_package_imports_and_its_export_validates(tmp_path, municipalities):
    report = hsds_import(actor=None, path=EXAMPLE_CSV)
    assert report.counts["organization"].created == 1
    assert report.counts["service"].created == 1
    organisation = Organisation.objects.get(pk="d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610")
    assert organisation.kind == "other"
    assert Service.objects.get(pk="ac148810-d857-441c-9679-408f346de14b").organization_id == organisation.pk
    # The example's location points to an organization that is not in the package: rejected, with its dependents.
    assert any(r.table == "location" and r.field == "organization_id" for r in report.rejections)
    call_command("hsds-export", str(tmp_path / "one"), stdout=StringIO())
    assert export_errors(tmp_path / "one") == []


def test_export_import_export_is_byte_for_byte_identical(tmp_path, municipalities):
    hsds_import(actor=None, path=EXAMPLE_CSV)
    call_command("hsds-export", str(tmp_path / "one"), stdout=StringIO())
    report = hsds_import(actor=None, path=tmp_path / "one")
    assert report.rejections == []
    call_command("hsds-export", str(tmp_path / "two"), stdout=StringIO())
    assert _read_all(tmp_path / "one") == _read_all(tmp_path / "two")
    assert (tmp_path / "one" / "datapackage.json").read_bytes() == (tmp_path / "two" / "datapackage.json").read_bytes()


def test_reimporting_the_same_package_updates_in_place(municipalities):
    hsds_import(actor=None, path=EXAMPLE_CSV)
    counts = Service.objects.count(), Organisation.objects.count()
    report = hsds_import(actor=None, path=EXAMPLE_CSV)
    assert (Service.objects.count(), Organisation.objects.count()) == counts
    assert report.counts["service"].updated == 1
    assert report.counts["service"].created == 0


def _id(prefix: str, number: int) -> str:
    """A fixed UUID of the broken package: `_id("2", 1)` = "22222222-2222-4222-8222-000000000001"."""
    return f"{prefix * 8}-{prefix * 4}-4{prefix * 3}-8{prefix * 3}-{number:012d}"


ADDRESS_COLUMNS = [
    "id",
    "location_id",
    "address_1",
    "city",
    "region",
    "state_province",
    "postal_code",
    "country",
    "address_type",
]


def _broken_tables() -> dict[str, tuple[str, list[str], list[list[str]]]]:
    """table -> (file, columns, rows) of a package with broken rows (`BROKEN_ROWS`) among good ones."""
    stranger = str(uuid.uuid4())
    services = [
        [_id("2", 1), ORG, "Goede hulp", "active", "a@b.nl", "4", "17", "Bel"],
        [_id("2", 2), ORG, "", "active", "", "", "", ""],
        [_id("2", 3), "not-a-uuid", "Foute verwijzing", "active", "", "", "", ""],
        [_id("2", 4), stranger, "Onbekende organisatie", "active", "", "", "", ""],
        [_id("2", 5), ORG, "Leeftijd omgedraaid", "active", "", "12", "4", ""],
        [_id("2", 6), ORG, "Fout e-mailadres", "active", "geen-mail", "", "", ""],
    ]
    addresses = [
        [_id("4", 1), _id("3", 1), "Markt 1", "Haelen", "Leudal", "Limburg", "6081 BM", "NL", "physical"],
        [_id("4", 2), _id("3", 2), "Markt 2", "Nergens", "Atlantis", "Limburg", "6081 BM", "NL", "physical"],
    ]
    return {
        "organization": ("organizations.csv", ["id", "name", "description"], [[ORG, "Fonds Broken", "Een fonds."]]),
        "service": ("services.csv", SERVICE_COLUMNS, services),
        "location": (
            "locations.csv",
            ["id", "location_type", "name"],
            [[_id("3", 1), "physical", "Goed"], [_id("3", 2), "physical", "Onbekende gemeente"]],
        ),
        "address": ("addresses.csv", ADDRESS_COLUMNS, addresses),
        "service_at_location": (
            "service_at_location.csv",
            ["id", "service_id", "location_id"],
            [[_id("5", 1), _id("2", 1), _id("3", 1)], [_id("5", 2), _id("2", 5), _id("3", 1)]],
        ),
    }


def _broken_package(directory: Path) -> None:
    tables = _broken_tables()
    for file, columns, rows in tables.values():
        write_csv(directory, file, columns, rows)
    write_datapackage(directory, {table: file for table, (file, _, _) in tables.items()})


# (table, row, field) of each broken row of `_broken_package`
BROKEN_ROWS = {
    ("service", "row 3", "name"),
    ("service", "row 4", "organization_id"),
    ("service", "row 5", "organization_id"),
    ("service", "row 6", "minimum_age"),
    ("service", "row 7", "email"),
    ("service_at_location", "row 3", "service_id"),
}


def _problems(report) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {(r.table, r.row, r.field) for r in report.rejections}


def test_broken_rows_are_listed_and_the_valid_rows_imported(tmp_path, municipalities):
    _broken_package(tmp_path)
    report = hsds_import(actor=None, path=tmp_path)
    assert _problems(report) == BROKEN_ROWS
    assert list(Service.objects.values_list("name", flat=True)) == ["Goede hulp"]
    assert ServiceAtLocation.objects.count() == 1
    assert Address.objects.count() == 2  # `region` is free text in HSDS (ADR 0015): "Atlantis" is no rejection
    assert Location.objects.get(pk="33333333-3333-4333-8333-000000000001").municipality_id == "GM1640"
    assert Location.objects.get(pk="33333333-3333-4333-8333-000000000002").municipality_id is None
    assert len(report.warnings) == 1


def test_a_row_whose_parent_was_rejected_says_so(tmp_path, municipalities):
    _broken_package(tmp_path)
    report = hsds_import(actor=None, path=tmp_path)
    reason = next(r.reason for r in report.rejections if r.table == "service_at_location")
    assert "was rejected" in reason and "minimum_age" in reason


def test_the_import_command_lists_rejected_rows_and_exits_zero(tmp_path, municipalities):
    _broken_package(tmp_path)
    out = StringIO()
    call_command("hsds-import", str(tmp_path), "--quiet", stdout=out)
    assert "service row 7 email: 'geen-mail' is not an e-mail address" in out.getvalue()


def test_an_unreadable_package_exits_with_code_2(tmp_path):
    (tmp_path / "datapackage.json").write_text("{not json")
    with pytest.raises(CommandError) as error:
        call_command("hsds-import", str(tmp_path), "--quiet", stdout=StringIO())
    assert error.value.returncode == 2
    assert "not valid JSON" in str(error.value)


def test_a_package_without_datapackage_json_cannot_be_read(tmp_path):
    with pytest.raises(PackageError, match=r"no datapackage\.json"):
        hsds_import(actor=None, path=tmp_path)


def test_an_hsds_json_service_imports_with_its_nested_records(municipalities):
    report = hsds_import(actor=None, path=HSDS_DATA / "examples" / "service_full.json")
    assert report.counts["service"].created == 1
    assert Service.objects.count() == 1


def test_an_imported_organisation_with_a_taken_name_is_rejected(tmp_path, organisation):
    write_csv(tmp_path, "organizations.csv", ["id", "name", "description"], [[ORG, organisation.name, "Dubbel"]])
    write_datapackage(tmp_path, {"organization": "organizations.csv"})
    report = hsds_import(actor=None, path=tmp_path)
    assert [(r.table, r.field) for r in report.rejections] == [("organization", "name")]
    assert not Organisation.objects.filter(pk=ORG).exists()


@pytest.mark.django_db(transaction=True)
def test_an_import_outside_a_transaction_stores_the_same_with_the_background_writer(
    tmp_path, municipalities, monkeypatch
):
    """On PostgreSQL a command-line import writes on a second connection while it checks the
    next batch; with one row per batch every write overlaps, rejections included."""
    from kansrijk.socialmap.hsds import importing, storing

    used = []

    class CountingWriter(importing.BackgroundWriter):
        def submit(self, batch):  # type: ignore[no-untyped-def]
            used.append(batch.table.name)
            super().submit(batch)

    monkeypatch.setattr(importing, "BATCH", 1)
    monkeypatch.setattr(importing, "BackgroundWriter", CountingWriter)
    upsert = storing.upsert
    refused = uuid.UUID("55555555-5555-4555-8555-000000000001")

    def refusing_upsert(batch):  # type: ignore[no-untyped-def]
        if any(values.get("id") == refused for _, values in batch.rows):
            raise DatabaseError("refused for the test")
        upsert(batch)

    monkeypatch.setattr(storing, "upsert", refusing_upsert)
    _broken_package(tmp_path)
    report = hsds_import(actor=None, path=tmp_path)
    refused_in_the_background = ("service_at_location", "row 2", "")
    assert _problems(report) == BROKEN_ROWS | {refused_in_the_background}
    assert report.counts["service"].created == 1
    assert report.counts["service_at_location"].rejected == 2
    assert list(Service.objects.values_list("name", flat=True)) == ["Goede hulp"]
    assert ServiceAtLocation.objects.count() == 0
    assert Location.objects.get(pk="33333333-3333-4333-8333-000000000001").municipality_id == "GM1640"
    assert bool(used) == (connection.vendor == "postgresql")


def test_a_new_organisation_name_reaches_the_search_documents_of_its_services(tmp_path, municipalities):
    from kansrijk.socialmap.search import SearchCriteria
    from kansrijk.socialmap.selectors import service_search

    service = ["22222222-2222-4222-8222-000000000001", ORG, "Zwemles", "active", "", "", "", "Bel ons."]
    write_csv(tmp_path, "organizations.csv", ["id", "name", "description"], [[ORG, "Fonds Waterrat", "Een fonds."]])
    write_csv(tmp_path, "services.csv", SERVICE_COLUMNS, [service])
    write_datapackage(tmp_path, {"organization": "organizations.csv", "service": "services.csv"})
    hsds_import(actor=None, path=tmp_path)
    assert service_search(criteria=SearchCriteria(text="waterrat")).total == 1
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    write_csv(renamed, "organizations.csv", ["id", "name", "description"], [[ORG, "Fonds Zeehond", "Een fonds."]])
    write_datapackage(renamed, {"organization": "organizations.csv"})
    hsds_import(actor=None, path=renamed)
    assert service_search(criteria=SearchCriteria(text="zeehond")).total == 1
    assert service_search(criteria=SearchCriteria(text="waterrat")).total == 0


def test_the_cycle_collector_is_off_while_importing_and_back_on_after_it_even_on_failure(
    tmp_path, municipalities, monkeypatch
):
    import gc

    from kansrijk.socialmap.hsds import importing

    seen = []
    real_run = importing.Importer._run

    def watching(self, package):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        real_run(self, package)

    monkeypatch.setattr(importing.Importer, "_run", watching)
    _broken_package(tmp_path)
    hsds_import(actor=None, path=tmp_path)
    assert seen == [False] and gc.isenabled()

    def failing(self, package):  # type: ignore[no-untyped-def]
        raise RuntimeError("stopped for the test")

    monkeypatch.setattr(importing.Importer, "_run", failing)
    with pytest.raises(RuntimeError):
        hsds_import(actor=None, path=tmp_path)
    assert gc.isenabled()
