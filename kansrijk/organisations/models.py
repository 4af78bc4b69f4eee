"""Who is who: organisations, the municipalities they work in, and their people."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.municipalities.models import Municipality
from kansrijk.organisations.constants import Kind, Role

kvk_validator = RegexValidator(r"^\d{8}$", "A KvK number has exactly 8 digits.")


class Organisation(models.Model):
    """One organisation model for the social map, the alliance, referrals and accounts.

    Its UUID is also its HSDS `organization.id`, so the same id works everywhere.
    """

    id = models.UUIDField(
        primary_key=True,
        default=uuid.uuid4,
        editable=False,
        help_text="Identifier (also the HSDS organization id).",
        verbose_name=_("id"),
    )
    name = models.CharField(
        max_length=200, unique=True, help_text="Name as the public knows it.", verbose_name=_("naam")
    )
    kind = models.CharField(
        max_length=30, choices=Kind.choices, db_index=True, help_text="Kind of organisation.", verbose_name=_("soort")
    )
    kvk_number = models.CharField(
        max_length=8,
        blank=True,
        validators=[kvk_validator],
        help_text="Chamber of Commerce number (optional, 8 digits).",
        verbose_name=_("KvK-nummer"),
    )
    description = models.TextField(
        blank=True, help_text="What the organisation does, in plain language.", verbose_name=_("beschrijving")
    )
    municipalities = models.ManyToManyField(
        Municipality,
        blank=True,
        related_name="organisations",
        help_text="Municipalities it works in; none means national.",
        verbose_name=_("gemeenten"),
    )
    website = models.URLField(blank=True, help_text="Public website.", verbose_name=_("website"))
    email = models.EmailField(blank=True, help_text="Public contact e-mail.", verbose_name=_("e-mailadres"))
    phone = models.CharField(
        max_length=30, blank=True, help_text="Public contact phone number.", verbose_name=_("telefoonnummer")
    )
    is_demo = models.BooleanField(
        default=False, help_text="Created by `kansrijk demo`; not a real organisation.", verbose_name=_("demo")
    )
    created_at = models.DateTimeField(
        auto_now_add=True, help_text="When it was added.", verbose_name=_("toegevoegd op")
    )
    updated_at = models.DateTimeField(auto_now=True, help_text="Last change.", verbose_name=_("laatst gewijzigd"))

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A person's role in one organisation. A person may belong to several."""

    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, help_text="Identifier.", verbose_name=_("id")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        help_text="The person.",
        verbose_name=_("gebruiker"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        help_text="The organisation.",
        verbose_name=_("organisatie"),
    )
    role = models.CharField(
        max_length=20,
        choices=Role.choices,
        help_text="What the person may do for the organisation.",
        verbose_name=_("rol"),
    )
    created_at = models.DateTimeField(
        auto_now_add=True, help_text="When the membership started.", verbose_name=_("lid sinds")
    )

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        ordering = ["organisation__name"]
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")]

    def __str__(self) -> str:
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"
