"""Referrals with their history, barriers, notifications, feedback, and the anonymous record
that survives a concern's erasure."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.municipalities.models import Municipality
from kansrijk.organisations.models import Organisation
from kansrijk.referrals.constants import (
    BarrierCategory,
    DeclineReason,
    FamilyAnswer,
    Status,
)

if TYPE_CHECKING:
    pass
from kansrijk.referrals.models.concerns import Concern, Consent, user_field


class Referral(models.Model):
    """A concern referred to one service of the social map; its status follows `workflow.TRANSITIONS`."""

    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, help_text="Identifier.", verbose_name=_("id")
    )
    concern = models.ForeignKey(
        Concern, on_delete=models.CASCADE, related_name="referrals", help_text="The concern.", verbose_name=_("zorg")
    )
    service = models.ForeignKey(
        "socialmap.Service",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        help_text="The service (HSDS id) the children are referred to.",
        verbose_name=_("hulpaanbod"),
    )
    service_name = models.CharField(
        max_length=255,
        help_text="Name of the service when the referral was made.",
        verbose_name=_("naam van het hulpaanbod"),
    )
    receiver = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="referrals_received",
        help_text="The organisation offering the service; its members answer the referral.",
        verbose_name=_("ontvanger"),
    )
    referrer = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="referrals_sent",
        help_text="The organisation that owns the concern (copied for fast lists).",
        verbose_name=_("verwijzer"),
    )
    consent = models.ForeignKey(
        Consent,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        help_text="The consent the referral was made under.",
        verbose_name=_("toestemming"),
    )
    note = models.TextField(
        blank=True, default="", help_text="Note of the referrer for the receiver.", verbose_name=_("notitie")
    )
    status = models.CharField(
        max_length=12,
        choices=Status.choices,
        default=Status.SENT,
        help_text="Current status.",
        verbose_name=_("status"),
    )
    version = models.PositiveIntegerField(
        default=1, help_text="Raised by every step (optimistic locking).", verbose_name=_("versie")
    )
    created_by = user_field("The professional who made the referral.", verbose_name=_("verwezen door"))
    created_at = models.DateTimeField(
        default=timezone.now, help_text="When the referral was sent.", verbose_name=_("verstuurd op")
    )
    status_changed_at = models.DateTimeField(
        default=timezone.now, help_text="When the status last changed.", verbose_name=_("status gewijzigd op")
    )
    reminded_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the receiver was reminded (unanswered).",
        verbose_name=_("herinnering gestuurd op"),
    )
    delivered_what = models.TextField(
        blank=True, default="", help_text="The help delivered (when done).", verbose_name=_("geleverde hulp")
    )
    delivered_amount_cents = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Amount of the help delivered, in whole euro cents, if any.",
        verbose_name=_("bedrag van de hulp"),
    )
    decline_reason = models.CharField(
        max_length=20,
        choices=DeclineReason.choices,
        blank=True,
        default="",
        help_text="Coded reason when declined (empty otherwise); the free text is in the declining step's reason.",
        verbose_name=_("reden van afwijzen"),
    )

    class Meta:
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["receiver", "status", "-created_at", "-id"], name="referrals_in_status"),
            models.Index(fields=["receiver", "-created_at", "-id"], name="referrals_in"),
            models.Index(fields=["referrer", "status", "-created_at", "-id"], name="referrals_out_status"),
            models.Index(fields=["referrer", "-created_at", "-id"], name="referrals_out"),
            models.Index(fields=["status", "created_at"], name="referrals_status_age"),
        ]

    def __str__(self) -> str:
        return f"Verwijzing {self.pk}"


class ReferralStep(models.Model):
    """One step in a referral's history: who moved it from which status to which, when and why."""

    referral = models.ForeignKey(
        Referral,
        on_delete=models.CASCADE,
        related_name="steps",
        help_text="The referral.",
        verbose_name=_("verwijzing"),
    )
    from_status = models.CharField(
        max_length=12, blank=True, default="", help_text="Status before ('' when sent).", verbose_name=_("oude status")
    )
    to_status = models.CharField(
        max_length=12, choices=Status.choices, help_text="Status after the step.", verbose_name=_("nieuwe status")
    )
    actor = user_field("Who took the step; empty for the system.", verbose_name=_("gezet door"))
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="On behalf of which organisation the step was taken.",
        verbose_name=_("namens organisatie"),
    )
    reason = models.TextField(
        blank=True, default="", help_text="Reason or explanation of the step.", verbose_name=_("reden")
    )
    at = models.DateTimeField(default=timezone.now, help_text="When the step was taken.", verbose_name=_("tijdstip"))

    class Meta:
        verbose_name = _("stap van een verwijzing")
        verbose_name_plural = _("stappen van verwijzingen")
        ordering = ["referral", "at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} → {self.to_status}"


class Barrier(models.Model):
    """A structural barrier noticed on the way ('the fee is covered, the bus is not')."""

    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, help_text="Identifier.", verbose_name=_("id")
    )
    referral = models.ForeignKey(
        Referral,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="barriers",
        help_text="The referral where it was noticed; emptied when the concern is erased.",
        verbose_name=_("verwijzing"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Municipality the barrier is about.",
        verbose_name=_("gemeente"),
    )
    category = models.CharField(
        max_length=12, choices=BarrierCategory.choices, help_text="Kind of barrier.", verbose_name=_("soort drempel")
    )
    description = models.TextField(
        blank=True, default="", help_text="What the barrier is (emptied at erasure).", verbose_name=_("beschrijving")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The organisation that reported it.",
        verbose_name=_("gemeld door organisatie"),
    )
    created_by = user_field("Who reported it (emptied at erasure).", verbose_name=_("gemeld door"))
    created_at = models.DateTimeField(
        default=timezone.now,
        help_text="When it was reported (at erasure: only the month is kept, as its first day).",
        verbose_name=_("gemeld op"),
    )

    class Meta:
        verbose_name = _("drempel")
        verbose_name_plural = _("drempels")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["municipality", "category"], name="referrals_barrier_muni")]

    def __str__(self) -> str:
        return self.get_category_display()


