"""System check: the families' e-mail addresses must not hang on SECRET_KEY in production (ADR 0031).

A warning, like `accounts.W001`: `check --deploy --fail-level WARNING` fails on it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Warning, register

MIN_KEY_LENGTH = 32


@register("security")
def check_takeup_encryption_keys(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if settings.DEBUG:
        return []
    keys = list(getattr(settings, "TAKEUP_ENCRYPTION_KEYS", []) or [])
    if not keys or any(len(key) < MIN_KEY_LENGTH for key in keys):
        return [
            Warning(
                "TAKEUP_ENCRYPTION_KEYS is not set, or a key in it is shorter than 32 characters: the e-mail addresses "
                "families leave for the take-up follow-up would be encrypted with a key derived from SECRET_KEY.",
                hint="Set TAKEUP_ENCRYPTION_KEYS to a long random value of its own (comma-separated for rotation: the "
                "first encrypts, all decrypt).",
                id="takeup.W001",
            )
        ]
    return []
