"""The HSDS 3.1 read API: anonymous, CORS-open, paged as the HSDS OpenAPI describes.

Filters follow HSDS names (`search`, `taxonomy_term_id`, `organization_id`,
`modified_after`, `postcode`, `proximity` in metres) plus Kansrijk's `municipality`
(CBS code), `minimal_age`/`maximal_age`/`age` and `proximity_km`. A value we cannot use
is a 400 with a message, never a silent empty list.
"""

from __future__ import annotations

import math
import uuid
from datetime import UTC, date, datetime
from typing import Any

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kansrijk.core.validators import text_problem
from kansrijk.municipalities.models import Municipality
from kansrijk.socialmap import selectors
from kansrijk.socialmap.constants import NEED_BY_CODE
from kansrijk.socialmap.hsds import serialize
from kansrijk.socialmap.models import TaxonomyTerm
from kansrijk.socialmap.search import SearchCriteria

DEFAULT_SIZE = 20
MAX_SIZE = 100
MAX_PROXIMITY_KM = 200.0
MAX_SEARCH = 200


def _param(request: Request, *names: str) -> str:
    for name in names:
        value = request.query_params.get(name, "").strip()
        if value:
            return value
    return ""


def _search(request: Request) -> str:
    """The free-text search, refused (not cut) when longer than MAX_SEARCH characters (ADR 0012)."""
    text = _param(request, "search")
    problem = text_problem(text, max_length=MAX_SEARCH)
    if problem:
        raise ValidationError({"search": problem})
    return text


def _int(request: Request, name: str, *, low: int, high: int, default: int | None = None) -> int | None:
    raw = _param(request, name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError as error:
        raise ValidationError({name: f"'{raw}' is not a whole number."}) from error
    if not low <= value <= high:
        raise ValidationError({name: f"{value} must be between {low} and {high}."})
    return value


def _uuid(request: Request, name: str) -> uuid.UUID | None:
    raw = _param(request, name)
    if not raw:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError as error:
        raise ValidationError({name: f"'{raw}' is not a UUID."}) from error


def _modified_after(request: Request) -> datetime | None:
    raw = _param(request, "modified_after")
    if not raw:
        return None
    try:
        moment = (
            datetime.fromisoformat(raw)
            if "T" in raw
            else datetime.combine(date.fromisoformat(raw), datetime.min.time())
        )
    except ValueError as error:
        raise ValidationError({"modified_after": f"'{raw}' is not a date or date-time (ISO 8601)."}) from error
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _terms(request: Request) -> tuple[uuid.UUID, ...]:
    term_id = _uuid(request, "taxonomy_term_id")
    need = _param(request, "need")
    if need and need not in NEED_BY_CODE:
        raise ValidationError({"need": f"unknown need '{need}'; use one of {', '.join(NEED_BY_CODE)}."})
    ids = tuple(i for i in (term_id, NEED_BY_CODE[need].id if need else None) if i is not None)
    if term_id is not None and not TaxonomyTerm.objects.filter(pk=term_id).exists():
        raise ValidationError({"taxonomy_term_id": f"unknown taxonomy term {term_id}."})
    return ids


def _municipality(request: Request) -> str:
    code = _param(request, "municipality").upper()
    if code and not Municipality.objects.filter(code=code).exists():
        raise ValidationError({"municipality": f"unknown municipality '{code}' (use a CBS code such as GM1640)."})
    return code


def _proximity_km(request: Request) -> float | None:
    raw, metres = _param(request, "proximity_km"), False
    if not raw:
        raw, metres = _param(request, "proximity"), True
    if not raw:
        return None
    try:
        value = float(raw) / (1000 if metres else 1)
    except ValueError as error:
        raise ValidationError({"proximity": f"'{raw}' is not a number."}) from error
    if not 0 < value <= MAX_PROXIMITY_KM or math.isnan(value):
        raise ValidationError({"proximity": f"must be more than 0 and at most {MAX_PROXIMITY_KM:.0f} km."})
    return value


def _point(request: Request) -> tuple[float, float] | None:
    postcode = _param(request, "postcode")
    if not postcode:
        if _param(request, "proximity", "proximity_km"):
            raise ValidationError({"postcode": "proximity needs a postcode."})
        return None
    place = selectors.postcode_place(postcode=postcode)
    if place is None:
        raise ValidationError({"postcode": f"the postcode '{postcode}' could not be placed; use municipality."})
    return place.latitude, place.longitude


def criteria_from(request: Request) -> SearchCriteria:
    age = _int(request, "age", low=0, high=120)
    return SearchCriteria(
        text=_search(request),
        term_ids=_terms(request),
        municipality=_municipality(request),
        min_age=_int(request, "minimal_age", low=0, high=120, default=age),
        max_age=_int(request, "maximal_age", low=0, high=120, default=age),
        point=_point(request),
        radius_km=_proximity_km(request),
        organization_id=_uuid(request, "organization_id"),
        modified_after=_modified_after(request),
    )


def _paging(request: Request) -> tuple[int, int]:
    page = _int(request, "page", low=1, high=1_000_000, default=1)
    size = _int(request, "per_page", low=1, high=MAX_SIZE, default=DEFAULT_SIZE)
    return page or 1, size or DEFAULT_SIZE


def envelope(contents: list[Any], total: int, page: int, size: int) -> dict[str, Any]:
    pages = max(1, math.ceil(total / size))
    if page > pages:
        raise ValidationError({"page": f"page {page} is beyond the last page ({pages})."})
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= pages,
        "empty": total == 0,
        "contents": contents,
    }


