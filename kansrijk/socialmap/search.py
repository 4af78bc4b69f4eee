"""Full-text search over services, on SQLite (FTS5) and PostgreSQL (tsvector + GIN).

One document per service (`Document`): `name`, `body` (description, eligibility,
organisation, needs, places), `keys` — filter tokens that make need and place filters an
index lookup: `t<term uuid hex>` per taxonomy term, `gm1640` per municipality served,
`gmnl` for national services, `c<row>x<column>` per grid cell of a location, and each
need with each place (`_key_text`) — and the `points` of its locations, for distances.
The services that write services call `index_services`; no signals, no triggers.
"""

from __future__ import annotations

import math
import re
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from django.db import connection

from kansrijk.socialmap.models import Address, Attribute, Service, ServiceArea, ServiceAtLocation

NATIONAL_KEY = "gmnl"
KM_PER_DEGREE = 111.2
# Grid cells of 0.1° latitude × 0.15° longitude (about 11 × 10 km in NL) as filter tokens:
# a distance search first narrows to the cells around the point through the index.
CELL_LAT, CELL_LON = 0.1, 0.15
CHUNK = 2000
COPY_FROM = 200  # PostgreSQL: from this many documents on, COPY them (one INSERT builds the vectors)
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


class Document(NamedTuple):
    """What the search keeps of a service: the text it matches on, its filter tokens, and the
    points of its locations (so a distance needs no joins)."""

    service_id: uuid.UUID
    name: str
    body: str
    keys: str
    points: tuple[tuple[float, float], ...]


@dataclass
class _Sql:
    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    select_params: list[Any] = field(default_factory=list)
    outer_where: str = "1=1"
    outer_params: list[Any] = field(default_factory=list)
    order: str = "x.score DESC, x.name, x.id"
    order_params: list[Any] = field(default_factory=list)


def words_of(text: str) -> list[str]:
    words = [w for w in re.findall(r"\w+", text.lower()) if len(w) > 1 and w not in STOPWORDS]
    return list(dict.fromkeys(words))[:MAX_WORDS]


def _is_sqlite() -> bool:
    return connection.vendor == "sqlite"


def _uuid_param(value: uuid.UUID) -> Any:
    return value.hex if _is_sqlite() else value


# -- indexing -------------------------------------------------------------------------------------


def _documents(service_ids: Sequence[uuid.UUID]) -> list[Document]:
    body: dict[uuid.UUID, list[str]] = defaultdict(list)
    keys: dict[uuid.UUID, set[str]] = defaultdict(set)
    points: dict[uuid.UUID, dict[tuple[float, float], None]] = defaultdict(dict)
    rows = Service.objects.filter(id__in=service_ids).values_list(
        "id",
        "name",
        "alternate_name",
        "description",
        "eligibility_description",
        "organization__organisation__name",
    )
    names = {}
    for sid, name, alternate, description, eligibility, organisation in rows:
        names[sid] = name
        body[sid] += [alternate, description, eligibility, organisation]
    for sid, term_id, term_name, term_en in Attribute.objects.filter(service_id__in=service_ids).values_list(
        "service_id", "taxonomy_term_id", "taxonomy_term__name", "taxonomy_term__name_en"
    ):
        keys[sid].add(f"t{term_id.hex}")
        body[sid] += [term_name, term_en]
    for sid, code, municipality, national in ServiceArea.objects.filter(service_id__in=service_ids).values_list(
        "service_id", "municipality_id", "municipality__name", "is_national"
    ):
        _add_place(keys[sid], body[sid], code, municipality, national)
    for sid, code, municipality, lat, lon in ServiceAtLocation.objects.filter(service_id__in=service_ids).values_list(
        "service_id",
        "location__municipality_id",
        "location__municipality__name",
        "location__geo_latitude",
        "location__geo_longitude",
    ):
        _add_place(keys[sid], body[sid], code, municipality, False)
        if lat is not None and lon is not None:
            keys[sid].add(cell_key(math.floor(lat / CELL_LAT), math.floor(lon / CELL_LON)))
            points[sid][(lat, lon)] = None
    for sid, city in Address.objects.filter(location__service_at_locations__service_id__in=service_ids).values_list(
        "location__service_at_locations__service_id", "city"
    ):
        body[sid].append(city)
    return [
        Document(
            sid,
            name,
            " ".join(dict.fromkeys(p for p in body[sid] if p)),
            _key_text(keys[sid]),
            tuple(points[sid]),
        )
        for sid, name in names.items()
    ]


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


