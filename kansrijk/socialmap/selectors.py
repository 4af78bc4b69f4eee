"""Reads of the social map. Listings are public; editing is for the owning organisation."""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.db.models import Avg, Count, ExpressionWrapper, F, FloatField, Prefetch, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.http import Http404

from kansrijk.municipalities.selectors import municipality_code_at, postcode_area_get
from kansrijk.organisations.models import Membership, Organisation
from kansrijk.organisations.selectors import user_can_manage
from kansrijk.socialmap import search
from kansrijk.socialmap.constants import NEED_TAXONOMY_ID, NEEDS, STALE_AFTER_DAYS, GeoSource
from kansrijk.socialmap.geo import postcode_normalize
from kansrijk.socialmap.hsds import serialize
from kansrijk.socialmap.hsds.exporting import export_package
from kansrijk.socialmap.hsds.summaries import summary_objects
from kansrijk.socialmap.models import (
    Attribute,
    HsdsOrganization,
    Location,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from kansrijk.socialmap.search import SearchCriteria as SearchCriteria  # what a search asks, for other apps


@dataclass
class ServiceResult:
    service: Service
    score: float
    distance_km: float | None
    distance_is_approximate: bool
    is_stale: bool


@dataclass
class ServicePage:
    results: list[ServiceResult]
    total: int
    page_number: int
    size: int
    any_word: bool = False

    @property
    def total_pages(self) -> int:
        return max(1, math.ceil(self.total / self.size))


@dataclass(frozen=True)
class Place:
    """Where a searcher's postcode lies, and how sure we are."""

    postcode: str
    latitude: float
    longitude: float
    how: str  # "postcode", "area" (the 4-digit area: its centre, or listed places in it) or "municipality"


def stale_before(today: date | None = None) -> date:
    return (today or date.today()) - timedelta(days=STALE_AFTER_DAYS)


def is_stale(service: Service, today: date | None = None) -> bool:
    return service.assured_date is None or service.assured_date < stale_before(today)


def service_queryset() -> QuerySet[Service]:
    """Services with everything a result or an HSDS service shows, in a fixed number of queries."""
    return Service.objects.select_related("organization__organisation", "program").prefetch_related(
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location__municipality").prefetch_related(
                "location__addresses", "location__phones"
            ),
        ),
        Prefetch("attributes", queryset=Attribute.objects.select_related("taxonomy_term")),
        Prefetch("service_areas", queryset=ServiceArea.objects.select_related("municipality")),
        "phones",
        "contacts",
        "cost_options",
        "schedules",
        "languages",
        "required_documents",
        "funding",
        "capacities__unit",
    )


def service_result_queryset() -> QuerySet[Service]:
    """Services with what a search result on the page shows (lighter than `service_queryset`):
    organisation, terms, places with addresses (for the distance) and phone numbers."""
    return Service.objects.select_related("organization__organisation", "program").prefetch_related(
        Prefetch("attributes", queryset=Attribute.objects.select_related("taxonomy_term")),
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location__municipality").prefetch_related(
                "location__addresses"
            ),
        ),
        "phones",
    )


def need_list() -> list[TaxonomyTerm]:
    """The need taxonomy in its fixed order."""
    terms = {t.code: t for t in TaxonomyTerm.objects.filter(taxonomy_id=NEED_TAXONOMY_ID)}
    return [terms[need.code] for need in NEEDS if need.code in terms]


def _result(service: Service, hit: search.Hit, point: tuple[float, float] | None) -> ServiceResult:
    """A result; the distance is that of the nearest location, which may be placed only at its
    municipality's centre (then the result says it is approximate)."""
    distance, approximate = hit.distance_km, False
    if point is not None:
        nearest = min(
            (
                (search.distance_km(point, (sal.location.geo_latitude, sal.location.geo_longitude)), sal.location)
                for sal in service.service_at_locations.all()
                if sal.location.geo_latitude is not None
            ),
            key=lambda pair: pair[0],
            default=None,
        )
        if nearest is not None:
            distance, approximate = nearest[0], nearest[1].geo_source == GeoSource.MUNICIPALITY
    return ServiceResult(service, hit.score, distance, approximate, is_stale(service))


def _in_area(criteria: SearchCriteria) -> SearchCriteria:
    """With a point: the municipality it lies in, so that the services for that whole
    municipality and the national ones are found too (ADR 0015)."""
    if criteria.point is None or criteria.area:
        return criteria
    latitude, longitude = criteria.point
    return replace(criteria, area=municipality_code_at(latitude=latitude, longitude=longitude) or "")


