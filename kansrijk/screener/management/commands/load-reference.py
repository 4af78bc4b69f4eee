from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kansrijk.screener.services import load_reference


class Command(BaseCommand):
    help = (
        "Load the reference data every install needs (idempotent): the national funds with their criteria "
        "and sources. The need taxonomy and the pledge text come with `migrate`."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        summary = load_reference()
        self.stdout.write(
            self.style.SUCCESS(
                f"Reference data loaded: {summary.organisations} organisation(s), {summary.schemes} fund(s), "
                f"{summary.versions} version(s) added."
            )
        )
