"""PostgreSQL: hand the audit trail to the NOLOGIN role `kansrijk_audit_owner` (ADR 0010).

Runs when the migrating role is a superuser (CI, the tests, a DBA). A role that is only
allowed to create roles would keep the power to make itself a member of the owner role, so
it is not trusted with this; without a superuser the step is skipped with a notice and a DBA
runs `kansrijk audit-protect --app-role ROLE --apply` (or applies its printed SQL).
"""

import sys

from django.conf import settings
from django.db import migrations

from kansrijk.audit import protect


def _is_superuser(connection):
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        row = cursor.fetchone()
    return bool(row and row[0])


def forward(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    if not _is_superuser(connection):
        sys.stderr.write(
            "\naudit: not a superuser, so the audit trail is not yet protected from the app's own role. "
            "Ask a DBA to run `kansrijk audit-protect --app-role <role> --apply` (see README).\n"
        )
        return
    for statement in protect.protect_sql(app_roles=list(settings.AUDIT_APP_ROLES)):
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0005_chain_required_and_triggers")]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
