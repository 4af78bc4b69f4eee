"""HSDS service summaries for the API's service list, read as light objects from two value
queries compiled once: model instances, prefetching and query building cost more than the
queries themselves on this, the API's busiest path (`socialmap.selectors.service_hsds_search`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import cache
from types import SimpleNamespace
from typing import Any

from django.db import models

from kansrijk.socialmap.hsds.tables import columns
from kansrijk.socialmap.models import Attribute, HsdsOrganization, Program, Service, TaxonomyTerm
from kansrijk.socialmap.values import ValuesIn


class _Rows(list[Any]):
    """A list that answers `.all()`, as a prefetched relation does."""

    def all(self) -> _Rows:
        return self


def _value_names(model: type[models.Model], table: str) -> list[tuple[str, str]]:
    """(attname, lookup name) of the HSDS columns that are fields of `model`."""
    fields = {f.attname: f.name for f in model._meta.concrete_fields}
    return [(col.attname, fields[col.attname]) for col in columns(table) if col.attname in fields]


@dataclass(frozen=True)
class _SummaryPlan:
    service: list[tuple[str, str]]
    organization: list[tuple[str, str]]
    program: list[tuple[str, str]]
    attribute: list[tuple[str, str]]
    term: list[tuple[str, str]]
    services: ValuesIn
    attributes: ValuesIn


ORGANISATION_FIELDS = ("name", "description", "email", "website")


@cache
def _summary_plan() -> _SummaryPlan:
    """The value queries of `summary_objects`, resolved and compiled once (`ValuesIn`):
    resolving 60 lookups costs more than running the query."""
    service, organization, program = (
        _value_names(Service, "service"),
        _value_names(HsdsOrganization, "organization"),
        _value_names(Program, "program"),
    )
    attribute, term = _value_names(Attribute, "attribute"), _value_names(TaxonomyTerm, "taxonomy_term")
    lookups = [name for _, name in service]
    lookups += [f"organization__{name}" for _, name in organization] + [f"program__{name}" for _, name in program]
    lookups += [f"organization__organisation__{name}" for name in ORGANISATION_FIELDS]
    return _SummaryPlan(
        service,
        organization,
        program,
        attribute,
        term,
        services=ValuesIn(Service.objects.values(*lookups), "id"),
        attributes=ValuesIn(
            Attribute.objects.values(
                "service_id", *[name for _, name in attribute], *[f"taxonomy_term__{name}" for _, name in term]
            ),
            "service_id",
        ),
    )


def summary_objects(service_ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
    """What an HSDS service summary shows, for these services, in two value queries: light
    read-only objects with the attributes `serialize.service` reads (the same function as
    for a model, so the output is the same; tested). Model instances, prefetching and query
    building cost more than the queries themselves on this, the API's busiest path."""
    plan = _summary_plan()
    found: dict[uuid.UUID, Any] = {}
    for values in plan.services(service_ids):
        service = SimpleNamespace(**{attname: values[name] for attname, name in plan.service})
        organization = SimpleNamespace(
            **{attname: values[f"organization__{name}"] for attname, name in plan.organization}
        )
        organization.organisation = SimpleNamespace(
            pk=service.organization_id,
            **{name: values[f"organization__organisation__{name}"] for name in ORGANISATION_FIELDS},
        )
        service.organization = organization
        service.program = (
            SimpleNamespace(**{attname: values[f"program__{name}"] for attname, name in plan.program})
            if service.program_id is not None
            else None
        )
        service.attributes = _Rows()
        found[service.id] = service
    for values in plan.attributes(service_ids):
        attribute = SimpleNamespace(**{attname: values[name] for attname, name in plan.attribute})
        attribute.taxonomy_term = SimpleNamespace(
            **{attname: values[f"taxonomy_term__{name}"] for attname, name in plan.term}
        )
        found[values["service_id"]].attributes.append(attribute)
    return found
