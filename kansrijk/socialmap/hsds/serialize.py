"""HSDS JSON objects from our models (the shapes of the HSDS compiled schemas)."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Any

from django.db import models

from kansrijk.core.money import json_amount
from kansrijk.socialmap.hsds.tables import columns
from kansrijk.socialmap.models import HsdsOrganization, Location, Service, ServiceAtLocation, TaxonomyTerm


def _json(value: Any, name: str) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if name == "amount" and value is not None:
        return json_amount(value)
    return value


def row(table: str, obj: models.Model) -> dict[str, Any]:
    """The flat HSDS fields of one record; empty fields are left out."""
    result = {}
    for col in columns(table):
        value = getattr(obj, col.attname, None)
        if value is None or value == "":
            continue
        result[col.name] = _json(value, col.name)
    return result


def organization(hsds: HsdsOrganization) -> dict[str, Any]:
    result = row("organization", hsds)
    organisation = hsds.organisation
    result.update(
        {
            "id": str(organisation.pk),
            "name": organisation.name,
            "description": organisation.description or organisation.name,
        }
    )
    result.update({k: v for k, v in (("email", organisation.email), ("website", organisation.website)) if v})
    return result


def term(obj: TaxonomyTerm) -> dict[str, Any]:
    return row("taxonomy_term", obj)


def location(obj: Location) -> dict[str, Any]:
    result = row("location", obj)
    result["addresses"] = [row("address", a) for a in obj.addresses.all()]
    result["phones"] = [row("phone", p) for p in obj.phones.all()]
    return result


def _attributes(service: Service) -> list[dict[str, Any]]:
    return [{**row("attribute", a), "taxonomy_term": term(a.taxonomy_term)} for a in service.attributes.all()]


def service(obj: Service, *, full: bool = False) -> dict[str, Any]:
    result = row("service", obj)
    result["organization"] = organization(obj.organization)
    if obj.program is not None:
        result["program"] = row("program", obj.program)
    result["attributes"] = _attributes(obj)
    if not full:
        return result
    simple = {
        "phones": "phone",
        "schedules": "schedule",
        "languages": "language",
        "funding": "funding",
        "cost_options": "cost_option",
        "required_documents": "required_document",
        "contacts": "contact",
    }
    for key, table in simple.items():
        result[key] = [row(table, item) for item in getattr(obj, key).all()]
    result["service_areas"] = [row("service_area", a) for a in obj.service_areas.all()]
    result["service_at_locations"] = [
        {**row("service_at_location", sal), "location": location(sal.location)}
        for sal in obj.service_at_locations.all()
    ]
    result["capacities"] = [{**row("service_capacity", c), "unit": row("unit", c.unit)} for c in obj.capacities.all()]
    return result


def service_at_location(obj: ServiceAtLocation) -> dict[str, Any]:
    result = row("service_at_location", obj)
    result["service"] = row("service", obj.service)
    result["location"] = row("location", obj.location)
    return result
