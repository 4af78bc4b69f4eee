"""Writes that end and restart a concern: close it with a coded reason, reopen it.

Split from `services.py` (same rules: keyword-only, atomic, audited inside the transaction).
Decision (ADR 0017): a concern with open referrals cannot be closed. The professional first
withdraws them or waits for the answer; closing never ends someone else's work silently."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansrijk.accounts.models import User
from kansrijk.audit.services import record
from kansrijk.core.errors import Conflict, InvalidInput
from kansrijk.referrals.constants import OPEN_STATUSES, CloseReason
from kansrijk.referrals.models import Concern, Referral
from kansrijk.referrals.services import clean_text, require_member


def concern_close(*, actor: User, concern: Concern, reason: str, note: str = "") -> Concern:
    """Close the concern with a reason from `CloseReason` and optional text; refused while referrals are open."""
    require_member(actor, concern.organisation_id)
    if reason not in CloseReason.values:
        raise InvalidInput(_("Kies waarom je de zorg afsluit."), "close_reason")
    note = clean_text("close_note", note)
    with transaction.atomic():
        locked = Concern.objects.select_for_update().get(pk=concern.pk)
        if locked.closed_at is not None:
            raise Conflict(_("Deze zorg is al afgesloten."), "close_reason")
        open_count = Referral.objects.filter(concern=locked, status__in=OPEN_STATUSES).count()
        if open_count:
            raise Conflict(
                ngettext(
                    "Er loopt nog %(n)s verwijzing. Trek die eerst in of wacht op het antwoord.",
                    "Er lopen nog %(n)s verwijzingen. Trek die eerst in of wacht op het antwoord.",
                    open_count,
                )
                % {"n": open_count},
                "close_reason",
            )
        now = timezone.now()
        Concern.objects.filter(pk=locked.pk).update(
            closed_at=now, closed_by=actor, close_reason=reason, close_note=note.strip(), last_activity_at=now
        )
        record(actor=actor, action="concern.close", obj=locked, detail={"reason": reason})
    concern.refresh_from_db()
    return concern


def concern_reopen(*, actor: User, concern: Concern) -> Concern:
    """Open a closed concern again (the closing reason is kept in the audit trail, not on the concern)."""
    require_member(actor, concern.organisation_id)
    with transaction.atomic():
        locked = Concern.objects.select_for_update().get(pk=concern.pk)
        if locked.closed_at is None:
            raise Conflict(_("Deze zorg is niet afgesloten."))
        record(actor=actor, action="concern.reopen", obj=locked, detail={"was_closed_for": locked.close_reason})
        Concern.objects.filter(pk=locked.pk).update(
            closed_at=None, closed_by=None, close_reason="", close_note="", last_activity_at=timezone.now()
        )
    concern.refresh_from_db()
    return concern
