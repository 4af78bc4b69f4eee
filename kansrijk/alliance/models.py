"""The alliance: the pledge and who signed it, commitments (the "inzet"), their history
and their yearly progress reports."""

from __future__ import annotations

import hashlib
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kansrijk.alliance.constants import Activity, ReachUnit, SignatureEnd, TargetGroup
from kansrijk.municipalities.models import Municipality
from kansrijk.organisations.models import Organisation


class PledgeVersion(models.Model):
    """One published text of the pledge. Published texts never change."""

    number = models.PositiveIntegerField(
        unique=True, help_text="Version number; the highest is the current text.", verbose_name=_("versienummer")
    )
    title = models.CharField(max_length=200, help_text="Title of the pledge.", verbose_name=_("titel"))
    text = models.TextField(help_text="The exact text partners sign (plain text).", verbose_name=_("tekst"))
    text_sha256 = models.CharField(
        max_length=64,
        editable=False,
        help_text="SHA-256 of the text, to prove what was signed.",
        verbose_name=_("vingerafdruk van de tekst (SHA-256)"),
    )
    published_on = models.DateField(help_text="Date this version was published.", verbose_name=_("gepubliceerd op"))
    created_at = models.DateTimeField(
        auto_now_add=True, help_text="When it was stored.", verbose_name=_("opgeslagen op")
    )

    class Meta:
        verbose_name = _("pledgeversie")
        verbose_name_plural = _("pledgeversies")
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"{self.title} (versie {self.number})"

    @staticmethod
    def digest(text: str) -> str:
        return hashlib.sha256(text.encode()).hexdigest()


class PledgeSignature(models.Model):
    """An organisation signs one pledge version through an authorised representative."""

    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, help_text="Identifier.", verbose_name=_("id")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="pledge_signatures",
        help_text="The signing organisation.",
        verbose_name=_("organisatie"),
    )
    pledge_version = models.ForeignKey(
        PledgeVersion,
        on_delete=models.PROTECT,
        related_name="signatures",
        help_text="The exact text version signed.",
        verbose_name=_("pledgeversie"),
    )
    signatory_name = models.CharField(
        max_length=200,
        help_text="Name of the authorised representative who signed.",
        verbose_name=_("naam van de ondertekenaar"),
    )
    signatory_role = models.CharField(
        max_length=200,
        help_text="Role of the representative, e.g. `directeur-bestuurder`.",
        verbose_name=_("functie van de ondertekenaar"),
    )
    signed_on = models.DateField(help_text="Date of signing.", verbose_name=_("getekend op"))
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The user who recorded the signature in Kansrijk.",
        verbose_name=_("vastgelegd door"),
    )
    ended_on = models.DateField(
        null=True, blank=True, help_text="Date the signature ended; empty while it holds.", verbose_name=_("gestopt op")
    )
    end_reason = models.CharField(
        max_length=20,
        choices=SignatureEnd.choices,
        blank=True,
        help_text="Why it ended: withdrawn or superseded.",
        verbose_name=_("reden van stoppen"),
    )
    end_note = models.TextField(
        blank=True, help_text="Explanation given when the pledge was withdrawn.", verbose_name=_("uitleg bij stoppen")
    )
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The user who withdrew the signature.",
        verbose_name=_("gestopt door"),
    )
    created_at = models.DateTimeField(
        auto_now_add=True, help_text="When it was recorded.", verbose_name=_("vastgelegd op")
    )

    class Meta:
        verbose_name = _("ondertekening van de pledge")
        verbose_name_plural = _("ondertekeningen van de pledge")
        ordering = ["-signed_on", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"], condition=Q(ended_on__isnull=True), name="one_active_pledge_signature"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.pledge_version}"

    @property
    def is_active(self) -> bool:
        return self.ended_on is None


class Commitment(models.Model):
    """A partner's SMART commitment ("inzet"): which activity, for whom, where, what,
    how many, when, and how it is measured."""

    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, help_text="Identifier.", verbose_name=_("id")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="commitments",
        help_text="The partner that commits.",
        verbose_name=_("organisatie"),
    )
    title = models.CharField(max_length=200, help_text="Short name of the commitment.", verbose_name=_("titel"))
    activity = models.CharField(
        max_length=20,
        choices=Activity.choices,
        db_index=True,
        help_text="Which of the alliance's activities it serves.",
        verbose_name=_("activiteit"),
    )
    description = models.TextField(help_text="What exactly will be done.", verbose_name=_("beschrijving"))
    target_group = models.CharField(
        max_length=20, choices=TargetGroup.choices, help_text="Who it is for.", verbose_name=_("doelgroep")
    )
    age_min = models.PositiveSmallIntegerField(
        default=0, help_text="Youngest age of the children reached (years).", verbose_name=_("jongste leeftijd")
    )
    age_max = models.PositiveSmallIntegerField(
        default=17, help_text="Oldest age of the children reached (years).", verbose_name=_("oudste leeftijd")
    )
    is_national = models.BooleanField(
        default=False, help_text="Carried out in the whole country.", verbose_name=_("landelijk")
    )
    municipalities = models.ManyToManyField(
        Municipality,
        blank=True,
        related_name="alliance_commitments",
        help_text="Municipalities where it is carried out; empty when national.",
        verbose_name=_("gemeenten"),
    )
    planned_reach = models.PositiveIntegerField(
        help_text="How many children or families it plans to reach per year.", verbose_name=_("gepland bereik")
    )
    reach_unit = models.CharField(
        max_length=10,
        choices=ReachUnit.choices,
        help_text="Whether reach counts children or families.",
        verbose_name=_("bereik in"),
    )
    starts_on = models.DateField(help_text="First day of the commitment.", verbose_name=_("begint op"))
    ends_on = models.DateField(help_text="Last day of the commitment.", verbose_name=_("eindigt op"))
    contact_name = models.CharField(
        max_length=200, help_text="Contact person for this commitment.", verbose_name=_("contactpersoon")
    )
    contact_email = models.EmailField(
        help_text="E-mail address of the contact person (public).", verbose_name=_("e-mailadres van de contactpersoon")
    )
    reminded_on = models.DateField(
        null=True,
        blank=True,
        help_text="Last day a report reminder was sent.",
        verbose_name=_("herinnering gestuurd op"),
    )
    created_at = models.DateTimeField(
        auto_now_add=True, help_text="When it was added.", verbose_name=_("toegevoegd op")
    )
    updated_at = models.DateTimeField(auto_now=True, help_text="Last change.", verbose_name=_("laatst gewijzigd"))

    class Meta:
        verbose_name = _("inzet")
        verbose_name_plural = pgettext_lazy("meervoud", "inzet")
        ordering = ["organisation__name", "title"]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.title}"


