"""Concerns about children, consent, referrals with their history, barriers and feedback.

Personal data lives in `Concern`, `Child`, `Consent`, `Referral` (note, delivered help),
`ReferralStep.reason`, `Barrier.description` and `Feedback.comment`; `retention.concern_erase`
removes it after the retention period and leaves one anonymous `ConcernRecord`.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from kansrijk.municipalities.models import Municipality
from kansrijk.organisations.models import Organisation
from kansrijk.referrals.constants import (
    DEFAULT_CONSENT_DAYS,
    BarrierCategory,
    CloseReason,
    ConsentMethod,
    DeclineReason,
    FamilyAnswer,
    GivenBy,
    School,
    Status,
)

USER = settings.AUTH_USER_MODEL


def _user(help_text: str, related_name: str = "+") -> Any:
    return models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name=related_name, help_text=help_text
    )


class Concern(models.Model):
    """A professional's worry about a child or the children of one family."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False, help_text="Identifier.")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="concerns",
        help_text="The organisation of the professional who raised the concern; it owns the concern.",
    )
    created_by = _user("The professional who raised the concern.")
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", help_text="Municipality the family lives in."
    )
    signs = models.JSONField(default=list, blank=True, help_text="Codes of the signs of poverty observed.")
    note = models.TextField(blank=True, default="", help_text="Free note of the professional (no BSN, no address).")
    wishes = models.JSONField(
        default=list,
        blank=True,
        help_text="The children's own wishes: a list of {child (index or null), need (need code or ''), text}.",
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True, help_text="When the concern was raised.")
    last_activity_at = models.DateTimeField(
        default=timezone.now, db_index=True, help_text="Last change to the concern or its referrals (for retention)."
    )
    closed_at = models.DateTimeField(null=True, blank=True, help_text="When the concern was closed; empty while open.")
    closed_by = _user("The professional who closed the concern.")
    close_reason = models.CharField(
        max_length=20, choices=CloseReason.choices, blank=True, default="", help_text="Coded reason for closing."
    )
    close_note = models.TextField(blank=True, default="", help_text="Optional explanation of the closing (no BSN).")

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "-created_at"], name="referrals_concern_org")]

    def __str__(self) -> str:
        return f"Zorg {self.pk}"


class Child(models.Model):
    """One child of a concern: only what the rules and the receiver need."""

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="children", help_text="The concern.")
    position = models.PositiveSmallIntegerField(default=0, help_text="Order within the concern, from 0.")
    first_name = models.CharField(max_length=40, help_text="First name or initials; never a full name.")
    birth_year = models.PositiveSmallIntegerField(help_text="Year of birth (when only an age was given: derived).")
    age = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Age as given, if an age was given.")
    school = models.CharField(max_length=12, choices=School.choices, help_text="Kind of school the child goes to.")

    class Meta:
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

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False, help_text="Identifier.")
    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="consents", help_text="The concern.")
    given_by = models.CharField(max_length=14, choices=GivenBy.choices, help_text="Who gave consent.")
    purpose = models.TextField(help_text="What the data may be shared for.")
    method = models.CharField(max_length=12, choices=ConsentMethod.choices, help_text="How consent was given.")
    organisations = models.ManyToManyField(
        Organisation, related_name="referral_consents", help_text="Organisations the concern may be shared with."
    )
    given_at = models.DateTimeField(default=timezone.now, help_text="When consent was given.")
    recorded_by = _user("The professional who recorded the consent.")
    expires_at = models.DateTimeField(
        default=consent_default_expiry,
        help_text="When consent ends (by default CONSENT_DEFAULT_DAYS after it was given); expired is not valid.",
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True, help_text="When consent was withdrawn; empty if valid.")
    withdrawn_by = _user("The professional who recorded the withdrawal.")

    class Meta:
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


