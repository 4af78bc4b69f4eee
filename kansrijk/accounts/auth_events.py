"""Audit rows for logins, logouts and failed logins (receivers wired in apps.py)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest

from kansrijk.accounts.models import User
from kansrijk.audit.constants import Result
from kansrijk.audit.services import login_hash, record


def on_logged_in(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    with transaction.atomic():
        record(actor=user, action="login", obj=user)


def on_logged_out(sender: Any, request: HttpRequest | None, user: User | None, **kwargs: Any) -> None:
    if user is not None:
        with transaction.atomic():
            record(actor=user, action="logout", obj=user)


def on_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    """What was typed as the e-mail is stored only as a keyed hash (ADR 0010)."""
    attempted = str(credentials.get("email") or credentials.get("username") or "")
    with transaction.atomic():
        record(actor=None, action="login.failed", result=Result.FAILURE, detail={"login_hmac": login_hash(attempted)})
