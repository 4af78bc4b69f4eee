"""One step of a referral: its status changed under optimistic locking, the step row, the
anonymous fact and the concern touched, inside the caller's transaction."""

from __future__ import annotations

import uuid

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.accounts.models import User
from kansrijk.core.errors import Conflict
from kansrijk.referrals import facts_written
from kansrijk.referrals.constants import (
    Status,
)
from kansrijk.referrals.models import (
    Concern,
    Referral,
    ReferralStep,
)
from kansrijk.referrals.retention import concern_erasures_replay as concern_erasures_replay  # backups' replay
from kansrijk.referrals.retention import retention_run as retention_run  # the retention command


def step(
    referral: Referral,
    *,
    target: str,
    actor: User | None,
    organisation_id: uuid.UUID,
    reason: str = "",
    reason_code: str = "",
    delivered_what: str = "",
    amount_cents: int | None = None,
) -> None:
    """Move the referral with a conditional UPDATE on (status, version); write its history row."""
    now = timezone.now()
    fields: dict[str, object] = {"status": target, "version": F("version") + 1, "status_changed_at": now}
    if target == Status.DONE:
        fields.update(delivered_what=delivered_what, delivered_amount_cents=amount_cents)
    if reason_code:
        fields["decline_reason"] = reason_code
    updated = Referral.objects.filter(pk=referral.pk, status=referral.status, version=referral.version).update(**fields)
    if updated != 1:
        raise Conflict(_("Iemand anders heeft deze verwijzing net veranderd. Laad de pagina opnieuw."), "to")
    ReferralStep.objects.create(
        referral=referral,
        from_status=referral.status,
        to_status=target,
        actor=actor,
        organisation_id=organisation_id,
        reason=reason,
        at=now,
    )
    touch(referral.concern_id, now)
    referral.status, referral.version, referral.status_changed_at = target, referral.version + 1, now
    if target == Status.DONE:
        referral.delivered_what, referral.delivered_amount_cents = delivered_what, amount_cents
    if reason_code:
        referral.decline_reason = reason_code
    facts_written.referral_fact_write(referral, target)


def touch(concern_id: uuid.UUID, when: object = None) -> None:
    Concern.objects.filter(pk=concern_id).update(last_activity_at=when or timezone.now())
