"""A URL under `/api/` that matches no route still answers in the API's error format (JSON),
as the OpenAPI file promises for every 404; other pages keep Django's HTML page.

Minimal on purpose: the generic JSON answers for 404/405/413/500 belong to `core.api`
(see ADR 0013); this only keeps the contract test honest until then."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.defaults import page_not_found


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Niet gevonden. / Not found.", "errors": []}, status=404)
    return page_not_found(request, exception)
