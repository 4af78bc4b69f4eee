"""Migration 0004 chains the audit rows written before the hash chain existed."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from kansrijk.audit.verify import chain_verify

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("audit", "0002_append_only_triggers")]


def test_existing_rows_are_chained_by_the_migration():
    if connection.vendor != "sqlite":
        pytest.skip("One database is enough for the data migration; PostgreSQL runs the same Python.")
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes("audit")
    executor.migrate(BEFORE)
    try:
        with connection.cursor() as cursor:
            for i in range(3):
                cursor.execute(
                    "INSERT INTO audit_auditevent (timestamp, actor_label, action, object_type, object_id, result,"
                    " client_address, detail, actor_id) VALUES (%s, 'a@example.org', 'old.event', 'x', %s,"
                    " 'success', '192.0.2.1', '{\"b\": 1, \"a\": [2]}', NULL)",
                    [f"2026-01-0{i + 1} 10:00:00.123456", str(i)],
                )
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(latest)
    verdict = chain_verify()
    assert verdict.holds, verdict.reason
    assert verdict.rows == 3
    call_command("audit-verify")
