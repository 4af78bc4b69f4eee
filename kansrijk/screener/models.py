"""Municipal schemes and funds as data: a scheme and its versions (each with its own start date).

A change never overwrites: it adds a `SchemeVersion` with a start date (history kept); the
version in force on a date is the one with the latest start on or before it (and, when it
has an end date, not after that). `kansrijk.screener.selectors.local_rules_for` turns the rows
into pure `kansrijk.rules.local.LocalRule`s for the rules engine.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from kansrijk.screener.constants import AppliesVia, IncomeTest, PaymentRoute, SchemeKind


class Scheme(models.Model):
    """A municipal scheme (kindpakket, meedoenregeling, …) or a fund's criteria, owned by one organisation."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False, help_text="Identifier.")
    owner = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="schemes",
        help_text="The organisation that keeps this scheme up to date (municipality or fund).",
    )
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="schemes",
        help_text="Where it applies; empty for a national fund (a local row of the same fund replaces it there).",
    )
    slug = models.SlugField(max_length=60, help_text="Short stable name, e.g. kindpakket or leergeld.")
    kind = models.CharField(max_length=12, choices=SchemeKind.choices, help_text="Municipal scheme or fund.")
    rank = models.PositiveSmallIntegerField(
        help_text="Order of use: lower comes first (municipal 10, Jeugdfonds 20, Leergeld 30, Kinderhulp 40)."
    )
    is_demo = models.BooleanField(default=False, help_text="Demo data, not a real scheme.")
    created_at = models.DateTimeField(default=timezone.now, help_text="When the scheme was added.")

    class Meta:
        ordering = ("rank", "slug")
        constraints = [
            models.UniqueConstraint(
                fields=("owner", "municipality", "slug"),
                name="screener_scheme_unique_slug",
                nulls_distinct=False,
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def name(self) -> str:
        """The human name: the label of the latest version (e.g. Kindpakket Leudal), else the slug in words.

        `scheme_list_for` annotates `latest_label`, so a list needs no query per scheme.
        """
        label = getattr(self, "latest_label", None)
        if label is None and self.pk is not None:
            label = self.versions.order_by("-start_date", "-created_at").values_list("label", flat=True).first()
        return label or self.slug.replace("-", " ").replace("_", " ").capitalize()

    @property
    def full_name(self) -> str:
        """The name with the municipality's name when the name does not already say it."""
        name = self.name
        place = self.municipality.name if self.municipality_id and self.municipality else ""
        if place and place.lower() not in name.lower():
            return f"{name} ({place})"
        return name

    @property
    def key(self) -> str:
        """The scheme id in answers: `GM1640/kindpakket` for municipal schemes, the slug for funds."""
        if self.kind == SchemeKind.MUNICIPAL and self.municipality_id:
            return f"{self.municipality_id}/{self.slug}"
        return self.slug


class SchemeVersion(models.Model):
    """The rules of a scheme from a start date on: limits, children, amounts, how to apply, source."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False, help_text="Identifier.")
    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="versions", help_text="The scheme.")
    label = models.CharField(max_length=120, help_text="Name shown to families, e.g. Kindpakket Leudal.")
    start_date = models.DateField(help_text="First day this version applies.")
    end_date = models.DateField(null=True, blank=True, help_text="Last day it applies; empty: until a newer version.")
    needs = models.JSONField(default=list, help_text="Need codes it covers (the social map's taxonomy).")
    income_test = models.CharField(
        max_length=14, choices=IncomeTest.choices, default=IncomeTest.NORM, help_text="Which income test applies."
    )
    income_limit_percent = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Income limit as % of the bijstandsnorm (0–300)."
    )
    norm_with_holiday = models.BooleanField(
        default=True, help_text="The bijstandsnorm including vakantietoeslag (true) or without it (false)."
    )
    leefgeld_base_cents = models.PositiveIntegerField(
        null=True, blank=True, help_text="Leefgeld norm for the first person, cents per month."
    )
    leefgeld_per_person_cents = models.PositiveIntegerField(
        null=True, blank=True, help_text="Leefgeld norm for every further person, cents per month."
    )
    asset_limit_cents = models.BigIntegerField(null=True, blank=True, help_text="Asset limit in cents; empty: none.")
    child_age_min = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Youngest age that counts.")
    child_age_max = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Oldest age that counts.")
    schools = models.JSONField(default=list, blank=True, help_text="School types that count; empty: any.")
    amount_per_child_cents = models.PositiveIntegerField(
        null=True, blank=True, help_text="Amount per qualifying child per year, cents."
    )
    amount_per_household_cents = models.PositiveIntegerField(
        null=True, blank=True, help_text="Amount per household per year, cents."
    )
    amount_bands = models.JSONField(
        default=list,
        blank=True,
        help_text="Amounts per child by age band: a list of {age_min, age_max, cents, school}; first match wins.",
    )
    payment_route = models.CharField(
        max_length=10, choices=PaymentRoute.choices, default=PaymentRoute.VOUCHER, help_text="How it is paid."
    )
    applies_via = models.CharField(
        max_length=14, choices=AppliesVia.choices, default=AppliesVia.SELF, help_text="Who can apply."
    )
    how_to_apply = models.TextField(blank=True, default="", help_text="How to apply, in plain Dutch (B1).")
    how_to_apply_en = models.TextField(
        blank=True, default="", help_text="How to apply, in plain English; empty: families see the Dutch text."
    )
    apply_url = models.CharField(max_length=300, blank=True, default="", help_text="Where to apply (URL).")
    apply_phone = models.CharField(max_length=40, blank=True, default="", help_text="Phone number to apply or ask.")
    apply_address = models.CharField(
        max_length=300, blank=True, default="", help_text="Address (street, number, place) where families can go."
    )
    apply_intermediary = models.CharField(
        max_length=300,
        blank=True,
        default="",
        help_text="Who applies for the family, e.g. the school or the neighbourhood team (when not the family).",
    )
    apply_intermediary_en = models.CharField(
        max_length=300, blank=True, default="", help_text="Who applies for the family, in English; empty: Dutch shown."
    )
    source_title = models.CharField(max_length=300, help_text="Source of these rules (title).")
    source_url = models.CharField(max_length=300, help_text="Source of these rules (https URL or a page path).")
    unverified = models.BooleanField(default=False, help_text="Known only from a secondary source.")
    unknown_reason = models.TextField(
        blank=True, default="", help_text="When set: the rules are not known for this period; answers say why."
    )
    change_note = models.CharField(max_length=300, blank=True, default="", help_text="What changed and why.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who made this version.",
    )
    created_at = models.DateTimeField(default=timezone.now, help_text="When this version was made.")

    class Meta:
        ordering = ("scheme", "start_date", "created_at")
        constraints = [
            models.UniqueConstraint(fields=("scheme", "start_date"), name="screener_version_unique_start"),
        ]
        indexes = [models.Index(fields=("scheme", "start_date"), name="screener_version_start")]

    def __str__(self) -> str:
        return f"{self.label} ({self.start_date.isoformat()})"
