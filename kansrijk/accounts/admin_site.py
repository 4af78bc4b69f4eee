"""The admin behind the site's own door (ADR 0009).

The admin has no login form of its own: its login URL sends people to the site login
(password, TOTP, lockout), and its pages open only for active staff whose session
passed the TOTP step.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from kansrijk.accounts.selectors import user_has_totp
from kansrijk.accounts.two_factor import session_has_two_factors


class TwoFactorAdminSite(admin.AdminSite):
    site_header = "Kansrijk beheer"
    site_title = "Kansrijk beheer"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(user.is_active and user.is_staff and session_has_two_factors(request))

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
            next_url = ""
        next_url = next_url or reverse("admin:index", current_app=self.name)
        user = request.user
        if not user.is_authenticated:
            return _redirect("account_login", next_url)
        if not user_has_totp(user=user):
            return _redirect("mfa_activate_totp", next_url)
        if not session_has_two_factors(request):
            return _redirect("mfa_reauthenticate", next_url)
        if not (user.is_active and user.is_staff):
            raise PermissionDenied
        return HttpResponseRedirect(next_url)


def _redirect(url_name: str, next_url: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{reverse(url_name)}?{urlencode({'next': next_url})}")
