"""API authentication: `Authorization: Bearer <token>` and the browser session.

Both doors ask for the second factor (ADR 0009): a token is only issued to, and only
accepted for, a user who has TOTP set up; a session only counts when it passed the TOTP
step. Refusals are 401 (no or bad credentials) or 403 (credentials without the second
factor), in the API's error format.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from kansrijk.accounts.models import ApiToken, User
from kansrijk.accounts.selectors import user_has_totp
from kansrijk.accounts.services import hash_token
from kansrijk.accounts.two_factor import session_has_two_factors

# `last_used_at` is written at most this often per token, not on every request.
LAST_USED_RESOLUTION = timedelta(minutes=1)


class SecondFactorMissing(exceptions.PermissionDenied):
    default_detail = (
        "Log eerst in met twee stappen: wachtwoord en code. / "
        "Two factors required: set up TOTP and log in with password and code first."
    )
    default_code = "second_factor_required"


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[User, ApiToken] | None:
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if not header or header[0].lower() != self.keyword.lower():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Malformed Authorization header: use 'Bearer <token>'.")
        api_token = ApiToken.objects.select_related("user").filter(key_hash=hash_token(header[1])).first()
        if api_token is None or not api_token.is_active or not api_token.user.is_active:
            raise exceptions.AuthenticationFailed("Invalid, expired or revoked token.")
        if not user_has_totp(user=api_token.user):
            raise SecondFactorMissing()
        now = timezone.now()
        if api_token.last_used_at is None or now - api_token.last_used_at >= LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        return api_token.user, api_token

    def authenticate_header(self, request: Request) -> str:
        return self.keyword


class TwoFactorSessionAuthentication(authentication.SessionAuthentication):
    """DRF's session authentication (with its CSRF check), only for sessions that passed TOTP."""

    def authenticate(self, request: Request) -> tuple[User, None] | None:
        result = super().authenticate(request)
        if result is None:
            return None
        if not (session_has_two_factors(request._request) and user_has_totp(user=result[0])):
            raise SecondFactorMissing()
        return result


class BearerTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    """Documents the Bearer token in the OpenAPI file."""

    target_class = "kansrijk.accounts.authentication.BearerTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema: object) -> dict[str, str]:
        return {"type": "http", "scheme": "bearer", "description": "Personal token from `kansrijk token create`."}


class TwoFactorSessionScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    """Documents the session cookie the same way DRF's SessionAuthentication is documented."""

    target_class = "kansrijk.accounts.authentication.TwoFactorSessionAuthentication"
    name = "cookieAuth"

    def get_security_definition(self, auto_schema: object) -> dict[str, str]:
        return {"type": "apiKey", "in": "cookie", "name": "sessionid"}
