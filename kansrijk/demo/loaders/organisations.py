from __future__ import annotations

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP

from kansrijk.accounts.models import User
from kansrijk.accounts.services import user_create
from kansrijk.demo.world import DEMO_PASSWORD, LOGINS, ORGANISATIONS, STAFF_LOGIN, demo_totp_secret
from kansrijk.organisations.models import Organisation
from kansrijk.organisations.services import membership_create, organisation_create
from kansrijk.screener.services import load_reference


def _ensure_two_factor(user: User) -> None:
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, demo_totp_secret(user.email))
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists():
        RecoveryCodes.activate(user)


def _ensure_user(email: str, full_name: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = user_create(actor=None, email=email, password=DEMO_PASSWORD, full_name=full_name, is_demo=True)
    _ensure_two_factor(user)
    return user


def load() -> None:
    load_reference()  # the national funds are real organisations, not demo ones
    for item in ORGANISATIONS:
        if not Organisation.objects.filter(name=item.name).exists():
            organisation_create(
                actor=None,
                name=item.name,
                kind=item.kind,
                municipality_codes=item.municipalities,
                website=item.website,
                description=item.description,
                is_demo=True,
            )
    for login in LOGINS:
        user = _ensure_user(login.email, login.full_name)
        organisation = Organisation.objects.get(name=login.organisation)
        if not user.memberships.filter(organisation=organisation).exists():
            membership_create(actor=None, user=user, organisation=organisation, role=login.role)
    staff = _ensure_user(STAFF_LOGIN.email, STAFF_LOGIN.full_name)
    if not staff.is_staff:
        User.objects.filter(pk=staff.pk).update(is_staff=True, is_superuser=True)