def _cells_around(point: tuple[float, float], radius_km: float) -> list[str]:
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


def _key_text(keys: set[str]) -> str:
    """The filter tokens of a document, plus one token per need and place together
    (`t<term>gm1640`, `t<term>c520x34`, `t<term>gmnl`). A search for a need in a place asks
    for those: short lists in the index instead of the intersection of a long one (a need
    is on a tenth of all services) with another. On SQLite it also spares bm25, which counts
    the documents of every token in the query, the long counts."""
    terms = [k for k in keys if k.startswith("t")]
    places = [k for k in keys if not k.startswith("t")]
    return " ".join(sorted(keys)) + "".join(f" {t}{p}" for t in sorted(terms) for p in sorted(places))


def _add_place(keys: set[str], body: list[str], code: str | None, name: str | None, national: bool) -> None:
    if code:
        keys.add(code.lower())
        body.append(name or "")
    if national:
        keys.add(NATIONAL_KEY)


def _all_documents(wanted: set[Any]) -> dict[Any, Document]:  # noqa: C901
    """The documents of the wanted services (with their database id as `service_id`), keyed by the database value of
    their id as text (`_doc_key`), from one raw read of each table (no joins, no IN lists,
    no UUID or model conversions): for a bulk import, where most services are re-indexed,
    this is several times faster than reading chunk by chunk. Same parts, same tokens as
    `_documents`."""
    sqlite = _is_sqlite()

    def text(column: str) -> str:  # ids as text: hashing strings is far cheaper than UUIDs
        return column if sqlite else f"{column}::text"

    def hexed(value: str) -> str:
        return value if sqlite else value.replace("-", "")

    def rows(sql: str) -> Iterable[tuple[Any, ...]]:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            while batch := cursor.fetchmany(10_000):
                yield from batch

    municipality_names = dict(rows("SELECT code, name FROM municipalities_municipality"))
    organisation_names = dict(rows(f"SELECT {text('id')}, name FROM organisations_organisation"))  # noqa: S608
    body: dict[Any, list[str]] = {}
    keys: dict[Any, set[str]] = {}
    names: dict[Any, str] = {}
    points: dict[Any, dict[tuple[float, float], None]] = {}
    for sid, name, alternate, description, eligibility, organisation_id in rows(
        f"SELECT {text('id')}, name, alternate_name, description, eligibility_description, "  # noqa: S608
        f"{text('organization_id')} FROM socialmap_service"
    ):
        if sid in wanted:
            names[sid] = name
            body[sid] = [alternate, description, eligibility, organisation_names.get(organisation_id, "")]
            keys[sid], points[sid] = set(), {}
    terms = {
        pk: (name, name_en)
        for pk, name, name_en in rows(f"SELECT {text('id')}, name, name_en FROM socialmap_taxonomyterm")  # noqa: S608
    }
    for sid, term_id in rows(
        f"SELECT {text('service_id')}, {text('taxonomy_term_id')} FROM socialmap_attribute "  # noqa: S608
        "WHERE service_id IS NOT NULL AND taxonomy_term_id IS NOT NULL"
    ):
        if sid in names:
            keys[sid].add(f"t{hexed(term_id)}")
            body[sid] += terms.get(term_id, ("", ""))
    for sid, code, national in rows(
        f"SELECT {text('service_id')}, municipality_id, is_national FROM socialmap_servicearea "  # noqa: S608
        "WHERE service_id IS NOT NULL"
    ):
        if sid in names:
            _add_place(keys[sid], body[sid], code, municipality_names.get(code), bool(national))
    cities: dict[Any, list[str]] = defaultdict(list)
    for location_id, city in rows(f"SELECT {text('location_id')}, city FROM socialmap_address"):  # noqa: S608
        cities[location_id].append(city)
    places = {
        pk: (code, lat, lon)
        for pk, code, lat, lon in rows(
            f"SELECT {text('id')}, municipality_id, geo_latitude, geo_longitude FROM socialmap_location"  # noqa: S608
        )
    }
    later: dict[Any, list[str]] = defaultdict(list)  # cities come after all places, as in _documents
    for sid, location_id in rows(
        f"SELECT {text('service_id')}, {text('location_id')} FROM socialmap_serviceatlocation"  # noqa: S608
    ):
        if sid not in names or location_id not in places:
            continue
        code, lat, lon = places[location_id]
        _add_place(keys[sid], body[sid], code, municipality_names.get(code), False)
        if lat is not None and lon is not None:
            keys[sid].add(cell_key(math.floor(lat / CELL_LAT), math.floor(lon / CELL_LON)))
            points[sid][(lat, lon)] = None
        later[sid] += cities.get(location_id, ())
    return {
        sid: Document(
            sid,
            name,
            " ".join(dict.fromkeys(p for p in (*body[sid], *later[sid]) if p)),
            _key_text(keys[sid]),
            tuple(points[sid]),
        )
        for sid, name in names.items()
    }


