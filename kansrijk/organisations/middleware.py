"""Two factors for every role that can see personal data (see constants, ADR 0009)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from kansrijk.accounts.selectors import session_has_two_factors, user_has_totp
from kansrijk.organisations.selectors import user_requires_two_factor

# The API answers for itself (403 JSON from its authentication classes); static files
# hold no personal data; the account pages are where the second factor is set up and used.
ALLOWED_PREFIXES = ("/static/", "/api/", "/accounts/", "/en/accounts/")


class RequireTwoFactorMiddleware:
    """A logged-in user who must use two factors gets no page until the session passed them.

    No TOTP yet: to the TOTP setup. TOTP set up, but this session did not pass the code
    step (e.g. it was set up just now, or the login came from elsewhere): to the code step.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or request.path.startswith(ALLOWED_PREFIXES):
            return self.get_response(request)
        if not user_requires_two_factor(user=user):
            return self.get_response(request)
        if not user_has_totp(user=user):  # also when TOTP was switched off during this session
            return redirect(reverse("mfa_activate_totp"))
        if not session_has_two_factors(request):
            return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
