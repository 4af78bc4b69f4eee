"""Background work: remind receivers of referrals unanswered for 10 working days; end what
expired consent still holds open."""

from __future__ import annotations

from django_tasks import task

from kansrijk.referrals.selectors import referral_list_due_for_reminder
from kansrijk.referrals.services import consent_expiry_run, referral_remind


@task()
def referral_reminders() -> int:
    """Remind each receiver once and tell the referrer; returns the number of referrals reminded."""
    return sum(1 for referral in referral_list_due_for_reminder() if referral_remind(referral=referral))


@task()
def consent_expiry() -> int:
    """Withdraw the open referrals under consent past its end date; returns how many were withdrawn."""
    return consent_expiry_run()
