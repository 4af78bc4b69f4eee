"""Concerns about children, consent, referrals with their history, barriers and feedback.

Personal data lives in `Concern`, `Child`, `Consent`, `Referral` (note, delivered help),
`ReferralStep.reason`, `Barrier.description` and `Feedback.comment`; `retention.concern_erase`
removes it after the retention period and leaves one anonymous `ConcernRecord`.

The tables by use case: `concerns` (concern, child, consent) and `referrals` (referral, its
steps, barriers, notifications, feedback, the anonymous record). Import them from here.
"""

from kansrijk.referrals.models.concerns import USER, Child, Concern, Consent, consent_days, consent_default_expiry
from kansrijk.referrals.models.referrals import (
    Barrier,
    ConcernRecord,
    Feedback,
    Notification,
    Referral,
    ReferralStep,
)

__all__ = [
    "USER",
    "Barrier",
    "Child",
    "Concern",
    "ConcernRecord",
    "Consent",
    "Feedback",
    "Notification",
    "Referral",
    "ReferralStep",
    "consent_days",
    "consent_default_expiry",
]
