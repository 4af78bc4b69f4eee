"""People who log in, and their API tokens. Roles live on organisation memberships."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with a login. `is_staff` marks platform staff (Kansrijk's own team)."""

    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, help_text="Identifier.", verbose_name=_("id")
    )
    email = models.EmailField(
        unique=True, help_text="Login name and address for notifications.", verbose_name=_("e-mailadres")
    )
    full_name = models.CharField(
        max_length=200, blank=True, help_text="Name shown to colleagues.", verbose_name=_("naam")
    )
    is_active = models.BooleanField(default=True, help_text="Inactive users cannot log in.", verbose_name=_("actief"))
    is_staff = models.BooleanField(
        default=False, help_text="Platform staff: may manage every organisation.", verbose_name=_("platformbeheerder")
    )
    is_demo = models.BooleanField(
        default=False, help_text="Created by `kansrijk demo`; never in production data.", verbose_name=_("demo")
    )
    date_joined = models.DateTimeField(
        default=timezone.now, help_text="When the account was created.", verbose_name=_("aangemaakt op")
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.full_name or self.email


def default_token_expiry() -> datetime:
    """Tokens expire `API_TOKEN_DAYS` (default 90) days after they are made."""
    return timezone.now() + timedelta(days=settings.API_TOKEN_DAYS)


class ApiToken(models.Model):
    """A personal API token. Only a hash is stored; the token itself is shown once."""

    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, help_text="Identifier.", verbose_name=_("id")
    )
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="api_tokens", help_text="Owner.", verbose_name=_("eigenaar")
    )
    name = models.CharField(
        max_length=100, blank=True, help_text="What the owner uses it for.", verbose_name=_("naam van de sleutel")
    )
    prefix = models.CharField(
        max_length=12,
        help_text="First characters of the token, to recognise it.",
        verbose_name=_("begin van de sleutel"),
    )
    key_hash = models.CharField(
        max_length=64, unique=True, help_text="SHA-256 of the token.", verbose_name=_("hash van de sleutel")
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When it was created.", verbose_name=_("gemaakt op"))
    revoked_at = models.DateTimeField(
        null=True, blank=True, help_text="When it was revoked; empty while valid.", verbose_name=_("ingetrokken op")
    )
    last_used_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Last successful use (to the minute; not written on every request).",
        verbose_name=_("laatst gebruikt op"),
    )
    expires_at = models.DateTimeField(
        default=default_token_expiry,
        help_text="After this moment it no longer works.",
        verbose_name=_("verloopt op"),
    )

    class Meta:
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