def _hits(criteria: SearchCriteria, offset: int, size: int) -> tuple[list[search.Hit], int, bool]:
    """The page of hits; when no service has every word, the services with any of them."""
    criteria = _in_area(criteria)
    hits, total = search.search(criteria, offset=offset, limit=size)
    if total == 0 and len(search.words_of(criteria.text)) > 1:
        hits, total = search.search(criteria, offset=offset, limit=size, any_word=True)
        return hits, total, True
    return hits, total, False


def service_search(*, criteria: SearchCriteria, page: int = 1, size: int = 20) -> ServicePage:
    """The search of the search page (and referral suggestions): best match first, with the
    places and contacts a result shows."""
    hits, total, any_word = _hits(criteria, (page - 1) * size, size)
    services = service_result_queryset().in_bulk([hit.service_id for hit in hits])
    results = [_result(services[hit.service_id], hit, criteria.point) for hit in hits if hit.service_id in services]
    return ServicePage(results=results, total=total, page_number=page, size=size, any_word=any_word)


def service_hsds_search(
    *, criteria: SearchCriteria, page: int = 1, size: int = 20, full: bool = False
) -> tuple[list[dict[str, Any]], int]:
    """The HSDS API's service list: the same search and order as `service_search`, each hit
    as an HSDS service summary (service, organisation, programme, terms; three queries) or,
    with `full`, fully nested."""
    hits, total, _ = _hits(criteria, (page - 1) * size, size)
    ids = [hit.service_id for hit in hits]
    found = service_queryset().in_bulk(ids) if full else summary_objects(ids)
    return [serialize.service(found[i], full=full) for i in ids if i in found], total


def service_get(*, service_id: uuid.UUID) -> Service:
    service = service_queryset().filter(pk=service_id).first()
    if service is None:
        raise Http404("Deze hulp bestaat niet.")
    return service


def organisation_list_for(*, user: Any) -> QuerySet[Organisation]:
    """Organisations whose listings this user may edit."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    if user.is_staff:
        return Organisation.objects.all()
    ids = Membership.objects.filter(user=user, role__in=["coordinator", "administrator"]).values("organisation_id")
    return Organisation.objects.filter(id__in=ids)


def organisation_get_for(*, user: Any, organisation_id: uuid.UUID) -> Organisation:
    organisation = organisation_list_for(user=user).filter(pk=organisation_id).first()
    if organisation is None:
        raise Http404
    return organisation


def service_get_for(*, user: Any, service_id: uuid.UUID) -> Service:
    """A listing for editing; another organisation's listing is a 404, like one that does not exist."""
    service = Service.objects.select_related("organization__organisation").filter(pk=service_id).first()
    if (
        service is None
        or not user.is_authenticated
        or not user_can_manage(user=user, organisation=service.organization.organisation)
    ):
        raise Http404
    return service


def location_get_for(*, user: Any, location_id: uuid.UUID) -> Location:
    location = (
        Location.objects.select_related("organization__organisation", "municipality").filter(pk=location_id).first()
    )
    if (
        location is None
        or location.organization is None
        or not user.is_authenticated
        or not user_can_manage(user=user, organisation=location.organization.organisation)
    ):
        raise Http404
    return location


def service_list_for_organisation(*, organisation: Organisation) -> QuerySet[Service]:
    return Service.objects.filter(organization_id=organisation.pk).order_by("name")


def location_list_for_organisation(*, organisation: Organisation) -> QuerySet[Location]:
    return (
        Location.objects.filter(organization_id=organisation.pk)
        .select_related("municipality")
        .prefetch_related("addresses")
        .order_by("name")
    )


def postcode_place(*, postcode: str) -> Place | None:
    """Place a postcode: a listed location with exactly this postcode, else the centre of its
    4-digit area from the postcode table (`kansrijk postcodes-import`), else listed locations in
    that area, else the centre of their municipality; None when we cannot."""
    code = postcode_normalize(postcode)
    if not code:
        return None
    # The 4-digit area as a range, not `startswith`: SQLite's LIKE is case-insensitive and does
    # not use the index (a full scan, 29 ms at 150,000 locations); a range does, everywhere.
    area = Q(postcode__range=(code[:4], code[:4] + "ZZ"))
    own = Location.objects.filter(geo_source=GeoSource.OWN)
    point = own.filter(postcode=code).aggregate(lat=Avg("geo_latitude"), lon=Avg("geo_longitude"))
    if len(code) == 6 and point["lat"] is not None:
        return Place(code, float(point["lat"]), float(point["lon"]), "postcode")
    table = postcode_area_get(postcode=code)
    if table is not None:
        return Place(code, table.latitude, table.longitude, "area")
    point = own.filter(area).aggregate(lat=Avg("geo_latitude"), lon=Avg("geo_longitude"))
    if point["lat"] is not None:
        return Place(code, float(point["lat"]), float(point["lon"]), "area")
    known = Location.objects.filter(area).exclude(municipality=None).select_related("municipality").first()
    if known is not None and known.municipality is not None:
        m = known.municipality
        return Place(code, float(m.centroid_latitude), float(m.centroid_longitude), "municipality")
    return None