class Referral(models.Model):
    """A concern referred to one service of the social map; its status follows `workflow.TRANSITIONS`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False, help_text="Identifier.")
    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="referrals", help_text="The concern.")
    service = models.ForeignKey(
        "socialmap.Service",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        help_text="The service (HSDS id) the children are referred to.",
    )
    service_name = models.CharField(max_length=255, help_text="Name of the service when the referral was made.")
    receiver = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="referrals_received",
        help_text="The organisation offering the service; its members answer the referral.",
    )
    referrer = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="referrals_sent",
        help_text="The organisation that owns the concern (copied for fast lists).",
    )
    consent = models.ForeignKey(
        Consent,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        help_text="The consent the referral was made under.",
    )
    note = models.TextField(blank=True, default="", help_text="Note of the referrer for the receiver.")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SENT, help_text="Current status.")
    version = models.PositiveIntegerField(default=1, help_text="Raised by every step (optimistic locking).")
    created_by = _user("The professional who made the referral.")
    created_at = models.DateTimeField(default=timezone.now, help_text="When the referral was sent.")
    status_changed_at = models.DateTimeField(default=timezone.now, help_text="When the status last changed.")
    reminded_at = models.DateTimeField(null=True, blank=True, help_text="When the receiver was reminded (unanswered).")
    delivered_what = models.TextField(blank=True, default="", help_text="The help delivered (when done).")
    delivered_amount_cents = models.PositiveIntegerField(
        null=True, blank=True, help_text="Amount of the help delivered, in whole euro cents, if any."
    )
    decline_reason = models.CharField(
        max_length=20,
        choices=DeclineReason.choices,
        blank=True,
        default="",
        help_text="Coded reason when declined (empty otherwise); the free text is in the declining step's reason.",
    )

    class Meta:
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

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="steps", help_text="The referral.")
    from_status = models.CharField(max_length=12, blank=True, default="", help_text="Status before ('' when sent).")
    to_status = models.CharField(max_length=12, choices=Status.choices, help_text="Status after the step.")
    actor = _user("Who took the step; empty for the system.")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="On behalf of which organisation the step was taken.",
    )
    reason = models.TextField(blank=True, default="", help_text="Reason or explanation of the step.")
    at = models.DateTimeField(default=timezone.now, help_text="When the step was taken.")

    class Meta:
        ordering = ["referral", "at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} → {self.to_status}"


class Barrier(models.Model):
    """A structural barrier noticed on the way ('the fee is covered, the bus is not')."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False, help_text="Identifier.")
    referral = models.ForeignKey(
        Referral,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="barriers",
        help_text="The referral where it was noticed; emptied when the concern is erased.",
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", help_text="Municipality the barrier is about."
    )
    category = models.CharField(max_length=12, choices=BarrierCategory.choices, help_text="Kind of barrier.")
    description = models.TextField(blank=True, default="", help_text="What the barrier is (emptied at erasure).")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", help_text="The organisation that reported it."
    )
    created_by = _user("Who reported it (emptied at erasure).")
    created_at = models.DateTimeField(
        default=timezone.now, help_text="When it was reported (at erasure: only the month is kept, as its first day)."
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["municipality", "category"], name="referrals_barrier_muni")]

    def __str__(self) -> str:
        return self.get_category_display()


class Notification(models.Model):
    """An in-app message for an organisation about a referral; the child only as initials and age."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", help_text="The organisation it is for."
    )
    referral = models.ForeignKey(
        Referral,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        help_text="The referral it is about.",
    )
    message = models.CharField(
        max_length=255, help_text="The message; names the child by initials and age only, never by name."
    )
    created_at = models.DateTimeField(default=timezone.now, help_text="When it was made.")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "-created_at"], name="referrals_notification_org")]

    def __str__(self) -> str:
        return self.message


class Feedback(models.Model):
    """The family's and the child's own answer after the help: did it help?"""

    referral = models.OneToOneField(
        Referral, on_delete=models.CASCADE, related_name="feedback", help_text="The referral that was done."
    )
    family_answer = models.CharField(max_length=8, choices=FamilyAnswer.choices, help_text="Did it help the family?")
    child_score = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The child's own smiley, 1 (sad) to 5 (very happy)."
    )
    comment = models.TextField(blank=True, default="", help_text="What the family or child said.")
    recorded_by = _user("Who recorded the feedback.")
    recorded_at = models.DateTimeField(default=timezone.now, help_text="When it was recorded.")

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
    )
    municipality_code = models.CharField(max_length=6, db_index=True, help_text="CBS code of the municipality.")
    year = models.PositiveSmallIntegerField(db_index=True, help_text="Year the concern was raised.")
    organisation_id = models.UUIDField(help_text="The organisation that raised the concern.")
    children_count = models.PositiveSmallIntegerField(help_text="Number of children.")
    signs = models.JSONField(default=list, help_text="Codes of the signs observed.")
    referral_statuses = models.JSONField(default=dict, help_text="Number of referrals per final status.")
    service_ids = models.JSONField(default=list, help_text="HSDS ids of the services referred to.")
    receiver_ids = models.JSONField(default=list, help_text="Ids of the organisations referred to.")
    days_to_help = models.JSONField(default=list, help_text="Days from sent to done, per referral that was done.")
    decline_reasons = models.JSONField(
        default=dict, blank=True, help_text="Number of declined referrals per coded decline reason."
    )
    feedback = models.JSONField(default=list, help_text="Family answers and child scores, without comments.")

    class Meta:
        ordering = ["-year", "municipality_code"]

    def __str__(self) -> str:
        return f"{self.municipality_code} {self.year}"
