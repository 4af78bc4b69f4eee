"""Database triggers that make the audit trail append-only for every client.

UPDATE is always refused. DELETE (and TRUNCATE on PostgreSQL) is refused unless the
connection is inside `kansrijk.audit.purge.purge_allowed()`; on SQLite that is a function
only Kansrijk's own connections have, so another client cannot delete either.
"""

from django.db import migrations

MESSAGE = "audit_auditevent is append-only"

SQLITE_FORWARD = [
    f"""CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_auditevent
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
    f"""CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_auditevent
        WHEN NOT kansrijk_audit_purge_allowed()
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
]
SQLITE_BACKWARD = ["DROP TRIGGER IF EXISTS audit_no_update;", "DROP TRIGGER IF EXISTS audit_no_delete;"]

POSTGRES_FORWARD = [
    f"""CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger AS $$
        BEGIN
            IF TG_OP <> 'UPDATE' AND current_setting('kansrijk.audit_purge', true) = 'on' THEN
                IF TG_LEVEL = 'ROW' THEN RETURN OLD; END IF;
                RETURN NULL;
            END IF;
            RAISE EXCEPTION '{MESSAGE}';
        END; $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER audit_no_update_delete BEFORE UPDATE OR DELETE ON audit_auditevent
        FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();""",
    """CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit_auditevent
        FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();""",
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS audit_no_update_delete ON audit_auditevent;",
    "DROP TRIGGER IF EXISTS audit_no_truncate ON audit_auditevent;",
    "DROP FUNCTION IF EXISTS audit_refuse_change();",
]


def _run(schema_editor, statements_by_vendor):
    for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def forward(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD})


def backward(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD})


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
