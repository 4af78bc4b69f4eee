"""The map of the 342 municipalities as SVG paths, made once per process from the shipped
boundaries (`data/gemeenten_2025.geojson`) and kept: projecting and simplifying takes a
few tens of milliseconds, drawing the kept paths afterwards almost nothing (ADR 0030)."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache

from kansrijk.core.charts.geo import MapShapes, project
from kansrijk.municipalities.loading import DATA_DIR

MAP_WIDTH = 480


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    province: str


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """Code, name and province of every municipality on the map, by name."""
    with (DATA_DIR / "gemeenten_provincie.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    found = (Place(row["statcode"], row["gemeentenaam"], row["provincienaam"]) for row in rows)
    return tuple(sorted(found, key=lambda place: place.name))


@lru_cache(maxsize=2)
def national_map(width: int = MAP_WIDTH) -> MapShapes:
    with (DATA_DIR / "gemeenten_2025.geojson").open(encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    return project(((feature["properties"]["statcode"], feature["geometry"]) for feature in features), width=width)
