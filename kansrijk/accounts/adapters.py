from __future__ import annotations

import base64
import hashlib
import logging
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

UNDECRYPTABLE_MESSAGE = _(
    "Uw code kan nu niet worden gecontroleerd: de sleutel van de server is veranderd. "
    "Neem contact op met de beheerder van Kansrijk."
)


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]
    """Accounts are provisioned by an organisation's administrator, never self-made."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False


class SocialAccountAdapter(DefaultSocialAccountAdapter):  # type: ignore[misc]
    """An external identity provider may log in an existing user, not create one."""

    def is_open_for_signup(self, request: HttpRequest, sociallogin: Any) -> bool:
        return False


def encryption_keys() -> list[str]:
    """`MFA_ENCRYPTION_KEYS` (first encrypts, all decrypt), else `MFA_ENCRYPTION_KEY`, else
    `SECRET_KEY` (development; a system check refuses that in production)."""
    keys = list(getattr(settings, "MFA_ENCRYPTION_KEYS", []) or [])
    single = getattr(settings, "MFA_ENCRYPTION_KEY", "")
    return keys or ([single] if single else [settings.SECRET_KEY])


def _fernet_for(secret: str) -> Fernet:
    key = base64.urlsafe_b64encode(hashlib.sha256(f"kansrijk-mfa:{secret}".encode()).digest())
    return Fernet(key)


class MFAAdapter(DefaultMFAAdapter):  # type: ignore[misc]
    """Encrypts TOTP secrets and recovery-code seeds at rest (Fernet, AES-128 + HMAC).

    Keys rotate through `MFA_ENCRYPTION_KEYS`: the first key encrypts, every key decrypts
    (MultiFernet). Values written before encryption was on (no prefix) are still read. A
    value no key can open is a clear form error at the code step, never a 500.
    """

    prefix = "fernet:"

    def _fernet(self) -> MultiFernet:
        return MultiFernet([_fernet_for(secret) for secret in encryption_keys()])

    def encrypt(self, text: str) -> str:
        return self.prefix + self._fernet().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        if not encrypted_text.startswith(self.prefix):
            return encrypted_text
        try:
            return self._fernet().decrypt(encrypted_text[len(self.prefix) :].encode()).decode()
        except InvalidToken as error:
            logger.error(
                "A TOTP secret cannot be decrypted with any key in MFA_ENCRYPTION_KEYS / MFA_ENCRYPTION_KEY "
                "(or SECRET_KEY). Was a key rotated without keeping the old one? See README, Configuration."
            )
            raise ValidationError(UNDECRYPTABLE_MESSAGE, code="mfa_key_changed") from error
