"""Who is who: organisations, the municipalities they work in, and their people."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models

from kansrijk.municipalities.models import Municipality
from kansrijk.organisations.constants import Kind, Role

kvk_validator = RegexValidator(r"^\d{8}$", "A KvK number has exactly 8 digits.")


class Organisation(models.Model):
    """One organisation model for the social map, the alliance, referrals and accounts.

    Its UUID is also its HSDS `organization.id`, so the same id works everywhere.
    """

    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, help_text="Identifier (also the HSDS organization id)."
    )
    name = models.CharField(max_length=200, unique=True, help_text="Name as the public knows it.")
    kind = models.CharField(max_length=30, choices=Kind.choices, db_index=True, help_text="Kind of organisation.")
    kvk_number = models.CharField(
        max_length=8,
        blank=True,
        validators=[kvk_validator],
        help_text="Chamber of Commerce number (optional, 8 digits).",
    )
    description = models.TextField(blank=True, help_text="What the organisation does, in plain language.")
    municipalities = models.ManyToManyField(
        Municipality,
        blank=True,
        related_name="organisations",
        help_text="Municipalities it works in; none means national.",
    )
    website = models.URLField(blank=True, help_text="Public website.")
    email = models.EmailField(blank=True, help_text="Public contact e-mail.")
    phone = models.CharField(max_length=30, blank=True, help_text="Public contact phone number.")
    is_demo = models.BooleanField(default=False, help_text="Created by `kansrijk demo`; not a real organisation.")
    created_at = models.DateTimeField(auto_now_add=True, help_text="When it was added.")
    updated_at = models.DateTimeField(auto_now=True, help_text="Last change.")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A person's role in one organisation. A person may belong to several."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False, help_text="Identifier.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", help_text="The person."
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships", help_text="The organisation."
    )
    role = models.CharField(
        max_length=20, choices=Role.choices, help_text="What the person may do for the organisation."
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the membership started.")

    class Meta:
        ordering = ["organisation__name"]
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")]

    def __str__(self) -> str:
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"