BULK_SHARE = 0.3  # re-indexing at least this share of all services reads whole tables


def index_services(service_ids: Iterable[uuid.UUID]) -> None:
    """(Re)build the search documents of these services; call inside the writing transaction."""
    ids = list(dict.fromkeys(service_ids))
    everything = None
    if len(ids) > CHUNK and len(ids) >= BULK_SHARE * Service.objects.count():
        everything = _all_documents({_doc_key(sid) for sid in ids})
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        documents = (
            [everything[key]._replace(service_id=sid) for sid in chunk if (key := _doc_key(sid)) in everything]
            if everything is not None
            else _documents(chunk)
        )
        with connection.cursor() as cursor:
            if _is_sqlite():
                _write_sqlite(cursor, chunk, documents)
            else:
                _write_postgres(cursor, chunk, documents)
    _compact(bulk=everything is not None, many=len(ids) >= COPY_FROM)


def _compact(*, bulk: bool, many: bool) -> None:
    """After many writes, put the index in the shape searches read fastest. SQLite, after a
    bulk load: merge the FTS5 segments (it leaves many, and every query reads each; merging
    rewrites the whole index, about 3 s at 100,000 services, so not for smaller batches,
    which FTS5's own automerge handles). PostgreSQL, after many documents: merge the GIN
    pending lists, which a search scans entry by entry (a 25 km search took 9.5 instead of
    2.3 ms right after a bulk import); the cost is that of the pending entries only."""
    with connection.cursor() as cursor:
        if _is_sqlite():
            if bulk:
                cursor.execute("INSERT INTO socialmap_service_fts (socialmap_service_fts) VALUES ('optimize')")
        elif many:
            cursor.execute(
                "SELECT gin_clean_pending_list('socialmap_service_search_keys'::regclass), "
                "gin_clean_pending_list('socialmap_service_search_document'::regclass)"
            )


def _doc_key(service_id: uuid.UUID) -> str:
    """A service id as `_all_documents` reads it: hex on SQLite, canonical text on PostgreSQL."""
    return service_id.hex if _is_sqlite() else str(service_id)


def _write_sqlite(cursor: Any, chunk: list[uuid.UUID], documents: list[Document]) -> None:
    """SQLite: the FTS5 row of a service is keyed by its document number, an integer given out
    once per service by `socialmap_service_doc` (ADR 0008): any two UUIDs get two numbers."""
    docs = _doc_numbers(cursor, chunk, {d.service_id for d in documents})
    # One rowid lookup per service: FTS5 does not use its rowid index for `rowid IN (…)`.
    old = [(doc,) for doc, is_new in docs.values() if not is_new]
    cursor.executemany("DELETE FROM socialmap_service_fts WHERE rowid = %s", old)
    cursor.executemany("DELETE FROM socialmap_service_point WHERE doc = %s", old)
    cursor.executemany(
        "INSERT INTO socialmap_service_fts (rowid, name, body, keys, service_id) VALUES (%s, %s, %s, %s, %s)",
        [(docs[d.service_id][0], d.name, d.body, d.keys, d.service_id.hex) for d in documents],
    )
    cursor.executemany(
        "INSERT INTO socialmap_service_point (doc, latitude, longitude) VALUES (%s, %s, %s)",
        [(docs[d.service_id][0], lat, lon) for d in documents for lat, lon in d.points],
    )


