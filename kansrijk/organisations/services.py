"""Writes for organisations and memberships; each atomic and audited."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kansrijk.accounts.models import ApiToken, User
from kansrijk.accounts.services import api_token_revoke, user_create
from kansrijk.audit.services import record
from kansrijk.core.errors import InvalidInput
from kansrijk.municipalities.models import Municipality
from kansrijk.organisations.constants import Kind, Role
from kansrijk.organisations.models import Membership, Organisation


def _municipalities(codes: Iterable[str]) -> list[Municipality]:
    codes = [code.strip().upper() for code in codes]
    found = {m.code: m for m in Municipality.objects.filter(code__in=codes)}
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise InvalidInput(f"Unknown municipality code(s): {', '.join(unknown)} (expected e.g. GM0363).")
    return [found[code] for code in codes]


def organisation_create(
    *,
    actor: User | None,
    name: str,
    kind: str,
    municipality_codes: Iterable[str] = (),
    kvk_number: str = "",
    website: str = "",
    email: str = "",
    phone: str = "",
    description: str = "",
    is_demo: bool = False,
) -> Organisation:
    name = name.strip()
    if kind not in Kind.values:
        raise InvalidInput(f"Unknown kind '{kind}'. Choose one of: {', '.join(Kind.values)}.")
    if not name:
        raise InvalidInput("An organisation needs a name.")
    if Organisation.objects.filter(name__iexact=name).exists():
        raise InvalidInput(f"An organisation named '{name}' already exists.")
    municipalities = _municipalities(municipality_codes)
    organisation = Organisation(
        name=name,
        kind=kind,
        kvk_number=kvk_number,
        website=website,
        email=email,
        phone=phone,
        description=description,
        is_demo=is_demo,
    )
    try:
        organisation.full_clean()
    except ValidationError as error:
        raise InvalidInput(
            "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items())
        ) from error
    with transaction.atomic():
        organisation.save()
        organisation.municipalities.set(municipalities)
        record(actor=actor, action="organisation.create", obj=organisation, actor_label="" if actor else "cli")
    return organisation


def membership_create(*, actor: User | None, user: User, organisation: Organisation, role: str) -> Membership:
    if role not in Role.values:
        raise InvalidInput(f"Unknown role '{role}'. Choose one of: {', '.join(Role.values)}.")
    if Membership.objects.filter(user=user, organisation=organisation).exists():
        raise InvalidInput(f"{user.email} is already a member of {organisation.name}.")
    with transaction.atomic():
        membership = Membership.objects.create(user=user, organisation=organisation, role=role)
        record(
            actor=actor,
            action="membership.create",
            obj=membership,
            detail={"organisation": str(organisation.pk), "role": role},
            actor_label="" if actor else "cli",
        )
    return membership


def user_create_with_membership(
    *,
    actor: User | None,
    email: str,
    organisation_name: str,
    role: str,
    password: str | None,
    full_name: str = "",
    is_demo: bool = False,
) -> Membership:
    """Provision a person: a new user with one role in an existing organisation."""
    organisation = Organisation.objects.filter(name__iexact=organisation_name.strip()).first()
    if organisation is None:
        raise InvalidInput(
            f"Unknown organisation '{organisation_name}'. Create it first with `kansrijk organisation create`."
        )
    if role not in Role.values:
        raise InvalidInput(f"Unknown role '{role}'. Choose one of: {', '.join(Role.values)}.")
    with transaction.atomic():
        user = user_create(actor=actor, email=email, password=password, full_name=full_name, is_demo=is_demo)
        return membership_create(actor=actor, user=user, organisation=organisation, role=role)


def _require_administrator(*, actor: User, organisation: Organisation) -> None:
    if not Membership.objects.filter(user=actor, organisation=organisation, role=Role.ADMINISTRATOR).exists():
        raise InvalidInput(f"Only an administrator of {organisation.name} may do this.")


def membership_end(*, actor: User, membership: Membership) -> None:
    """An administrator ends someone's membership: from now on they see nothing of this
    organisation. The user account and their other memberships stay."""
    organisation = membership.organisation
    _require_administrator(actor=actor, organisation=organisation)
    if membership.user_id == actor.pk:
        raise InvalidInput("You cannot end your own membership; ask another administrator.")
    with transaction.atomic():
        record(
            actor=actor,
            action="membership.end",
            obj=membership,
            detail={"organisation": str(organisation.pk), "user": str(membership.user_id), "role": membership.role},
        )
        membership.delete()


def member_api_token_revoke(*, actor: User, membership: Membership) -> int:
    """An administrator revokes every working API token of one of the organisation's people."""
    _require_administrator(actor=actor, organisation=membership.organisation)
    now = timezone.now()
    tokens = ApiToken.objects.filter(user_id=membership.user_id, revoked_at__isnull=True, expires_at__gt=now)
    with transaction.atomic():
        for api_token in tokens:
            api_token_revoke(actor=actor, api_token=api_token)
    return len(tokens)
