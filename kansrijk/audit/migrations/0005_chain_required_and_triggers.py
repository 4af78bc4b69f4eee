"""Every row has a place in the chain; the triggers come back (ADR 0010).

SQLite: UPDATE and DELETE are refused unless Kansrijk's own connection is inside
`purge_allowed()` (the retention), and the chained columns can never be updated.
PostgreSQL: triggers plus the SECURITY DEFINER maintenance functions of `kansrijk.audit.protect`.
"""

from django.conf import settings
from django.db import migrations, models

from kansrijk.audit import protect

MESSAGE = protect.MESSAGE
CHAINED_SQLITE = "seq, timestamp, action, object_type, result, personal_digest, prev_hash, row_hash"
SQLITE_FORWARD = [
    f"""CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_auditevent
        WHEN NOT kansrijk_audit_purge_allowed()
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
    f"""CREATE TRIGGER audit_chain_fixed BEFORE UPDATE OF {CHAINED_SQLITE} ON audit_auditevent
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
    f"""CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_auditevent
        WHEN NOT kansrijk_audit_purge_allowed()
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS audit_no_update",
    "DROP TRIGGER IF EXISTS audit_chain_fixed",
    "DROP TRIGGER IF EXISTS audit_no_delete",
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS audit_no_update_delete ON audit_auditevent",
    "DROP TRIGGER IF EXISTS audit_no_truncate ON audit_auditevent",
    "DROP FUNCTION IF EXISTS kansrijk_audit_purge()",
    "DROP FUNCTION IF EXISTS kansrijk_audit_anonymise(bigint[])",
]


def _schema(schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        return cursor.fetchone()[0]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = SQLITE_FORWARD
    elif vendor == "postgresql":
        statements = protect.maintenance_sql(
            schema=_schema(schema_editor),
            retention_days=settings.AUDIT_RETENTION_DAYS,
            personal_days=settings.AUDIT_PERSONAL_RETENTION_DAYS,
        )
    else:
        statements = []
    for statement in statements:
        schema_editor.execute(statement, params=None)


def backward(apps, schema_editor):
    statements = {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_chain_existing_rows")]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="seq",
            field=models.BigIntegerField(
                editable=False, unique=True, help_text="Position in the hash chain (1, 2, 3, …)."
            ),
        ),
        migrations.RunPython(forward, backward),
    ]
