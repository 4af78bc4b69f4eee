from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kansrijk.takeup.tasks import take_up_reminders


class Command(BaseCommand):
    help = (
        "Remind professionals, once per concern, to record whether the family applied for and received the "
        "schemes the check suggested, when nothing was recorded six weeks after the concern was raised. Enqueues "
        "the task (a worker `kansrijk db_worker` runs it); `--now` runs it in this process. Run daily."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", action="store_true", help="Run in this process instead of enqueueing.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            count = take_up_reminders.call()
            self.stdout.write(self.style.SUCCESS(f"Reminded {count} concern(s)."))
            return
        result = take_up_reminders.enqueue()
        self.stdout.write(self.style.SUCCESS(f"Enqueued take-up reminders (task {result.id})."))
