from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from kansrijk.accounts.models import ApiToken, User
from kansrijk.accounts.two_factor import session_has_two_factors as session_has_two_factors  # the one rule (ADR 0009)


def user_get_by_email(*, email: str) -> User | None:
    return User.objects.filter(email=email.strip().lower()).first()


def api_token_list_for(*, user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def api_token_active_list_for(*, user: User) -> QuerySet[ApiToken]:
    """The tokens of `user` that still work (not revoked, not expired)."""
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True, expires_at__gt=timezone.now())


def api_token_get_for(*, user: User, token_id: Any) -> ApiToken:
    """One of the user's own tokens; anyone else's is a 404."""
    return get_object_or_404(ApiToken, pk=token_id, user=user)


def user_has_totp(*, user: User) -> bool:
    from allauth.mfa.models import Authenticator

    return bool(Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists())
