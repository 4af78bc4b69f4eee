"""Erasing personal data of closed concerns after the retention period.

`concern_erase` is the one place that removes a concern's personal data. Kansrijk keeps no
search index and no files for concerns or referrals today; if one is ever added, clear it
here, inside the same transaction or (for files) on commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import Count

from kansrijk.accounts.models import User
from kansrijk.audit.services import record
from kansrijk.referrals import selectors
from kansrijk.referrals.constants import OPEN_STATUSES, Status
from kansrijk.referrals.models import Barrier, Concern, ConcernRecord, Feedback, Referral


class RetentionError(Exception):
    """A concern that may not be erased yet (it still has open referrals)."""


def _days_to_help(referrals: list[Referral]) -> list[int]:
    return [max((r.status_changed_at - r.created_at).days, 0) for r in referrals if r.status == Status.DONE]


def concern_erase(*, actor: User | None, concern: Concern) -> ConcernRecord:
    """Replace a closed concern by an anonymous record and delete everything personal about it:
    children, note, wishes, consents, referrals, their history, notifications and feedback;
    barriers stay for the municipality's counts, without their text and without the link."""
    with transaction.atomic():
        concern = Concern.objects.select_for_update().get(pk=concern.pk)
        referrals = list(Referral.objects.filter(concern=concern))
        if any(r.status in OPEN_STATUSES for r in referrals):
            raise RetentionError("This concern still has open referrals.")
        feedback = list(Feedback.objects.filter(referral__concern=concern).values("family_answer", "child_score"))
        statuses = dict(
            Referral.objects.filter(concern=concern).values_list("status").annotate(n=Count("id")).order_by()
        )
        anonymous = ConcernRecord.objects.create(
            concern_id=concern.pk,
            municipality_code=concern.municipality_id,
            year=concern.created_at.year,
            organisation_id=concern.organisation_id,
            children_count=concern.children.count(),
            signs=list(concern.signs),
            referral_statuses=statuses,
            service_ids=sorted({str(r.service_id) for r in referrals if r.service_id}),
            receiver_ids=sorted({str(r.receiver_id) for r in referrals}),
            days_to_help=_days_to_help(referrals),
            feedback=feedback,
        )
        Barrier.objects.filter(referral__concern=concern).update(referral=None, description="")
        concern_id = str(concern.pk)
        concern.delete()
        record(
            actor=actor,
            action="concern.erase",
            object_type="referrals.concern",
            object_id=concern_id,
            detail={"referrals": len(referrals), "record": anonymous.pk},
            actor_label="" if actor else "retention",
        )
    return anonymous


@dataclass
class RetentionResult:
    due: list[Concern]
    erased: int


def retention_run(*, dry_run: bool, now: datetime | None = None) -> RetentionResult:
    """Erase (or with `dry_run` only list) every concern past its retention period."""
    due = list(selectors.concern_list_due_for_erasure(now=now))
    erased = 0
    if not dry_run:
        for concern in due:
            concern_erase(actor=None, concern=concern)
            erased += 1
    return RetentionResult(due=due, erased=erased)
