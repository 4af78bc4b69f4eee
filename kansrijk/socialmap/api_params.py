"""The query parameters of the HSDS API, read into what the selectors take. A value we cannot
use is a 400 naming the parameter (`ValidationError`), never a silent empty list."""

from __future__ import annotations

import math
import uuid
from datetime import UTC, date, datetime
from typing import Any

from django.db.models import QuerySet
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request

from kansrijk.core.validators import text_problem
from kansrijk.municipalities.models import Municipality
from kansrijk.socialmap import selectors
from kansrijk.socialmap.constants import NEED_BY_CODE
from kansrijk.socialmap.models import TaxonomyTerm
from kansrijk.socialmap.search import SearchCriteria

DEFAULT_SIZE = 20
MAX_SIZE = 100
MAX_PROXIMITY_KM = 200.0
MAX_SEARCH = 200


def param(request: Request, *names: str) -> str:
    for name in names:
        value = request.query_params.get(name, "").replace("\x00", "").strip()
        if value:
            return value
    return ""


def search_text(request: Request) -> str:
    """The free-text search, refused (not cut) when longer than MAX_SEARCH characters (ADR 0012)."""
    text = param(request, "search")
    problem = text_problem(text, max_length=MAX_SEARCH)
    if problem:
        raise ValidationError({"search": problem})
    return text


def int_param(request: Request, name: str, *, low: int, high: int, default: int | None = None) -> int | None:
    raw = param(request, name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError as error:
        raise ValidationError({name: f"'{raw}' is not a whole number."}) from error
    if not low <= value <= high:
        raise ValidationError({name: f"{value} must be between {low} and {high}."})
    return value


def uuid_param(request: Request, name: str) -> uuid.UUID | None:
    raw = param(request, name)
    if not raw:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError as error:
        raise ValidationError({name: f"'{raw}' is not a UUID."}) from error


def _modified_after(request: Request) -> datetime | None:
    raw = param(request, "modified_after")
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
    term_id = uuid_param(request, "taxonomy_term_id")
    need = param(request, "need")
    if need and need not in NEED_BY_CODE:
        raise ValidationError({"need": f"unknown need '{need}'; use one of {', '.join(NEED_BY_CODE)}."})
    ids = tuple(i for i in (term_id, NEED_BY_CODE[need].id if need else None) if i is not None)
    if term_id is not None and not TaxonomyTerm.objects.filter(pk=term_id).exists():
        raise ValidationError({"taxonomy_term_id": f"unknown taxonomy term {term_id}."})
    return ids


def _municipality(request: Request) -> str:
    code = param(request, "municipality").upper()
    if code and not Municipality.objects.filter(code=code).exists():
        raise ValidationError({"municipality": f"unknown municipality '{code}' (use a CBS code such as GM1640)."})
    return code


def _proximity_km(request: Request) -> float | None:
    raw, metres = param(request, "proximity_km"), False
    if not raw:
        raw, metres = param(request, "proximity"), True
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
    postcode = param(request, "postcode")
    if not postcode:
        if param(request, "proximity", "proximity_km"):
            raise ValidationError({"postcode": "proximity needs a postcode."})
        return None
    place = selectors.postcode_place(postcode=postcode)
    if place is None:
        raise ValidationError({"postcode": f"the postcode '{postcode}' could not be placed; use municipality."})
    return place.latitude, place.longitude


def criteria_from(request: Request) -> SearchCriteria:
    age = int_param(request, "age", low=0, high=120)
    return SearchCriteria(
        text=search_text(request),
        term_ids=_terms(request),
        municipality=_municipality(request),
        min_age=int_param(request, "minimal_age", low=0, high=120, default=age),
        max_age=int_param(request, "maximal_age", low=0, high=120, default=age),
        point=_point(request),
        radius_km=_proximity_km(request),
        organization_id=uuid_param(request, "organization_id"),
        modified_after=_modified_after(request),
    )


def paging(request: Request) -> tuple[int, int]:
    page = int_param(request, "page", low=1, high=1_000_000, default=1)
    size = int_param(request, "per_page", low=1, high=MAX_SIZE, default=DEFAULT_SIZE)
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


def queryset_page(request: Request, queryset: QuerySet[Any], render: Any) -> dict[str, Any]:
    page, size = paging(request)
    total = queryset.count()
    items = list(queryset[(page - 1) * size : page * size]) if (page - 1) * size < total else []
    return envelope([render(item) for item in items], total, page, size)


def object_id(raw: str) -> uuid.UUID:
    """A path id: the HSDS description allows any string; one that is not a UUID names nothing of ours."""
    try:
        return uuid.UUID(raw)
    except ValueError as error:
        raise NotFound from error
