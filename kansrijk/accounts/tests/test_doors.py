"""Every way in asks for the second factor (ADR 0009).

Each door is tried with what an attacker who knows a password (but not the TOTP code)
can get: the site login, the admin login, the API with that session, a Bearer token of a
user without two factors, and the OIDC callback. None may reach personal data
(`/zorgen/`, `/api/v1/concerns`) or the admin.
"""

from __future__ import annotations

import pytest
from django.test import Client
from rest_framework.settings import api_settings

from kansrijk.accounts.models import ApiToken
from kansrijk.accounts.services import TOKEN_PREFIX, hash_token
from kansrijk.conftest import login_with_two_factors, with_totp
from kansrijk.core.totp import current_totp_code
from kansrijk.organisations.tests.factories import PASSWORD, MembershipFactory, OrganisationFactory, UserFactory
from kansrijk.referrals.tests.factories import ConcernFactory

pytestmark = pytest.mark.django_db

CONCERN = {
    "children": [{"first_name": "Sam", "birth_year": 2016, "school": "primary"}],
    "municipality": "GM1640",
    "signals": ["no_club"],
    "note": "x",
    "wishes": "voetballen",
}


@pytest.fixture
def school_member():
    school = OrganisationFactory(school=True, municipality_codes=["GM1640"])
    ConcernFactory(organisation=school)
    return MembershipFactory(organisation=school)


def assert_no_personal_data(client: Client) -> None:
    """The child's name is nowhere: not on the page, not in the API, and writes are refused."""
    page = client.get("/zorgen/")
    assert page.status_code == 302, page.status_code
    listing = client.get("/api/v1/concerns")
    assert listing.status_code in (401, 403)
    assert set(listing.json()) == {"detail", "errors"}
    assert "Sam" not in listing.content.decode()
    created = client.post("/api/v1/concerns", CONCERN, content_type="application/json")
    assert created.status_code in (401, 403)


