import pytest
from django.core.cache import cache

from kansrijk.audit.models import AuditEvent
from kansrijk.audit.services import login_hash
from kansrijk.conftest import with_totp
from kansrijk.core.totp import current_totp_code
from kansrijk.organisations.tests.factories import PASSWORD, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

LOCKED_MESSAGE = "Te veel inlogpogingen. Probeer het later nogmaals."


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


def test_a_member_logs_in_with_password_and_then_a_totp_code(client):
    membership = MembershipFactory()
    secret = with_totp(membership)
    response = client.post("/accounts/login/", {"login": membership.user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert not AuditEvent.objects.filter(action="login").exists()
    response = client.post("/accounts/2fa/authenticate/", {"code": current_totp_code(secret)})
    assert response.status_code == 302
    assert client.get("/mijn-kansrijk/").status_code == 200
    assert AuditEvent.objects.filter(action="login", actor=membership.user).count() == 1


def test_a_wrong_totp_code_does_not_log_in(client):
    membership = MembershipFactory()
    with_totp(membership)
    client.post("/accounts/login/", {"login": membership.user.email, "password": PASSWORD})
    response = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert response.status_code == 200
    assert client.get("/mijn-kansrijk/").status_code == 302


def test_a_member_without_two_factors_must_set_them_up_first(client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    response = client.get("/mijn-kansrijk/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"


def test_a_failed_login_is_audited_without_the_password(client):
    client.post("/accounts/login/", {"login": "someone@example.org", "password": "a-wrong-password-1"})
    event = AuditEvent.objects.get(action="login.failed")
    assert event.result == "failure"
    assert event.actor_label == ""
    assert event.detail == {"login_hmac": login_hash("someone@example.org")}
    assert "a-wrong-password-1" not in str(event.detail)


def _fail(client, email: str, times: int):
    response = None
    for _ in range(times):
        response = client.post("/accounts/login/", {"login": email, "password": "a-wrong-password-1"})
    return response


@pytest.mark.parametrize("exists", [True, False], ids=["known e-mail", "unknown e-mail"])
def test_five_wrong_passwords_lock_the_account_with_the_same_message_either_way(client, exists):
    email = "locked@example.org"
    if exists:
        UserFactory(email=email)
    response = _fail(client, email, 5)
    assert LOCKED_MESSAGE not in response.content.decode()
    response = _fail(client, email, 1)
    assert response.status_code == 200
    assert LOCKED_MESSAGE in response.content.decode()
    # Even the right password is refused while locked.
    response = client.post("/accounts/login/", {"login": email, "password": PASSWORD})
    assert LOCKED_MESSAGE in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_message_does_not_reveal_whether_the_email_exists(client):
    UserFactory(email="known@example.org")
    known = _fail(client, "known@example.org", 6).content.decode()
    unknown = _fail(client, "unknown@example.org", 6).content.decode()

    def message(html: str) -> str:
        start = html.index('role="alert"')
        return html[start : html.index("</div>", start)]

    assert message(known) == message(unknown)


def test_the_session_expires_after_inactivity(settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_the_totp_secret_is_stored_encrypted():
    from allauth.mfa.models import Authenticator

    membership = MembershipFactory()
    secret = with_totp(membership)
    stored = Authenticator.objects.get(user=membership.user, type=Authenticator.Type.TOTP).data["secret"]
    assert secret not in stored
    assert stored.startswith("fernet:")


def test_without_redis_the_cache_is_the_database_cache_whose_table_migrate_made(settings):
    from django.db import connection

    assert settings.REDIS_URL == ""
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert settings.CACHES["default"]["LOCATION"] in connection.introspection.table_names()
    cache.set("a-key", "shared")
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM kansrijk_cache")
        assert cursor.fetchone()[0] == 1


def test_the_admin_login_checks_no_passwords_and_is_behind_the_same_lockout(client):
    UserFactory(email="staff@example.org", is_staff=True)
    for _ in range(10):
        response = client.post("/beheer/login/", {"username": "staff@example.org", "password": PASSWORD})
        assert response.status_code == 302
    assert not AuditEvent.objects.filter(action="login.failed").exists()
    assert "_auth_user_id" not in client.session
    # The door the admin sends you to counts and locks.
    assert client.get("/beheer/login/")["Location"] == "/accounts/login/?next=%2Fbeheer%2F"
    response = _fail(client, "staff@example.org", 6)
    assert LOCKED_MESSAGE in response.content.decode()
    assert AuditEvent.objects.filter(action="login.failed").count() == 5
