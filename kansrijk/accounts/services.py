"""Writes for accounts: users and API tokens. Each is atomic and audited."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from kansrijk.accounts.models import ApiToken, User
from kansrijk.accounts.selectors import user_has_totp
from kansrijk.audit.services import record
from kansrijk.core.errors import InvalidInput

TOKEN_PREFIX = "kr_"  # noqa: S105 — a prefix, not a secret
NAME_MAX_LENGTH = ApiToken._meta.get_field("name").max_length or 100


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def user_create(
    *, actor: User | None, email: str, password: str | None, full_name: str = "", is_demo: bool = False
) -> User:
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise InvalidInput(f"'{email}' is not a valid e-mail address.") from error
    if User.objects.filter(email=email).exists():
        raise InvalidInput(f"A user with e-mail '{email}' already exists.")
    if password is not None:
        try:
            validate_password(password, User(email=email, full_name=full_name))
        except ValidationError as error:
            raise InvalidInput("Password refused: " + " ".join(error.messages)) from error
    with transaction.atomic():
        user = User.objects.create_user(email=email, password=password, full_name=full_name, is_demo=is_demo)
        record(actor=actor, action="user.create", obj=user, actor_label="" if actor else "cli")
    return user


def api_token_create(*, actor: User | None, user: User, name: str = "") -> tuple[ApiToken, str]:
    """Create a token for `user`; returns the stored row and the token text (shown once).

    Only for an active user who has two factors set up: a token is a way in, and every
    way in asks for the second factor (ADR 0009). It expires after `API_TOKEN_DAYS`.
    """
    name = name.strip()
    if len(name) > NAME_MAX_LENGTH:
        raise InvalidInput(f"The token name is {len(name)} characters; at most {NAME_MAX_LENGTH} are allowed.")
    if not user.is_active:
        raise InvalidInput(f"{user.email} is deactivated and cannot get a token.")
    if not user_has_totp(user=user):
        raise InvalidInput(
            f"{user.email} has no two-factor login (TOTP) set up. Log in on the website and set it up first."
        )
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        api_token = ApiToken.objects.create(user=user, name=name, prefix=token[:10], key_hash=hash_token(token))
        record(
            actor=actor,
            action="api_token.create",
            obj=api_token,
            detail={"user": str(user.pk), "expires_at": api_token.expires_at.isoformat()},
            actor_label="" if actor else "cli",
        )
    return api_token, token


def api_token_revoke(*, actor: User, api_token: ApiToken) -> ApiToken:
    """Revoke one token. The caller has checked `actor` may (its owner, or an administrator
    of an organisation the owner belongs to: see organisations.services)."""
    with transaction.atomic():
        locked = ApiToken.objects.select_for_update().get(pk=api_token.pk)
        if locked.revoked_at is None:
            locked.revoked_at = timezone.now()
            locked.save(update_fields=["revoked_at"])
            record(actor=actor, action="api_token.revoke", obj=locked, detail={"user": str(locked.user_id)})
    return locked


def api_token_revoke_all(*, actor: User | None, user: User) -> int:
    """Revoke every active token of `user`; returns how many were revoked."""
    with transaction.atomic():
        tokens = list(ApiToken.objects.select_for_update().filter(user=user, revoked_at__isnull=True))
        now = timezone.now()
        for api_token in tokens:
            api_token.revoked_at = now
            api_token.save(update_fields=["revoked_at"])
            record(
                actor=actor,
                action="api_token.revoke",
                obj=api_token,
                detail={"user": str(user.pk)},
                actor_label="" if actor else "cli",
            )
    return len(tokens)
