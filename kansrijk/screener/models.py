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
from django.utils.translation import gettext_lazy as _

from kansrijk.screener.constants import AppliesVia, IncomeTest, PaymentRoute, SchemeKind


class Scheme(models.Model):
    """A municipal scheme (kindpakket, meedoenregeling, …) or a fund's criteria, owned by one organisation."""

    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, help_text="Identifier.", verbose_name=_("id")
    )
    owner = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="schemes",
        help_text="The organisation that keeps this scheme up to date (municipality or fund).",
        verbose_name=_("beheerder"),
    )
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="schemes",
        help_text="Where it applies; empty for a national fund (a local row of the same fund replaces it there).",
        verbose_name=_("gemeente"),
    )
    slug = models.SlugField(
        max_length=60, help_text="Short stable name, e.g. kindpakket or leergeld.", verbose_name=_("korte naam")
    )
    kind = models.CharField(
        max_length=12, choices=SchemeKind.choices, help_text="Municipal scheme or fund.", verbose_name=_("soort")
    )
    rank = models.PositiveSmallIntegerField(
        help_text="Order of use: lower comes first (municipal 10, Jeugdfonds 20, Leergeld 30, Kinderhulp 40).",
        verbose_name=_("volgorde"),
    )
    is_demo = models.BooleanField(default=False, help_text="Demo data, not a real scheme.", verbose_name=_("demo"))
    created_at = models.DateTimeField(
        default=timezone.now, help_text="When the scheme was added.", verbose_name=_("toegevoegd op")
    )

    class Meta:
        verbose_name = _("regeling of fonds")
        verbose_name_plural = _("regelingen en fondsen")
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

    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, help_text="Identifier.", verbose_name=_("id")
    )
    scheme = models.ForeignKey(
        Scheme, on_delete=models.CASCADE, related_name="versions", help_text="The scheme.", verbose_name=_("regeling")
    )
    label = models.CharField(
        max_length=120,
        help_text="Name shown to families, e.g. Kindpakket Leudal.",
        verbose_name=_("naam voor gezinnen"),
    )
    start_date = models.DateField(help_text="First day this version applies.", verbose_name=_("geldig vanaf"))
    end_date = models.DateField(
        null=True,
        blank=True,
        help_text="Last day it applies; empty: until a newer version.",
        verbose_name=_("geldig tot en met"),
    )
    needs = models.JSONField(
        default=list, help_text="Need codes it covers (the social map's taxonomy).", verbose_name=_("behoeften")
    )
    income_test = models.CharField(
        max_length=14,
        choices=IncomeTest.choices,
        default=IncomeTest.NORM,
        help_text="Which income test applies.",
        verbose_name=_("inkomenstoets"),
    )
    income_limit_percent = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Income limit as % of the bijstandsnorm (0–300).",
        verbose_name=_("inkomensgrens (% van de bijstandsnorm)"),
    )
    norm_with_holiday = models.BooleanField(
        default=True,
        help_text="The bijstandsnorm including vakantietoeslag (true) or without it (false).",
        verbose_name=_("norm met vakantietoeslag"),
    )
    leefgeld_base_cents = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Leefgeld norm for the first person, cents per month.",
        verbose_name=_("leefgeld eerste persoon"),
    )
    leefgeld_per_person_cents = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Leefgeld norm for every further person, cents per month.",
        verbose_name=_("leefgeld per extra persoon"),
    )
    asset_limit_cents = models.BigIntegerField(
        null=True, blank=True, help_text="Asset limit in cents; empty: none.", verbose_name=_("vermogensgrens")
    )
    child_age_min = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Youngest age that counts.", verbose_name=_("jongste leeftijd")
    )
    child_age_max = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Oldest age that counts.", verbose_name=_("oudste leeftijd")
    )
    schools = models.JSONField(
        default=list, blank=True, help_text="School types that count; empty: any.", verbose_name=_("schoolsoorten")
    )
    amount_per_child_cents = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Amount per qualifying child per year, cents.",
        verbose_name=_("bedrag per kind per jaar"),
    )
    amount_per_household_cents = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Amount per household per year, cents.",
        verbose_name=_("bedrag per huishouden per jaar"),
    )
    amount_bands = models.JSONField(
        default=list,
        blank=True,
        help_text="Amounts per child by age band: a list of {age_min, age_max, cents, school}; first match wins.",
        verbose_name=_("bedragen per leeftijd"),
    )
    payment_route = models.CharField(
        max_length=10,
        choices=PaymentRoute.choices,
        default=PaymentRoute.VOUCHER,
        help_text="How it is paid.",
        verbose_name=_("manier van betalen"),
    )
    applies_via = models.CharField(
        max_length=14,
        choices=AppliesVia.choices,
        default=AppliesVia.SELF,
        help_text="Who can apply.",
        verbose_name=_("wie aanvraagt"),
    )
    how_to_apply = models.TextField(
        blank=True, default="", help_text="How to apply, in plain Dutch (B1).", verbose_name=_("hoe aanvragen")
    )
    how_to_apply_en = models.TextField(
        blank=True,
        default="",
        help_text="How to apply, in plain English; empty: families see the Dutch text.",
        verbose_name=_("hoe aanvragen (Engels)"),
    )
    apply_url = models.CharField(
        max_length=300,
        blank=True,
        default="",
        help_text="Where to apply (URL).",
        verbose_name=_("adres om aan te vragen"),
    )
    apply_phone = models.CharField(
        max_length=40,
        blank=True,
        default="",
        help_text="Phone number to apply or ask.",
        verbose_name=_("telefoonnummer om aan te vragen"),
    )
    apply_address = models.CharField(
        max_length=300,
        blank=True,
        default="",
        help_text="Address (street, number, place) where families can go.",
        verbose_name=_("bezoekadres om aan te vragen"),
    )
    apply_intermediary = models.CharField(
        max_length=300,
        blank=True,
        default="",
        help_text="Who applies for the family, e.g. the school or the neighbourhood team (when not the family).",
        verbose_name=_("wie aanvraagt voor het gezin"),
    )
    apply_intermediary_en = models.CharField(
        max_length=300,
        blank=True,
        default="",
        help_text="Who applies for the family, in English; empty: Dutch shown.",
        verbose_name=_("wie aanvraagt voor het gezin (Engels)"),
    )
    source_title = models.CharField(max_length=300, help_text="Source of these rules (title).", verbose_name=_("bron"))
    source_url = models.CharField(
        max_length=300,
        help_text="Source of these rules (https URL or a page path).",
        verbose_name=_("link naar de bron"),
    )
    unverified = models.BooleanField(
        default=False, help_text="Known only from a secondary source.", verbose_name=_("niet gecontroleerd")
    )
    unknown_reason = models.TextField(
        blank=True,
        default="",
        help_text="When set: the rules are not known for this period; answers say why.",
        verbose_name=_("waarom onbekend"),
    )
    change_note = models.CharField(
        max_length=300, blank=True, default="", help_text="What changed and why.", verbose_name=_("wat is veranderd")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who made this version.",
        verbose_name=_("gemaakt door"),
    )
    created_at = models.DateTimeField(
        default=timezone.now, help_text="When this version was made.", verbose_name=_("gemaakt op")
    )

    class Meta:
        verbose_name = _("versie van een regeling")
        verbose_name_plural = _("versies van regelingen")
        ordering = ("scheme", "start_date", "created_at")
        constraints = [
            models.UniqueConstraint(fields=("scheme", "start_date"), name="screener_version_unique_start"),
        ]
        indexes = [models.Index(fields=("scheme", "start_date"), name="screener_version_start")]

    def __str__(self) -> str:
        return f"{self.label} ({self.start_date.isoformat()})"
