"""Error pages that answer JSON under `/api/` and HTML elsewhere (ADR 0012).

Django calls these for errors that happen outside a DRF view: an unknown `/api/` route
(404), a request body Django itself refuses (400, or 413 when it is too large), and any
unhandled exception (500, with `DEBUG` off). Inside DRF views `core.api.exception_handler`
gives the same format: `{"detail": ..., "errors": [{"field", "message"}]}`.
"""

from __future__ import annotations

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults

API_PREFIX = "/api/"


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def api_error(detail: str, status: int) -> JsonResponse:
    response = JsonResponse({"detail": detail, "errors": []}, status=status)
    response["Cache-Control"] = "no-store, private"
    return response


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if not is_api(request):
        return defaults.bad_request(request, exception)
    if isinstance(exception, RequestDataTooBig):
        return api_error("De aanvraag is te groot. / The request is too large.", 413)
    return api_error("De aanvraag klopt niet. / Bad request.", 400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if not is_api(request):
        return defaults.permission_denied(request, exception)
    return api_error("Je mag dit niet doen. / You do not have permission to perform this action.", 403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if not is_api(request):
        return defaults.page_not_found(request, exception)
    return api_error("Niet gevonden. / Not found.", 404)


def server_error(request: HttpRequest) -> HttpResponse:
    if not is_api(request):
        return defaults.server_error(request)
    return api_error("Er ging iets mis aan onze kant. / Server error.", 500)
