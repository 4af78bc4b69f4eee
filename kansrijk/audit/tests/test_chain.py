"""The hash chain: every row is linked to the one before it; `audit-verify` finds the first broken link."""

import importlib
import sqlite3
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from kansrijk.audit import chain
from kansrijk.audit.models import AuditAnchor, AuditChainHead, AuditEvent
from kansrijk.audit.retention import audit_purge
from kansrijk.audit.services import record
from kansrijk.audit.verify import chain_verify
from kansrijk.organisations.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
triggers = importlib.import_module("kansrijk.audit.migrations.0005_chain_required_and_triggers")


def _events(count: int) -> list[AuditEvent]:
    user = UserFactory()
    with transaction.atomic():
        return [
            record(actor=user, action=f"test.event{i}", object_type="test", object_id=str(i), detail={"n": i})
            for i in range(count)
        ]


def _verify(capsys) -> tuple[int, str]:
    try:
        call_command("audit-verify")
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    else:
        code = 0
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_each_row_is_chained_to_the_one_before():
    first, second, third = _events(3)
    assert (first.seq, second.seq, third.seq) == (1, 2, 3)
    assert first.prev_hash == chain.GENESIS
    assert second.prev_hash == first.row_hash
    assert third.prev_hash == second.row_hash
    head = AuditChainHead.objects.get()
    assert (head.seq, head.row_hash) == (3, third.row_hash)


def test_verify_says_the_chain_holds_with_the_number_of_rows(capsys):
    _events(4)
    code, output = _verify(capsys)
    assert code == 0
    assert "holds: 4 rows" in output


def test_a_rolled_back_record_leaves_the_chain_whole(capsys):
    _events(2)
    with pytest.raises(RuntimeError), transaction.atomic():  # noqa: PT012
        record(actor=None, action="test.rolled_back")
        raise RuntimeError("the change failed")
    _events(1)
    assert chain_verify().holds


@pytest.fixture
def sqlite_file(django_db_blocker):
    """A second connection to the test database that bypasses Django, as an attacker who owns the file;
    it drops the triggers (they call a function only Kansrijk's connections have). Restored afterwards."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: on PostgreSQL the app's role cannot write the table (test_postgres_roles.py).")
    raw = sqlite3.connect(connection.settings_dict["NAME"], uri=True, isolation_level=None)
    for name in ("audit_no_update", "audit_chain_fixed", "audit_no_delete"):
        raw.execute(f"DROP TRIGGER IF EXISTS {name}")
    yield raw
    for statement in triggers.SQLITE_BACKWARD + triggers.SQLITE_FORWARD:
        raw.execute(statement)
    raw.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("column", "value"),
    [("action", "'test.innocent'"), ("actor_label", "'someone-else@example.org'"), ("detail", "'{\"n\": 99}'")],
)
def test_verify_names_a_row_changed_directly_in_the_sqlite_file(sqlite_file, capsys, column, value):
    events = _events(3)
    sqlite_file.execute(f"UPDATE audit_auditevent SET {column} = {value} WHERE id = ?", [events[1].pk])  # noqa: S608
    code, output = _verify(capsys)
    assert code == 1
    assert f"row id {events[1].pk} " in output


@pytest.mark.django_db(transaction=True)
def test_verify_sees_rows_deleted_from_the_end_of_the_sqlite_file(sqlite_file, capsys):
    events = _events(3)
    sqlite_file.execute("DELETE FROM audit_auditevent WHERE id = ?", [events[2].pk])
    code, output = _verify(capsys)
    assert code == 1
    assert f"row id {events[1].pk} " in output
    assert "missing" in output


@pytest.mark.django_db(transaction=True)
def test_verify_sees_a_row_deleted_from_the_middle_of_the_sqlite_file(sqlite_file, capsys):
    events = _events(3)
    sqlite_file.execute("DELETE FROM audit_auditevent WHERE id = ?", [events[1].pk])
    code, output = _verify(capsys)
    assert code == 1
    assert f"row id {events[2].pk} " in output


def test_purge_removes_expired_rows_and_the_chain_still_verifies(settings, capsys):
    settings.AUDIT_RETENTION_DAYS = 30
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL purges with now(): test_postgres_roles.py covers it.")
    old = _events(3)
    later = timezone.now() + timedelta(days=31)
    removed = audit_purge(now=later)
    assert removed == 3
    assert not AuditEvent.objects.exists()
    anchor = AuditAnchor.objects.get()
    assert (anchor.seq, anchor.row_hash, anchor.purged) == (3, old[2].row_hash, 3)
    _events(2)
    code, output = _verify(capsys)
    assert code == 0, output
    assert "holds: 2 rows" in output


def test_purge_keeps_rows_that_have_not_expired(settings):
    settings.AUDIT_RETENTION_DAYS = 30
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL purges with now(): test_postgres_roles.py covers it.")
    _events(2)
    assert audit_purge(now=timezone.now() + timedelta(days=29)) == 0
    assert AuditEvent.objects.count() == 2
    assert not AuditAnchor.objects.exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_one_unbroken_chain():
    """Also the very first rows: the chain head does not exist yet (a flushed database)."""
    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL: SQLite serialises writers at BEGIN IMMEDIATE.")
    import threading

    from django.db import connections

    AuditChainHead.objects.all().delete()
    start = threading.Barrier(4, timeout=60)

    def write(n: int) -> None:
        try:
            start.wait()
            for i in range(10):
                with transaction.atomic():
                    record(actor=None, action=f"test.thread{n}", object_id=str(i))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    verdict = chain_verify()
    assert verdict.holds, verdict.reason
    assert verdict.rows == 40