def _doc_numbers(cursor: Any, chunk: list[uuid.UUID], indexed: set[uuid.UUID]) -> dict[uuid.UUID, tuple[int, bool]]:
    """The document number of every service of `chunk` and whether it is new: the number it
    had, or the next free one for a service indexed for the first time. A service that has no
    document any more (deleted) gives its number back."""
    hexes = [s.hex for s in chunk]
    marks = ",".join(["%s"] * len(hexes))
    cursor.execute(f"SELECT service_id, doc FROM socialmap_service_doc WHERE service_id IN ({marks})", hexes)  # noqa: S608
    docs = {uuid.UUID(hex=sid): (doc, False) for sid, doc in cursor.fetchall()}
    fresh = [s for s in chunk if s in indexed and s not in docs]
    if fresh:
        cursor.execute("SELECT COALESCE(MAX(doc), 0) FROM socialmap_service_doc")
        first = int(cursor.fetchone()[0]) + 1
        docs.update({s: (first + i, True) for i, s in enumerate(fresh)})
        cursor.executemany(
            "INSERT INTO socialmap_service_doc (doc, service_id) VALUES (%s, %s)",
            [(docs[s][0], s.hex) for s in fresh],
        )
    gone = [(s.hex,) for s in chunk if s not in indexed and s in docs]
    cursor.executemany("DELETE FROM socialmap_service_doc WHERE service_id = %s", gone)
    return docs


POSTGRES_COLUMNS = "service_id, document, keys, latitudes, longitudes"
POSTGRES_VALUES = (
    "%s, setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B'), "
    "string_to_array(%s, ' '), %s, %s"
)


def _postgres_row(d: Document) -> tuple[Any, ...]:
    return (
        d.service_id,
        d.name,
        d.body,
        d.keys,
        [lat for lat, _ in d.points],
        [lon for _, lon in d.points],
    )


def _write_postgres(cursor: Any, chunk: list[uuid.UUID], documents: list[Document]) -> None:
    cursor.execute("DELETE FROM socialmap_service_search WHERE service_id = ANY(%s)", [chunk])
    if len(documents) < COPY_FROM:
        cursor.executemany(
            f"INSERT INTO socialmap_service_search ({POSTGRES_COLUMNS}) VALUES ({POSTGRES_VALUES})",  # noqa: S608
            [_postgres_row(d) for d in documents],
        )
        return
    # Many documents: COPY the parts, then build the vectors in one statement.
    cursor.execute(
        "CREATE TEMPORARY TABLE IF NOT EXISTS search_documents "
        "(service_id uuid, name text, body text, keys text, latitudes float8[], longitudes float8[])"
    )
    with cursor.cursor.copy("COPY search_documents FROM STDIN") as copy:
        for d in documents:
            copy.write_row(_postgres_row(d))
    cursor.execute(
        f"INSERT INTO socialmap_service_search ({POSTGRES_COLUMNS}) SELECT "
        + POSTGRES_VALUES % ("service_id", "name", "body", "keys", "latitudes", "longitudes")
        + " FROM search_documents"
    )
    cursor.execute("TRUNCATE search_documents")


# -- querying -------------------------------------------------------------------------------------


def _key_groups(criteria: SearchCriteria) -> list[list[str]]:
    """Groups of filter tokens: every group must match, one token within a group. The first
    need and a place go together as need-and-place tokens (`_key_text`)."""
    terms = [f"t{term_id.hex}" for term_id in criteria.term_ids]
    places = []
    if criteria.municipality:
        places.append([criteria.municipality.lower(), NATIONAL_KEY])
    if criteria.point is not None:
        # Near the point, or serving its whole municipality or the whole country (`_wide`).
        wide = [criteria.area.lower(), NATIONAL_KEY] if criteria.area else [NATIONAL_KEY]
        places.append(_cells_around(criteria.point, criteria.radius_km or DEFAULT_RADIUS_KM) + wide)
    if terms and places:
        return [[terms[0] + place for place in places[0]], *([t] for t in terms[1:]), *places[1:]]
    return [*([t] for t in terms), *places]


