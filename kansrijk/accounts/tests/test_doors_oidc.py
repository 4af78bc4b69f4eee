"""The OIDC seam is a door too: it logs in existing users only, and not past the TOTP step.

The identity provider is the outside world: its discovery document, token endpoint and
userinfo endpoint are replaced by fixed answers; everything of ours and of allauth runs.
"""

from __future__ import annotations

from unittest import mock
from urllib.parse import parse_qs, urlparse

import pytest
from allauth.socialaccount.models import SocialAccount
from allauth.socialaccount.providers.oauth2.client import OAuth2Client
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter

from kansrijk.conftest import with_totp
from kansrijk.core.totp import current_totp_code
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory
from kansrijk.referrals.tests.factories import ConcernFactory

pytestmark = pytest.mark.django_db

PROVIDER = "org-idp"
IDP = "https://idp.example.org"
OPENID_CONFIG = {
    "issuer": IDP,
    "authorization_endpoint": f"{IDP}/authorize",
    "token_endpoint": f"{IDP}/token",
    "userinfo_endpoint": f"{IDP}/userinfo",
    "jwks_uri": f"{IDP}/jwks",
}

TOKEN_RESPONSE = {"access_token": "an-access-token", "token_type": "Bearer"}


@pytest.fixture(autouse=True)
def _oidc_provider(settings):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": PROVIDER,
                    "name": "Organisatie-login",
                    "client_id": "kansrijk",
                    "secret": "client-secret",
                    "settings": {"server_url": IDP},
                }
            ]
        }
    }


@pytest.fixture
def school_member():
    school = OrganisationFactory(school=True, municipality_codes=["GM1640"])
    ConcernFactory(organisation=school)
    membership = MembershipFactory(organisation=school)
    SocialAccount.objects.create(user=membership.user, provider=PROVIDER, uid="idp-subject-1")
    return membership


def _through_the_idp(client, subject: str, email: str):
    """Start the login, let the (fixed) identity provider answer, and call our callback."""
    with (
        mock.patch.object(OpenIDConnectOAuth2Adapter, "openid_config", OPENID_CONFIG),
        mock.patch.object(OAuth2Client, "get_access_token", return_value=TOKEN_RESPONSE),
        mock.patch.object(
            OpenIDConnectOAuth2Adapter, "_fetch_user_info", return_value={"sub": subject, "email": email}
        ),
    ):
        start = client.post(f"/accounts/oidc/{PROVIDER}/login/")
        assert start.status_code == 302
        assert start["Location"].startswith(f"{IDP}/authorize")
        state = parse_qs(urlparse(start["Location"]).query)["state"][0]
        return client.get(f"/accounts/oidc/{PROVIDER}/login/callback/", {"code": "abc", "state": state})


def test_the_oidc_login_of_a_user_with_totp_stops_at_the_code_step(client, school_member):
    secret = with_totp(school_member)
    response = _through_the_idp(client, "idp-subject-1", school_member.user.email)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert "_auth_user_id" not in client.session
    assert client.get("/zorgen/").status_code == 302
    assert client.get("/api/v1/concerns").status_code in (401, 403)
    client.post("/accounts/2fa/authenticate/", {"code": current_totp_code(secret)})
    assert client.get("/api/v1/concerns").status_code == 200


def test_the_oidc_login_of_a_user_without_totp_gives_no_personal_data(client, school_member):
    response = _through_the_idp(client, "idp-subject-1", school_member.user.email)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(school_member.user.pk)
    assert client.get("/zorgen/")["Location"] == "/accounts/2fa/totp/activate/"
    listing = client.get("/api/v1/concerns")
    assert listing.status_code == 403
    assert "Sam" not in listing.content.decode()


def test_the_oidc_login_of_an_unknown_subject_creates_no_user(client, school_member, django_user_model):
    before = django_user_model.objects.count()
    _through_the_idp(client, "someone-else", "someone-else@example.org")
    assert "_auth_user_id" not in client.session
    assert django_user_model.objects.count() == before
