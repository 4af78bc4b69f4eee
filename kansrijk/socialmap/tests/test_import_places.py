"""An imported location's municipality, as HSDS means addresses: `region` is free text."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from kansrijk.municipalities.models import PostcodeArea
from kansrijk.socialmap.models import Location
from kansrijk.socialmap.services import hsds_import
from kansrijk.socialmap.tests.helpers import write_csv, write_datapackage

pytestmark = pytest.mark.django_db

ORG = "11111111-1111-4111-8111-111111111111"
ADDRESS = [
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


def _location_id(n: int) -> str:
    return f"33333333-3333-4333-8333-{n:012d}"


def _package(directory: Path, locations: list[tuple[str, str, str, str]], addresses: list[list[str]]) -> None:
    """locations: (name, latitude, longitude, n); addresses: (n, city, region, postcode, country)."""
    write_csv(directory, "organizations.csv", ["id", "name", "description"], [[ORG, "Fonds Plaats", "Een fonds."]])
    write_csv(
        directory,
        "locations.csv",
        ["id", "location_type", "name", "latitude", "longitude"],
        [[_location_id(int(n)), "physical", name, lat, lon] for name, lat, lon, n in locations],
    )
    write_csv(
        directory,
        "addresses.csv",
        ADDRESS,
        [
            [
                f"44444444-4444-4444-8444-{int(n):012d}",
                _location_id(int(n)),
                "Markt 1",
                city,
                region,
                "Limburg",
                pc,
                land,
                "physical",
            ]
            for n, city, region, pc, land in addresses
        ],
    )
    write_datapackage(
        directory, {"organization": "organizations.csv", "location": "locations.csv", "address": "addresses.csv"}
    )


def _municipality(n: int) -> str | None:
    return Location.objects.get(pk=_location_id(n)).municipality_id


def test_region_limburg_with_a_leudal_postcode_city_or_point_imports_into_leudal(tmp_path, municipalities):
    PostcodeArea.objects.create(pc4="6093", municipality_id="GM1640", latitude=51.25, longitude=5.9)
    _package(
        tmp_path,
        [("Postcode", "", "", "1"), ("Stad", "", "", "2"), ("Punt", "51.2361", "5.9562", "3")],
        [
            ["1", "Heythuysen", "Limburg", "6093 BE", "NL"],
            ["2", "Leudal", "Limburg", "6099 XX", "NL"],
            ["3", "Haelen", "Limburg", "6081 BM", "NL"],
        ],
    )
    report = hsds_import(actor=None, path=tmp_path)
    assert report.rejections == []
    assert [_municipality(n) for n in (1, 2, 3)] == ["GM1640", "GM1640", "GM1640"]
    assert report.warnings == []


def test_without_the_postcode_table_the_city_and_then_the_point_decide(tmp_path, municipalities):
    _package(
        tmp_path,
        [("Stad", "51.2502", "5.8991", "1"), ("Punt", "51.2502", "5.8991", "2"), ("Regio", "", "", "3")],
        [
            ["1", "Roermond", "Limburg", "6093 BE", "NL"],  # the city wins over the point
            ["2", "Heythuysen", "Limburg", "6093 BE", "NL"],  # a village: the point decides
            ["3", "Heythuysen", "Leudal", "6093 BE", "NL"],  # last: a region that names a municipality
        ],
    )
    report = hsds_import(actor=None, path=tmp_path)
    assert [_municipality(n) for n in (1, 2, 3)] == ["GM0957", "GM1640", "GM1640"]
    assert report.warnings == []


def test_a_location_in_the_sea_is_stored_without_municipality_and_listed_as_a_warning(tmp_path, municipalities):
    _package(
        tmp_path,
        [("Boorplatform", "53.0", "3.5", "1"), ("Online", "", "", "2")],
        [["1", "Noordzee", "Noord-Holland", "1999 ZZ", "NL"]],
    )
    out = StringIO()
    call_command("hsds-import", str(tmp_path), "--quiet", stdout=out)
    location = Location.objects.get(pk=_location_id(1))
    assert location.municipality_id is None
    assert (location.geo_latitude, location.geo_longitude) == (53.0, 3.5)
    assert Location.objects.filter(pk=_location_id(2)).exists()
    text = out.getvalue()
    assert f"warning: location {_location_id(1)} (Boorplatform): municipality unknown" in text
    assert "Online" not in text  # no address, no point: nothing to place, nothing to warn about
    assert "rejected      0" in text.split("address")[1].splitlines()[0]


def test_a_reimported_location_keeps_its_municipality_from_the_city(tmp_path, municipalities):
    _package(tmp_path, [("Stad", "", "", "1")], [["1", "Leudal", "Limburg", "6093 BE", "NL"]])
    hsds_import(actor=None, path=tmp_path)
    hsds_import(actor=None, path=tmp_path)
    assert _municipality(1) == "GM1640"
