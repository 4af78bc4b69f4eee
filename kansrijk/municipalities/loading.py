"""Reading the municipality files in `data/` (used by the data migration and tests)."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from kansrijk.municipalities.geometry import ring_moments

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class MunicipalityRow:
    code: str
    gemeentecode: str
    name: str
    province: str
    population: int
    area_km2: Decimal
    centroid_latitude: Decimal
    centroid_longitude: Decimal
    boundary: dict[str, Any]


def centroid(geometry: dict[str, Any]) -> tuple[Decimal, Decimal]:
    """Area-weighted centroid (latitude, longitude) of a Polygon or MultiPolygon's outer rings."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    total = sx = sy = 0.0
    for polygon in polygons:
        area, cx, cy = ring_moments(polygon[0])
        total += area
        sx += cx
        sy += cy
    lon, lat = sx / (6 * total), sy / (6 * total)
    return Decimal(f"{lat:.6f}"), Decimal(f"{lon:.6f}")


def read_municipalities(data_dir: Path = DATA_DIR) -> list[MunicipalityRow]:
    with (data_dir / "gemeenten_provincie.csv").open(encoding="utf-8") as handle:
        provinces = {row["statcode"]: row for row in csv.DictReader(handle)}
    with (data_dir / "gemeenten_bevolking_oppervlakte_2024.csv").open(encoding="utf-8") as handle:
        figures = {row["statcode"]: row for row in csv.DictReader(handle)}
    with (data_dir / "gemeenten_2025.geojson").open(encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    rows = []
    for feature in features:
        code = feature["properties"]["statcode"]
        province, figure = provinces[code], figures[code]
        latitude, longitude = centroid(feature["geometry"])
        rows.append(
            MunicipalityRow(
                code=code,
                gemeentecode=province["gemeentecode"],
                name=province["gemeentenaam"],
                province=province["provincienaam"],
                population=int(figure["bevolking_1jan2024"]),
                area_km2=Decimal(figure["oppervlakte_totaal_km2"]),
                centroid_latitude=latitude,
                centroid_longitude=longitude,
                boundary=feature["geometry"],
            )
        )
    return sorted(rows, key=lambda row: row.code)
