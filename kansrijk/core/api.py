"""API plumbing shared by every app: the root endpoint and the error format."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.decorators import api_view
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from kansrijk.core.errors import DomainError


def _flatten(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    """Turn DRF's nested error detail into `[{"field": "a.b[0]", "message": ...}]`."""
    if isinstance(detail, dict):
        errors: list[dict[str, str]] = []
        for key, value in detail.items():
            name = "" if key in ("non_field_errors", "detail") else str(key)
            if isinstance(key, int):  # a list item's errors (DRF gives {index: ...}): `children[0].age`
                errors += _flatten(value, f"{prefix}[{key}]")
                continue
            errors += _flatten(value, f"{prefix}.{name}".strip(".") if name else prefix)
        return errors
    if isinstance(detail, list):
        if all(not isinstance(item, (dict, list)) for item in detail):
            return [{"field": prefix, "message": str(item)} for item in detail]
        errors = []
        for index, value in enumerate(detail):
            errors += _flatten(value, f"{prefix}[{index}]")
        return errors
    return [{"field": prefix, "message": str(detail)}]


def _domain_error(exc: DomainError) -> Response | exceptions.ValidationError:
    """Invalid input is answered as DRF's own validation errors (400, one entry per field);
    the other kinds as their status with the message as `detail` and as the field's error."""
    if exc.status == status.HTTP_400_BAD_REQUEST:
        return exceptions.ValidationError(
            {field or "non_field_errors": list(msgs) for field, msgs in exc.problems.items()}
        )
    set_rollback()
    errors = [{"field": field, "message": message} for field, msgs in exc.problems.items() for message in msgs]
    return Response({"detail": exc.message, "errors": errors}, status=exc.status)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Errors as JSON: a top-level `detail` and one `errors` entry per field. The one DRF
    handler for the domain errors of every app too (`core.errors.DomainError`, ADR 0025)."""
    if isinstance(exc, DomainError):
        answer = _domain_error(exc)
        if isinstance(answer, Response):
            return answer
        exc = answer
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(data)
        response.data = {"detail": "De invoer klopt niet. / The input is not valid.", "errors": errors}
    elif isinstance(data, dict) and "detail" in data:
        response.data = {"detail": str(data["detail"]), "errors": []}
    return response


MAX_PAGE = 1_000_000


def page_number_problem(raw: str) -> str | None:
    """Why `raw` is not a page number from 1 to MAX_PAGE (NaN, -1, 2^63 …), or None when it is one."""
    if raw.isascii() and raw.isdigit() and len(raw) <= len(str(MAX_PAGE)) and 1 <= int(raw) <= MAX_PAGE:
        return None
    return gettext("Vul een paginanummer in van 1 tot %(max)s.") % {"max": MAX_PAGE}


class BoundedPagination(PageNumberPagination):
    """Page numbers from 1 to MAX_PAGE; `?page=NaN`, `-1` or `2^63` is a 400 naming `page` (ADR 0012)."""

    def paginate_queryset(self, queryset: Any, request: Request, view: Any = None) -> list[Any] | None:
        raw = request.query_params.get(self.page_query_param, "")
        problem = page_number_problem(raw) if raw and raw not in self.last_page_strings else None
        if problem:
            raise exceptions.ValidationError({self.page_query_param: [problem]})
        return super().paginate_queryset(queryset, request, view)


@extend_schema(
    summary="API root",
    responses=inline_serializer(
        "ApiRoot",
        fields={
            "name": serializers.CharField(),
            "version": serializers.CharField(),
            "user": serializers.EmailField(),
            "links": serializers.DictField(child=serializers.URLField()),
        },
    ),
)
@api_view(["GET"])
def api_root(request: Request) -> Response:
    """Entry point of the API: who you are and where to go next."""
    return Response(
        {
            "name": "Kansrijk API",
            "version": "1",
            "user": getattr(request.user, "email", ""),
            "links": {
                "schema": reverse("api:schema", request=request),
                "docs": reverse("api:docs", request=request),
                "organisations": reverse("api:organisation-list", request=request),
            },
        }
    )
