import pytest
from django.db import DatabaseError, connection, transaction

from kansrijk.audit.models import AppendOnlyError, AuditEvent
from kansrijk.audit.purge import purge_allowed
from kansrijk.audit.services import AuditOutsideTransactionError, record

pytestmark = pytest.mark.django_db


def _event() -> AuditEvent:
    with transaction.atomic():
        return record(actor=None, action="test.event", object_type="test", object_id="1")


def test_an_audit_row_cannot_be_changed_through_the_model():
    event = _event()
    event.action = "changed"
    with pytest.raises(AppendOnlyError):
        event.save()
    assert AuditEvent.objects.get(pk=event.pk).action == "test.event"


def test_an_audit_row_cannot_be_deleted_through_the_model():
    event = _event()
    with pytest.raises(AppendOnlyError):
        event.delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_bulk_update_and_delete_are_refused():
    _event()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().update(action="changed")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_auditevent SET action = 'changed'", "DELETE FROM audit_auditevent"],
)
def test_the_database_refuses_update_and_delete_from_any_client(statement):
    _event()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)
    assert AuditEvent.objects.filter(action="test.event").count() == 1


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL: see test_postgres_roles.py")
def test_chained_columns_stay_refused_on_sqlite_even_during_maintenance():
    _event()
    with purge_allowed(), pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET action = 'changed'")


def test_the_append_only_triggers_are_installed():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_auditevent'")
            assert {row[0] for row in cursor.fetchall()} == {"audit_no_update", "audit_no_delete", "audit_chain_fixed"}
        else:
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_auditevent'::regclass AND NOT tgisinternal"
            )
            assert {row[0] for row in cursor.fetchall()} == {"audit_no_update_delete", "audit_no_truncate"}


@pytest.mark.django_db(transaction=True)
def test_record_outside_a_transaction_is_refused():
    with pytest.raises(AuditOutsideTransactionError):
        record(actor=None, action="test.no_transaction")


def test_the_audit_row_disappears_with_a_failed_change():
    with pytest.raises(RuntimeError), transaction.atomic():  # noqa: PT012
        record(actor=None, action="test.rolled_back")
        raise RuntimeError("the change failed")
    assert not AuditEvent.objects.filter(action="test.rolled_back").exists()