class Notification(models.Model):
    """An in-app message for an organisation about a referral; the child only as initials and age."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The organisation it is for.",
        verbose_name=_("organisatie"),
    )
    referral = models.ForeignKey(
        Referral,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        help_text="The referral it is about.",
        verbose_name=_("verwijzing"),
    )
    message = models.CharField(
        max_length=255,
        help_text="The message; names the child by initials and age only, never by name.",
        verbose_name=_("bericht"),
    )
    created_at = models.DateTimeField(default=timezone.now, help_text="When it was made.", verbose_name=_("gemaakt op"))

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "-created_at"], name="referrals_notification_org")]

    def __str__(self) -> str:
        return self.message


class Feedback(models.Model):
    """The family's and the child's own answer after the help: did it help?"""

    referral = models.OneToOneField(
        Referral,
        on_delete=models.CASCADE,
        related_name="feedback",
        help_text="The referral that was done.",
        verbose_name=_("verwijzing"),
    )
    family_answer = models.CharField(
        max_length=8,
        choices=FamilyAnswer.choices,
        help_text="Did it help the family?",
        verbose_name=_("antwoord van het gezin"),
    )
    child_score = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="The child's own smiley, 1 (sad) to 5 (very happy).",
        verbose_name=_("score van het kind"),
    )
    comment = models.TextField(
        blank=True, default="", help_text="What the family or child said.", verbose_name=_("opmerking")
    )
    recorded_by = user_field("Who recorded the feedback.", verbose_name=_("vastgelegd door"))
    recorded_at = models.DateTimeField(
        default=timezone.now, help_text="When it was recorded.", verbose_name=_("vastgelegd op")
    )

    class Meta:
        verbose_name = _("terugkoppeling")
        verbose_name_plural = _("terugkoppelingen")

    def __str__(self) -> str:
        return self.get_family_answer_display()


class ConcernRecord(models.Model):
    """What remains of an erased concern: anonymous facts for statistics only.

    Nothing in it leads back to the concern, a child, a family or a professional: a fresh
    random id (never the concern's), the year only (no dates or times that could be matched
    with the audit trail or the erasure log), organisations and services (no people), and
    codes and counts (no free text). See ADR 0011.
    """

    id = models.UUIDField(
        primary_key=True,
        default=uuid.uuid4,
        editable=False,
        help_text="Random identifier, unrelated to the erased concern.",
        verbose_name=_("id"),
    )
    municipality_code = models.CharField(
        max_length=6,
        db_index=True,
        help_text="CBS code of the municipality.",
        verbose_name=_("CBS-code van de gemeente"),
    )
    year = models.PositiveSmallIntegerField(
        db_index=True, help_text="Year the concern was raised.", verbose_name=_("jaar")
    )
    organisation_id = models.UUIDField(
        help_text="The organisation that raised the concern.", verbose_name=_("id van de organisatie")
    )
    children_count = models.PositiveSmallIntegerField(
        help_text="Number of children.", verbose_name=_("aantal kinderen")
    )
    signs = models.JSONField(default=list, help_text="Codes of the signs observed.", verbose_name=_("signalen"))
    referral_statuses = models.JSONField(
        default=dict, help_text="Number of referrals per final status.", verbose_name=_("verwijzingen per status")
    )
    service_ids = models.JSONField(
        default=list, help_text="HSDS ids of the services referred to.", verbose_name=_("ids van het hulpaanbod")
    )
    receiver_ids = models.JSONField(
        default=list, help_text="Ids of the organisations referred to.", verbose_name=_("ids van de ontvangers")
    )
    days_to_help = models.JSONField(
        default=list, help_text="Days from sent to done, per referral that was done.", verbose_name=_("dagen tot hulp")
    )
    decline_reasons = models.JSONField(
        default=dict,
        blank=True,
        help_text="Number of declined referrals per coded decline reason.",
        verbose_name=_("afwijzingen per reden"),
    )
    feedback = models.JSONField(
        default=list, help_text="Family answers and child scores, without comments.", verbose_name=_("terugkoppeling")
    )

    class Meta:
        verbose_name = _("anonieme zorg")
        verbose_name_plural = _("anonieme zorgen")
        ordering = ["-year", "municipality_code"]

    def __str__(self) -> str:
        return f"{self.municipality_code} {self.year}"
