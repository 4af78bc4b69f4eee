"""The search document of a service, read from the tables: chunk by chunk through the ORM
(`documents_of`), or for a bulk re-index from one raw read of each table (`all_documents`).
Both give the same parts and the same tokens."""

from __future__ import annotations

import math
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection

from kansrijk.socialmap.models import Address, Attribute, Service, ServiceArea, ServiceAtLocation
from kansrijk.socialmap.search.criteria import CELL_LAT, CELL_LON, Document, add_place, cell_key, is_sqlite, key_text


def documents_of(service_ids: Sequence[uuid.UUID]) -> list[Document]:
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
        add_place(keys[sid], body[sid], code, municipality, national)
    for sid, code, municipality, lat, lon in ServiceAtLocation.objects.filter(service_id__in=service_ids).values_list(
        "service_id",
        "location__municipality_id",
        "location__municipality__name",
        "location__geo_latitude",
        "location__geo_longitude",
    ):
        add_place(keys[sid], body[sid], code, municipality, False)
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
            key_text(keys[sid]),
            tuple(points[sid]),
        )
        for sid, name in names.items()
    ]


def doc_key(service_id: uuid.UUID) -> str:
    """A service id as `all_documents` reads it: hex on SQLite, canonical text on PostgreSQL."""
    return service_id.hex if is_sqlite() else str(service_id)


def _text(column: str) -> str:
    """A column read as text: hashing strings is far cheaper than UUIDs."""
    return column if is_sqlite() else f"{column}::text"


def _hexed(value: str) -> str:
    return value if is_sqlite() else value.replace("-", "")


def _rows(sql: str) -> Iterable[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        while batch := cursor.fetchmany(10_000):
            yield from batch


@dataclass
class _Parts:
    """The parts of the documents being built, keyed by the service id as text."""

    municipality_names: dict[Any, str]
    names: dict[Any, str] = field(default_factory=dict)
    body: dict[Any, list[str]] = field(default_factory=dict)
    keys: dict[Any, set[str]] = field(default_factory=dict)
    points: dict[Any, dict[tuple[float, float], None]] = field(default_factory=dict)
    later: dict[Any, list[str]] = field(default_factory=lambda: defaultdict(list))  # cities, after all places

    def place(self, sid: Any, code: str | None, national: bool) -> None:
        add_place(self.keys[sid], self.body[sid], code, self.municipality_names.get(code or ""), national)

    def documents(self) -> dict[Any, Document]:
        return {
            sid: Document(
                sid,
                name,
                " ".join(dict.fromkeys(p for p in (*self.body[sid], *self.later[sid]) if p)),
                key_text(self.keys[sid]),
                tuple(self.points[sid]),
            )
            for sid, name in self.names.items()
        }


def _read_services(parts: _Parts, wanted: set[Any]) -> None:
    organisation_names = dict(_rows(f"SELECT {_text('id')}, name FROM organisations_organisation"))  # noqa: S608
    for sid, name, alternate, description, eligibility, organisation_id in _rows(
        f"SELECT {_text('id')}, name, alternate_name, description, eligibility_description, "  # noqa: S608
        f"{_text('organization_id')} FROM socialmap_service"
    ):
        if sid in wanted:
            parts.names[sid] = name
            parts.body[sid] = [alternate, description, eligibility, organisation_names.get(organisation_id, "")]
            parts.keys[sid], parts.points[sid] = set(), {}


def _read_terms(parts: _Parts) -> None:
    terms = {
        pk: (name, name_en)
        for pk, name, name_en in _rows(f"SELECT {_text('id')}, name, name_en FROM socialmap_taxonomyterm")  # noqa: S608
    }
    for sid, term_id in _rows(
        f"SELECT {_text('service_id')}, {_text('taxonomy_term_id')} FROM socialmap_attribute "  # noqa: S608
        "WHERE service_id IS NOT NULL AND taxonomy_term_id IS NOT NULL"
    ):
        if sid in parts.names:
            parts.keys[sid].add(f"t{_hexed(term_id)}")
            parts.body[sid] += terms.get(term_id, ("", ""))


def _read_areas(parts: _Parts) -> None:
    for sid, code, national in _rows(
        f"SELECT {_text('service_id')}, municipality_id, is_national FROM socialmap_servicearea "  # noqa: S608
        "WHERE service_id IS NOT NULL"
    ):
        if sid in parts.names:
            parts.place(sid, code, bool(national))


def _read_locations(parts: _Parts) -> None:
    cities: dict[Any, list[str]] = defaultdict(list)
    for location_id, city in _rows(f"SELECT {_text('location_id')}, city FROM socialmap_address"):  # noqa: S608
        cities[location_id].append(city)
    places = {
        pk: (code, lat, lon)
        for pk, code, lat, lon in _rows(
            f"SELECT {_text('id')}, municipality_id, geo_latitude, geo_longitude FROM socialmap_location"  # noqa: S608
        )
    }
    for sid, location_id in _rows(
        f"SELECT {_text('service_id')}, {_text('location_id')} FROM socialmap_serviceatlocation"  # noqa: S608
    ):
        if sid not in parts.names or location_id not in places:
            continue
        code, lat, lon = places[location_id]
        parts.place(sid, code, False)
        if lat is not None and lon is not None:
            parts.keys[sid].add(cell_key(math.floor(lat / CELL_LAT), math.floor(lon / CELL_LON)))
            parts.points[sid][(lat, lon)] = None
        parts.later[sid] += cities.get(location_id, ())


def all_documents(wanted: set[Any]) -> dict[Any, Document]:
    """The documents of the wanted services (with their database id as `service_id`), keyed by
    the database value of their id as text (`doc_key`), from one raw read of each table (no
    joins, no IN lists, no UUID or model conversions): for a bulk import, where most services
    are re-indexed, this is several times faster than reading chunk by chunk. Same parts, same
    tokens as `documents_of`."""
    parts = _Parts(dict(_rows("SELECT code, name FROM municipalities_municipality")))
    _read_services(parts, wanted)
    _read_terms(parts)
    _read_areas(parts)
    _read_locations(parts)
    return parts.documents()
