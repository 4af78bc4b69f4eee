"""What a search asks and finds, and the tokens both sides share: the criteria, a hit, a
service's search document, the words of a text, the one distance (`Metric`), the grid cells
and the need-and-place tokens."""

from __future__ import annotations

import math
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from django.db import connection

NATIONAL_KEY = "gmnl"
KM_PER_DEGREE = 111.2
# Grid cells of 0.1° latitude × 0.15° longitude (about 11 × 10 km in NL) as filter tokens:
# a distance search first narrows to the cells around the point through the index.
CELL_LAT, CELL_LON = 0.1, 0.15
DEFAULT_RADIUS_KM = 25.0
MAX_WORDS = 8
STOPWORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "of",
        "van",
        "voor",
        "in",
        "op",
        "aan",
        "met",
        "bij",
        "naar",
        "om",
        "te",
        "voor",
        "uit",
        "tot",
        "als",
        "is",
        "zijn",
        "ik",
        "je",
        "jij",
        "mijn",
        "ons",
        "onze",
        "kind",
        "kinderen",
        "jaar",
        "oud",
    ]
)


@dataclass(frozen=True)
class SearchCriteria:
    """What a searcher asks for; every part is optional and they are combined with AND."""

    text: str = ""
    term_ids: tuple[uuid.UUID, ...] = ()
    municipality: str = ""
    min_age: int | None = None
    max_age: int | None = None
    point: tuple[float, float] | None = None
    radius_km: float | None = None
    organization_id: uuid.UUID | None = None
    modified_after: datetime | None = None
    statuses: tuple[str, ...] = ()
    # With a point: the municipality the point lies in (CBS code). Services whose service area
    # is that municipality or the whole country are in the area whatever their distance.
    area: str = ""


@dataclass
class Hit:
    service_id: uuid.UUID
    score: float
    distance_km: float | None


@dataclass
class Sql:
    """The parts of a search query being built: its filters and their parameters, in order."""

    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    select_params: list[Any] = field(default_factory=list)
    outer_where: str = "1=1"
    outer_params: list[Any] = field(default_factory=list)
    order: str = "x.score DESC, x.name, x.id"
    order_params: list[Any] = field(default_factory=list)


class Document(NamedTuple):
    """What the search keeps of a service: the text it matches on, its filter tokens, and the
    points of its locations (so a distance needs no joins)."""

    service_id: uuid.UUID
    name: str
    body: str
    keys: str
    points: tuple[tuple[float, float], ...]


def words_of(text: str) -> list[str]:
    words = [w for w in re.findall(r"\w+", text.lower()) if len(w) > 1 and w not in STOPWORDS]
    return list(dict.fromkeys(words))[:MAX_WORDS]


def is_sqlite() -> bool:
    return connection.vendor == "sqlite"


def uuid_param(value: uuid.UUID) -> Any:
    return value.hex if is_sqlite() else value


@dataclass(frozen=True)
class Metric:
    """The one distance of the social map, around a latitude: equirectangular, exact enough
    at the scale of NL. Squared km = (Δlat · km_lat)² + (Δlon · km_lon)². The radius
    filter in SQL, the grid cells, the listed distance and service_at_locations all use it,
    so they agree."""

    km_lat: float
    km_lon: float

    @property
    def ky(self) -> float:
        return self.km_lat**2

    @property
    def kx(self) -> float:
        return self.km_lon**2

    def box(self, radius_km: float) -> tuple[float, float]:
        """Half the height and width, in degrees, of the square around the circle."""
        return radius_km / self.km_lat, radius_km / self.km_lon


def metric(latitude: float) -> Metric:
    return Metric(KM_PER_DEGREE, KM_PER_DEGREE * math.cos(math.radians(latitude)))


def cell_key(row: int, column: int) -> str:
    return f"c{row}x{column}".replace("-", "m")


def cells_around(point: tuple[float, float], radius_km: float) -> list[str]:
    lat, lon = point
    around = metric(lat)
    dlat, dlon = around.box(radius_km)
    rows = range(math.floor((lat - dlat) / CELL_LAT), math.floor((lat + dlat) / CELL_LAT) + 1)
    columns = range(math.floor((lon - dlon) / CELL_LON), math.floor((lon + dlon) / CELL_LON) + 1)
    # Only the cells that reach into the circle (in the metric of `_distance`): the corner cells
    # of the bounding square hold no match, and fewer tokens make a cheaper index lookup.
    ky, kx = around.ky, around.kx
    limit = radius_km * radius_km * (1 + 1e-9) + 1e-9
    keys = []
    for r in rows:
        near_lat = min(max(lat, r * CELL_LAT), (r + 1) * CELL_LAT) - lat
        for c in columns:
            near_lon = min(max(lon, c * CELL_LON), (c + 1) * CELL_LON) - lon
            if near_lat * near_lat * ky + near_lon * near_lon * kx <= limit:
                keys.append(cell_key(r, c))
    return keys


def key_text(keys: set[str]) -> str:
    """The filter tokens of a document, plus one token per need and place together
    (`t<term>gm1640`, `t<term>c520x34`, `t<term>gmnl`). A search for a need in a place asks
    for those: short lists in the index instead of the intersection of a long one (a need
    is on a tenth of all services) with another. On SQLite it also spares bm25, which counts
    the documents of every token in the query, the long counts."""
    terms = [k for k in keys if k.startswith("t")]
    places = [k for k in keys if not k.startswith("t")]
    return " ".join(sorted(keys)) + "".join(f" {t}{p}" for t in sorted(terms) for p in sorted(places))


def add_place(keys: set[str], body: list[str], code: str | None, name: str | None, national: bool) -> None:
    if code:
        keys.add(code.lower())
        body.append(name or "")
    if national:
        keys.add(NATIONAL_KEY)


def distance_km(point: tuple[float, float], other: tuple[float, float]) -> float:
    """The distance the radius filter uses (`Metric`), so a listed distance never exceeds the
    radius asked for."""
    around = metric(point[0])
    return math.sqrt((other[0] - point[0]) ** 2 * around.ky + (other[1] - point[1]) ** 2 * around.kx)
