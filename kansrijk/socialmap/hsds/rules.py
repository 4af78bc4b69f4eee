"""Kansrijk's own rules for imported rows, on top of the HSDS schema."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from django.db import connection

from kansrijk.organisations.constants import Kind
from kansrijk.organisations.models import Organisation
from kansrijk.socialmap.constants import NATIONAL_AREA_URI, TOOI_MUNICIPALITY_RE
from kansrijk.socialmap.geo import is_dutch, location_geo, postcode_normalize
from kansrijk.socialmap.hsds.tables import TABLE_BY_NAME
from kansrijk.socialmap.models import Address, Location

if TYPE_CHECKING:
    from kansrijk.socialmap.hsds.places import PlaceIndex

Errors = list[tuple[str, str]]
MAX_AGE = 120
KIND_BY_LEGAL_STATUS = {
    "gemeente": Kind.MUNICIPALITY,
    "municipality": Kind.MUNICIPALITY,
    "fonds": Kind.FUND,
    "fund": Kind.FUND,
    "school": Kind.SCHOOL,
    "welzijn": Kind.WELFARE,
    "jgz": Kind.YOUTH_HEALTH_CARE,
    "vereniging": Kind.SPORTS_CULTURE,
}


@dataclass
class Context:
    """What the rules need to know of the import so far. The importer makes one and passes it
    to `check`; the rules never see (or change) the importer itself."""

    municipalities: PlaceIndex
    reference_error: Callable[[str, uuid.UUID], str]  # "" when the row it refers to is known
    organisation_names: dict[str, uuid.UUID] | None = field(default=None)  # lower-case name -> id, read once


def organisation_kind(legal_status: str) -> str:
    """Imported organisations are 'other' unless their legal status names a kind we know."""
    return str(KIND_BY_LEGAL_STATUS.get(legal_status.strip().lower(), Kind.OTHER))


def _organization(context: Context, values: dict[str, Any]) -> Errors:
    if context.organisation_names is None:
        context.organisation_names = {n.lower(): i for i, n in Organisation.objects.values_list("id", "name")}
    name_key = (values.get("name") or "").lower()
    owner = context.organisation_names.get(name_key)
    if owner is not None and owner != values["organisation_id"]:
        return [("name", f"'{values['name']}' is already the name of organisation {owner}")]
    context.organisation_names[name_key] = values["organisation_id"]
    return []


def _service(context: Context, values: dict[str, Any]) -> Errors:
    errors = []
    low, high = values.get("minimum_age"), values.get("maximum_age")
    for name, age in (("minimum_age", low), ("maximum_age", high)):
        if age is not None and not 0 <= age <= MAX_AGE:
            errors.append((name, f"{age} is not an age between 0 and {MAX_AGE}"))
    if not errors and low is not None and high is not None and low > high:
        errors.append(("minimum_age", f"minimum_age {low} is higher than maximum_age {high}"))
    if values.get("last_modified") is None:
        values["last_modified"] = datetime.now(tz=UTC)
    return errors


def _location(context: Context, values: dict[str, Any]) -> Errors:
    lat, lon = values.get("latitude"), values.get("longitude")
    if (lat is None) != (lon is None):
        return [("latitude" if lat is None else "longitude", "latitude and longitude go together")]
    errors = []
    if lat is not None and not -90 <= lat <= 90:
        errors.append(("latitude", f"{lat} is not a latitude (-90 to 90)"))
    if lon is not None and not -180 <= lon <= 180:
        errors.append(("longitude", f"{lon} is not a longitude (-180 to 180)"))
    return errors


def _address(context: Context, values: dict[str, Any]) -> Errors:
    if not is_dutch(values.get("country") or ""):
        return []
    # `region` and `state_province` are free text in HSDS (often the province): the
    # municipality is derived afterwards (`places.PlaceIndex.locate`), never refused here.
    errors = []
    if not postcode_normalize(values.get("postal_code") or ""):
        errors.append(("postal_code", f"'{values.get('postal_code')}' is not a Dutch postcode (1234 AB)"))
    return errors


def _service_area(context: Context, values: dict[str, Any]) -> Errors:
    uri = (values.get("uri") or "").strip()
    values["is_national"] = uri == NATIONAL_AREA_URI
    values["municipality_id"] = None
    match = TOOI_MUNICIPALITY_RE.match(uri)
    if match:
        found = context.municipalities.find(match.group(1))
        if found is None:
            return [("uri", f"unknown municipality {match.group(1).upper()}")]
        values["municipality_id"] = found.code
    return []


def _attribute(context: Context, values: dict[str, Any]) -> Errors:
    entity = values.get("link_entity") or ""
    values["service_id"] = None
    if entity not in TABLE_BY_NAME:
        return [("link_entity", f"'{entity}' is not an HSDS table")]
    reason = context.reference_error(entity, values["link_id"])
    if reason:
        return [("link_id", reason)]
    if entity == "service":
        values["service_id"] = values["link_id"]
    return []


CHECKS: dict[str, Callable[[Context, dict[str, Any]], Errors]] = {
    "organization": _organization,
    "service": _service,
    "location": _location,
    "address": _address,
    "service_area": _service_area,
    "attribute": _attribute,
}


def check(context: Context, table: str, values: dict[str, Any]) -> Errors:
    rule = CHECKS.get(table)
    return rule(context, values) if rule else []


def touched(table: str, values: dict[str, Any]) -> tuple[str, uuid.UUID] | None:
    """What a stored row makes to be derived or re-indexed after the import: ("service", id),
    ("location", id) or nothing. The importer keeps the sets."""
    if table == "service":
        return ("service", values["id"])
    if table in ("service_at_location", "service_area", "attribute") and values.get("service_id"):
        return ("service", values["service_id"])
    if table == "location":
        return ("location", values["id"])
    if table == "address" and values.get("location_id"):
        return ("location", values["location_id"])
    return None


def best_address(addresses: list[tuple[str, str, str, str, str]]) -> tuple[str, str, str, str, str] | None:
    dutch = [a for a in addresses if is_dutch(a[2])]
    dutch.sort(key=lambda a: a[3] != "physical")
    return dutch[0] if dutch else None


def derive_locations(location_ids: Iterable[uuid.UUID], municipalities: PlaceIndex) -> None:
    """Set municipality, postcode and search point of locations from their addresses."""
    ids = list(location_ids)
    for start in range(0, len(ids), 5000):
        chunk = ids[start : start + 5000]
        addresses: dict[uuid.UUID, list[tuple[str, str, str, str, str]]] = {}
        for location_id, region, postal_code, country, kind, city in Address.objects.filter(
            location_id__in=chunk
        ).values_list("location_id", "region", "postal_code", "country", "address_type", "city"):
            addresses.setdefault(location_id, []).append((region, postal_code, country, kind, city))
        updates = []
        for location_id, latitude, longitude in Location.objects.filter(id__in=chunk).values_list(
            "id", "latitude", "longitude"
        ):
            best = best_address(addresses.get(location_id, []))
            municipality = municipalities.locate(best, latitude, longitude)
            geo = location_geo(latitude, longitude, municipality)
            postcode = postcode_normalize(best[1]) if best else ""
            updates.append((municipality.code if municipality else None, postcode, *geo, location_id))
        _update_locations(updates)


def _update_locations(updates: list[tuple[Any, ...]]) -> None:
    pk = Location._meta.pk
    assert pk is not None
    prepare = pk.get_db_prep_value
    rows = [(*row[:-1], prepare(row[-1], connection)) for row in updates]
    with connection.cursor() as cursor:
        cursor.executemany(
            "UPDATE socialmap_location SET municipality_id = %s, postcode = %s, geo_latitude = %s, "
            "geo_longitude = %s, geo_source = %s WHERE id = %s",
            rows,
        )
