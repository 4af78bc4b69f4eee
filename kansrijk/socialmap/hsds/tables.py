"""The HSDS tables Kansrijk stores, and how one CSV cell becomes a model value and back.

Each table's columns, types, formats, required fields and enumerations come from the
HSDS files in this folder (`datapackage.json`, compiled `tabular.json`); the checks are
compiled once into plain Python so a national package validates in seconds.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache, partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations

from kansrijk.core.money import cents_from_decimal_text, decimal_text
from kansrijk.organisations.models import Organisation
from kansrijk.socialmap import models as sm

HERE = Path(__file__).resolve().parent
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class CellError(ValueError):
    """A cell that does not fit its column; the message says why."""


@dataclass(frozen=True)
class Column:
    name: str  # HSDS field name = CSV header
    attname: str  # model attribute
    required: bool
    fmt: str  # uuid, email, uri or ""
    enum: tuple[str, ...]
    parse: Callable[[str], Any]
    render: Callable[[Any], str]
    ref: str = ""  # referenced HSDS table, if any


@dataclass(frozen=True)
class Table:
    name: str
    path: str
    model: type[models.Model]
    refs: dict[str, str] = field(default_factory=dict)
    attnames: dict[str, str] = field(default_factory=dict)


ORG_FIELDS_ON_ORGANISATION = ("name", "description", "email", "website")

TABLES: tuple[Table, ...] = (
    Table("organization", "organizations.csv", sm.HsdsOrganization, attnames={"id": "organisation_id"}),
    Table("program", "programs.csv", sm.Program, {"organization_id": "organization"}),
    Table(
        "organization_identifier",
        "organization_identifiers.csv",
        sm.OrganizationIdentifier,
        {"organization_id": "organization"},
    ),
    Table("taxonomy", "taxonomies.csv", sm.Taxonomy),
    Table(
        "taxonomy_term",
        "taxonomy_terms.csv",
        sm.TaxonomyTerm,
        {"parent_id": "taxonomy_term", "taxonomy_id": "taxonomy"},
        {"taxonomy": "taxonomy_name"},
    ),
    Table("location", "locations.csv", sm.Location, {"organization_id": "organization"}),
    Table("address", "addresses.csv", sm.Address, {"location_id": "location"}),
    Table("accessibility", "accessibility.csv", sm.Accessibility, {"location_id": "location"}),
    Table("service", "services.csv", sm.Service, {"organization_id": "organization", "program_id": "program"}),
    Table(
        "service_at_location",
        "service_at_location.csv",
        sm.ServiceAtLocation,
        {"service_id": "service", "location_id": "location"},
    ),
    Table(
        "service_area",
        "service_areas.csv",
        sm.ServiceArea,
        {"service_id": "service", "service_at_location_id": "service_at_location"},
    ),
    Table(
        "contact",
        "contacts.csv",
        sm.Contact,
        {
            "organization_id": "organization",
            "service_id": "service",
            "service_at_location_id": "service_at_location",
            "location_id": "location",
        },
    ),
    Table(
        "phone",
        "phones.csv",
        sm.Phone,
        {
            "location_id": "location",
            "service_id": "service",
            "organization_id": "organization",
            "contact_id": "contact",
            "service_at_location_id": "service_at_location",
        },
    ),
    Table(
        "schedule",
        "schedules.csv",
        sm.Schedule,
        {"service_id": "service", "location_id": "location", "service_at_location_id": "service_at_location"},
    ),
    Table("cost_option", "cost_options.csv", sm.CostOption, {"service_id": "service"}, {"amount": "amount_cents"}),
    Table("funding", "funding.csv", sm.Funding, {"organization_id": "organization", "service_id": "service"}),
    Table("required_document", "required_documents.csv", sm.RequiredDocument, {"service_id": "service"}),
    Table(
        "language",
        "languages.csv",
        sm.Language,
        {"service_id": "service", "location_id": "location", "phone_id": "phone"},
    ),
    Table("attribute", "attributes.csv", sm.Attribute, {"taxonomy_term_id": "taxonomy_term"}),
    Table("unit", "units.csv", sm.Unit),
    Table("service_capacity", "service_capacity.csv", sm.ServiceCapacity, {"service_id": "service", "unit_id": "unit"}),
)
TABLE_BY_NAME = {table.name: table for table in TABLES}
NOT_STORED = frozenset({"metadata", "meta_table_description", "url"})


# -- cells ----------------------------------------------------------------------------------------


@lru_cache(maxsize=1 << 16)  # references repeat (organisations, terms): parse each once
def _parse_uuid(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError as error:
        raise CellError(f"'{value}' is not a UUID") from error


def _parse_int(value: str, low: int | None = None, high: int | None = None) -> int:
    try:
        number = Decimal(value)
    except InvalidOperation as error:
        raise CellError(f"'{value}' is not a number") from error
    if not number.is_finite() or number != number.to_integral_value():
        raise CellError(f"'{value}' is not a whole number")
    if (low is not None and number < low) or (high is not None and number > high):
        raise CellError(f"'{value}' must be between {low} and {high}")
    return int(number)


def _bounded_int(model_field: models.Field[Any, Any]) -> Callable[[str], int]:
    """A whole-number parser within the column's range as PostgreSQL enforces it (SQLite does not)."""
    low, high = BaseDatabaseOperations.integer_field_ranges.get(model_field.get_internal_type(), (None, None))
    return partial(_parse_int, low=low, high=high)


