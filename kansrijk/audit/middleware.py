from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from kansrijk.audit.context import client_address


def client_ip(request: HttpRequest) -> str | None:
    """The client's address; behind our proxy the first X-Forwarded-For entry."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded:
        return forwarded.split(",")[0].strip() or None
    return request.META.get("REMOTE_ADDR") or None


class AuditContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = client_address.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            client_address.reset(token)
