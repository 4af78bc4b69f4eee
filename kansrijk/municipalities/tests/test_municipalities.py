import pytest

from kansrijk.municipalities.loading import read_municipalities
from kansrijk.municipalities.models import Municipality

pytestmark = pytest.mark.django_db


def test_all_342_municipalities_are_loaded_by_the_data_migration():
    assert Municipality.objects.count() == 342


def test_the_population_adds_up_to_the_national_total_of_1_january_2024():
    assert sum(Municipality.objects.values_list("population", flat=True)) == 17_942_942


def test_a_municipality_has_code_name_province_population_and_boundary():
    amsterdam = Municipality.objects.get(code="GM0363")
    assert amsterdam.name == "Amsterdam"
    assert amsterdam.gemeentecode == "0363"
    assert amsterdam.province == "Noord-Holland"
    assert amsterdam.population == 931_298
    assert amsterdam.boundary["type"] in {"Polygon", "MultiPolygon"}


def test_the_centroid_lies_inside_the_municipality_box():
    for municipality in Municipality.objects.all():
        rings = (
            [polygon[0] for polygon in municipality.boundary["coordinates"]]
            if municipality.boundary["type"] == "MultiPolygon"
            else [municipality.boundary["coordinates"][0]]
        )
        lons = [point[0] for ring in rings for point in ring]
        lats = [point[1] for ring in rings for point in ring]
        assert min(lats) <= municipality.centroid_latitude <= max(lats), municipality.code
        assert min(lons) <= municipality.centroid_longitude <= max(lons), municipality.code


def test_the_data_files_have_the_same_342_codes():
    rows = read_municipalities()
    assert len({row.code for row in rows}) == 342
    assert all(row.code == f"GM{row.gemeentecode}" for row in rows)
