"""Reads of concerns and referrals. Every read goes through the `access_*` functions below and
takes the acting user; another organisation's object is a 404, like one that does not exist.
Reads of personal data (detail and list) are written to the audit trail."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from kansrijk.accounts.models import User
from kansrijk.audit.services import record
from kansrijk.core.suppression import suppress
from kansrijk.organisations.constants import Kind
from kansrijk.organisations.models import Membership, Organisation
from kansrijk.referrals.constants import (
    OPEN_STATUSES,
    BarrierCategory,
    Status,
)
from kansrijk.referrals.due import (  # what background work finds due, for tasks and commands
    concern_list_due_for_erasure as concern_list_due_for_erasure,
)
from kansrijk.referrals.due import (
    consent_list_expired_with_open_referrals as consent_list_expired_with_open_referrals,
)
from kansrijk.referrals.due import (
    referral_list_due_for_reminder as referral_list_due_for_reminder,
)
from kansrijk.referrals.due import (
    referral_queryset,
)
from kansrijk.referrals.due import (
    retention_days as retention_days,
)
from kansrijk.referrals.due import (
    working_days_before as working_days_before,
)
from kansrijk.referrals.labels import children_text
from kansrijk.referrals.models import Barrier, Child, Concern, ConcernRecord, Consent, Notification, Referral
from kansrijk.referrals.workflow import Side
from kansrijk.socialmap.models import Attribute, Service

PAGE_SIZE = 25


# --- access ---------------------------------------------------------------------------------------------------


def organisation_ids_for(*, user: Any) -> list[uuid.UUID]:
    """Organisations the user acts for (every role may see its own organisation's concerns)."""
    if user is None or not user.is_authenticated:
        return []
    return list(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))


def acting_user(user: Any) -> User:
    """The logged-in user behind a request; views and API views are behind a login already."""
    if not isinstance(user, User) or not user.is_authenticated:
        raise PermissionDenied
    return user


def access_concern(*, user: Any, concern: Concern) -> bool:
    return concern.organisation_id in organisation_ids_for(user=user)


def access_referral_sides(*, user: Any, referral: Referral) -> set[Side]:
    """Which sides of a referral the user acts for: none, receiver, referrer or both."""
    ids = set(organisation_ids_for(user=user))
    sides: set[Side] = set()
    if referral.receiver_id in ids:
        sides.add("receiver")
    if referral.referrer_id in ids:
        sides.add("referrer")
    return sides


def access_referral_personal_data(*, user: Any, referral: Referral) -> bool:
    """The referrer always sees its own concern. The receiver sees the children's data only while the
    referral is not withdrawn and its consent is valid: withdrawal stops the sharing at once."""
    sides = access_referral_sides(user=user, referral=referral)
    if "referrer" in sides:
        return True
    consent_valid = referral.consent is not None and referral.consent.is_valid
    return "receiver" in sides and referral.status != Status.WITHDRAWN and consent_valid


def access_municipality_aggregates(*, user: Any, municipality_code: str) -> bool:
    """Policy officers: members of an organisation of kind municipality serving that municipality."""
    if user is None or not user.is_authenticated:
        return False
    return Membership.objects.filter(
        user=user, organisation__kind=Kind.MUNICIPALITY, organisation__municipalities__code=municipality_code
    ).exists()


# --- concerns ---------------------------------------------------------------------------------------------------


def concern_list_for(*, user: Any) -> QuerySet[Concern]:
    return Concern.objects.filter(organisation_id__in=organisation_ids_for(user=user)).select_related("municipality")


def concern_page_for(*, user: Any, limit: int = PAGE_SIZE) -> list[Concern]:
    """The newest concerns of the user's organisations (children prefetched); one audit row for the list."""
    concerns: list[Concern] = list(
        concern_list_for(user=user).prefetch_related("children").annotate(referral_count=Count("referrals"))[:limit]
    )
    _audit_list(user, "concern.list", [c.pk for c in concerns])
    return concerns


def concern_get_for(*, user: Any, concern_id: uuid.UUID) -> Concern:
    concern = (
        concern_list_for(user=user)
        .select_related("organisation", "created_by")
        .prefetch_related(
            "children",
            Prefetch("consents", queryset=Consent.objects.prefetch_related("organisations")),
            Prefetch("referrals", queryset=referral_queryset().prefetch_related("steps__actor", "steps__organisation")),
        )
        .filter(pk=concern_id)
        .first()
    )
    if concern is None:
        raise Http404
    record(actor=user, action="concern.read", obj=concern, require_transaction=False)
    return concern


