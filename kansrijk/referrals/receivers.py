"""Reads about receiving organisations: who uses Kansrijk (has active members), and which
organisations have referrals waiting while nobody there can read them (platform staff only).

No personal data: organisation names, counts, dates and the organisation's public e-mail.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, Exists, Min, OuterRef, Q
from django.http import Http404

from kansrijk.organisations.models import Membership, Organisation
from kansrijk.referrals.constants import Status


def _active_members() -> Exists:
    return Exists(Membership.objects.filter(organisation=OuterRef("pk"), user__is_active=True))


def organisation_ids_with_users(*, organisation_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Those of `organisation_ids` with at least one active user on Kansrijk."""
    found = Membership.objects.filter(organisation_id__in=list(organisation_ids), user__is_active=True)
    return set(found.values_list("organisation_id", flat=True).distinct())


def organisation_has_users(*, organisation_id: uuid.UUID) -> bool:
    return bool(organisation_ids_with_users(organisation_ids=[organisation_id]))


@dataclass(frozen=True)
class WaitingOrganisation:
    organisation_id: uuid.UUID
    name: str
    email: str
    waiting: int
    oldest: datetime


def waiting_without_users_for(*, user: Any) -> list[WaitingOrganisation]:
    """Organisations with referrals waiting for an answer and no active users; a 404 for anyone but staff."""
    if not getattr(user, "is_staff", False):
        raise Http404
    waiting = Q(referrals_received__status=Status.SENT)
    rows = (
        Organisation.objects.annotate(
            waiting=Count("referrals_received", filter=waiting),
            oldest=Min("referrals_received__created_at", filter=waiting),
        )
        .filter(waiting__gt=0)
        .exclude(_active_members())
        .order_by("oldest", "name")
        .values_list("pk", "name", "email", "waiting", "oldest")
    )
    return [WaitingOrganisation(*row) for row in rows]
