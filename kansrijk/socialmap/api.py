"""The HSDS 3.1 read API: anonymous, CORS-open, paged as the HSDS OpenAPI describes.

Filters follow HSDS names (`search`, `taxonomy_term_id`, `organization_id`,
`modified_after`, `postcode`, `proximity` in metres) plus Kansrijk's `municipality`
(CBS code), `minimal_age`/`maximal_age`/`age` and `proximity_km`. A value we cannot use
is a 400 with a message, never a silent empty list.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
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

HSDS_VERSION = "3.1"
# The HSDS profile this API follows (the base specification, no national profile) and the
# official description of the API (a copy is in socialmap/tests/data/hsds, tested against).
HSDS_PROFILE = "https://docs.openreferral.org/en/latest/hsds/overview.html"
HSDS_OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.1/schema/openapi.json"
DEFAULT_SIZE = 20
MAX_SIZE = 100
MAX_PROXIMITY_KM = 200.0
MAX_SEARCH = 200


def _param(request: Request, *names: str) -> str:
    for name in names:
        value = request.query_params.get(name, "").replace("\x00", "").strip()
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
    """The HSDS page. A page past the last one is an empty page, not an error (as the HSDS
    API description pages: `empty` says there is nothing on it)."""
    pages = max(1, math.ceil(total / size))
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= pages,
        "empty": not contents,
        "contents": contents,
    }


def _queryset_page(request: Request, queryset: QuerySet[Any], render: Any) -> dict[str, Any]:
    page, size = _paging(request)
    total = queryset.count()
    items = list(queryset[(page - 1) * size : page * size]) if (page - 1) * size < total else []
    return envelope([render(item) for item in items], total, page, size)


def _object_id(raw: str) -> uuid.UUID:
    """A path id: the HSDS description allows any string; one that is not a UUID names nothing of ours."""
    try:
        return uuid.UUID(raw)
    except ValueError as error:
        raise NotFound from error


class HsdsNegotiation(DefaultContentNegotiation):
    """JSON only, and `?format=` left to the HSDS views: in HSDS it asks for `json` or
    `ndjson`, not for one of DRF's renderers (DRF's `URL_FORMAT_OVERRIDE` would swallow it)."""

    def select_renderer(self, request: Any, renderers: Any, format_suffix: Any = None) -> Any:
        return renderers[0], renderers[0].media_type


class HsdsView(APIView):
    """Anonymous, read-only, and open to every origin (Open Referral UK requires CORS *).

    `unsupported`: the parameters of the HSDS description this view refuses with a 400 (ADR 0014)."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = HsdsNegotiation
    unsupported: dict[str, str] = {}

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        _check_format(request)
        for name, reason in self.unsupported.items():
            value = _param(request, name).lower()
            if value and value != "false":
                raise ValidationError({name: f"is not supported by this API: {reason}"})

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response


def _check_format(request: Request) -> None:
    wanted = _param(request, "format").lower()
    if wanted and wanted != "json":
        raise ValidationError({"format": f"'{wanted}' is not supported by this API; it answers in json (pages)."})


NO_TAXONOMY_ID = "filter on taxonomy_term_id (one term) instead of taxonomy_id (a whole taxonomy)."
NO_MINIMAL = "ask for pages of services (per_page up to 100) instead."
NO_FULL_ORGANIZATION = "ask for /organizations/{id} (with its services) or /services/{id} (fully nested)."


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


View = TypeVar("View", bound=Callable[..., Response])


def _read_only(
    operation_id: str, summary: str, parameters: list[OpenApiParameter] | None = None
) -> Callable[[View], View]:
    """The schema of an HSDS operation: no request body (the POST searches take the same query parameters)."""
    decorate: Callable[[View], View] = extend_schema(
        operation_id=operation_id,
        summary=summary,
        parameters=parameters,
        request=None,
        responses=OpenApiTypes.OBJECT,
    )
    return decorate


class HsdsRoot(HsdsView):
    @_read_only("hsds_root", "The HSDS version and profile of this API")
    def get(self, request: Request) -> Response:
        return Response({"version": HSDS_VERSION, "profile": HSDS_PROFILE, "openapi_url": HSDS_OPENAPI_URL})


class ServiceList(HsdsView):
    unsupported = {"taxonomy_id": NO_TAXONOMY_ID, "minimal": NO_MINIMAL}

    @_read_only("hsds_services_list", "HSDS services", SEARCH_PARAMETERS)
    def get(self, request: Request) -> Response:
        criteria = criteria_from(request)
        page, size = _paging(request)
        full = _param(request, "full").lower() == "true"
        contents, total = selectors.service_hsds_search(criteria=criteria, page=page, size=size, full=full)
        if not contents and page > 1:  # past the last page: the count comes with the rows, so ask it
            total = selectors.service_hsds_search(criteria=criteria, page=1, size=1)[1]
        return Response(envelope(contents, total, page, size))

    @_read_only("hsds_services_search", "HSDS services (POST: the same search)", SEARCH_PARAMETERS)
    def post(self, request: Request) -> Response:
        return self.get(request)


