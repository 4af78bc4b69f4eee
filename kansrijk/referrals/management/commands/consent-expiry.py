from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kansrijk.referrals.tasks import consent_expiry


class Command(BaseCommand):
    help = (
        "Withdraw the open referrals made under consent that has passed its end date, as a withdrawal of "
        "consent does (the receiver is told). Expired consent already stops sharing at once; this closes the "
        "referrals. Enqueues the task (a worker `kansrijk db_worker` runs it); `--now` runs it in this "
        "process. Run daily from cron or a scheduler."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", action="store_true", help="Run in this process instead of enqueueing.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            count = consent_expiry.call()
            self.stdout.write(self.style.SUCCESS(f"Withdrew {count} referral(s) under expired consent."))
            return
        result = consent_expiry.enqueue()
        self.stdout.write(self.style.SUCCESS(f"Enqueued consent expiry (task {result.id})."))
