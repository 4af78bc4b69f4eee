"""The family's code and address: a code that is easy to read and hard to guess, stored only as a
keyed hash; the address encrypted at rest with rotating keys (as the TOTP secrets, ADR 0009)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

from kansrijk.takeup.constants import CODE_ALPHABET, CODE_LENGTH


def new_code() -> str:
    """A fresh code from the unambiguous alphabet, shown as two groups of four: `K7MP-3XQA`."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return display_code(raw)


def normalise_code(typed: str) -> str:
    """What a person typed, as stored: capitals, no spaces or dashes; '' when it cannot be a code."""
    raw = "".join(ch for ch in typed.upper() if ch not in " -.\t")
    if len(raw) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in raw):
        return ""
    return raw


def display_code(raw: str) -> str:
    half = CODE_LENGTH // 2
    return f"{raw[:half]}-{raw[half:]}"


def code_hash(code: str) -> str:
    """Keyed hash of a normalised code (the key is derived from SECRET_KEY)."""
    key = hashlib.sha256(f"kansrijk-takeup-code:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, normalise_code(code).encode(), hashlib.sha256).hexdigest()


def encryption_keys() -> list[str]:
    """`TAKEUP_ENCRYPTION_KEYS` (first encrypts, all decrypt), else SECRET_KEY (development only;
    a deploy check warns)."""
    return list(getattr(settings, "TAKEUP_ENCRYPTION_KEYS", []) or []) or [settings.SECRET_KEY]


def _fernet() -> MultiFernet:
    return MultiFernet(
        [
            Fernet(base64.urlsafe_b64encode(hashlib.sha256(f"kansrijk-takeup:{secret}".encode()).digest()))
            for secret in encryption_keys()
        ]
    )


def seal_contact(*, email: str, code: str) -> str:
    """The address and the code (for the e-mail), encrypted together."""
    return _fernet().encrypt(json.dumps({"email": email, "code": code}).encode()).decode()


def open_contact(sealed: str) -> tuple[str, str] | None:
    """(address, code), or None when no key opens it (the follow-up is then treated as without address)."""
    try:
        data = json.loads(_fernet().decrypt(sealed.encode()))
    except (InvalidToken, ValueError):
        return None
    return str(data["email"]), str(data["code"])
