"""`kansrijk net --monthly-wage 4000.00 --date 2026-01-01`: gross -> net by the witte maandtabel."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansrijk.rules.contract import InputError
from kansrijk.rules.net import net_monthly


class Command(BaseCommand):
    help = (
        "Monthly wage tax and net wage by the Belastingdienst's standard monthly table (witte maandtabel), "
        "for an employee below AOW age with loonheffingskorting; JSON out."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--monthly-wage", required=True, help="Gross monthly wage in euros, like 4000.00.")
        parser.add_argument("--date", required=True, help="Date (YYYY-MM-DD): the table of that year.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            answer = net_monthly(options["monthly_wage"], options["date"])
        except InputError as error:
            raise CommandError(f"{error.field}: {error.message}", returncode=2) from None
        self.stdout.write(json.dumps(answer, ensure_ascii=False))
