"""TOTP secrets survive key rotation; a changed key is a clear message, never a 500."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from kansrijk.accounts.adapters import MFAAdapter
from kansrijk.accounts.checks import check_mfa_encryption_key
from kansrijk.conftest import with_totp
from kansrijk.core.totp import current_totp_code
from kansrijk.organisations.tests.factories import PASSWORD, MembershipFactory

pytestmark = pytest.mark.django_db

OLD = "an-old-mfa-key-that-is-long-enough-0123456789"
NEW = "a-new-mfa-key-that-is-also-long-enough-9876543210"


def test_the_first_key_encrypts_and_every_key_decrypts(settings):
    settings.MFA_ENCRYPTION_KEYS = [OLD]
    stored = MFAAdapter().encrypt("JBSWY3DPEHPK3PXP")
    settings.MFA_ENCRYPTION_KEYS = [NEW, OLD]
    assert MFAAdapter().decrypt(stored) == "JBSWY3DPEHPK3PXP"
    rotated = MFAAdapter().encrypt("JBSWY3DPEHPK3PXP")
    settings.MFA_ENCRYPTION_KEYS = [NEW]
    assert MFAAdapter().decrypt(rotated) == "JBSWY3DPEHPK3PXP"
    settings.MFA_ENCRYPTION_KEYS = [OLD]
    with pytest.raises(ValidationError):
        MFAAdapter().decrypt(rotated)


def test_secrets_made_with_the_secret_key_stay_readable_when_it_is_listed_last(settings):
    stored = MFAAdapter().encrypt("JBSWY3DPEHPK3PXP")  # no MFA key: derived from SECRET_KEY
    old_secret_key = settings.SECRET_KEY
    settings.SECRET_KEY = "a-brand-new-secret-key-after-rotation-0123456789-abcdefgh"
    settings.MFA_ENCRYPTION_KEYS = [NEW, old_secret_key]
    assert MFAAdapter().decrypt(stored) == "JBSWY3DPEHPK3PXP"


def test_a_changed_secret_key_gives_a_clear_message_at_the_code_step_not_a_500(client, settings):
    membership = MembershipFactory()
    secret = with_totp(membership)
    settings.SECRET_KEY = "a-brand-new-secret-key-after-rotation-0123456789-abcdefgh"
    client.post("/accounts/login/", {"login": membership.user.email, "password": PASSWORD})
    response = client.post("/accounts/2fa/authenticate/", {"code": current_totp_code(secret)})
    assert response.status_code == 200
    assert "de sleutel van de server is veranderd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_production_without_an_mfa_key_is_reported_by_the_system_check(settings):
    settings.DEBUG = False
    settings.MFA_ENCRYPTION_KEY = ""
    settings.MFA_ENCRYPTION_KEYS = []
    assert [message.id for message in check_mfa_encryption_key()] == ["accounts.W001"]
    settings.MFA_ENCRYPTION_KEYS = ["too-short"]
    assert [message.id for message in check_mfa_encryption_key()] == ["accounts.W002"]
    settings.MFA_ENCRYPTION_KEYS = [NEW, OLD]
    assert check_mfa_encryption_key() == []
    settings.MFA_ENCRYPTION_KEYS = []
    settings.MFA_ENCRYPTION_KEY = NEW
    assert check_mfa_encryption_key() == []


def test_development_needs_no_mfa_key(settings):
    settings.DEBUG = True
    settings.MFA_ENCRYPTION_KEY = ""
    settings.MFA_ENCRYPTION_KEYS = []
    assert check_mfa_encryption_key() == []