def consent_get_for(*, user: Any, concern: Concern, consent_id: uuid.UUID) -> Consent:
    consent = Consent.objects.filter(pk=consent_id, concern=concern).first()
    if consent is None or not access_concern(user=user, concern=concern):
        raise Http404
    return consent


def consent_valid_for(*, concern: Concern, organisation: Organisation) -> Consent | None:
    """The newest valid consent of the concern that names the organisation: not withdrawn, not expired."""
    return (
        Consent.objects.filter(
            concern=concern, withdrawn_at__isnull=True, expires_at__gt=timezone.now(), organisations=organisation
        )
        .order_by("-given_at")
        .first()
    )


def consented_organisation_ids(*, concern: Concern) -> set[uuid.UUID]:
    """Organisations named in a valid (not withdrawn, not expired) consent of the concern."""
    return set(
        Consent.organisations.through.objects.filter(
            consent__concern=concern, consent__withdrawn_at__isnull=True, consent__expires_at__gt=timezone.now()
        ).values_list("organisation_id", flat=True)
    )


def consent_organisation_choices(*, concern: Concern) -> list[Organisation]:
    """Organisations that offer help on the social map, to choose in a consent."""
    offering = Service.objects.filter(status="active").values("organization_id")
    return list(Organisation.objects.filter(pk__in=offering).exclude(pk=concern.organisation_id).order_by("name"))


# --- referrals --------------------------------------------------------------------------------------------------


def _visible(user: Any) -> Q:
    ids = organisation_ids_for(user=user)
    return Q(receiver_id__in=ids) | Q(referrer_id__in=ids)


def referral_get_for(*, user: Any, referral_id: uuid.UUID, audit: bool = True) -> Referral:
    referral = (
        referral_queryset()
        .select_related("concern__municipality")
        .prefetch_related("steps__actor", "steps__organisation", "concern__children")
        .filter(_visible(user), pk=referral_id)
        .first()
    )
    if referral is None:
        raise Http404
    if audit:
        record(actor=user, action="referral.read", obj=referral, require_transaction=False)
    return referral


@dataclass(frozen=True)
class ReferralRow:
    """One line of a referral list: the referral, its children as initials and age, days waiting."""

    referral: Referral
    children: str
    days_waiting: int | None


