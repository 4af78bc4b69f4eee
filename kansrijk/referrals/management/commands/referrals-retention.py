from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansrijk.core.erasure_log import ErasureLogError
from kansrijk.referrals.retention import retention_run
from kansrijk.referrals.selectors import retention_days


class Command(BaseCommand):
    help = (
        "Erase personal data of closed concerns (no open referral) without activity for "
        "REFERRALS_RETENTION_DAYS days (default 365); an anonymous record stays for statistics "
        "and the audit trail records each erasure; the erasure log (ERASURE_LOG_PATH) lists the "
        "erased ids so that `kansrijk restore` can erase them again. `--dry-run` only shows what would be erased."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Show what would be erased; change nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = retention_run(dry_run=options["dry_run"])
        except ErasureLogError as error:
            raise CommandError(str(error)) from error
        verb = "Would erase" if options["dry_run"] else "Erased"
        for concern in result.due:
            self.stdout.write(
                f"  concern {concern.pk}  municipality {concern.municipality_id}  "
                f"last activity {concern.last_activity_at:%Y-%m-%d}"
            )
        count = len(result.due) if options["dry_run"] else result.erased
        self.stdout.write(
            self.style.SUCCESS(f"{verb} {count} concern(s) older than {retention_days()} days of inactivity.")
        )
