from __future__ import annotations

import base64
import hashlib
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from cryptography.fernet import Fernet
from django.conf import settings
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]
    """Accounts are provisioned by an organisation's administrator, never self-made."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False


class SocialAccountAdapter(DefaultSocialAccountAdapter):  # type: ignore[misc]
    """An external identity provider may log in an existing user, not create one."""

    def is_open_for_signup(self, request: HttpRequest, sociallogin: Any) -> bool:
        return False


class MFAAdapter(DefaultMFAAdapter):  # type: ignore[misc]
    """Encrypts TOTP secrets and recovery-code seeds at rest (Fernet, AES-128 + HMAC).

    The key comes from `MFA_ENCRYPTION_KEY`, or is derived from `SECRET_KEY`. Values
    written before encryption was on (no prefix) are still read.
    """

    prefix = "fernet:"

    def _fernet(self) -> Fernet:
        secret = getattr(settings, "MFA_ENCRYPTION_KEY", "") or settings.SECRET_KEY
        key = base64.urlsafe_b64encode(hashlib.sha256(f"kansrijk-mfa:{secret}".encode()).digest())
        return Fernet(key)

    def encrypt(self, text: str) -> str:
        return self.prefix + self._fernet().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        if not encrypted_text.startswith(self.prefix):
            return encrypted_text
        return self._fernet().decrypt(encrypted_text[len(self.prefix) :].encode()).decode()