class Indicator(models.Model):
    """How a commitment is measured: a named indicator with a yearly target."""

    commitment = models.ForeignKey(
        Commitment,
        on_delete=models.CASCADE,
        related_name="indicators",
        help_text="The commitment it measures.",
        verbose_name=_("inzet"),
    )
    name = models.CharField(
        max_length=200, help_text="What is measured, e.g. `kinderen met een sportlidmaatschap`.", verbose_name=_("naam")
    )
    unit = models.CharField(
        max_length=50, blank=True, help_text="Unit of the value, e.g. `kinderen` or `%`.", verbose_name=_("eenheid")
    )
    target = models.DecimalField(
        max_digits=12, decimal_places=2, help_text="Target value per year.", verbose_name=_("doel per jaar")
    )

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        ordering = ["commitment", "id"]
        constraints = [models.UniqueConstraint(fields=["commitment", "name"], name="unique_indicator_name")]

    def __str__(self) -> str:
        return self.name


class CommitmentVersion(models.Model):
    """History of a commitment: one row per change, with who, when and what changed."""

    commitment = models.ForeignKey(
        Commitment,
        on_delete=models.CASCADE,
        related_name="versions",
        help_text="The commitment that changed.",
        verbose_name=_("inzet"),
    )
    number = models.PositiveIntegerField(
        help_text="1 for the first version, then one higher per change.", verbose_name=_("versienummer")
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who made the change; empty for the system.",
        verbose_name=_("gewijzigd door"),
    )
    changed_at = models.DateTimeField(
        auto_now_add=True, help_text="When the change was made.", verbose_name=_("gewijzigd op")
    )
    changes = models.JSONField(
        default=dict,
        help_text='Changed fields: `{field: {"old": ..., "new": ...}}`; every field for version 1.',
        verbose_name=_("wijzigingen"),
    )
    snapshot = models.JSONField(
        default=dict, help_text="The whole commitment after this change.", verbose_name=_("inzet na de wijziging")
    )

    class Meta:
        verbose_name = _("versie van een inzet")
        verbose_name_plural = _("versies van inzet")
        ordering = ["commitment", "-number"]
        constraints = [models.UniqueConstraint(fields=["commitment", "number"], name="unique_commitment_version")]

    def __str__(self) -> str:
        return f"{self.commitment} v{self.number}"


class ProgressReport(models.Model):
    """The yearly progress report on one commitment (pledge point 4)."""

    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, help_text="Identifier.", verbose_name=_("id")
    )
    commitment = models.ForeignKey(
        Commitment,
        on_delete=models.CASCADE,
        related_name="reports",
        help_text="The commitment reported on.",
        verbose_name=_("inzet"),
    )
    year = models.PositiveSmallIntegerField(help_text="The year the report is about.", verbose_name=_("jaar"))
    reported_on = models.DateField(
        db_index=True, help_text="Date the report was filed; drives the traffic light.", verbose_name=_("ingediend op")
    )
    what_was_done = models.TextField(help_text="What was done this year.", verbose_name=_("wat is gedaan"))
    realised_reach = models.PositiveIntegerField(
        help_text="How many children or families were reached (same unit as planned).", verbose_name=_("bereikt")
    )
    indicator_values = models.JSONField(
        default=list,
        help_text='Indicator results: `[{"indicator", "unit", "target", "value"}]`, copied so the report keeps '
        "its meaning when indicators change.",
        verbose_name=_("resultaten per indicator"),
    )
    obstacles = models.TextField(blank=True, help_text="What got in the way.", verbose_name=_("wat in de weg zat"))
    structural_barriers = models.TextField(
        blank=True,
        help_text="Structural barriers seen (rules, costs, access) that a municipality or the state should solve.",
        verbose_name=_("structurele drempels"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who filed the report.",
        verbose_name=_("ingediend door"),
    )
    created_at = models.DateTimeField(
        auto_now_add=True, help_text="When it was stored.", verbose_name=_("opgeslagen op")
    )

    class Meta:
        verbose_name = _("voortgangsverslag")
        verbose_name_plural = _("voortgangsverslagen")
        ordering = ["commitment", "-year"]
        constraints = [models.UniqueConstraint(fields=["commitment", "year"], name="one_report_per_commitment_year")]

    def __str__(self) -> str:
        return f"{self.commitment} — {self.year}"
