"""Plain-Python geometry for places in the Netherlands (ADR 0015): point in polygon with a
bounding-box prefilter, area centroids, and Dutch national grid (RD New) to WGS84.

No GDAL, GEOS or shapely: the 342 simplified municipality boundaries are small, and a
point lookup needs only a box test per municipality and an even-odd test on a few rings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

Ring = Sequence[Sequence[float]]  # [[x, y], ...], closed (first point = last point)
Polygon = Sequence[Ring]  # exterior ring, then holes


def polygons_of(geometry: dict[str, Any]) -> list[Polygon]:
    """The polygons of a GeoJSON Polygon or MultiPolygon; ValueError for anything else."""
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if kind == "Polygon" and isinstance(coordinates, list):
        return [coordinates]
    if kind == "MultiPolygon" and isinstance(coordinates, list):
        return list(coordinates)
    raise ValueError(f"geometry type {kind!r} is not a Polygon or MultiPolygon")


def in_ring(x: float, y: float, ring: Ring) -> bool:
    """Even-odd rule: does a ray from (x, y) to the east cross the ring an odd number of times?"""
    inside = False
    for (x0, y0), (x1, y1) in pairwise(ring):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def in_polygon(x: float, y: float, polygon: Polygon) -> bool:
    return in_ring(x, y, polygon[0]) and not any(in_ring(x, y, hole) for hole in polygon[1:])


def ring_moments(ring: Ring) -> tuple[float, float, float]:
    """Signed area and first moments of a ring (shoelace formula, planar)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return area / 2, cx, cy


def centroid(polygons: Iterable[Polygon]) -> tuple[float, float]:
    """Area-weighted centroid (x, y) of polygons, holes subtracted, whatever the winding of
    the rings; the mean of the points for a shape without area."""
    polygons = list(polygons)
    area_sum = x_sum = y_sum = 0.0
    for polygon in polygons:
        for index, ring in enumerate(polygon):
            area, cx, cy = ring_moments(ring)
            sign = (1.0 if area >= 0 else -1.0) * (1.0 if index == 0 else -1.0)
            area_sum += sign * area
            x_sum += sign * cx / 6
            y_sum += sign * cy / 6
    if area_sum == 0:
        return _mean([point for polygon in polygons for point in polygon[0]])
    return x_sum / area_sum, y_sum / area_sum


def _mean(points: list[Sequence[float]]) -> tuple[float, float]:
    if not points:
        raise ValueError("the geometry has no points")
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


@dataclass(frozen=True)
class Area:
    """A named area (a municipality) with its polygons and bounding box (lon/lat)."""

    code: str
    polygons: tuple[Polygon, ...]
    west: float
    south: float
    east: float
    north: float

    @classmethod
    def of(cls, code: str, geometry: dict[str, Any]) -> Area:
        polygons = tuple(polygons_of(geometry))
        xs = [p[0] for polygon in polygons for p in polygon[0]]
        ys = [p[1] for polygon in polygons for p in polygon[0]]
        return cls(code, polygons, min(xs), min(ys), max(xs), max(ys))

    def contains(self, x: float, y: float) -> bool:
        if not (self.west <= x <= self.east and self.south <= y <= self.north):
            return False
        return any(in_polygon(x, y, polygon) for polygon in self.polygons)


class AreaIndex:
    """Which area holds a point: a bounding-box prefilter, then the even-odd test."""

    def __init__(self, areas: Iterable[Area]) -> None:
        self.areas = list(areas)

    def find(self, longitude: float, latitude: float) -> str | None:
        for area in self.areas:
            if area.contains(longitude, latitude):
                return area.code
        return None


# -- RD New (EPSG:28992) to WGS84 ------------------------------------------------------------------
# The approximation by Schreutelkamp and Strang van Hees ("Benaderingsformules voor de
# transformatie tussen RD- en WGS84-kaartcoördinaten", 2001): within about a metre over the
# Netherlands, far better than a postcode area needs.
_X0, _Y0, _PHI0, _LAM0 = 155000.0, 463000.0, 52.15517440, 5.38720621
_K = ((0, 1, 3235.65389), (2, 0, -32.58297), (0, 2, -0.24750), (2, 1, -0.84978), (0, 3, -0.06550),
      (2, 2, -0.01709), (1, 0, -0.00738), (4, 0, 0.00530), (2, 3, -0.00039), (4, 1, 0.00033),
      (1, 1, -0.00012))  # fmt: skip
_L = ((1, 0, 5260.52916), (1, 1, 105.94684), (1, 2, 2.45656), (3, 0, -0.81885), (1, 3, 0.05594),
      (3, 1, -0.05607), (0, 1, 0.01199), (3, 2, -0.00256), (1, 4, 0.00128), (0, 2, 0.00022),
      (2, 0, -0.00022), (5, 0, 0.00026))  # fmt: skip


def rd_to_wgs84(x: float, y: float) -> tuple[float, float]:
    """(latitude, longitude) in WGS84 of an RD New point (metres)."""
    dx, dy = (x - _X0) * 1e-5, (y - _Y0) * 1e-5
    phi = sum(k * dx**p * dy**q for p, q, k in _K)
    lam = sum(k * dx**p * dy**q for p, q, k in _L)
    return _PHI0 + phi / 3600, _LAM0 + lam / 3600


def looks_like_rd(x: float, y: float) -> bool:
    """RD New coordinates of the Netherlands: x 0–300 km, y 289–629 km."""
    return -7000 <= x <= 300000 and 289000 <= y <= 629000
