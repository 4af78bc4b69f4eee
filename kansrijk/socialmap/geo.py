"""Places without a national postcode table: municipalities, postcodes of known locations."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kansrijk.municipalities.models import Municipality
from kansrijk.socialmap.constants import NL_COUNTRY_CODES, GeoSource

POSTCODE_RE = re.compile(r"^\s*(\d{4})\s*([a-zA-Z]{2})?\s*$")


def postcode_normalize(value: str) -> str:
    """'6093 ab' -> '6093AB', '6093' -> '6093'; '' when it is not a Dutch postcode."""
    match = POSTCODE_RE.match(value or "")
    if not match or match.group(1).startswith("0"):
        return ""
    return match.group(1) + (match.group(2) or "").upper()


def is_dutch(country: str) -> bool:
    return (country or "").strip().lower() in NL_COUNTRY_CODES


@dataclass(frozen=True)
class Centroid:
    code: str
    latitude: float
    longitude: float


class MunicipalityIndex:
    """Find a municipality by CBS code or by name (case does not matter)."""

    def __init__(self) -> None:
        self.by_key: dict[str, Centroid] = {}
        for code, name, lat, lon in Municipality.objects.values_list(
            "code", "name", "centroid_latitude", "centroid_longitude"
        ):
            centroid = Centroid(code, float(lat), float(lon))
            self.by_key[code.lower()] = centroid
            self.by_key[name.lower()] = centroid

    def find(self, value: str) -> Centroid | None:
        return self.by_key.get((value or "").strip().lower())


def location_geo(
    latitude: float | None, longitude: float | None, municipality: Centroid | None
) -> tuple[float | None, float | None, str]:
    """The point used for distance search: own coordinates, else the municipality's centre."""
    if latitude is not None and longitude is not None:
        return latitude, longitude, GeoSource.OWN.value
    if municipality is not None:
        return municipality.latitude, municipality.longitude, GeoSource.MUNICIPALITY.value
    return None, None, GeoSource.NONE.value
