"""Every valid UUID gets its own search row: ids that differ only in their last digits (as many
publishers number them), UUIDv1, v4 and v7 ids made in the same millisecond (ADR 0008)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from django.db import connection

from kansrijk.socialmap import search
from kansrijk.socialmap.models import Service
from kansrijk.socialmap.search import SearchCriteria
from kansrijk.socialmap.services import hsds_import
from kansrijk.socialmap.tests.factories import ServiceFactory
from kansrijk.socialmap.tests.helpers import write_csv, write_datapackage

pytestmark = pytest.mark.django_db

ORG = "11111111-1111-4111-8111-111111111111"
MANY = 10_000


def _sequential(number: int) -> uuid.UUID:
    return uuid.UUID(int=number)


def search_rows() -> int:
    table = "socialmap_service_fts" if connection.vendor == "sqlite" else "socialmap_service_search"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608
        return int(cursor.fetchone()[0])


def _found(text: str, limit: int = 20) -> set[uuid.UUID]:
    hits, _ = search.search(SearchCriteria(text=text), offset=0, limit=limit)
    return {hit.service_id for hit in hits}


def _sequential_package(directory: Path) -> None:
    write_csv(directory, "organizations.csv", ["id", "name", "description"], [[ORG, "Volgnummers", "Test"]])
    write_csv(
        directory,
        "services.csv",
        ["id", "organization_id", "name", "status"],
        [[str(_sequential(n)), ORG, f"Volgdienst k{n:05d}", "active"] for n in range(1, MANY + 1)],
    )
    write_datapackage(directory, {"organization": "organizations.csv", "service": "services.csv"})


def test_ten_thousand_services_with_sequential_uuids_each_get_their_own_search_row(tmp_path, municipalities):
    _sequential_package(tmp_path)
    report = hsds_import(actor=None, path=tmp_path)
    assert report.counts["service"].created == MANY
    assert search_rows() == MANY
    ids = {_sequential(n) for n in range(1, MANY + 1)}
    assert _found("volgdienst", limit=MANY + 1) == ids  # one query: every service is found
    for n in [*range(1, 101), *range(MANY - 99, MANY + 1), *range(17, MANY, 197)]:
        assert _found(f"k{n:05d}") == {_sequential(n)}, n  # and by its own name


def _v7(millisecond: int, rand_a: int, rand_b: int) -> uuid.UUID:
    return uuid.UUID(int=(millisecond << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b)


def test_uuids_of_every_version_and_close_values_are_all_found(organisation):
    ids = [
        uuid.uuid1(),
        uuid.uuid1(),
        uuid.uuid4(),
        _v7(1_764_806_400_000, 0x123, 1),  # the same millisecond, the same top bits of rand_a
        _v7(1_764_806_400_000, 0x122, 2),
        uuid.UUID("22222222-2222-4222-8222-000000000001"),
        uuid.UUID("22222222-2222-4222-8222-000000000002"),
    ]
    for index, service_id in enumerate(ids):
        ServiceFactory(id=service_id, organization__organisation=organisation, name=f"Zoekdienst r{index}x")
    assert search_rows() == len(ids)
    assert _found("zoekdienst") == set(ids)
    for index, service_id in enumerate(ids):
        assert _found(f"r{index}x") == {service_id}


def test_a_reindexed_service_keeps_one_row_and_a_deleted_one_leaves_none(organisation):
    first = ServiceFactory(id=_sequential(1), organization__organisation=organisation, name="Eerste dienst")
    ServiceFactory(id=_sequential(2), organization__organisation=organisation, name="Tweede dienst")
    Service.objects.filter(pk=first.pk).update(name="Hernoemde dienst")
    search.index_services([first.id])
    assert search_rows() == 2
    assert _found("hernoemde") == {first.id} and _found("eerste") == set()
    Service.objects.filter(pk=first.pk).delete()
    search.index_services([first.id])
    assert search_rows() == 1
    assert _found("dienst") == {_sequential(2)}
