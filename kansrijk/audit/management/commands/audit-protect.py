from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction

from kansrijk.audit import protect


class Command(BaseCommand):
    help = (
        "PostgreSQL: print (or with --apply, run as a superuser) the SQL that makes the audit trail "
        "impossible to rewrite for the app's role: the maintenance functions with the current "
        "retention periods, a NOLOGIN owner role for the audit tables, and the app role's grants."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--app-role",
            action="append",
            default=[],
            help="Role the app connects as (repeatable); default AUDIT_APP_ROLES.",
        )
        parser.add_argument("--apply", action="store_true", help="Run the SQL now (needs a superuser connection).")

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("audit-protect is for PostgreSQL; on SQLite the file's owner controls everything.")
        try:
            roles = [protect.check_role_name(r) for r in options["app_role"] or settings.AUDIT_APP_ROLES]
        except ValueError as error:
            raise CommandError(str(error)) from error
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_schema()")
            schema = cursor.fetchone()[0]
        statements = protect.maintenance_sql(
            schema=schema,
            retention_days=settings.AUDIT_RETENTION_DAYS,
            personal_days=settings.AUDIT_PERSONAL_RETENTION_DAYS,
        ) + protect.protect_sql(app_roles=roles)
        if not options["apply"]:
            self.stdout.write("BEGIN;\n" + "".join(f"{s};\n" for s in statements) + "COMMIT;")
            return
        with transaction.atomic(), connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
        self.stdout.write(f"The audit trail is now owned by {protect.OWNER}; granted to: {', '.join(roles) or '-'}.")
