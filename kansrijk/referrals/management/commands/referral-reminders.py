from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kansrijk.referrals.tasks import referral_reminders


class Command(BaseCommand):
    help = (
        "Remind organisations of referrals unanswered for 10 working days (Mon-Fri; public holidays are not "
        "skipped) and tell the referrers. Enqueues the task (a worker `kansrijk db_worker` runs it); "
        "`--now` runs it in this process. Run daily from cron or a scheduler."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", action="store_true", help="Run in this process instead of enqueueing.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            count = referral_reminders.call()
            self.stdout.write(self.style.SUCCESS(f"Reminded {count} referral(s)."))
            return
        result = referral_reminders.enqueue()
        self.stdout.write(self.style.SUCCESS(f"Enqueued referral reminders (task {result.id})."))
