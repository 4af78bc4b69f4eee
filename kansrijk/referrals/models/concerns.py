"""Concerns about children, their children and consent (the personal data a referral rests on)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.municipalities.models import Municipality
from kansrijk.organisations.models import Organisation
from kansrijk.referrals.constants import (
    DEFAULT_CONSENT_DAYS,
    CloseReason,
    ConsentMethod,
    GivenBy,
    School,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

USER = settings.AUTH_USER_MODEL


def user_field(help_text: str, related_name: str = "+", *, verbose_name: StrOrPromise) -> Any:
    return models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name=related_name,
        help_text=help_text,
        verbose_name=verbose_name,
    )


class Concern(models.Model):
    """A professional's worry about a child or the children of one family."""

    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, help_text="Identifier.", verbose_name=_("id")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="concerns",
        help_text="The organisation of the professional who raised the concern; it owns the concern.",
        verbose_name=_("organisatie"),
    )
    created_by = user_field("The professional who raised the concern.", verbose_name=_("gemeld door"))
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Municipality the family lives in.",
        verbose_name=_("gemeente"),
    )
    signs = models.JSONField(
        default=list, blank=True, help_text="Codes of the signs of poverty observed.", verbose_name=_("signalen")
    )
    note = models.TextField(
        blank=True,
        default="",
        help_text="Free note of the professional (no BSN, no address).",
        verbose_name=_("notitie"),
    )
    wishes = models.JSONField(
        default=list,
        blank=True,
        help_text="The children's own wishes: a list of {child (index or null), need (need code or ''), text}.",
        verbose_name=_("wensen van de kinderen"),
    )
    created_at = models.DateTimeField(
        default=timezone.now, db_index=True, help_text="When the concern was raised.", verbose_name=_("gemeld op")
    )
    last_activity_at = models.DateTimeField(
        default=timezone.now,
        db_index=True,
        help_text="Last change to the concern or its referrals (for retention).",
        verbose_name=_("laatste activiteit"),
    )
    closed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the concern was closed; empty while open.",
        verbose_name=_("gesloten op"),
    )
    closed_by = user_field("The professional who closed the concern.", verbose_name=_("gesloten door"))
    close_reason = models.CharField(
        max_length=20,
        choices=CloseReason.choices,
        blank=True,
        default="",
        help_text="Coded reason for closing.",
        verbose_name=_("reden van sluiten"),
    )
    close_note = models.TextField(
        blank=True,
        default="",
        help_text="Optional explanation of the closing (no BSN).",
        verbose_name=_("toelichting bij het sluiten"),
    )

    class Meta:
        verbose_name = _("zorg")
        verbose_name_plural = _("zorgen")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "-created_at"], name="referrals_concern_org")]

    def __str__(self) -> str:
        return f"Zorg {self.pk}"


class Child(models.Model):
    """One child of a concern: only what the rules and the receiver need."""

    concern = models.ForeignKey(
        Concern, on_delete=models.CASCADE, related_name="children", help_text="The concern.", verbose_name=_("zorg")
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order within the concern, from 0.", verbose_name=_("volgorde")
    )
    first_name = models.CharField(
        max_length=40, help_text="First name or initials; never a full name.", verbose_name=_("voornaam")
    )
    birth_year = models.PositiveSmallIntegerField(
        help_text="Year of birth (when only an age was given: derived).", verbose_name=_("geboortejaar")
    )
    age = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Age as given, if an age was given.", verbose_name=_("leeftijd")
    )
    school = models.CharField(
        max_length=12, choices=School.choices, help_text="Kind of school the child goes to.", verbose_name=_("school")
    )

    class Meta:
        verbose_name = _("kind")
        verbose_name_plural = _("kinderen")
        ordering = ["concern", "position"]

    def __str__(self) -> str:
        return self.first_name


def consent_days() -> int:
    """How long consent lasts when no end date is recorded (`CONSENT_DEFAULT_DAYS`, default one year)."""
    return int(getattr(settings, "CONSENT_DEFAULT_DAYS", DEFAULT_CONSENT_DAYS))


def consent_default_expiry() -> datetime:
    return timezone.now() + timedelta(days=consent_days())


class Consent(models.Model):
    """Permission to share the concern with named organisations for a purpose; withdrawable."""

    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, help_text="Identifier.", verbose_name=_("id")
    )
    concern = models.ForeignKey(
        Concern, on_delete=models.CASCADE, related_name="consents", help_text="The concern.", verbose_name=_("zorg")
    )
    given_by = models.CharField(
        max_length=14, choices=GivenBy.choices, help_text="Who gave consent.", verbose_name=_("gegeven door")
    )
    purpose = models.TextField(help_text="What the data may be shared for.", verbose_name=_("doel van het delen"))
    method = models.CharField(
        max_length=12, choices=ConsentMethod.choices, help_text="How consent was given.", verbose_name=_("manier")
    )
    organisations = models.ManyToManyField(
        Organisation,
        related_name="referral_consents",
        help_text="Organisations the concern may be shared with.",
        verbose_name=_("organisaties"),
    )
    given_at = models.DateTimeField(
        default=timezone.now, help_text="When consent was given.", verbose_name=_("gegeven op")
    )
    recorded_by = user_field("The professional who recorded the consent.", verbose_name=_("vastgelegd door"))
    expires_at = models.DateTimeField(
        default=consent_default_expiry,
        help_text="When consent ends (by default CONSENT_DEFAULT_DAYS after it was given); expired is not valid.",
        verbose_name=_("geldig tot"),
    )
    withdrawn_at = models.DateTimeField(
        null=True, blank=True, help_text="When consent was withdrawn; empty if valid.", verbose_name=_("ingetrokken op")
    )
    withdrawn_by = user_field(
        "The professional who recorded the withdrawal.", verbose_name=_("intrekking vastgelegd door")
    )

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"Toestemming {self.pk}"

    @property
    def is_valid(self) -> bool:
        """Not withdrawn and not past its end date (checked at read time, not only by the daily task)."""
        return self.withdrawn_at is None and self.expires_at > timezone.now()

    @property
    def is_expired(self) -> bool:
        return self.withdrawn_at is None and self.expires_at <= timezone.now()