class ServiceDetail(HsdsView):
    @_read_only("hsds_service_get", "One HSDS service, fully nested")
    def get(self, request: Request, service_id: str) -> Response:
        return Response(serialize.service(selectors.service_get(service_id=_object_id(service_id)), full=True))


class OrganizationList(HsdsView):
    unsupported = {
        "taxonomy_id": NO_TAXONOMY_ID,
        "taxonomy_term_id": "filter services on it (/services?taxonomy_term_id=…).",
        "full": NO_FULL_ORGANIZATION,
        "full_service": NO_FULL_ORGANIZATION,
    }

    @_read_only("hsds_organizations_list", "HSDS organizations")
    def get(self, request: Request) -> Response:
        queryset = selectors.organization_list(search_text=_search(request))
        return Response(_queryset_page(request, queryset, serialize.organization))

    @_read_only("hsds_organizations_search", "HSDS organizations (POST: the same search)")
    def post(self, request: Request) -> Response:
        return self.get(request)


class OrganizationDetail(HsdsView):
    unsupported = {"full_service": "ask for /services/{id} for a fully nested service."}

    @_read_only("hsds_organization_get", "One HSDS organization with its services")
    def get(self, request: Request, organization_id: str) -> Response:
        found = selectors.organization_get(organization_id=_object_id(organization_id))
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
    unsupported = {"taxonomy_id": NO_TAXONOMY_ID, "full": "ask for /service_at_locations/{id} (fully nested)."}

    @_read_only("hsds_service_at_locations_list", "HSDS services at locations", SERVICE_AT_LOCATION_PARAMETERS)
    def get(self, request: Request) -> Response:
        queryset = selectors.service_at_location_list(criteria=criteria_from(request))
        return Response(_queryset_page(request, queryset, serialize.service_at_location))

    @_read_only(
        "hsds_service_at_locations_search",
        "HSDS services at locations (POST: the same)",
        SERVICE_AT_LOCATION_PARAMETERS,
    )
    def post(self, request: Request) -> Response:
        return self.get(request)


class ServiceAtLocationDetail(HsdsView):
    @_read_only("hsds_service_at_location_get", "The service at one location, fully nested (as HSDS describes)")
    def get(self, request: Request, service_at_location_id: str) -> Response:
        found = selectors.service_at_location_get(service_at_location_id=_object_id(service_at_location_id))
        return Response(serialize.service(found, full=True))


def _named(queryset: QuerySet[Any], request: Request) -> QuerySet[Any]:
    text = _param(request, "search")[:200]
    return queryset.filter(name__icontains=text) if text else queryset


class TaxonomyList(HsdsView):
    @_read_only("hsds_taxonomies_list", "HSDS taxonomies")
    def get(self, request: Request) -> Response:
        queryset = _named(selectors.taxonomy_list(), request)
        return Response(_queryset_page(request, queryset, lambda t: serialize.row("taxonomy", t)))

    @_read_only("hsds_taxonomies_search", "HSDS taxonomies (POST: the same search)")
    def post(self, request: Request) -> Response:
        return self.get(request)


class TaxonomyDetail(HsdsView):
    @_read_only("hsds_taxonomy_get", "One HSDS taxonomy")
    def get(self, request: Request, taxonomy_id: str) -> Response:
        found = selectors.taxonomy_list().filter(pk=_object_id(taxonomy_id)).first()
        if found is None:
            raise NotFound
        return Response(serialize.row("taxonomy", found))


class TaxonomyTermList(HsdsView):
    @_read_only("hsds_taxonomy_terms_list", "HSDS taxonomy terms")
    def get(self, request: Request) -> Response:
        queryset = _named(selectors.taxonomy_term_list(), request)
        taxonomy_id = _uuid(request, "taxonomy_id")
        if taxonomy_id is not None:
            queryset = queryset.filter(taxonomy_id=taxonomy_id)
        parent_id = _uuid(request, "parent_id")
        if parent_id is not None:
            queryset = queryset.filter(parent_id=parent_id)
        if _param(request, "top_only").lower() == "true":
            queryset = queryset.filter(parent=None)
        return Response(_queryset_page(request, queryset, serialize.term))

    @_read_only("hsds_taxonomy_terms_search", "HSDS taxonomy terms (POST: the same search)")
    def post(self, request: Request) -> Response:
        return self.get(request)


class TaxonomyTermDetail(HsdsView):
    @_read_only("hsds_taxonomy_term_get", "One HSDS taxonomy term")
    def get(self, request: Request, term_id: str) -> Response:
        found = selectors.taxonomy_term_list().filter(pk=_object_id(term_id)).first()
        if found is None:
            raise NotFound
        return Response(serialize.term(found))