def _parse_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError as error:
        raise CellError(f"'{value}' is not a number") from error
    if number != number or number in (float("inf"), float("-inf")):
        raise CellError(f"'{value}' is not a number")
    return number


def _parse_cents(value: str) -> int:
    try:
        cents = cents_from_decimal_text(value)
    except ValueError as error:
        raise CellError(str(error)) from error
    if abs(cents) >= 2**63:
        raise CellError(f"'{value}' is not an amount")
    return cents


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CellError(f"'{value}' is not a date (YYYY-MM-DD)") from error


def _parse_datetime(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise CellError(f"'{value}' is not a date-time (ISO 8601)") from error
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _parse_time(value: str) -> time:
    try:
        return time.fromisoformat(value)
    except ValueError as error:
        raise CellError(f"'{value}' is not a time (HH:MM:SS)") from error


def _parse_bool(value: str) -> bool:
    if value.lower() in ("true", "1", "yes"):
        return True
    if value.lower() in ("false", "0", "no"):
        return False
    raise CellError(f"'{value}' is not true or false")


def render_number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def render_cents(value: int | None) -> str:
    """An amount in the package: "12" for whole euros (as HSDS examples write it), else "12.50"."""
    if value is None:
        return ""
    text = decimal_text(value)
    return text.removesuffix(".00")


def _render_datetime(value: datetime | None) -> str:
    return "" if value is None else value.astimezone(UTC).isoformat()


def _render_iso(value: Any) -> str:
    return "" if value is None else value.isoformat()


def _render_text(value: Any) -> str:
    return "" if value is None else str(value)


def _render_bool(value: Any) -> str:
    return "" if value is None else ("true" if value else "false")


# Order matters: DateTimeField is a DateField.
CONVERTERS: tuple[
    tuple[tuple[type[models.Field[Any, Any]], ...], tuple[Callable[[str], Any], Callable[[Any], str]]], ...
] = (
    ((models.UUIDField, models.ForeignKey, models.OneToOneField), (_parse_uuid, _render_text)),
    ((models.BooleanField,), (_parse_bool, _render_bool)),
    ((models.IntegerField,), (_parse_int, render_number)),
    ((models.FloatField,), (_parse_float, render_number)),
    ((models.DateTimeField,), (_parse_datetime, _render_datetime)),
    ((models.DateField,), (_parse_date, _render_iso)),
    ((models.TimeField,), (_parse_time, _render_iso)),
)


def _converters(
    model_field: models.Field[Any, Any] | None, name: str
) -> tuple[Callable[[str], Any], Callable[[Any], str]]:
    if name == "amount":
        return _parse_cents, render_cents
    if isinstance(model_field, models.IntegerField) and not isinstance(model_field, models.ForeignKey):
        return _bounded_int(model_field), render_number
    for field_types, converters in CONVERTERS:
        if isinstance(model_field, field_types):
            return converters
    return str, _render_text


def check_format(fmt: str, value: str) -> None:
    if fmt == "email" and not EMAIL_RE.match(value):
        raise CellError(f"'{value}' is not an e-mail address")
    if fmt == "uri":
        parts = urlsplit(value)
        if not parts.scheme or not (parts.netloc or parts.path):
            raise CellError(f"'{value}' is not a URI")


# -- columns ----------------------------------------------------------------------------------------


@cache
def _tabular() -> dict[str, Any]:
    return json.loads((HERE / "tabular.json").read_text(encoding="utf-8"))["properties"]  # type: ignore[no-any-return]


@cache
def datapackage() -> dict[str, Any]:
    return json.loads((HERE / "datapackage.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _model_field(table: Table, attname: str) -> models.Field[Any, Any] | None:
    for model_field in table.model._meta.concrete_fields:
        if model_field.attname == attname:
            return model_field
    return None


@cache
def columns(table_name: str) -> tuple[Column, ...]:
    """The columns of a table in HSDS order, with their checks."""
    table = TABLE_BY_NAME[table_name]
    resource = next(r for r in datapackage()["resources"] if r["name"] == table_name)
    item = _tabular().get(table_name, {}).get("items", {})
    required = set(item.get("required", []))
    result = []
    for spec in resource["schema"]["fields"]:
        name = spec["name"]
        attname = table.attnames.get(name, name)
        if name in table.refs:
            attname = name
        model_field = _model_field(table, attname)
        parse, render = _converters(model_field, name)
        enum = tuple(item.get("properties", {}).get(name, {}).get("enum", ()))
        result.append(
            Column(
                name=name,
                attname=attname,
                parse=parse,
                render=render,
                enum=enum,
                ref=table.refs.get(name, ""),
                required=name in required or bool(spec.get("constraints", {}).get("required")),
                fmt=spec.get("format", "") if spec.get("format") in ("uuid", "email", "uri") else "",
            )
        )
    return tuple(result)


def max_lengths(table_name: str) -> dict[str, int]:
    model = Organisation if table_name == "organization" else TABLE_BY_NAME[table_name].model
    lengths = {
        f.attname: f.max_length for f in model._meta.concrete_fields if isinstance(f, models.CharField) and f.max_length
    }
    return {name: length for name, length in lengths.items() if name not in ("id", "kind", "kvk_number")}
