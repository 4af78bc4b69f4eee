"""Reading the CBS postcode4 areas (PC4) as CBS and PDOK publish them (ADR 0015).

The CBS download ("Statistische gegevens per vierkant en postcode") holds the PC4 areas as a
GeoPackage (RD New), read by `geopackage.py`.

PDOK serves the CBS "postcode4" statistics with geometry (CC BY 4.0) through WFS
(`outputFormat=application/json`) and OGC API Features (`/items?f=json`): a GeoJSON
FeatureCollection, one feature per area, the 4 digits in the property `postcode`, the area
as a (Multi)Polygon. Coordinates are WGS84 (lon/lat), WGS84 in lat/lon axis order (WFS 2.0
with EPSG:4326) or RD New (EPSG:28992, the CBS's own; also what `ogr2ogr -f GeoJSON` makes
of the CBS GeoPackage): each is recognised from the numbers. The centre of an area is its
area-weighted centroid; its municipality is the one whose boundary holds that centre, else
the one holding most of its corners.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kansrijk.municipalities import geopackage
from kansrijk.municipalities.geometry import Polygon, centroid, looks_like_rd, polygons_of, rd_to_wgs84

POSTCODE_PROPERTIES = ("postcode", "postcode4", "pc4", "PC4", "Postcode")
CORNER_SAMPLE = 60


class PostcodeFileError(Exception):
    """The file is not a GeoPackage or GeoJSON FeatureCollection of postcode areas."""


@dataclass(frozen=True)
class AreaRow:
    pc4: str
    municipality: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class RowError:
    where: str  # "feature 12"
    field: str  # "properties.postcode"
    reason: str

    def __str__(self) -> str:
        return f"{self.where} {self.field}: {self.reason}"


FEATURES_START = re.compile(r'"features"\s*:\s*\[')


def feature_lines(text: str, count: int) -> list[int] | None:
    """The line on which each feature of the top-level `features` array starts, or None when
    they cannot be told apart (then errors name the feature number only)."""
    decoder = json.JSONDecoder()
    lines: list[int] = []
    line, counted = 1, 0
    for match in FEATURES_START.finditer(text):
        position, lines = match.end(), []
        while True:
            while position < len(text) and text[position] in " \t\r\n,":
                position += 1
            if position >= len(text) or text[position] == "]":
                break
            line += text.count("\n", counted, position)
            counted = position
            lines.append(line)
            try:
                _, position = decoder.raw_decode(text, position)
            except ValueError:
                return None
        if len(lines) == count:
            return lines
        line, counted = 1, 0
    return None


def read_features(path: Path) -> tuple[list[Any], list[int] | None]:
    """The features of a GeoPackage or a GeoJSON FeatureCollection, and for GeoJSON the line
    each feature starts on."""
    if geopackage.is_sqlite(path):
        try:
            return geopackage.read_features(path, POSTCODE_PROPERTIES), None
        except geopackage.GeoPackageError as error:
            raise PostcodeFileError(str(error)) from error
    try:
        text = path.read_text(encoding="utf-8")
        document = json.loads(text)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise PostcodeFileError(f"{path} is not a JSON file: {error}") from error
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise PostcodeFileError(f"{path} is not a GeoJSON FeatureCollection")
    features = document.get("features")
    if not isinstance(features, list):
        raise PostcodeFileError(f"{path} has no 'features' list")
    if features and not any(_postcode_value(f) is not None for f in features if isinstance(f, dict)):
        names = ", ".join(POSTCODE_PROPERTIES[:3])
        raise PostcodeFileError(f"{path}: no feature has a postcode property ({names})")
    return features, feature_lines(text, len(features))


def _postcode_value(feature: dict[str, Any]) -> Any:
    properties = feature.get("properties") or {}
    if not isinstance(properties, dict):
        return None
    return next((properties[name] for name in POSTCODE_PROPERTIES if name in properties), None)


def _to_lonlat(polygons: list[Polygon]) -> list[Polygon]:
    """Polygons in (longitude, latitude), whatever of the three encodings they came in."""
    x, y = polygons[0][0][0][0], polygons[0][0][0][1]
    if looks_like_rd(x, y):
        return [[[_rd(p) for p in ring] for ring in polygon] for polygon in polygons]
    if 50 <= x <= 54 and 3 <= y <= 8:  # latitude first
        return [[[(p[1], p[0]) for p in ring] for ring in polygon] for polygon in polygons]
    return polygons


def _rd(point: Any) -> tuple[float, float]:
    latitude, longitude = rd_to_wgs84(float(point[0]), float(point[1]))
    return longitude, latitude


def _municipality(polygons: list[Polygon], lon: float, lat: float, find: Callable[[float, float], str | None]) -> str:
    code = find(lat, lon)
    if code:
        return code
    # The centre of a crescent or of a coastal area can fall outside every (simplified)
    # municipality boundary: then the municipality holding most of the corners.
    corners = [p for polygon in polygons for p in polygon[0]]
    step = max(1, len(corners) // CORNER_SAMPLE)
    votes = Counter(c for p in corners[::step] if (c := find(float(p[1]), float(p[0]))))
    return votes.most_common(1)[0][0] if votes else ""


def _row(feature: Any, find: Callable[[float, float], str | None]) -> AreaRow | RowError:
    if not isinstance(feature, dict):
        return RowError("", "feature", "is not a GeoJSON feature")
    raw = _postcode_value(feature)
    pc4 = str(raw).strip() if raw is not None else ""
    if not (len(pc4) == 4 and pc4.isdigit() and pc4[0] != "0"):
        return RowError("", "properties.postcode", f"{raw!r} is not a 4-digit postcode (1000-9999)")
    try:
        polygons = _to_lonlat(polygons_of(feature.get("geometry") or {}))
        lon, lat = centroid(polygons)
    except (ValueError, TypeError, IndexError, ZeroDivisionError) as error:
        return RowError("", "geometry", f"postcode {pc4}: {error or 'not a polygon'}")
    if not (50.5 <= lat <= 53.8 and 3.0 <= lon <= 7.4):
        return RowError("", "geometry", f"postcode {pc4}: its centre ({lat:.4f}, {lon:.4f}) is not in the Netherlands")
    code = _municipality(polygons, lon, lat, find)
    if not code:
        return RowError("", "geometry", f"postcode {pc4}: the area lies in no municipality")
    return AreaRow(pc4, code, round(lat, 6), round(lon, 6))


def where(number: int, lines: list[int] | None) -> str:
    return f"feature {number} (line {lines[number - 1]})" if lines else f"feature {number}"


def read_areas(
    features: list[Any], find: Callable[[float, float], str | None], lines: list[int] | None = None
) -> Iterator[AreaRow | RowError]:
    """Each feature as an area or an error naming the feature (numbered from 1) and its line."""
    for number, feature in enumerate(features, start=1):
        row = _row(feature, find)
        yield RowError(where(number, lines), row.field, row.reason) if isinstance(row, RowError) else row
