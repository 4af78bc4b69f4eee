"""Erasing personal data of closed concerns after the retention period.

`concern_erase` is the one place that removes a concern's personal data. What stays is
anonymous and leads back to nothing (ADR 0011): one `ConcernRecord` with a fresh id, and the
concern's barriers as new rows without referral, text or reporter and with the month only.
Each erasure is appended to the erasure log (outside the database) on commit, so that
`kansrijk restore` can erase again what an older backup brings back (`concern_erasures_replay`).

Kansrijk keeps no search index and no files for concerns or referrals today; if one is ever
added, clear it here, inside the same transaction or (for files) on commit.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial

from django.db import transaction
from django.db.models import Count

from kansrijk.accounts.models import User
from kansrijk.audit.services import record
from kansrijk.core import erasure_log
from kansrijk.core.errors import Conflict
from kansrijk.referrals import selectors
from kansrijk.referrals.constants import CONCERN_MODEL, OPEN_STATUSES, Status
from kansrijk.referrals.models import Barrier, Concern, ConcernRecord, Feedback, Referral


def _days_to_help(referrals: list[Referral]) -> list[int]:
    return [max((r.status_changed_at - r.created_at).days, 0) for r in referrals if r.status == Status.DONE]


def _decline_reasons(referrals: list[Referral]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for referral in referrals:
        if referral.status == Status.DECLINED and referral.decline_reason:
            counts[referral.decline_reason] = counts.get(referral.decline_reason, 0) + 1
    return counts


def _month(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _anonymous_record(concern: Concern, referrals: list[Referral]) -> ConcernRecord:
    feedback = list(Feedback.objects.filter(referral__concern=concern).values("family_answer", "child_score"))
    statuses = dict(Referral.objects.filter(concern=concern).values_list("status").annotate(n=Count("id")).order_by())
    return ConcernRecord.objects.create(
        municipality_code=concern.municipality_id,
        year=concern.created_at.year,
        organisation_id=concern.organisation_id,
        children_count=concern.children.count(),
        signs=list(concern.signs),
        referral_statuses=statuses,
        service_ids=sorted({str(r.service_id) for r in referrals if r.service_id}),
        receiver_ids=sorted({str(r.receiver_id) for r in referrals}),
        days_to_help=_days_to_help(referrals),
        decline_reasons=_decline_reasons(referrals),
        feedback=feedback,
    )


def _anonymise_barriers(concern: Concern) -> int:
    """Barriers stay for the municipality's counts as new rows: a fresh id (the old one is in the
    audit trail beside the reporter and the referral), no referral, no text, no reporter, the month."""
    old = list(Barrier.objects.filter(referral__concern=concern))
    Barrier.objects.filter(pk__in=[b.pk for b in old]).delete()
    Barrier.objects.bulk_create(
        Barrier(
            municipality_id=b.municipality_id,
            category=b.category,
            organisation_id=b.organisation_id,
            created_at=_month(b.created_at),
        )
        for b in old
    )
    return len(old)


def concern_erase(*, actor: User | None, concern: Concern, replay: bool = False) -> ConcernRecord:
    """Replace a closed concern by an anonymous record and delete everything personal about it:
    children, note, wishes, consents, referrals, their history, notifications and feedback;
    barriers stay for the municipality's counts, without anything that leads back.

    `replay` is for `kansrijk restore`: the erasure was decided before (it is in the erasure
    log), so open referrals in the restored copy do not stop it and it is not logged again."""
    with transaction.atomic():
        concern = Concern.objects.select_for_update().get(pk=concern.pk)
        referrals = list(Referral.objects.filter(concern=concern))
        if not replay and any(r.status in OPEN_STATUSES for r in referrals):
            raise Conflict("This concern still has open referrals.")
        anonymous = _anonymous_record(concern, referrals)
        barriers = _anonymise_barriers(concern)
        concern_id = str(concern.pk)
        concern.delete()
        record(
            actor=actor,
            action="concern.erase",
            object_type=CONCERN_MODEL,
            object_id=concern_id,
            detail={"referrals": len(referrals), "barriers": barriers, "replayed": replay},
            actor_label="" if actor else ("restore" if replay else "retention"),
        )
        if not replay:
            transaction.on_commit(partial(erasure_log.append, model=CONCERN_MODEL, object_id=concern_id))
    return anonymous


def concern_erasures_replay(*, concern_ids: Iterable[str]) -> int:
    """Erase again every listed concern that still exists (after a restore); returns how many."""
    wanted: list[uuid.UUID] = []
    for value in concern_ids:
        try:
            wanted.append(uuid.UUID(value))
        except ValueError:
            continue
    replayed = 0
    for start in range(0, len(wanted), 500):
        for concern in Concern.objects.filter(pk__in=wanted[start : start + 500]):
            concern_erase(actor=None, concern=concern, replay=True)
            replayed += 1
    return replayed


@dataclass
class RetentionResult:
    due: list[Concern]
    erased: int


def retention_run(*, dry_run: bool, now: datetime | None = None) -> RetentionResult:
    """Erase (or with `dry_run` only list) every concern past its retention period. Refuses to
    start when the erasure log cannot be written: an unlogged erasure would come back with a restore."""
    due = list(selectors.concern_list_due_for_erasure(now=now))
    erased = 0
    if not dry_run:
        if due:
            try:
                erasure_log.check_writable()
            except erasure_log.ErasureLogError as error:
                raise erasure_log.ErasureLogError(f"Nothing was erased: {error}") from error
        for concern in due:
            concern_erase(actor=None, concern=concern)
            erased += 1
    return RetentionResult(due=due, erased=erased)
