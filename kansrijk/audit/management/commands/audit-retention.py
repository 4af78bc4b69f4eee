from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kansrijk.audit.retention import audit_anonymise, audit_purge


class Command(BaseCommand):
    help = (
        "Audit trail retention (run daily): remove the personal fields of rows about erased objects "
        "after AUDIT_PERSONAL_RETENTION_DAYS, then delete rows older than AUDIT_RETENTION_DAYS; "
        "the hash chain stays verifiable (an anchor marks where it resumes)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        anonymised = audit_anonymise()
        purged = audit_purge()
        self.stdout.write(f"Audit trail: {anonymised} rows anonymised, {purged} rows purged.")
