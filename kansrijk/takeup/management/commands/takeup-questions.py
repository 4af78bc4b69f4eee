from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kansrijk.takeup.tasks import family_questions


class Command(BaseCommand):
    help = (
        "E-mail families who left an address the follow-up question six days after their check, and delete "
        "follow-ups (code and address) older than 60 days. Enqueues the task (a worker `kansrijk db_worker` "
        "runs it); `--now` runs it in this process. Run daily."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", action="store_true", help="Run in this process instead of enqueueing.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            count = family_questions.call()
            self.stdout.write(self.style.SUCCESS(f"Sent {count} question(s)."))
            return
        result = family_questions.enqueue()
        self.stdout.write(self.style.SUCCESS(f"Enqueued follow-up questions (task {result.id})."))
