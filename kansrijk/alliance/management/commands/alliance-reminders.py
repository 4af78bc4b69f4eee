from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kansrijk.alliance.tasks import send_report_reminders


class Command(BaseCommand):
    help = (
        "Remind coordinators whose yearly alliance progress report is due or overdue. "
        "Enqueues the background task; `--now` runs it in this process."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", action="store_true", help="Run now instead of enqueueing the task.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            sent = send_report_reminders.call()
            self.stdout.write(self.style.SUCCESS(f"{sent} reminder(s) sent."))
            return
        result = send_report_reminders.enqueue()
        self.stdout.write(self.style.SUCCESS(f"Reminder task enqueued (id {result.id})."))