def _queryset_page(request: Request, queryset: QuerySet[Any], render: Any) -> dict[str, Any]:
    page, size = _paging(request)
    total = queryset.count()
    envelope([], total, page, size)  # checks the page number before fetching
    items = list(queryset[(page - 1) * size : page * size])
    return envelope([render(item) for item in items], total, page, size)


class HsdsView(APIView):
    """Anonymous, read-only, and open to every origin (Open Referral UK requires CORS *)."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response


SEARCH_FILTERS = {
    "search": "Full text search.",
    "taxonomy_term_id": "Only services with this taxonomy term (UUID).",
    "need": "Only services for this Kansrijk need code, e.g. sport.",
    "municipality": "Only services for this municipality (CBS code, e.g. GM1640).",
    "minimal_age": "Only services for someone of at least this age.",
    "maximal_age": "Only services for someone of at most this age.",
    "age": "Both ages at once.",
    "postcode": "Dutch postcode; needed for proximity.",
    "proximity": "Distance from the postcode in metres.",
    "proximity_km": "Distance from the postcode in km.",
    "organization_id": "Only this organisation (UUID).",
    "modified_after": "Only services changed on or after this date-time.",
    "page": "Page number (from 1).",
    "per_page": f"Results per page (1-{MAX_SIZE}).",
}


def _parameters(descriptions: dict[str, str]) -> list[OpenApiParameter]:
    return [OpenApiParameter(name, OpenApiTypes.STR, description=text) for name, text in descriptions.items()]


SEARCH_PARAMETERS = _parameters({**SEARCH_FILTERS, "full": "true: fully nested services."})


class ServiceList(HsdsView):
    @extend_schema(
        operation_id="hsds_services_list",
        summary="HSDS services",
        parameters=SEARCH_PARAMETERS,
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request: Request) -> Response:
        criteria = criteria_from(request)
        page, size = _paging(request)
        full = _param(request, "full").lower() == "true"
        contents, total = selectors.service_hsds_search(criteria=criteria, page=page, size=size, full=full)
        return Response(envelope(contents, total, page, size))


class ServiceDetail(HsdsView):
    @extend_schema(
        operation_id="hsds_service_get", summary="One HSDS service, fully nested", responses=OpenApiTypes.OBJECT
    )
    def get(self, request: Request, service_id: uuid.UUID) -> Response:
        return Response(serialize.service(selectors.service_get(service_id=service_id), full=True))


class OrganizationList(HsdsView):
    @extend_schema(operation_id="hsds_organizations_list", summary="HSDS organizations", responses=OpenApiTypes.OBJECT)
    def get(self, request: Request) -> Response:
        queryset = selectors.organization_list(search_text=_search(request))
        return Response(_queryset_page(request, queryset, serialize.organization))


class OrganizationDetail(HsdsView):
    @extend_schema(
        operation_id="hsds_organization_get",
        summary="One HSDS organization with its services",
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request: Request, organization_id: uuid.UUID) -> Response:
        found = selectors.organization_get(organization_id=organization_id)
        services = [serialize.row("service", s) for s in found.services.all()]
        return Response({**serialize.organization(found), "services": services})


SERVICE_AT_LOCATION_PARAMETERS = _parameters(
    {
        **SEARCH_FILTERS,
        "search": "Full text search over the services.",
        "municipality": "Only locations in this municipality (CBS code, e.g. GM1640).",
        "proximity": "Only locations within this distance from the postcode, in metres.",
        "proximity_km": "Only locations within this distance from the postcode, in km.",
        "organization_id": "Only services of this organisation (UUID).",
    }
)


class ServiceAtLocationList(HsdsView):
    @extend_schema(
        operation_id="hsds_service_at_locations_list",
        summary="HSDS services at locations",
        parameters=SERVICE_AT_LOCATION_PARAMETERS,
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request: Request) -> Response:
        queryset = selectors.service_at_location_list(criteria=criteria_from(request))
        return Response(_queryset_page(request, queryset, serialize.service_at_location))


class TaxonomyList(HsdsView):
    @extend_schema(operation_id="hsds_taxonomies_list", summary="HSDS taxonomies", responses=OpenApiTypes.OBJECT)
    def get(self, request: Request) -> Response:
        return Response(_queryset_page(request, selectors.taxonomy_list(), lambda t: serialize.row("taxonomy", t)))


class TaxonomyTermList(HsdsView):
    @extend_schema(
        operation_id="hsds_taxonomy_terms_list", summary="HSDS taxonomy terms", responses=OpenApiTypes.OBJECT
    )
    def get(self, request: Request) -> Response:
        queryset = selectors.taxonomy_term_list()
        taxonomy_id = _uuid(request, "taxonomy_id")
        if taxonomy_id is not None:
            queryset = queryset.filter(taxonomy_id=taxonomy_id)
        parent_id = _uuid(request, "parent_id")
        if parent_id is not None:
            queryset = queryset.filter(parent_id=parent_id)
        if _param(request, "top_only").lower() == "true":
            queryset = queryset.filter(parent=None)
        return Response(_queryset_page(request, queryset, serialize.term))


class TaxonomyTermDetail(HsdsView):
    @extend_schema(
        operation_id="hsds_taxonomy_term_get", summary="One HSDS taxonomy term", responses=OpenApiTypes.OBJECT
    )
    def get(self, request: Request, term_id: uuid.UUID) -> Response:
        found = selectors.taxonomy_term_list().filter(pk=term_id).first()
        if found is None:
            raise NotFound
        return Response(serialize.term(found))
