"""A NUL character (U+0000) in the query string is refused with 400, naming the parameter.

PostgreSQL cannot store or compare text with NUL in it, so `?municipality=%00` reached the
database as a filter and came back as a 500 (found by the API contract test on PostgreSQL,
ADR 0013). No parameter of ours can legitimately hold it. Under `/api/` the answer is the
API's error format; elsewhere Django's 400 page.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponseBase, JsonResponse

NUL = "\x00"


def nul_parameter(request: HttpRequest) -> str | None:
    """The name of the first query parameter whose name or value holds NUL, if any."""
    for name, values in request.GET.lists():
        if NUL in name or any(NUL in value for value in values):
            return name.replace(NUL, "\\0")
    return None


class QueryGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        name = nul_parameter(request)
        if name is None:
            return self.get_response(request)
        message = "Deze waarde bevat het teken U+0000 (NUL); haal het weg. / This value contains U+0000 (NUL)."
        if request.path.startswith("/api/"):
            return JsonResponse(
                {
                    "detail": "De invoer klopt niet. / The input is not valid.",
                    "errors": [{"field": name, "message": message}],
                },
                status=400,
            )
        raise BadRequest(f"{name}: {message}")
