"""What needs the acting user's attention, for "Mijn Kansrijk": one block per kind of work,
each with a count and a link. A fixed number of queries, whatever the number of organisations.

Access follows the owning apps' rules: referrals through `referrals.selectors.organisation_ids_for`
(the organisations the user acts for), listings and commitments through
`alliance.selectors.organisation_list_manageable_for` (coordinators and administrators).
Only counts are read here, no personal data, so nothing is written to the audit trail."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kansrijk.alliance.constants import TrafficLight
from kansrijk.alliance.models import Commitment
from kansrijk.alliance.selectors import commitment_status, organisation_list_manageable_for
from kansrijk.referrals.constants import Status
from kansrijk.referrals.models import Consent, Referral
from kansrijk.referrals.selectors import organisation_ids_for
from kansrijk.socialmap.models import Service
from kansrijk.socialmap.selectors import stale_before

# "Answers received": referrals whose status changed in this many days.
ANSWERS_WITHIN_DAYS = 14
# A receiver's answers (not "sent", and not "withdrawn", which the referrer does itself).
ANSWER_STATUSES = (Status.ACCEPTED, Status.DECLINED, Status.IN_PROGRESS, Status.DONE)
# "Consents about to expire": consents ending within this many days.
CONSENT_EXPIRES_WITHIN_DAYS = 30


@dataclass(frozen=True)
class AttentionBlock:
    key: str
    title: str | Promise
    description: str | Promise
    count: int
    url: str
    link_text: str | Promise


def _referral_counts(ids: list[uuid.UUID], now: datetime) -> dict[str, int]:
    if not ids:
        return {"waiting": 0, "answered": 0}
    since = now - timedelta(days=ANSWERS_WITHIN_DAYS)
    answered = Q(referrer_id__in=ids, status_changed_at__gte=since, status__in=ANSWER_STATUSES)
    counts = Referral.objects.filter(Q(receiver_id__in=ids) | Q(referrer_id__in=ids)).aggregate(
        waiting=Count("id", filter=Q(receiver_id__in=ids, status=Status.SENT)),
        answered=Count("id", filter=answered),
    )
    return {key: int(value or 0) for key, value in counts.items()}


def _stale_listing_count(managed: list[uuid.UUID], today: date) -> int:
    return (
        Service.objects.filter(organization__organisation_id__in=managed)
        .filter(Q(assured_date__lt=stale_before(today)) | Q(assured_date=None))
        .exclude(status="defunct")
        .count()
    )


def _reports_due_count(managed: list[uuid.UUID], today: date) -> int:
    running = Commitment.objects.filter(organisation_id__in=managed, starts_on__lte=today, ends_on__gte=today)
    rows = running.annotate(last_reported_on=Max("reports__reported_on")).only("id", "starts_on")
    return sum(1 for c in rows if commitment_status(commitment=c, today=today).light != TrafficLight.GREEN)


def _expiring_consent_count(ids: list[uuid.UUID], now: datetime) -> int:
    """Consents of these organisations, not withdrawn, that end within CONSENT_EXPIRES_WITHIN_DAYS."""
    window = (now, now + timedelta(days=CONSENT_EXPIRES_WITHIN_DAYS))
    return Consent.objects.filter(concern__organisation_id__in=ids, withdrawn_at=None, expires_at__range=window).count()


def _referral_blocks(ids: list[uuid.UUID], now: datetime) -> list[AttentionBlock]:
    counts = _referral_counts(ids, now)
    referrals = reverse("referrals:referral_list")
    return [
        AttentionBlock(
            "waiting",
            _("Verwijzingen die wachten op jullie antwoord"),
            _("Naar jullie gestuurd, nog niet beantwoord."),
            counts["waiting"],
            f"{referrals}?richting=in&status={Status.SENT}",
            _("Beantwoord verwijzingen"),
        ),
        AttentionBlock(
            "answered",
            _("Antwoorden op jullie verwijzingen"),
            _("De status is de afgelopen %(days)s dagen veranderd.") % {"days": ANSWERS_WITHIN_DAYS},
            counts["answered"],
            f"{referrals}?richting=out",
            _("Bekijk de antwoorden"),
        ),
    ]


def _manager_blocks(user: Any, today: date) -> list[AttentionBlock]:
    managed = list(organisation_list_manageable_for(user=user).values_list("id", flat=True))
    if not managed:
        return []
    return [
        AttentionBlock(
            "listings",
            _("Aanbod om te controleren"),
            _("Al een jaar niet bevestigd op de sociale kaart. Klopt het nog?"),
            _stale_listing_count(managed, today),
            reverse("socialmap:manage"),
            _("Controleer jullie aanbod"),
        ),
        AttentionBlock(
            "reports",
            _("Voortgangsverslagen nodig"),
            _("Inzet in de alliantie waarvan het verslag bijna nodig of te laat is."),
            _reports_due_count(managed, today),
            reverse("alliance:index"),
            _("Schrijf een verslag"),
        ),
    ]


def attention_list_for(*, user: Any, now: datetime | None = None) -> list[AttentionBlock]:
    """The blocks of "Mijn Kansrijk" for `user`: referral blocks for everyone in an organisation,
    listing and report blocks for its coordinators and administrators, and consents about to end."""
    now = now or timezone.now()
    ids = organisation_ids_for(user=user)
    if not ids:
        return []
    blocks = _referral_blocks(ids, now) + _manager_blocks(user, timezone.localdate(now))
    blocks.append(
        AttentionBlock(
            "consents",
            _("Toestemmingen die bijna verlopen"),
            _("Toestemming van ouders die binnen %(days)s dagen afloopt.") % {"days": CONSENT_EXPIRES_WITHIN_DAYS},
            _expiring_consent_count(ids, now),
            reverse("referrals:index"),
            _("Bekijk de zorgen"),
        )
    )
    return blocks
