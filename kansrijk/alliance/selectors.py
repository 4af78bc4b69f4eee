"""Reads for the alliance, and the access rules for its edit routes.

Pledges, commitments and progress reports are public facts about organisations. Changing
them is for the organisation's coordinator or administrator, or platform staff; for
anyone else an edit route answers 404, exactly like an id that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, Max, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from kansrijk.accounts.models import User
from kansrijk.alliance.constants import TrafficLight
from kansrijk.alliance.coverage import municipality_coverage as municipality_coverage  # public: a page and the API
from kansrijk.alliance.models import Commitment, CommitmentVersion, PledgeSignature, PledgeVersion, ProgressReport
from kansrijk.alliance.status import ReportStatus, report_status
from kansrijk.alliance.status import add_months as add_months  # date arithmetic of the reporting cycle
from kansrijk.organisations.constants import Kind, Role
from kansrijk.organisations.models import Organisation

AnyUser = User | AnonymousUser
MANAGING_ROLES = (Role.COORDINATOR, Role.ADMINISTRATOR)


@dataclass(frozen=True)
class CommitmentRow:
    """A commitment with its report status, ready for a page, an export or the API."""

    commitment: Commitment
    status: ReportStatus
    last_reported_on: date | None


def pledge_version_current() -> PledgeVersion | None:
    return PledgeVersion.objects.order_by("-number").first()


def pledge_version_get(*, number: int) -> PledgeVersion | None:
    return PledgeVersion.objects.filter(number=number).first()


def _active_signature() -> Exists:
    return Exists(PledgeSignature.objects.filter(organisation=OuterRef("organisation"), ended_on__isnull=True))


def signature_active_for(*, organisation: Organisation) -> PledgeSignature | None:
    return (
        PledgeSignature.objects.filter(organisation=organisation, ended_on__isnull=True)
        .select_related("pledge_version")
        .first()
    )


def signature_history_for(*, organisation: Organisation) -> QuerySet[PledgeSignature]:
    return PledgeSignature.objects.filter(organisation=organisation).select_related("pledge_version")


def partner_list(*, kind: str = "", municipality: str = "") -> QuerySet[PledgeSignature]:
    """Active signatures, one per partner. `municipality` keeps partners working there
    and national partners (an organisation without municipalities works everywhere)."""
    signatures = PledgeSignature.objects.filter(ended_on__isnull=True).select_related("organisation", "pledge_version")
    if kind:
        signatures = signatures.filter(organisation__kind=kind)
    if municipality:
        signatures = signatures.filter(
            Q(organisation__municipalities__code=municipality) | Q(organisation__municipalities=None)
        )
    return signatures.prefetch_related("organisation__municipalities").order_by("organisation__name").distinct()


def user_can_manage(*, user: AnyUser, organisation: Organisation) -> bool:
    """Coordinators and administrators of the organisation, and platform staff."""
    if not user.is_authenticated:
        return False
    if getattr(user, "is_staff", False):
        return True
    return organisation.memberships.filter(user_id=user.pk, role__in=MANAGING_ROLES).exists()


def organisation_list_manageable_for(*, user: AnyUser) -> QuerySet[Organisation]:
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user_id=user.pk, memberships__role__in=MANAGING_ROLES).distinct()


def organisation_get_for_manage(*, user: AnyUser, organisation_id: Any) -> Organisation:
    """The organisation, if `user` may act for it in the alliance; else 404."""
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None or not user_can_manage(user=user, organisation=organisation):
        raise Http404("Organisation not found.")
    return organisation


def _commitments() -> QuerySet[Commitment]:
    return (
        Commitment.objects.select_related("organisation")
        .prefetch_related("municipalities", "indicators", "organisation__municipalities")
        .annotate(last_reported_on=Max("reports__reported_on"))
    )


def commitment_get_for_manage(*, user: AnyUser, commitment_id: Any) -> Commitment:
    """The commitment, if `user` may change it; else 404 (also for ids that do not exist)."""
    commitment = _commitments().filter(pk=commitment_id).first()
    if commitment is None or not user_can_manage(user=user, organisation=commitment.organisation):
        raise Http404("Commitment not found.")
    return commitment


def commitment_get(*, user: AnyUser, commitment_id: Any) -> Commitment:
    """A commitment of a current partner (public), or one the user may manage."""
    commitment = _commitments().filter(pk=commitment_id).first()
    if commitment is None:
        raise Http404("Commitment not found.")
    is_partner = signature_active_for(organisation=commitment.organisation) is not None
    if not is_partner and not user_can_manage(user=user, organisation=commitment.organisation):
        raise Http404("Commitment not found.")
    return commitment


def commitment_status(*, commitment: Commitment, today: date | None = None) -> ReportStatus:
    """The traffic light of one commitment (see `status.py` for the rule)."""
    if hasattr(commitment, "last_reported_on"):
        last = commitment.last_reported_on
    else:
        last = commitment.reports.aggregate(last=Max("reported_on"))["last"]
    return report_status(anchor=last or commitment.starts_on, today=today or timezone.localdate())


def _rows(commitments: QuerySet[Commitment], today: date) -> list[CommitmentRow]:
    return [
        CommitmentRow(
            commitment=commitment,
            status=commitment_status(commitment=commitment, today=today),
            last_reported_on=commitment.last_reported_on,  # type: ignore[attr-defined]
        )
        for commitment in commitments
    ]


def commitment_list(
    *,
    municipality: str = "",
    activity: str = "",
    kind: str = "",
    light: str = "",
    include_national: bool = True,
    today: date | None = None,
) -> list[CommitmentRow]:
    """Public overview "who does what where": current partners' commitments not yet ended.

    `municipality` keeps commitments carried out there, plus national ones unless
    `include_national` is false.
    """
    today = today or timezone.localdate()
    commitments = _commitments().filter(_active_signature(), ends_on__gte=today)
    if municipality:
        where = Q(municipalities__code=municipality)
        if include_national:
            where |= Q(is_national=True)
        commitments = commitments.filter(where).distinct()
    if activity:
        commitments = commitments.filter(activity=activity)
    if kind:
        commitments = commitments.filter(organisation__kind=kind)
    rows = _rows(commitments.order_by("activity", "organisation__name", "title"), today)
    if light in TrafficLight.values:
        rows = [row for row in rows if row.status.light == light]
    return rows


def commitment_list_for_organisation(*, organisation: Organisation, today: date | None = None) -> list[CommitmentRow]:
    """All commitments of one organisation, ended ones included (for its own page)."""
    today = today or timezone.localdate()
    return _rows(_commitments().filter(organisation=organisation).order_by("-ends_on", "title"), today)


def commitment_list_due_for_reminder(*, today: date) -> list[CommitmentRow]:
    """Running commitments of current partners whose report is due or overdue."""
    commitments = _commitments().filter(_active_signature(), starts_on__lte=today, ends_on__gte=today)
    return [row for row in _rows(commitments, today) if row.status.light != TrafficLight.GREEN]


def report_list_for(*, commitment: Commitment) -> QuerySet[ProgressReport]:
    return commitment.reports.order_by("-year", "-reported_on")


def commitment_history_for(*, user: AnyUser, commitment: Commitment) -> QuerySet[CommitmentVersion]:
    """Who changed what, when: for the organisation's managers and platform staff only."""
    if not user_can_manage(user=user, organisation=commitment.organisation):
        return CommitmentVersion.objects.none()
    return commitment.versions.select_related("changed_by").order_by("-number")


