"""A failed login keeps a keyed hash of what was typed as the e-mail, never the text."""

import pytest
from django.db import connection

from kansrijk.audit.models import AuditEvent
from kansrijk.audit.services import login_hash

pytestmark = pytest.mark.django_db
TYPED = "Ouder.Typefout-7f3a@Example.org"


def _fail(client, typed: str) -> None:
    client.post("/accounts/login/", {"login": typed, "password": "a-wrong-password-1"})


def _database_text() -> str:
    """Every value in every table, as text."""
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            parts.extend(str(row) for row in cursor.fetchall())
    return "\n".join(parts)


def test_the_typed_email_is_nowhere_in_the_database_after_a_failed_login(client):
    _fail(client, TYPED)
    assert AuditEvent.objects.filter(action="login.failed").count() == 1
    text = _database_text().casefold()
    assert "typefout-7f3a" not in text
    assert TYPED.casefold() not in text


def test_failed_logins_on_one_address_can_still_be_correlated(client):
    _fail(client, TYPED)
    _fail(client, TYPED.lower())
    _fail(client, "someone-else@example.org")
    hashes = [e.detail["login_hmac"] for e in AuditEvent.objects.filter(action="login.failed").order_by("seq")]
    assert hashes[0] == hashes[1] == login_hash(TYPED)
    assert hashes[2] != hashes[0]


def test_the_hash_is_keyed(settings):
    first = login_hash(TYPED)
    settings.AUDIT_LOGIN_KEY = "a-dedicated-key-for-the-audit-trail"
    assert login_hash(TYPED) != first
