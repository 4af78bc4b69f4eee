"""Reads for organisations. Organisations are public; memberships belong to their user."""

from __future__ import annotations

from typing import Any

from allauth.mfa.models import Authenticator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from kansrijk.accounts.models import User
from kansrijk.organisations.constants import ROLE_REQUIRES_TWO_FACTOR, Role
from kansrijk.organisations.models import Membership, Organisation


def organisation_list(*, kind: str = "", municipality: str = "", query: str = "") -> QuerySet[Organisation]:
    organisations = Organisation.objects.prefetch_related("municipalities")
    if kind:
        organisations = organisations.filter(kind=kind)
    if municipality:
        organisations = organisations.filter(Q(municipalities__code=municipality) | Q(municipalities=None))
    if query:
        organisations = organisations.filter(Q(name__icontains=query) | Q(description__icontains=query))
    return organisations.distinct()


def organisation_get(*, organisation_id: Any) -> Organisation:
    return get_object_or_404(Organisation.objects.prefetch_related("municipalities"), pk=organisation_id)


def membership_list_for(*, user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organisation")


def membership_get_for(*, user: User, organisation: Organisation) -> Membership | None:
    return Membership.objects.filter(user=user, organisation=organisation).first()


def colleague_list_for(*, user: User, organisation: Organisation) -> QuerySet[Membership]:
    """The people of an organisation, shown only to its own members and platform staff."""
    if not (user.is_staff or Membership.objects.filter(user=user, organisation=organisation).exists()):
        return Membership.objects.none()
    return organisation.memberships.select_related("user").order_by("user__email")


def user_requires_two_factor(*, user: User) -> bool:
    if user.is_staff or user.is_superuser:
        return True
    roles = Membership.objects.filter(user=user).values_list("role", flat=True)
    return any(ROLE_REQUIRES_TWO_FACTOR.get(role, True) for role in roles)


def user_can_manage(*, user: User, organisation: Organisation) -> bool:
    if user.is_staff:
        return True
    return Membership.objects.filter(
        user=user, organisation=organisation, role__in=[Role.COORDINATOR, Role.ADMINISTRATOR]
    ).exists()


def organisation_administered_by(*, user: User, organisation_id: Any) -> Organisation:
    """An organisation `user` is an administrator of; any other is a 404."""
    membership = (
        Membership.objects.filter(user=user, organisation_id=organisation_id, role=Role.ADMINISTRATOR)
        .select_related("organisation")
        .first()
    )
    if membership is None:
        raise Http404
    return membership.organisation


def access_review_list_for(*, user: User, organisation: Organisation) -> QuerySet[Membership]:
    """The organisation's people for its administrator: role here, last login, whether
    they have two factors, and how many API tokens still work. Nothing about their other
    organisations."""
    organisation_administered_by(user=user, organisation_id=organisation.pk)
    now = timezone.now()
    return (
        organisation.memberships.select_related("user")
        .annotate(
            has_totp=Exists(Authenticator.objects.filter(user_id=OuterRef("user_id"), type=Authenticator.Type.TOTP)),
            active_token_count=Count(
                "user__api_tokens",
                filter=Q(user__api_tokens__revoked_at__isnull=True, user__api_tokens__expires_at__gt=now),
            ),
        )
        .order_by("user__email")
    )


def member_get_for(*, user: User, organisation: Organisation, membership_id: Any) -> Membership:
    """One membership of an organisation `user` administers; another organisation's is a 404."""
    organisation_administered_by(user=user, organisation_id=organisation.pk)
    return get_object_or_404(
        Membership.objects.select_related("user", "organisation"), pk=membership_id, organisation=organisation
    )
