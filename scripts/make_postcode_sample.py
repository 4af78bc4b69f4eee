"""Make `kansrijk/municipalities/data/postcode4_sample.geojson`: a SAMPLE in the format PDOK
serves the CBS postcode4 areas (GeoJSON, property `postcode`), for tests and the demo.

The geometries are made up: a square of about 1 km around a point in the municipality (the
demo's addresses in Leudal, elsewhere the municipality's centroid). The postcodes are those of
the town centres. Not the real areas: load the real table with `kansrijk postcodes-import`.

    PYTHONPATH=. python scripts/make_postcode_sample.py
"""

from __future__ import annotations

import json

from kansrijk.municipalities.geometry import Area, AreaIndex
from kansrijk.municipalities.loading import DATA_DIR, read_municipalities

LEUDAL = {"6093": (51.2502, 5.8991), "6081": (51.2361, 5.9562), "6088": (51.2632, 5.9271), "6095": (51.2231, 5.8792)}
TOWNS = {
    "1012": "GM0363", "3011": "GM0599", "2511": "GM0518", "3511": "GM0344", "5611": "GM0772", "9711": "GM0014",
    "6211": "GM0935", "5211": "GM0796", "6511": "GM0268", "6811": "GM0202", "7511": "GM0153", "8011": "GM0193",
    "8911": "GM0080", "9401": "GM0106", "4331": "GM0687", "1315": "GM0034", "2011": "GM0392", "2311": "GM0546",
    "4811": "GM0758", "5038": "GM0855", "5911": "GM0983", "6041": "GM0957", "6131": "GM1883", "7311": "GM0200",
    "3811": "GM0307", "2611": "GM0503", "7411": "GM0150", "1781": "GM0400", "8441": "GM0074", "9501": "GM0037",
}  # fmt: skip
HALF = 0.005


def square(lat: float, lon: float) -> dict[str, object]:
    ring = [[round(lon + a * HALF, 6), round(lat + b * HALF, 6)] for a, b in ((-1, -1), (-1, 1), (1, 1), (1, -1))]
    return {"type": "MultiPolygon", "coordinates": [[[*ring, ring[0]]]]}


def inside(index: AreaIndex, code: str, lat: float, lon: float) -> tuple[float, float]:
    """The point, or the nearest point on a 0.01° grid around it that lies in the municipality
    with its whole square (a centroid can fall outside a crescent-shaped municipality)."""
    for step in range(40):
        for dlat in range(-step, step + 1):
            for dlon in range(-step, step + 1):
                la, lo = lat + dlat / 100, lon + dlon / 100
                corners = [(lo + a * HALF, la + b * HALF) for a in (-1, 0, 1) for b in (-1, 0, 1)]
                if all(index.find(x, y) == code for x, y in corners):
                    return round(la, 4), round(lo, 4)
    raise SystemExit(f"no point found in {code}")


def main() -> None:
    rows = read_municipalities()
    index = AreaIndex(Area.of(r.code, r.boundary) for r in rows)
    centre = {r.code: (float(r.centroid_latitude), float(r.centroid_longitude)) for r in rows}
    points = {**LEUDAL, **{pc4: centre[code] for pc4, code in TOWNS.items()}}
    features = []
    for pc4, (lat, lon) in sorted(points.items()):
        expected = TOWNS.get(pc4, "GM1640")
        lat, lon = inside(index, expected, lat, lon)
        features.append({"type": "Feature", "id": f"postcode4.{pc4}", "properties": {"postcode": pc4, "jaar": 2024},
                         "geometry": square(lat, lon)})  # fmt: skip
    document = {
        "type": "FeatureCollection",
        "name": "SAMPLE of CBS postcode4 (PDOK GeoJSON format) - made-up squares, not the real areas",
        "description": "By scripts/make_postcode_sample.py for tests and the demo. Real data: CBS/PDOK, CC BY 4.0",
        "features": features,
    }
    (DATA_DIR / "postcode4_sample.geojson").write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    print(f"{len(features)} sample areas written")


if __name__ == "__main__":
    main()
