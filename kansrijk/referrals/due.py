"""What background work finds due: referrals to remind, expired consents with open referrals,
concerns past their retention period. Reads without an acting user (tasks and commands)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from kansrijk.referrals.constants import (
    DEFAULT_RETENTION_DAYS,
    OPEN_STATUSES,
    REMINDER_WORKING_DAYS,
    Status,
)
from kansrijk.referrals.models import Concern, Consent, Referral


def referral_queryset() -> QuerySet[Referral]:
    """Referrals with the organisations, consent, service and author every read shows."""
    return Referral.objects.select_related("receiver", "referrer", "consent", "service", "created_by")


def working_days_before(day: date, days: int) -> date:
    """The date `days` working days (Mon-Fri) before `day`; public holidays are not skipped."""
    while days > 0:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def referral_list_due_for_reminder(*, now: datetime | None = None) -> QuerySet[Referral]:
    """Referrals still `sent` after 10 working days whose receiver was not reminded yet."""
    today = timezone.localdate(now or timezone.now())
    cutoff = working_days_before(today, REMINDER_WORKING_DAYS)
    return referral_queryset().filter(status=Status.SENT, reminded_at__isnull=True, created_at__date__lte=cutoff)


def consent_list_expired_with_open_referrals(*, now: datetime | None = None) -> QuerySet[Consent]:
    """Consents past their end date (not withdrawn) under which a referral is still open."""
    open_referrals = Referral.objects.filter(consent=OuterRef("pk"), status__in=OPEN_STATUSES)
    return (
        Consent.objects.filter(withdrawn_at__isnull=True, expires_at__lte=now or timezone.now())
        .filter(Exists(open_referrals))
        .select_related("concern")
        .order_by("expires_at")
    )


def retention_days() -> int:
    return int(getattr(settings, "REFERRALS_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def concern_list_due_for_erasure(*, now: datetime | None = None) -> QuerySet[Concern]:
    """Closed concerns (no open referral) without activity for the retention period."""
    cutoff = (now or timezone.now()) - timedelta(days=retention_days())
    open_referrals = Referral.objects.filter(concern=OuterRef("pk"), status__in=OPEN_STATUSES)
    return Concern.objects.filter(last_activity_at__lt=cutoff).exclude(Exists(open_referrals)).order_by("created_at")
