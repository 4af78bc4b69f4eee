"""System checks for accounts: TOTP secrets must not hang on SECRET_KEY in production.

A warning (shown by every management command with DEBUG off) rather than an error, so
tools that run `migrate` with DEBUG off keep working; `make test` runs
`check --deploy --fail-level WARNING`, which fails on it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Warning, register

MIN_KEY_LENGTH = 32


@register("security")
def check_mfa_encryption_key(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    keys = list(settings.MFA_ENCRYPTION_KEYS) or ([settings.MFA_ENCRYPTION_KEY] if settings.MFA_ENCRYPTION_KEY else [])
    if settings.DEBUG:
        return []
    if not keys:
        return [
            Warning(
                "MFA_ENCRYPTION_KEYS (or MFA_ENCRYPTION_KEY) is not set: TOTP secrets would be encrypted with a key "
                "derived from SECRET_KEY, and changing SECRET_KEY would lock every user out of the code step.",
                hint="Set MFA_ENCRYPTION_KEYS to a long random value of its own (README, Configuration). If secrets "
                "were already stored, put the current SECRET_KEY last: MFA_ENCRYPTION_KEYS=<new key>,<SECRET_KEY>.",
                id="accounts.W001",
            )
        ]
    short = [index for index, key in enumerate(keys, start=1) if len(key) < MIN_KEY_LENGTH]
    if short:
        return [
            Warning(
                f"MFA encryption key number {', '.join(map(str, short))} is shorter than {MIN_KEY_LENGTH} characters.",
                hint="Use long random values, e.g. `python -c 'import secrets; print(secrets.token_urlsafe(48))'`.",
                id="accounts.W002",
            )
        ]
    return []
