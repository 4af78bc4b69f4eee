import pytest
from django.core.management import call_command

from kansrijk.accounts.models import ApiToken
from kansrijk.audit.models import AuditEvent
from kansrijk.conftest import with_totp
from kansrijk.organisations.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _create_token(capsys, email: str) -> str:
    user = ApiToken._meta.get_field("user").related_model.objects.get(email=email)
    with_totp(user)
    call_command("token", "create", "--email", email)
    return capsys.readouterr().out.strip()


def test_a_created_token_authenticates_the_api_root(client, capsys):
    user = UserFactory()
    token = _create_token(capsys, user.email)
    response = client.get("/api/v1/", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    assert response.json()["user"] == user.email


def test_the_token_is_stored_only_as_a_hash(capsys):
    user = UserFactory()
    token = _create_token(capsys, user.email)
    stored = ApiToken.objects.get(user=user)
    assert token not in (stored.key_hash, stored.prefix)
    assert stored.key_hash != token


def test_a_revoked_token_gets_401(client, capsys):
    user = UserFactory()
    token = _create_token(capsys, user.email)
    call_command("token", "revoke", "--email", user.email)
    response = client.get("/api/v1/", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 401
    assert response.json()["detail"]
    assert AuditEvent.objects.filter(action="api_token.revoke").count() == 1


@pytest.mark.parametrize("header", ["Bearer", "Bearer not-a-token", "Bearer a b"])
def test_a_bad_or_unknown_token_gets_401(client, header):
    response = client.get("/api/v1/", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401


def test_without_credentials_the_api_asks_for_them(client):
    response = client.get("/api/v1/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"


def test_token_create_for_an_unknown_email_is_a_clear_error():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No user with e-mail"):
        call_command("token", "create", "--email", "nobody@example.org")


def test_token_create_refuses_a_user_without_totp_with_a_clear_message():
    from django.core.management.base import CommandError

    user = UserFactory()
    with pytest.raises(CommandError, match="no two-factor login \\(TOTP\\) set up"):
        call_command("token", "create", "--email", user.email)
    assert not ApiToken.objects.exists()


def test_a_token_expires_after_api_token_days(client, capsys, settings):
    import datetime

    import time_machine

    settings.API_TOKEN_DAYS = 30
    user = UserFactory()
    token = _create_token(capsys, user.email)
    stored = ApiToken.objects.get(user=user)
    assert abs(stored.expires_at - stored.created_at - datetime.timedelta(days=30)) < datetime.timedelta(seconds=1)
    with time_machine.travel(stored.created_at + datetime.timedelta(days=29, hours=23)):
        assert client.get("/api/v1/", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
    with time_machine.travel(stored.created_at + datetime.timedelta(days=30, seconds=1)):
        response = client.get("/api/v1/", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


def test_last_use_is_written_at_most_once_a_minute(client, capsys, django_assert_num_queries):
    import datetime

    import time_machine

    user = UserFactory()
    token = _create_token(capsys, user.email)
    start = ApiToken.objects.get(user=user).created_at
    header = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    with time_machine.travel(start + datetime.timedelta(seconds=5), tick=False):
        client.get("/api/v1/", **header)
        first = ApiToken.objects.get(user=user).last_used_at
        assert first is not None
    with time_machine.travel(start + datetime.timedelta(seconds=50), tick=False):
        # token lookup + TOTP check; no UPDATE within the minute
        with django_assert_num_queries(2):
            client.get("/api/v1/", **header)
        assert ApiToken.objects.get(user=user).last_used_at == first
    with time_machine.travel(start + datetime.timedelta(seconds=70), tick=False):
        client.get("/api/v1/", **header)
        assert ApiToken.objects.get(user=user).last_used_at > first