def stale_service_list(*, today: date | None = None) -> QuerySet[Service]:
    """Active listings not confirmed for 12 months whose owners were not reminded lately."""
    today = today or date.today()
    reminded_recently = Q(reminded_at__date__gte=today - timedelta(days=30))
    return (
        Service.objects.filter(Q(assured_date__lt=stale_before(today)) | Q(assured_date=None))
        .exclude(reminded_recently)
        .exclude(status="defunct")
        .select_related("organization__organisation")
    )


def owner_email_list(*, organisation_id: uuid.UUID) -> list[str]:
    return list(
        Membership.objects.filter(
            organisation_id=organisation_id, role__in=["coordinator", "administrator"]
        ).values_list("user__email", flat=True)
    )


def organization_list(*, search_text: str = "") -> QuerySet[HsdsOrganization]:
    queryset = HsdsOrganization.objects.select_related("organisation").annotate(service_count=Count("services"))
    if search_text:
        queryset = queryset.filter(organisation__name__icontains=search_text)
    return queryset.order_by("organisation__name", "organisation_id")


def organization_get(*, organization_id: uuid.UUID) -> HsdsOrganization:
    found = (
        HsdsOrganization.objects.select_related("organisation")
        .prefetch_related(Prefetch("services", queryset=Service.objects.order_by("name")))
        .filter(pk=organization_id)
        .first()
    )
    if found is None:
        raise Http404
    return found


def service_at_location_list(*, criteria: SearchCriteria | None = None) -> QuerySet[ServiceAtLocation]:
    """Services at locations, by id. The service must match the criteria's text, terms, ages,
    organisation and `modified_after` (as in `service_search`); `municipality` and the
    distance from `point` are those of the location itself, since each row is one place."""
    queryset = ServiceAtLocation.objects.select_related("service__organization__organisation", "location__municipality")
    if criteria is None:
        return queryset.order_by("id")
    matching = search.service_match_sql(criteria)
    if matching is not None:
        sql, params = matching  # fixed SQL fragments; every value is a parameter
        queryset = queryset.filter(service_id__in=RawSQL(sql, params))  # noqa: S611
    if criteria.municipality:
        queryset = queryset.filter(location__municipality_id=criteria.municipality)
    if criteria.point is not None:
        queryset = _within(queryset, criteria.point, criteria.radius_km or search.DEFAULT_RADIUS_KM)
    return queryset.order_by("id")


def service_at_location_get(*, service_at_location_id: uuid.UUID) -> Service:
    """The service of one service at a location, fully loaded (the HSDS API answers
    `/service_at_locations/{id}` with a service)."""
    service_id = (
        ServiceAtLocation.objects.filter(pk=service_at_location_id).values_list("service_id", flat=True).first()
    )
    if service_id is None:
        raise Http404("Deze hulp op deze plek bestaat niet.")
    return service_get(service_id=service_id)


def _within(
    queryset: QuerySet[ServiceAtLocation], point: tuple[float, float], radius_km: float
) -> QuerySet[ServiceAtLocation]:
    """Locations within the radius: a bounding box on the indexed point, then the exact
    distance in `search.Metric`, so both endpoints agree."""
    lat, lon = point
    around = search.metric(lat)
    dlat, dlon = around.box(radius_km)
    north = F("location__geo_latitude") - Value(lat)
    east = F("location__geo_longitude") - Value(lon)
    squared = ExpressionWrapper(
        north * north * Value(around.ky) + east * east * Value(around.kx), output_field=FloatField()
    )
    return (
        queryset.filter(
            location__geo_latitude__range=(lat - dlat, lat + dlat),
            location__geo_longitude__range=(lon - dlon, lon + dlon),
        )
        .alias(distance_squared=squared)
        .filter(distance_squared__lte=radius_km * radius_km)
    )


def taxonomy_list() -> QuerySet[Taxonomy]:
    return Taxonomy.objects.order_by("name", "id")


def taxonomy_term_list() -> QuerySet[TaxonomyTerm]:
    return TaxonomyTerm.objects.order_by("taxonomy_id", "name", "id")


def hsds_export(*, directory: Path) -> dict[str, int]:
    """Write the directory as an HSDS tabular data package (a read: nothing changes)."""
    return export_package(directory)
