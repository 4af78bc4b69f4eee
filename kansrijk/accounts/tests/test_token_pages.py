"""The owner's token page under the account menu: list, create (secret once), revoke."""

from __future__ import annotations

import pytest
from django.test import Client

from kansrijk.accounts.models import ApiToken
from kansrijk.accounts.services import api_token_create
from kansrijk.audit.models import AuditEvent
from kansrijk.conftest import client_for, login_with_two_factors, with_totp
from kansrijk.organisations.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_the_owner_creates_a_token_and_sees_the_secret_once(member):
    client = client_for(member)
    response = client.post("/api-sleutels/", {"name": "Koppeling leerlingvolgsysteem"})
    assert response.status_code == 200
    api_token = ApiToken.objects.get(user=member.user)
    secret = response.context["secret"]
    assert secret.startswith(api_token.prefix)
    assert secret in response.content.decode()
    assert api_token.name == "Koppeling leerlingvolgsysteem"
    assert Client().get("/api/v1/", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200
    again = client.get("/api-sleutels/").content.decode()
    assert secret not in again
    assert "Koppeling leerlingvolgsysteem" in again
    assert api_token.prefix in again


def test_the_list_shows_created_last_used_and_expiry(member):
    api_token, _ = api_token_create(actor=None, user=member.user, name="Export")
    page = client_for(member).get("/api-sleutels/").content.decode()
    for heading in ("Gemaakt", "Laatst gebruikt", "Werkt tot"):
        assert heading in page
    assert f"{api_token.expires_at:%Y}" in page
    assert "nooit" in page


def test_the_owner_revokes_a_token(member):
    api_token, secret = api_token_create(actor=None, user=member.user, name="Oud")
    response = client_for(member).post(f"/api-sleutels/{api_token.pk}/intrekken/")
    assert response.status_code == 302
    assert ApiToken.objects.get(pk=api_token.pk).revoked_at is not None
    assert AuditEvent.objects.filter(action="api_token.revoke", actor=member.user).count() == 1
    assert Client().get("/api/v1/", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401


def test_someone_elses_token_is_a_404(member, other_coordinator):
    api_token, _ = api_token_create(actor=None, user=other_coordinator.user)
    response = client_for(member).post(f"/api-sleutels/{api_token.pk}/intrekken/")
    assert response.status_code == 404
    assert ApiToken.objects.get(pk=api_token.pk).revoked_at is None


def test_a_session_without_the_code_step_cannot_make_a_token(member):
    client = Client()
    client.force_login(member.user)
    response = client.post("/api-sleutels/", {"name": "x"})
    assert response.status_code == 302
    assert not ApiToken.objects.exists()


def test_a_user_without_totp_is_sent_to_set_it_up_and_gets_no_token():
    membership = MembershipFactory()
    client = login_with_two_factors(Client(), membership.user)  # even a forged record is not enough
    response = client.post("/api-sleutels/", {"name": "x"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    assert not ApiToken.objects.exists()


def test_a_too_long_name_is_a_clear_form_error(member):
    response = client_for(member).post("/api-sleutels/", {"name": "x" * 101})
    assert response.status_code == 200
    assert response.context["form"].errors["name"]
    assert not ApiToken.objects.exists()


def test_the_account_menu_links_to_the_token_page(member):
    with_totp(member)
    assert 'href="/api-sleutels/"' in client_for(member).get("/mijn-kansrijk/").content.decode()
