"""The CBS download of the postcode4 areas is a GeoPackage (RD New): read with the standard library."""

from __future__ import annotations

import sqlite3
import struct
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kansrijk.municipalities.models import PostcodeArea

pytestmark = pytest.mark.django_db


def _ring(x: float, y: float, half: float, z: bool = False) -> list[tuple[float, ...]]:
    corners = [(x - half, y - half), (x - half, y + half), (x + half, y + half), (x + half, y - half)]
    points = [*corners, corners[0]]
    return [(*p, 12.5) for p in points] if z else points


def _polygon_wkb(ring: list[tuple[float, ...]], order: str = "<", kind: int = 3) -> bytes:
    flat = [v for point in ring for v in point]
    return (
        struct.pack(order + "BI", 1 if order == "<" else 0, kind)
        + struct.pack(order + "II", 1, len(ring))
        + struct.pack(order + f"{len(flat)}d", *flat)
    )


def _multi_wkb(rings: list[list[tuple[float, ...]]], z: bool = False) -> bytes:
    kind, part = (1006, 1003) if z else (6, 3)
    return struct.pack("<BII", 1, kind, len(rings)) + b"".join(_polygon_wkb(r, kind=part) for r in rings)


def _blob(wkb: bytes, envelope: bool = True) -> bytes:
    flags = 0b0000_0001 | (0b10 if envelope else 0)  # little-endian header, [minx, maxx, miny, maxy]
    return (
        b"GP"
        + bytes([0, flags])
        + struct.pack("<i", 28992)
        + (struct.pack("<4d", 0, 1, 0, 1) if envelope else b"")
        + wkb
    )


def _geopackage(path: Path, rows: list[tuple[object, bytes]]) -> None:
    connection = sqlite3.connect(path)
    connection.executescript(
        "CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT);"
        "CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INT);"
        "INSERT INTO gpkg_contents VALUES ('cbs_pc4_2024', 'features', 'cbs_pc4_2024');"
        "INSERT INTO gpkg_geometry_columns VALUES ('cbs_pc4_2024', 'geom', 'MULTIPOLYGON', 28992);"
        "CREATE TABLE cbs_pc4_2024 (fid INTEGER PRIMARY KEY, postcode TEXT, aantal_inwoners INT, geom BLOB);"
    )
    connection.executemany("INSERT INTO cbs_pc4_2024 (postcode, aantal_inwoners, geom) VALUES (?, 10, ?)", rows)
    connection.commit()
    connection.close()


def test_the_cbs_geopackage_in_rd_new_loads_with_municipality_and_centre(tmp_path):
    # RD New points: Amsterdam centre, Heythuysen (Leudal), Maastricht
    heythuysen_rd = (190739, 362443)
    path = tmp_path / "cbs_pc4_2024_v1.gpkg"
    _geopackage(
        path,
        [
            ("1012", _blob(_multi_wkb([_ring(121500, 487300, 300)]))),
            ("6093", _blob(_multi_wkb([_ring(*heythuysen_rd, 400, z=True)], z=True), envelope=False)),
            ("6211", _blob(_polygon_wkb(_ring(176400, 317800, 300), order=">"))),
            ("12", _blob(_multi_wkb([_ring(121500, 487300, 300)]))),
            ("6088", b"not a geometry"),
        ],
    )
    out = StringIO()
    call_command("postcodes-import", str(path), "--quiet", stdout=out)
    assert dict(PostcodeArea.objects.values_list("pc4", "municipality_id")) == {
        "1012": "GM0363",
        "6093": "GM1640",
        "6211": "GM0935",
    }
    leudal = PostcodeArea.objects.get(pc4="6093")
    assert abs(leudal.latitude - 51.2502) < 0.0005 and abs(leudal.longitude - 5.8991) < 0.0005
    assert "feature 4 properties.postcode" in out.getvalue()
    assert "feature 5 geometry" in out.getvalue()


def test_an_sqlite_file_without_a_postcode_feature_table_exits_with_code_2(tmp_path):
    path = tmp_path / "other.gpkg"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE x (a INT)")
    connection.commit()
    connection.close()
    with pytest.raises(CommandError) as raised:
        call_command("postcodes-import", str(path), "--quiet", stdout=StringIO())
    assert raised.value.returncode == 2