def assert_no_admin(client: Client) -> None:
    for path in ("/beheer/", "/beheer/accounts/user/", "/beheer/organisations/membership/add/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(("/beheer/login/", "/accounts/")), path


def _password_step(client: Client, email: str) -> None:
    response = client.post("/accounts/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 302


# --- the site login -------------------------------------------------------------------


def test_the_password_alone_opens_nothing_for_a_user_with_totp(client, school_member):
    with_totp(school_member)
    _password_step(client, school_member.user.email)
    assert "_auth_user_id" not in client.session
    assert_no_personal_data(client)


def test_a_member_without_totp_gets_no_personal_data_on_pages_or_the_api(client, school_member):
    _password_step(client, school_member.user.email)
    assert client.session["_auth_user_id"] == str(school_member.user.pk)
    assert client.get("/zorgen/")["Location"] == "/accounts/2fa/totp/activate/"
    listing = client.get("/api/v1/concerns")
    assert listing.status_code == 403
    assert listing.json()["detail"].startswith("Log eerst in met twee stappen")
    assert listing.json()["errors"] == []
    assert client.post("/api/v1/concerns", CONCERN, content_type="application/json").status_code == 403


def test_setting_up_totp_is_not_enough_the_session_must_pass_the_code_step(client, school_member):
    """A session that logged in before TOTP existed must still enter a code once."""
    _password_step(client, school_member.user.email)
    secret = with_totp(school_member)
    response = client.get("/zorgen/")
    assert response["Location"] == "/accounts/2fa/reauthenticate/?next=%2Fzorgen%2F"
    assert client.get("/api/v1/concerns").status_code == 403
    response = client.post("/accounts/2fa/reauthenticate/?next=/zorgen/", {"code": current_totp_code(secret)})
    assert response.status_code == 302
    assert client.get("/zorgen/").status_code == 200
    assert client.get("/api/v1/concerns").status_code == 200


def test_password_and_totp_open_the_pages_and_the_api(client, school_member):
    secret = with_totp(school_member)
    _password_step(client, school_member.user.email)
    client.post("/accounts/2fa/authenticate/", {"code": current_totp_code(secret)})
    assert client.get("/zorgen/").status_code == 200
    listing = client.get("/api/v1/concerns")
    assert listing.status_code == 200
    assert "Sam" in listing.content.decode()


# --- the admin ------------------------------------------------------------------------


def test_the_admin_login_sends_people_to_the_site_login(client):
    response = client.get("/beheer/login/?next=/beheer/accounts/user/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fbeheer%2Faccounts%2Fuser%2F"


def test_a_password_posted_to_the_admin_login_logs_nobody_in(client):
    staff = UserFactory(staff=True, is_superuser=True)
    response = client.post("/beheer/login/", {"username": staff.email, "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert_no_admin(client)


def test_a_staff_session_without_the_code_step_gets_no_admin_and_no_personal_data(client, school_member):
    staff = UserFactory(staff=True, is_superuser=True)
    MembershipFactory(user=staff, organisation=school_member.organisation)
    _password_step(client, staff.email)  # no TOTP yet: allauth logs in with the password
    assert_no_admin(client)
    assert client.get("/beheer/login/?next=/beheer/")["Location"].startswith("/accounts/2fa/totp/activate/")
    assert_no_personal_data(client)
    with_totp(staff)
    assert_no_admin(client)
    assert client.get("/beheer/login/?next=/beheer/")["Location"].startswith("/accounts/2fa/reauthenticate/?next=")
    assert_no_personal_data(client)


def test_staff_with_password_and_totp_reach_the_admin(client):
    staff = UserFactory(staff=True, is_superuser=True)
    secret = with_totp(staff)
    _password_step(client, staff.email)
    client.post("/accounts/2fa/authenticate/", {"code": current_totp_code(secret)})
    assert client.get("/beheer/").status_code == 200
    assert client.get("/beheer/login/?next=/beheer/accounts/user/")["Location"] == "/beheer/accounts/user/"


def test_a_non_staff_user_with_two_factors_is_refused_by_the_admin(school_member):
    with_totp(school_member)
    client = login_with_two_factors(Client(), school_member.user)
    assert client.get("/beheer/").status_code == 302
    assert client.get("/beheer/login/").status_code == 403


# --- Bearer tokens --------------------------------------------------------------------


def _token_for(user, **fields) -> str:
    token = TOKEN_PREFIX + "a-test-token-that-is-long-enough-0123456789"
    ApiToken.objects.create(user=user, prefix=token[:10], key_hash=hash_token(token), **fields)
    return token


def test_a_token_of_a_user_without_totp_is_refused(client, school_member):
    """E.g. made before TOTP was switched off: the token stops working with it."""
    token = _token_for(school_member.user)
    response = client.get("/api/v1/concerns", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 403
    assert "Sam" not in response.content.decode()
    with_totp(school_member)
    assert client.get("/api/v1/concerns", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200


# --- every DRF authentication class ---------------------------------------------------


def _session_without_code_step(member) -> Client:
    with_totp(member)
    client = Client()
    client.force_login(member.user)
    return client


def _bearer_without_totp(member) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {_token_for(member.user)}")


# Each authentication class of the API and how to try it without the second factor. A new
# class in settings without a row here fails `test_every_api_authentication_class_is_tried`.
WITHOUT_SECOND_FACTOR = {
    "kansrijk.accounts.authentication.BearerTokenAuthentication": _bearer_without_totp,
    "kansrijk.accounts.authentication.TwoFactorSessionAuthentication": _session_without_code_step,
}


def test_every_api_authentication_class_is_tried():
    configured = {f"{cls.__module__}.{cls.__qualname__}" for cls in api_settings.DEFAULT_AUTHENTICATION_CLASSES}
    assert configured == set(WITHOUT_SECOND_FACTOR)


@pytest.mark.parametrize("door", sorted(WITHOUT_SECOND_FACTOR))
def test_no_api_authentication_class_gives_personal_data_without_the_second_factor(door, school_member):
    client = WITHOUT_SECOND_FACTOR[door](school_member)
    listing = client.get("/api/v1/concerns")
    assert listing.status_code == 403
    assert set(listing.json()) == {"detail", "errors"}
    assert client.post("/api/v1/concerns", CONCERN, content_type="application/json").status_code == 403


def test_switching_totp_off_ends_access_in_the_same_session(school_member):
    from allauth.mfa.models import Authenticator

    with_totp(school_member)
    client = login_with_two_factors(Client(), school_member.user)
    assert client.get("/zorgen/").status_code == 200
    assert client.get("/api/v1/concerns").status_code == 200
    Authenticator.objects.filter(user=school_member.user).delete()
    assert client.get("/zorgen/")["Location"] == "/accounts/2fa/totp/activate/"
    assert client.get("/api/v1/concerns").status_code == 403


def test_the_take_up_page_of_a_concern_needs_the_second_factor(client, school_member):
    """The take-up record inside a concern (ADR 0031) sits behind the same door as the concern."""
    concern = school_member.organisation.concerns.get()
    url = f"/zorgen/{concern.pk}/gebruik/"
    _password_step(client, school_member.user.email)
    assert client.get(url).status_code == 302
    with_totp(school_member)
    assert client.get(url).status_code == 302
    assert login_with_two_factors(Client(), school_member.user).get(url).status_code == 200