@dataclass
class ReferralPage:
    referrals: list[Referral]
    total: int
    page_number: int
    size: int = PAGE_SIZE
    rows: list[ReferralRow] = field(default_factory=list)

    @property
    def total_pages(self) -> int:
        return max(1, -(-self.total // self.size))


def _row(referral: Referral, now: datetime) -> ReferralRow:
    """Open referrals wait from the day they were sent; finished ones wait no longer (None)."""
    concern = referral.concern
    this_year = timezone.localdate(now).year
    children = children_text(concern.children.all(), this_year=this_year, given_year=concern.created_at.year)
    waiting = (now - referral.created_at).days if referral.status in OPEN_STATUSES else None
    return ReferralRow(referral=referral, children=children, days_waiting=waiting)


def referral_page_for(*, user: Any, direction: str = "all", status: str = "", page: int = 1) -> ReferralPage:
    """One page of referrals the user may see in a fixed number of queries: open ones first, each
    group longest waiting (oldest) first.

    `direction`: "in" (sent to my organisations), "out" (sent by them) or "all"."""
    ids = organisation_ids_for(user=user)
    where = {"in": Q(receiver_id__in=ids), "out": Q(referrer_id__in=ids)}.get(direction, _visible(user))
    queryset = Referral.objects.filter(where)
    if status in Status.values:
        queryset = queryset.filter(status=status)
    total = queryset.count()
    page = max(1, min(page, -(-total // PAGE_SIZE) or 1))
    start = (page - 1) * PAGE_SIZE
    finished = Case(When(status__in=OPEN_STATUSES, then=Value(0)), default=Value(1))
    rows = list(
        queryset.select_related("receiver", "referrer", "concern__municipality")
        .prefetch_related(
            Prefetch("concern__children", queryset=Child.objects.only("concern_id", "first_name", "birth_year", "age"))
        )
        .only(
            "id",
            "status",
            "created_at",
            "status_changed_at",
            "service_name",
            "service_id",
            "version",
            "receiver__name",
            "referrer__name",
            "concern__created_at",
            "concern__municipality__name",
            "concern__municipality__code",
        )
        .order_by(finished.asc(), "created_at", "id")[start : start + PAGE_SIZE]
    )
    _audit_list(user, "referral.list", [r.pk for r in rows])
    now = timezone.now()
    return ReferralPage(referrals=rows, total=total, page_number=page, rows=[_row(referral, now) for referral in rows])


def _audit_list(user: Any, action: str, ids: list[uuid.UUID]) -> None:
    record(
        actor=user, action=action, detail={"count": len(ids), "ids": [str(i) for i in ids]}, require_transaction=False
    )


def service_need_codes(*, service_id: uuid.UUID | None) -> set[str]:
    if service_id is None:
        return set()
    return set(Attribute.objects.filter(service_id=service_id).values_list("taxonomy_term__code", flat=True))


@dataclass
class SharedView:
    """What the receiving organisation may see of a concern (decision, tested in test_api and test_consent):
    the children's first names, birth years and school type, the municipality, the wishes
    that fit the service's needs (and wishes without a need), and the referrer's note.
    Not the signs, not other referrals, not the consent details."""

    children: list[Child] = field(default_factory=list)
    municipality: str = ""
    wishes: list[dict[str, Any]] = field(default_factory=list)
    note: str = ""


def shared_view(*, referral: Referral) -> SharedView:
    needs = service_need_codes(service_id=referral.service_id)
    concern = referral.concern
    wishes = [w for w in concern.wishes if not w.get("need") or w.get("need") in needs]
    return SharedView(
        children=list(concern.children.all()),
        municipality=concern.municipality.name,
        wishes=wishes,
        note=referral.note,
    )


@dataclass(frozen=True)
class ReferrerContact:
    """Who referred and how to reach them: the professional first, the organisation as fallback."""

    organisation: str
    name: str
    email: str
    phone: str
    organisation_email: str


def referrer_contact(*, referral: Referral) -> ReferrerContact:
    """Contact of the referring side for the receiver (professional's data, not the family's)."""
    professional = referral.created_by
    organisation = referral.referrer
    return ReferrerContact(
        organisation=organisation.name,
        name=(professional.full_name or "") if professional is not None else "",
        email=professional.email if professional is not None else organisation.email,
        phone=organisation.phone,
        organisation_email=organisation.email,
    )


def notification_list_for(*, user: Any, limit: int = 20) -> QuerySet[Notification]:
    return Notification.objects.filter(organisation_id__in=organisation_ids_for(user=user))[:limit]


# --- aggregates for municipalities ---------------------------------------------------------------------------


@dataclass
class MunicipalityAggregates:
    """Every count passed through `core.suppression.suppress`: `None` is "< 10"."""

    code: str
    concerns: int | None
    barrier_counts: dict[str, int | None]  # per `BarrierCategory` value
    status_counts: dict[str, int | None]  # per `Status` value

    @property
    def barriers(self) -> list[tuple[str, int | None]]:
        return [(str(c.label), self.barrier_counts[c.value]) for c in BarrierCategory]

    @property
    def statuses(self) -> list[tuple[str, int | None]]:
        return [(str(s.label), self.status_counts[s.value]) for s in Status]


def municipality_aggregates_for(*, user: Any, municipality_code: str) -> MunicipalityAggregates:
    """Counts only, small cells suppressed; a 404 for anyone but that municipality's policy officers."""
    code = municipality_code.upper()
    if not access_municipality_aggregates(user=user, municipality_code=code):
        raise Http404
    barrier_counts = dict(
        Barrier.objects.filter(municipality_id=code).values_list("category").annotate(n=Count("id")).order_by()
    )
    status_counts = dict(
        Referral.objects.filter(concern__municipality_id=code).values_list("status").annotate(n=Count("id")).order_by()
    )
    for record_statuses in ConcernRecord.objects.filter(municipality_code=code).values_list(
        "referral_statuses", flat=True
    ):
        for status, count in record_statuses.items():
            status_counts[status] = status_counts.get(status, 0) + int(count)
    concerns = Concern.objects.filter(municipality_id=code).count()
    concerns += ConcernRecord.objects.filter(municipality_code=code).count()
    return MunicipalityAggregates(
        code=code,
        concerns=suppress(concerns),
        barrier_counts={c.value: suppress(barrier_counts.get(c.value, 0)) for c in BarrierCategory},
        status_counts={s.value: suppress(status_counts.get(s.value, 0)) for s in Status},
    )
