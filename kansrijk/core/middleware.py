"""`Cache-Control: no-store, private` on every response that may carry personal data (ADR 0012).

That is every response to a logged-in user and every API response (API clients log in per
request with a Bearer token, which DRF resolves inside the view). Anonymous public pages
(home, social map, the family check) keep whatever caching their view chose.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import add_never_cache_headers, patch_cache_control

from kansrijk.core.errors import is_api


class NoStoreMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if is_api(request) or (user is not None and user.is_authenticated):
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
        return response
