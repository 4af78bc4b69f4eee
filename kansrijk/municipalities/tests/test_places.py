"""Which municipality a place lies in: point in polygon, names, the postcode table."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kansrijk.audit.models import AuditEvent
from kansrijk.municipalities.geometry import in_polygon, rd_to_wgs84
from kansrijk.municipalities.loading import DATA_DIR
from kansrijk.municipalities.models import Municipality, PostcodeArea
from kansrijk.municipalities.selectors import PlaceFinder, municipality_code_at, postcode_area_get

pytestmark = pytest.mark.django_db
SAMPLE = DATA_DIR / "postcode4_sample.geojson"
HEYTHUYSEN = (51.2502, 5.8991)


def test_a_point_in_heythuysen_lies_in_leudal_and_a_point_in_the_north_sea_in_no_municipality():
    assert municipality_code_at(latitude=HEYTHUYSEN[0], longitude=HEYTHUYSEN[1]) == "GM1640"
    assert municipality_code_at(latitude=52.37, longitude=4.89) == "GM0363"  # Dam, Amsterdam
    assert municipality_code_at(latitude=53.0, longitude=3.5) is None


def test_a_point_in_a_hole_is_outside_the_polygon():
    square = [[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]]
    hole = [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]
    assert in_polygon(2, 2, [square, hole])
    assert not in_polygon(5, 5, [square, hole])
    assert not in_polygon(11, 5, [square, hole])


def test_rd_new_coordinates_convert_to_wgs84_within_a_few_metres():
    latitude, longitude = rd_to_wgs84(155000, 463000)  # the origin: Onze Lieve Vrouwetoren, Amersfoort
    assert (round(latitude, 5), round(longitude, 5)) == (52.15517, 5.38721)
    latitude, longitude = rd_to_wgs84(121000, 487000)
    assert abs(latitude - 52.3698) < 0.0005 and abs(longitude - 4.8880) < 0.0005


@pytest.mark.parametrize(
    ("city", "code"),
    [
        ("Leudal", "GM1640"),
        ("gemeente leudal", "GM1640"),
        ("Den Haag", "GM0518"),
        ("'s-Gravenhage", "GM0518"),
        ("Den Bosch", "GM0796"),
        ("Sudwest-Fryslan", "GM1900"),
        ("Hengelo", "GM0164"),
        ("GM1640", "GM1640"),
    ],
)
def test_a_city_that_names_a_municipality_or_a_common_variant_finds_it(city, code):
    found = PlaceFinder().find(city=city)
    assert found is not None and (found.code, found.how) == (code, "city")


def test_bergen_is_two_municipalities_so_the_bare_name_finds_none():
    assert PlaceFinder().find(city="Bergen") is None
    assert PlaceFinder().find(city="Bergen (L.)").code == "GM0893"


def test_the_order_is_postcode_city_point_then_a_region_that_is_not_a_province():
    PostcodeArea.objects.create(pc4="6093", municipality_id="GM1640", latitude=51.25, longitude=5.9)
    finder = PlaceFinder()
    assert finder.find(postcode="6093 AB", city="Amsterdam").how == "postcode"
    assert finder.find(postcode="1234 AB", city="Amsterdam").code == "GM0363"
    point = finder.find(city="Heythuysen", latitude=HEYTHUYSEN[0], longitude=HEYTHUYSEN[1])
    assert (point.code, point.how) == ("GM1640", "point")
    assert finder.find(region="Leudal").how == "region"
    assert finder.find(region="Limburg") is None
    assert finder.find(region="Utrecht") is None  # a province as well as a municipality


def test_postcodes_import_loads_the_sample_with_municipality_and_centre(capsys):
    out = StringIO()
    call_command("postcodes-import", str(SAMPLE), stdout=out)
    assert PostcodeArea.objects.count() == 34
    area = postcode_area_get(postcode="6093 ZZ")
    assert area is not None and area.municipality_id == "GM1640"
    assert abs(area.latitude - HEYTHUYSEN[0]) < 0.001 and abs(area.longitude - HEYTHUYSEN[1]) < 0.001
    assert PostcodeArea.objects.get(pc4="1012").municipality_id == "GM0363"
    assert "Stored 34 postcode areas (34 new, 0 updated)." in out.getvalue()
    assert "34/34 areas (100%)" in capsys.readouterr().err
    assert AuditEvent.objects.filter(action="municipalities.postcodes.import").count() == 1


def _feature(pc4: object, ring: list[list[float]] | None) -> dict[str, object]:
    geometry = (
        {"type": "Polygon", "coordinates": [ring]} if ring is not None else {"type": "Point", "coordinates": [5, 51]}
    )
    return {"type": "Feature", "properties": {"postcode": pc4}, "geometry": geometry}


def _square(x: float, y: float, half: float) -> list[list[float]]:
    return [
        [x - half, y - half],
        [x - half, y + half],
        [x + half, y + half],
        [x + half, y - half],
        [x - half, y - half],
    ]


def test_bad_features_are_listed_by_number_and_field_and_the_rest_stored(tmp_path):
    features = [
        _feature("6093", _square(5.8991, 51.2502, 0.004)),  # lon/lat
        _feature("6081", [[p[1], p[0]] for p in _square(5.9562, 51.2361, 0.004)]),  # lat/lon (WFS 2.0)
        _feature("1012", _square(121000, 487000, 300)),  # RD New
        _feature("12", _square(5.9, 51.25, 0.004)),
        _feature("6088", None),
        _feature("9999", _square(3.5, 53.0, 0.01)),  # North Sea
        _feature("6093", _square(5.8991, 51.2502, 0.004)),
    ]
    path = tmp_path / "pc4.json"
    # one feature a line, after two lines of header (as `ogr2ogr -f GeoJSON` writes it)
    body = ",\n".join(json.dumps(f) for f in features)
    path.write_text('{\n"type": "FeatureCollection",\n"features": [\n' + body + "\n]\n}\n")
    out = StringIO()
    call_command("postcodes-import", str(path), "--quiet", stdout=out)
    assert dict(PostcodeArea.objects.values_list("pc4", "municipality_id")) == {
        "6093": "GM1640",
        "6081": "GM1640",
        "1012": "GM0363",
    }
    text = out.getvalue()
    assert "pc4.json feature 4 (line 7) properties.postcode: '12' is not a 4-digit postcode" in text
    assert "pc4.json feature 5 (line 8) geometry:" in text
    assert "pc4.json feature 6 (line 9) geometry: postcode 9999:" in text
    assert "pc4.json feature 7 (line 10) properties.postcode: 6093 appears twice" in text


@pytest.mark.parametrize(
    "content",
    [
        "postcode;gemeente\n6093;GM1640\n",
        json.dumps({"type": "Feature"}),
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [{"type": "Feature", "properties": {"naam": "x"}, "geometry": None}],
            }
        ),
    ],
)
def test_a_file_that_is_not_a_postcode_area_collection_exits_with_code_2_and_stores_nothing(tmp_path, content):
    path = tmp_path / "pc4.csv"
    path.write_text(content)
    with pytest.raises(CommandError) as raised:
        call_command("postcodes-import", str(path), "--quiet", stdout=StringIO())
    assert raised.value.returncode == 2
    assert PostcodeArea.objects.count() == 0


def test_the_postcode_table_goes_with_its_municipalities():
    PostcodeArea.objects.create(pc4="6093", municipality_id="GM1640", latitude=51.25, longitude=5.9)
    assert Municipality.objects.get(code="GM1640").postcode_areas.count() == 1
