"""PostgreSQL: the app's own database role cannot rewrite the audit trail (ADR 0010).

A login role is made like a production app role: no superuser, only what the app needs
(`protect.grant_sql`). Connected as that role, every way to change or remove audit rows fails.
"""

import secrets
from collections.abc import Iterator
from datetime import timedelta

import psycopg
import pytest
import time_machine
from django.db import connection, transaction
from django.utils import timezone

from kansrijk.audit import protect
from kansrijk.audit.models import AuditAnchor, AuditEvent
from kansrijk.audit.services import record
from kansrijk.audit.verify import chain_verify

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def app_connection() -> Iterator[psycopg.Connection]:
    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL: on SQLite whoever owns the file owns the trail (see test_chain.py).")
    role = f"kr_audit_app_{secrets.token_hex(4)}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE ROLE "{role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION')
        for statement in protect.grant_sql(role):
            cursor.execute(statement)
    settings = connection.settings_dict
    app = psycopg.connect(
        host=settings["HOST"] or "127.0.0.1", port=settings["PORT"] or 5432, dbname=settings["NAME"], user=role
    )
    app.autocommit = True
    yield app
    app.close()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP OWNED BY "{role}"')
        cursor.execute(f'DROP ROLE "{role}"')


def _events(count: int) -> list[AuditEvent]:
    with transaction.atomic():
        return [record(actor=None, action="test.event", object_type="test", object_id=str(i)) for i in range(count)]


TAMPERING = {
    "update": ["UPDATE audit_auditevent SET action = 'changed'"],
    "delete": ["DELETE FROM audit_auditevent"],
    "truncate": ["TRUNCATE audit_auditevent"],
    "old session switch": ["SET kansrijk.audit_purge = 'on'", "DELETE FROM audit_auditevent"],
    "maintenance flag": ["SET kansrijk.audit_maintenance = 'on'", "DELETE FROM audit_auditevent"],
    "replication role": ["SET session_replication_role = replica", "DELETE FROM audit_auditevent"],
    "disable trigger": ["ALTER TABLE audit_auditevent DISABLE TRIGGER audit_no_update_delete"],
    "disable all triggers": ["ALTER TABLE audit_auditevent DISABLE TRIGGER ALL"],
    "drop trigger": ["DROP TRIGGER audit_no_update_delete ON audit_auditevent"],
    "drop table": ["DROP TABLE audit_auditevent"],
    "take ownership": ["ALTER TABLE audit_auditevent OWNER TO CURRENT_USER"],
    "become the owner": [f"SET ROLE {protect.OWNER}"],
    "replace the purge": [
        "CREATE OR REPLACE FUNCTION kansrijk_audit_purge() RETURNS bigint LANGUAGE sql SECURITY DEFINER "
        "AS 'DELETE FROM audit_auditevent RETURNING 1'"
    ],
    "rewind the anchor": ["INSERT INTO audit_auditanchor (created_at, seq, row_hash, purged) VALUES (now(), 2, '', 2)"],
}


@pytest.mark.parametrize("statements", TAMPERING.values(), ids=TAMPERING.keys())
def test_the_app_role_cannot_tamper_with_the_audit_trail(app_connection, statements):
    events = _events(3)
    with pytest.raises(psycopg.Error), app_connection.transaction(), app_connection.cursor() as cursor:  # noqa: PT012
        for statement in statements:
            cursor.execute(statement)
    assert list(AuditEvent.objects.order_by("seq").values_list("pk", "action")) == [
        (e.pk, "test.event") for e in events
    ]
    assert chain_verify().holds


def test_the_app_role_can_read_and_append_but_the_table_is_not_its_own(app_connection):
    _events(1)
    with app_connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM audit_auditevent")
        assert cursor.fetchone() == (1,)
        cursor.execute("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'audit_auditevent'")
        assert cursor.fetchone() == (protect.OWNER,)
        cursor.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", [protect.OWNER])
        assert cursor.fetchone() == (False,)
        cursor.execute("UPDATE audit_auditchainhead SET seq = seq WHERE id = 1")
        assert cursor.rowcount == 1


def test_the_purge_function_deletes_no_row_that_has_not_expired(app_connection):
    events = _events(3)
    with app_connection.cursor() as cursor:
        cursor.execute("SELECT kansrijk_audit_purge()")
        assert cursor.fetchone() == (0,)
        cursor.execute("SELECT kansrijk_audit_anonymise(%s::bigint[])", [[e.pk for e in events]])
        assert cursor.fetchone() == (0,)
    assert AuditEvent.objects.filter(anonymised_at__isnull=True).count() == 3
    assert not AuditAnchor.objects.exists()


def test_the_purge_function_deletes_expired_rows_and_the_chain_still_verifies(app_connection, settings):
    with time_machine.travel(timezone.now() - timedelta(days=settings.AUDIT_RETENTION_DAYS + 10), tick=False):
        expired = _events(2)
    kept = _events(2)
    with app_connection.cursor() as cursor:
        cursor.execute("SELECT kansrijk_audit_purge()")
        assert cursor.fetchone() == (2,)
    assert list(AuditEvent.objects.order_by("seq").values_list("pk", flat=True)) == [e.pk for e in kept]
    anchor = AuditAnchor.objects.get()
    assert (anchor.seq, anchor.row_hash) == (expired[-1].seq, expired[-1].row_hash)
    verdict = chain_verify()
    assert verdict.holds, verdict.reason
    assert verdict.rows == 2
