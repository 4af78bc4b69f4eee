"""The HSDS 3.1 read API: anonymous, CORS-open, paged as the HSDS OpenAPI describes.

Filters follow HSDS names (`search`, `taxonomy_term_id`, `organization_id`,
`modified_after`, `postcode`, `proximity` in metres) plus Kansrijk's `municipality`
(CBS code), `minimal_age`/`maximal_age`/`age` and `proximity_km`. A value we cannot use
is a 400 with a message, never a silent empty list.
"""

from __future__ import annotations

from collections.abc import Callable
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

from kansrijk.socialmap import selectors
from kansrijk.socialmap.api_params import (
    MAX_SIZE,
    criteria_from,
    envelope,
    object_id,
    paging,
    param,
    queryset_page,
    search_text,
    uuid_param,
)
from kansrijk.socialmap.hsds import serialize

HSDS_VERSION = "3.1"
# The HSDS profile this API follows (the base specification, no national profile) and the
# official description of the API (a copy is in socialmap/tests/data/hsds, tested against).
HSDS_PROFILE = "https://docs.openreferral.org/en/latest/hsds/overview.html"
HSDS_OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.1/schema/openapi.json"


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
            value = param(request, name).lower()
            if value and value != "false":
                raise ValidationError({name: f"is not supported by this API: {reason}"})

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response


def _check_format(request: Request) -> None:
    wanted = param(request, "format").lower()
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
        page, size = paging(request)
        full = param(request, "full").lower() == "true"
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
        return Response(serialize.service(selectors.service_get(service_id=object_id(service_id)), full=True))


class OrganizationList(HsdsView):
    unsupported = {
        "taxonomy_id": NO_TAXONOMY_ID,
        "taxonomy_term_id": "filter services on it (/services?taxonomy_term_id=…).",
        "full": NO_FULL_ORGANIZATION,
        "full_service": NO_FULL_ORGANIZATION,
    }

    @_read_only("hsds_organizations_list", "HSDS organizations")
    def get(self, request: Request) -> Response:
        queryset = selectors.organization_list(search_text=search_text(request))
        return Response(queryset_page(request, queryset, serialize.organization))

    @_read_only("hsds_organizations_search", "HSDS organizations (POST: the same search)")
    def post(self, request: Request) -> Response:
        return self.get(request)


class OrganizationDetail(HsdsView):
    unsupported = {"full_service": "ask for /services/{id} for a fully nested service."}

    @_read_only("hsds_organization_get", "One HSDS organization with its services")
    def get(self, request: Request, organization_id: str) -> Response:
        found = selectors.organization_get(organization_id=object_id(organization_id))
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
        return Response(queryset_page(request, queryset, serialize.service_at_location))

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
        found = selectors.service_at_location_get(service_at_location_id=object_id(service_at_location_id))
        return Response(serialize.service(found, full=True))


def _named(queryset: QuerySet[Any], request: Request) -> QuerySet[Any]:
    text = param(request, "search")[:200]
    return queryset.filter(name__icontains=text) if text else queryset


class TaxonomyList(HsdsView):
    @_read_only("hsds_taxonomies_list", "HSDS taxonomies")
    def get(self, request: Request) -> Response:
        queryset = _named(selectors.taxonomy_list(), request)
        return Response(queryset_page(request, queryset, lambda t: serialize.row("taxonomy", t)))

    @_read_only("hsds_taxonomies_search", "HSDS taxonomies (POST: the same search)")
    def post(self, request: Request) -> Response:
        return self.get(request)


class TaxonomyDetail(HsdsView):
    @_read_only("hsds_taxonomy_get", "One HSDS taxonomy")
    def get(self, request: Request, taxonomy_id: str) -> Response:
        found = selectors.taxonomy_list().filter(pk=object_id(taxonomy_id)).first()
        if found is None:
            raise NotFound
        return Response(serialize.row("taxonomy", found))


class TaxonomyTermList(HsdsView):
    @_read_only("hsds_taxonomy_terms_list", "HSDS taxonomy terms")
    def get(self, request: Request) -> Response:
        queryset = _named(selectors.taxonomy_term_list(), request)
        taxonomy_id = uuid_param(request, "taxonomy_id")
        if taxonomy_id is not None:
            queryset = queryset.filter(taxonomy_id=taxonomy_id)
        parent_id = uuid_param(request, "parent_id")
        if parent_id is not None:
            queryset = queryset.filter(parent_id=parent_id)
        if param(request, "top_only").lower() == "true":
            queryset = queryset.filter(parent=None)
        return Response(queryset_page(request, queryset, serialize.term))

    @_read_only("hsds_taxonomy_terms_search", "HSDS taxonomy terms (POST: the same search)")
    def post(self, request: Request) -> Response:
        return self.get(request)


class TaxonomyTermDetail(HsdsView):
    @_read_only("hsds_taxonomy_term_get", "One HSDS taxonomy term")
    def get(self, request: Request, term_id: str) -> Response:
        found = selectors.taxonomy_term_list().filter(pk=object_id(term_id)).first()
        if found is None:
            raise NotFound
        return Response(serialize.term(found))