def _match_sqlite(words: list[str], groups: list[list[str]], any_word: bool) -> str:
    parts = []
    if words:
        joiner = " OR " if any_word else " AND "
        parts.append("{name body} : (" + joiner.join(f'"{w}"*' for w in words) + ")")
    for group in groups:
        parts.append("keys : (" + " OR ".join(f'"{token}"' for token in group) + ")")
    return " AND ".join(parts)


def _tsquery(words: list[str], any_word: bool) -> str:
    return (" | " if any_word else " & ").join(f"'{w}':*" for w in words)


def _text_source(sql: _Sql, words: list[str], groups: list[list[str]], any_word: bool) -> tuple[str, str]:
    """FROM clause and score expression: the full-text index drives the query when it can.
    `d` is the search row of a service, `s` the service (joined, so a search row without a
    service is never found)."""
    sqlite = _is_sqlite()
    if not words and not groups:
        return "socialmap_service s", "0.0"
    if sqlite:
        sql.where.append("socialmap_service_fts MATCH %s")
        sql.params.append(_match_sqlite(words, groups, any_word))
        # The service id from a narrow table keyed by the FTS5 rowid: in the FTS5 content
        # row it comes after the whole text, often on overflow pages.
        source = (
            "socialmap_service_fts f JOIN socialmap_service_doc d ON d.doc = f.rowid "
            "JOIN socialmap_service s ON s.id = d.service_id"
        )
        return source, "-bm25(socialmap_service_fts, 10.0, 1.0, 0.0)" if words else "0.0"
    score = "0.0"
    if words:
        sql.where.append("d.document @@ to_tsquery('simple', %s)")
        sql.params.append(_tsquery(words, any_word))
        score = "ts_rank(d.document, to_tsquery('simple', %s))"
        sql.select_params.append(_tsquery(words, any_word))
    for group in groups:  # one GIN lookup per group: has one of these tokens
        sql.where.append("d.keys && %s::text[]")
        sql.params.append(group)
    return "socialmap_service_search d JOIN socialmap_service s ON s.id = d.service_id", score


def _distance(sql: _Sql, criteria: SearchCriteria) -> str:
    """Distance to the nearest location of each matching service (`Metric`), from the points
    of its search row `d` (a point search always has grid-cell tokens, so a search row): on
    PostgreSQL two arrays in the row, on SQLite one range read of a clustered key."""
    if criteria.point is None:
        return "NULL"
    lat, lon = criteria.point
    radius = criteria.radius_km or DEFAULT_RADIUS_KM
    around = metric(lat)
    ky, kx = around.ky, around.kx
    # Within the radius, or a service for the point's whole municipality or country (`_wide`);
    # those come after the near ones, by name.
    sql.outer_where = "(x.d2 <= %s OR x.wide = 1)"
    sql.outer_params.append(radius * radius)
    sql.order = "x.score DESC, CASE WHEN x.d2 <= %s THEN 0 ELSE 1 END, CASE WHEN x.d2 <= %s THEN x.d2 END, x.name, x.id"
    sql.order_params += [radius * radius, radius * radius]
    squared = f"MIN((p.lat - %s) * (p.lat - %s) * {ky!r} + (p.lon - %s) * (p.lon - %s) * {kx!r})"
    sql.select_params += [lat, lat, lon, lon]
    if not _is_sqlite():
        return f"(SELECT {squared} FROM unnest(d.latitudes, d.longitudes) AS p(lat, lon))"  # noqa: S608
    dlat, dlon = around.box(radius)
    sql.select_params += [lat - dlat, lat + dlat, lon - dlon, lon + dlon]
    return (
        f"(SELECT {squared} FROM (SELECT latitude AS lat, longitude AS lon FROM socialmap_service_point "  # noqa: S608
        "WHERE doc = d.doc AND latitude BETWEEN %s AND %s AND longitude BETWEEN %s AND %s) p)"
    )


def _wide(sql: _Sql, criteria: SearchCriteria) -> str:
    """1 when the service's area is the point's municipality or the whole country, else 0."""
    if criteria.point is None:
        return "0"
    sql.select_params.append(criteria.area)
    return (
        "(CASE WHEN EXISTS (SELECT 1 FROM socialmap_servicearea a WHERE a.service_id = s.id "
        "AND (a.is_national OR a.municipality_id = %s)) THEN 1 ELSE 0 END)"
    )


