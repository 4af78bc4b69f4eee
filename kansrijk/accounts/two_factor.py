"""Did this session pass the second factor? One answer for every door (ADR 0009).

django-allauth records each authentication step of a session (password, social login,
mfa). A session counts as "two factors" only when it holds an `mfa` record for the
logged-in user: the TOTP (or recovery code) step at login, or the re-authentication
step after setting TOTP up. "The user has TOTP set up" is not enough.
"""

from __future__ import annotations

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import _AUTHENTICATION_METHODS_USER_SESSION_KEY, record_authentication
from allauth.account.internal.userkit import user_id_to_str
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest

from kansrijk.accounts.models import User

MFA_METHOD = "mfa"


def session_has_two_factors(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return any(record.get("method") == MFA_METHOD for record in get_authentication_records(request, user))


def mark_session_two_factors(session: SessionBase, user: User, when: float) -> None:
    """Write the records allauth writes after password + TOTP (test and demo support)."""
    session["account_authentication_methods"] = [
        {"method": "password", "at": when, "email": user.email},
        {"method": MFA_METHOD, "at": when, "type": "totp"},
    ]
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = user_id_to_str(user)


def on_authenticator_added(sender: object, request: HttpRequest | None, user: User, **kwargs: object) -> None:
    """Setting up TOTP through allauth's form means entering a valid code from the new
    authenticator, after a recent password check: that is the code step for this session.
    (Receiver of allauth's `authenticator_added`, wired in apps.py like the auth events of
    ADR 0004; TOTP set up any other way still needs the code step.)"""
    authenticator = kwargs.get("authenticator")
    if request is None or getattr(authenticator, "type", None) != "totp":
        return
    record_authentication(request, user, MFA_METHOD, type="totp", activated=True)
