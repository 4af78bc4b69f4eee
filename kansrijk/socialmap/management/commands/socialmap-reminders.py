from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kansrijk.socialmap.tasks import stale_listing_reminders


class Command(BaseCommand):
    help = (
        "Enqueue the reminder task for listings not confirmed for 12 months (run daily from cron or a "
        "scheduler; a worker `kansrijk db_worker` sends the e-mails)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = stale_listing_reminders.enqueue()
        self.stdout.write(self.style.SUCCESS(f"Enqueued stale listing reminders (task {result.id})."))