def _column_filters(sql: _Sql, criteria: SearchCriteria) -> None:
    if criteria.min_age is not None:
        sql.where.append("(s.maximum_age IS NULL OR s.maximum_age >= %s)")
        sql.params.append(criteria.min_age)
    if criteria.max_age is not None:
        sql.where.append("(s.minimum_age IS NULL OR s.minimum_age <= %s)")
        sql.params.append(criteria.max_age)
    if criteria.organization_id is not None:
        sql.where.append("s.organization_id = %s")
        sql.params.append(_uuid_param(criteria.organization_id))
    if criteria.modified_after is not None:
        sql.where.append("s.last_modified >= %s")
        sql.params.append(connection.ops.adapt_datetimefield_value(criteria.modified_after))
    if criteria.statuses:
        sql.where.append("s.status IN (" + ",".join("%s" for _ in criteria.statuses) + ")")
        sql.params += list(criteria.statuses)


def search(criteria: SearchCriteria, *, offset: int, limit: int, any_word: bool = False) -> tuple[list[Hit], int]:
    """One query: the page of matching services, best first, and the total number of matches."""
    sql = _Sql()
    words = words_of(criteria.text)
    source, score = _text_source(sql, words, _key_groups(criteria), any_word)
    distance = _distance(sql, criteria)
    wide = _wide(sql, criteria)
    _column_filters(sql, criteria)
    where = " AND ".join(sql.where) or "1=1"
    # The candidates are materialised once, so the nearest-location subquery runs once per
    # candidate (used in the radius filter and in the order, it otherwise ran twice).
    query = (
        "WITH x AS MATERIALIZED ("  # noqa: S608
        f"SELECT s.id, s.name, {score} AS score, {distance} AS d2, {wide} AS wide FROM {source} "
        f"WHERE {where}) SELECT x.id, x.score, x.d2, COUNT(*) OVER () AS total FROM x "
        f"WHERE {sql.outer_where} ORDER BY {sql.order} LIMIT %s OFFSET %s"
    )
    params = [*sql.select_params, *sql.params, *sql.outer_params, *sql.order_params, limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        rows = cursor.fetchall()
    hits = [Hit(service_id=_as_uuid(row[0]), score=float(row[1] or 0.0), distance_km=_sqrt(row[2])) for row in rows]
    return hits, int(rows[0][3]) if rows else 0


def _as_uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _sqrt(value: Any) -> float | None:
    return None if value is None else math.sqrt(float(value))


def distance_km(point: tuple[float, float], other: tuple[float, float]) -> float:
    """The distance the radius filter uses (`Metric`), so a listed distance never exceeds the
    radius asked for."""
    around = metric(point[0])
    return math.sqrt((other[0] - point[0]) ** 2 * around.ky + (other[1] - point[1]) ** 2 * around.kx)


def service_match_sql(criteria: SearchCriteria) -> tuple[str, list[Any]] | None:
    """SQL selecting the ids of the services that match the text (through the full-text index),
    terms, ages, organisation, `modified_after` and statuses of `criteria`, for use as
    `id IN (…)`; None when none of these is asked. Not its places (`municipality`, `point`):
    a caller listing services at locations filters on the location itself. All words must
    match, as in `search`, without its any-word retry."""
    sql = _Sql()
    words = words_of(criteria.text)
    if words and _is_sqlite():
        sql.where.append("s.id IN (SELECT service_id FROM socialmap_service_fts WHERE socialmap_service_fts MATCH %s)")
        sql.params.append(_match_sqlite(words, [], any_word=False))
    elif words:
        sql.where.append(
            "s.id IN (SELECT service_id FROM socialmap_service_search WHERE document @@ to_tsquery('simple', %s))"
        )
        sql.params.append(_tsquery(words, any_word=False))
    for term_id in criteria.term_ids:
        sql.where.append(
            "EXISTS (SELECT 1 FROM socialmap_attribute a WHERE a.service_id = s.id AND a.taxonomy_term_id = %s)"
        )
        sql.params.append(_uuid_param(term_id))
    _column_filters(sql, criteria)
    if not sql.where:
        return None
    return "SELECT s.id FROM socialmap_service s WHERE " + " AND ".join(sql.where), sql.params  # noqa: S608
