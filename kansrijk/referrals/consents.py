"""Consent: given, withdrawn or expired. Withdrawing or expiring it withdraws every open
referral made under it, in the same transaction, audited."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.accounts.models import User
from kansrijk.audit.services import record
from kansrijk.core.errors import Conflict, InvalidInput
from kansrijk.organisations.models import Organisation
from kansrijk.referrals import selectors
from kansrijk.referrals.checks import clean_text, require_member, require_open
from kansrijk.referrals.constants import (
    CONSENT_AGE,
    CONSENT_EXPIRED_REASON,
    CONSENT_WITHDRAWN_REASON,
    OPEN_STATUSES,
    ConsentMethod,
    GivenBy,
    Status,
)
from kansrijk.referrals.models import (
    Concern,
    Consent,
    Referral,
    consent_days,
)
from kansrijk.referrals.notices import receiver_emails, tell
from kansrijk.referrals.retention import concern_erasures_replay as concern_erasures_replay  # backups' replay
from kansrijk.referrals.retention import retention_run as retention_run  # the retention command
from kansrijk.referrals.steps import step, touch
from kansrijk.referrals.validation import age_range


def _check_consenter(concern: Concern, given_by: str) -> None:
    this_year = timezone.localdate().year
    ranges = [
        age_range(birth_year=c.birth_year, age=c.age, this_year=this_year, given_year=concern.created_at.year)
        for c in concern.children.all()
    ]
    if given_by == GivenBy.YOUNG_PERSON:
        if len(ranges) != 1 or ranges[0].high < CONSENT_AGE:
            raise InvalidInput(
                _(
                    "Een jongere geeft zelf toestemming vanaf 16 jaar. Voor jongere kinderen geeft de ouder of "
                    "voogd toestemming."
                ),
                "given_by",
            )
    elif any(r.low >= CONSENT_AGE for r in ranges):
        raise InvalidInput(
            _("Een kind in deze melding is 16 jaar of ouder. Die jongere geeft zelf toestemming."), "given_by"
        )


def consent_create(
    *,
    actor: User,
    concern: Concern,
    given_by: str,
    purpose: str,
    method: str,
    organisation_ids: Iterable[uuid.UUID | str],
    expires_on: date | None = None,
) -> Consent:
    """Record consent; it ends after `expires_on` (inclusive) or, by default, CONSENT_DEFAULT_DAYS from now."""
    require_member(actor, concern.organisation_id)
    require_open(concern)
    expires_at = _consent_end(expires_on)
    if given_by not in GivenBy.values:
        raise InvalidInput(_("Kies wie toestemming gaf."), "given_by")
    if method not in ConsentMethod.values:
        raise InvalidInput(_("Kies hoe de toestemming is gegeven."), "method")
    purpose = clean_text("purpose", purpose)
    if not purpose:
        raise InvalidInput(_("Schrijf op waarvoor de gegevens gedeeld mogen worden."), "purpose")
    try:
        ids = {uuid.UUID(str(value)) for value in organisation_ids}
    except ValueError as error:
        raise InvalidInput(_("Een van de organisaties bestaat niet."), "organisations") from error
    organisations = list(Organisation.objects.filter(pk__in=ids))
    if not ids or len(organisations) != len(ids):
        raise InvalidInput(_("Kies de organisaties waarmee gedeeld mag worden."), "organisations")
    _check_consenter(concern, given_by)
    with transaction.atomic():
        consent = Consent.objects.create(
            concern=concern,
            given_by=given_by,
            purpose=purpose,
            method=method,
            recorded_by=actor,
            expires_at=expires_at,
        )
        consent.organisations.set(organisations)
        touch(concern.pk)
        record(
            actor=actor,
            action="consent.create",
            obj=consent,
            detail={
                "concern": str(concern.pk),
                "organisations": sorted(str(o.pk) for o in organisations),
                "given_by": given_by,
                "method": method,
                "expires_at": expires_at.isoformat(),
            },
        )
    return consent


def _consent_end(expires_on: date | None) -> datetime:
    """The end of consent: the end of `expires_on` (local time), or the default period from now."""
    if expires_on is None:
        return timezone.now() + timedelta(days=consent_days())
    if expires_on <= timezone.localdate():
        raise InvalidInput(_("De einddatum van de toestemming moet na vandaag liggen."), "expires_on")
    return timezone.make_aware(datetime.combine(expires_on + timedelta(days=1), time.min))


def consent_withdraw(*, actor: User, consent: Consent) -> list[Referral]:
    """Withdraw consent: sharing stops at once and every open referral made under it is withdrawn."""
    require_member(actor, consent.concern.organisation_id)
    with transaction.atomic():
        locked = Consent.objects.select_for_update().get(pk=consent.pk)
        if locked.withdrawn_at is not None:
            raise Conflict(_("Deze toestemming is al ingetrokken."))
        locked.withdrawn_at, locked.withdrawn_by = timezone.now(), actor
        locked.save(update_fields=["withdrawn_at", "withdrawn_by"])
        record(actor=actor, action="consent.withdraw", obj=locked, detail={"concern": str(locked.concern_id)})
        referrals = _withdraw_open_referrals(
            locked,
            actor=actor,
            reason=CONSENT_WITHDRAWN_REASON,
            message=_("Verwijzing voor '%(service)s' over %(child)s is ingetrokken: toestemming ingetrokken."),
        )
    consent.withdrawn_at = locked.withdrawn_at
    return referrals


def consent_expire(*, consent: Consent, now: datetime | None = None) -> list[Referral]:
    """Consent past its end date: withdraw the open referrals made under it, exactly as a withdrawal
    does (the system is the actor). Sharing already stopped at the end date (read-time check)."""
    with transaction.atomic():
        locked = Consent.objects.select_for_update().get(pk=consent.pk)
        if locked.withdrawn_at is not None or locked.expires_at > (now or timezone.now()):
            return []
        referrals = _withdraw_open_referrals(
            locked,
            actor=None,
            reason=CONSENT_EXPIRED_REASON,
            message=_("Verwijzing voor '%(service)s' over %(child)s is ingetrokken: toestemming verlopen."),
        )
        record(
            actor=None,
            action="consent.expire",
            obj=locked,
            actor_label="system",
            detail={"concern": str(locked.concern_id), "referrals": [str(r.pk) for r in referrals]},
        )
    return referrals


def consent_expiry_run(*, now: datetime | None = None) -> int:
    """The daily task: withdraw the open referrals under every expired consent; returns how many."""
    return sum(
        len(consent_expire(consent=c, now=now)) for c in selectors.consent_list_expired_with_open_referrals(now=now)
    )


def _withdraw_open_referrals(consent: Consent, *, actor: User | None, reason: str, message: str) -> list[Referral]:
    referrals = list(
        Referral.objects.select_for_update().filter(consent=consent, status__in=OPEN_STATUSES).order_by("pk")
    )
    for referral in referrals:
        step(referral, target=Status.WITHDRAWN, actor=actor, organisation_id=referral.referrer_id, reason=reason)
        tell(referral, referral.receiver_id, message, receiver_emails(referral))
    touch(consent.concern_id)
    return referrals