def manager_email_list_for(*, organisation: Organisation) -> list[str]:
    """E-mail addresses of the organisation's coordinators and administrators."""
    return sorted(
        {
            email
            for email in organisation.memberships.filter(role__in=MANAGING_ROLES, user__is_active=True).values_list(
                "user__email", flat=True
            )
            if email
        }
    )


def organisations_with_signatures(*, organisations: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """Organisations with their active signature prefetched as `active_signatures`."""
    return organisations.prefetch_related(
        Prefetch(
            "pledge_signatures",
            queryset=PledgeSignature.objects.filter(ended_on__isnull=True).select_related("pledge_version"),
            to_attr="active_signatures",
        )
    )


@dataclass(frozen=True)
class Joining:
    """What the user can do on a municipality's joining page.

    `organisation`: the user's own municipality organisation working in that municipality (or None);
    `can_sign`: the user may sign the pledge for it (coordinator, administrator); `managers`: whom a
    plain member asks; `has_signed`: it signed already.
    """

    organisation: Organisation | None
    can_sign: bool
    managers: list[str]
    has_signed: bool


def _municipality_organisations_of(user: AnyUser) -> QuerySet[Organisation]:
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user_id=user.pk, kind=Kind.MUNICIPALITY).distinct()


def joining_for(*, user: AnyUser, municipality_code: str) -> Joining:
    """The user's way to join the alliance for this municipality (signing the pledge or asking who may)."""
    organisation = (
        _municipality_organisations_of(user).filter(municipalities__code=municipality_code).order_by("name").first()
    )
    if organisation is None:
        return Joining(None, False, [], False)
    return Joining(
        organisation=organisation,
        can_sign=user_can_manage(user=user, organisation=organisation),
        managers=manager_email_list_for(organisation=organisation),
        has_signed=signature_active_for(organisation=organisation) is not None,
    )


def home_municipality_code_for(*, user: AnyUser) -> str | None:
    """The municipality of the user's municipality organisation, when there is exactly one."""
    codes = set(_municipality_organisations_of(user).values_list("municipalities__code", flat=True)) - {None}
    return codes.pop() if len(codes) == 1 else None
