"""Boundaries (GeoJSON, WGS84) to SVG paths, once: projected, fitted to a width, simplified.

The projection is equirectangular with the x axis shrunk by cos(middle latitude): for a
country the size of the Netherlands it keeps shapes true to within a few per cent, needs no
library and is fast. Simplification rounds to a tenth of a pixel and then drops points
closer than `tolerance` pixels to the line between their neighbours (Douglas–Peucker),
so a map of 342 municipalities stays small enough to send inline with every page.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

Point = tuple[float, float]


@dataclass(frozen=True)
class MapShapes:
    """SVG path data per area key, in a `0 0 width height` view box."""

    width: int
    height: int
    paths: dict[str, str]


def _polygons(geometry: dict[str, Any]) -> list[list[list[list[float]]]]:
    if geometry.get("type") == "Polygon":
        return [geometry["coordinates"]]
    if geometry.get("type") == "MultiPolygon":
        return list(geometry["coordinates"])
    raise ValueError(f"geometry type {geometry.get('type')!r} is not a Polygon or MultiPolygon")


def _distance(point: Point, start: Point, end: Point) -> float:
    (x, y), (x0, y0), (x1, y1) = point, start, end
    dx, dy = x1 - x0, y1 - y0
    length = math.hypot(dx, dy)
    if length == 0:
        return math.hypot(x - x0, y - y0)
    return abs(dy * x - dx * y + x1 * y0 - y1 * x0) / length


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker, iterative (no recursion limit), keeping both ends."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, index = 0.0, 0
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > farthest:
                farthest, index = d, i
        if farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _ring_path(ring: Sequence[Point], tolerance: float) -> str:
    rounded: list[Point] = []
    for x, y in ring:
        point = (round(x, 1), round(y, 1))
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    kept = simplify(rounded, tolerance)
    if len(set(kept)) < 3:
        return ""  # smaller than a pixel at this width
    if kept[0] == kept[-1]:
        kept = kept[:-1]
    return "M" + "L".join(f"{x:g} {y:g}" for x, y in kept) + "Z"


def project(features: Iterable[tuple[str, dict[str, Any]]], *, width: int, tolerance: float = 0.4) -> MapShapes:
    """(key, GeoJSON geometry) pairs to SVG paths fitted to `width` pixels."""
    polygons = [(key, _polygons(geometry)) for key, geometry in features]
    coordinates = [(x, y) for _, polys in polygons for poly in polys for ring in poly for x, y in ring]
    if not coordinates:
        raise ValueError("no coordinates to draw")
    west, east = min(x for x, _ in coordinates), max(x for x, _ in coordinates)
    south, north = min(y for _, y in coordinates), max(y for _, y in coordinates)
    shrink = math.cos(math.radians((south + north) / 2))
    scale = width / ((east - west) * shrink)
    height = math.ceil((north - south) * scale)
    paths: dict[str, str] = {}
    for key, polys in polygons:
        parts = [
            _ring_path([((x - west) * shrink * scale, (north - y) * scale) for x, y in ring], tolerance)
            for poly in polys
            for ring in poly
        ]
        paths[key] = "".join(parts)
    return MapShapes(width=width, height=height, paths=paths)
