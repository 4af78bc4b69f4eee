"""Two factors for every role that can see personal data (see constants)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from kansrijk.accounts.selectors import user_has_totp
from kansrijk.organisations.selectors import user_requires_two_factor

ALLOWED_PREFIXES = ("/static/", "/api/")


class RequireTwoFactorMiddleware:
    """Sends a logged-in user who must use two factors, but has none yet, to set it up."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or request.path.startswith(ALLOWED_PREFIXES):
            return self.get_response(request)
        if "/accounts/" in request.path:
            return self.get_response(request)
        if user_requires_two_factor(user=user) and not user_has_totp(user=user):
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
