"""Codes of the anonymous facts: the steps, the child's age band and the delivered amount band.

Bands, not values: a fact must not single anyone out (ADR 0028)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Step(models.TextChoices):
    """The step a referral fact records; the same codes as the referral's status."""

    SENT = "sent", _("Verwezen")
    ACCEPTED = "accepted", _("Geaccepteerd")
    IN_PROGRESS = "in_progress", _("Mee bezig")
    DONE = "done", _("Hulp gegeven")
    DECLINED = "declined", _("Afgewezen")
    WITHDRAWN = "withdrawn", _("Ingetrokken")


class CodeKind(models.TextChoices):
    SIGN = "sign", _("Signaal")
    WISH = "wish", _("Wens van het kind")


# (code, lowest age, highest age) of the child's age band on the day of the concern.
AGE_BANDS: tuple[tuple[str, int, int], ...] = (("0-3", 0, 3), ("4-11", 4, 11), ("12-17", 12, 17), ("18-25", 18, 25))
AGE_BAND_CODES = tuple(code for code, _low, _high in AGE_BANDS)

# (code, lowest amount, highest amount) in whole euro cents of the delivered help.
AMOUNT_BANDS: tuple[tuple[str, int, int], ...] = (
    ("0", 0, 0),
    ("1-50", 1, 5_000),
    ("51-100", 5_001, 10_000),
    ("101-250", 10_001, 25_000),
    ("251-500", 25_001, 50_000),
    ("501-1000", 50_001, 100_000),
    ("1001+", 100_001, 10**12),
)
AMOUNT_BAND_CODES = tuple(code for code, _low, _high in AMOUNT_BANDS)
# A wish without a need code is counted under this code.
OTHER_WISH = "other"


def age_band(age: int) -> str:
    """The band of an age in whole years; below 0 counts as 0, above 25 as the last band."""
    for code, _low, high in AGE_BANDS:
        if age <= high:
            return code
    return AGE_BANDS[-1][0]


def amount_band(cents: int | None) -> str:
    """The band of a delivered amount in cents; '' when no amount was recorded."""
    if cents is None:
        return ""
    for code, _low, high in AMOUNT_BANDS:
        if cents <= high:
            return code
    return AMOUNT_BANDS[-1][0]
