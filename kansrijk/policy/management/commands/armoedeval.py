"""`kansrijk armoedeval --municipality GM1640 --household single_parent_2 --date 2026-01-01
[--from 100 --to 200 --step 1]` and `kansrijk armoedeval --list-households`."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansrijk.rules.armoedeval import curve, rows_for
from kansrijk.rules.contract import InputError
from kansrijk.rules.households import BY_KEY, STANDARD_HOUSEHOLDS
from kansrijk.rules.net import parse_date
from kansrijk.screener.selectors import known_municipality_codes, local_rules_for

LOWEST, HIGHEST = 0, 300


def _percent(value: str, field: str) -> int:
    if not value.isdigit() or not LOWEST <= int(value) <= HIGHEST:
        raise InputError(field, f"must be a whole number from {LOWEST} to {HIGHEST}")
    return int(value)


class Command(BaseCommand):
    help = (
        "Armoedeval: disposable income per year of a standard household from --from to --to percent of its "
        "bijstandsnorm (including holiday allowance), per scheme, with marginal rates and cliffs; JSON rows."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--list-households", action="store_true", help="List the standard household keys.")
        parser.add_argument("--municipality", help="CBS code, like GM1640.")
        parser.add_argument("--household", help="A standard household key (see --list-households).")
        parser.add_argument("--date", help="Date (YYYY-MM-DD).")
        parser.add_argument("--from", dest="low", default="100", help="Lowest percentage (default 100).")
        parser.add_argument("--to", dest="high", default="200", help="Highest percentage (default 200).")
        parser.add_argument("--step", default="1", help="Step in percent (default 1).")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list_households"]:
            listed = [
                {"key": h.key, "label": h.label, "partners": h.partners, "child_ages": list(h.child_ages)}
                for h in STANDARD_HOUSEHOLDS
            ]
            self.stdout.write(json.dumps(listed, ensure_ascii=False, indent=2))
            return
        try:
            rows = self._rows(options)
        except InputError as error:
            raise CommandError(f"{error.field}: {error.message}", returncode=2) from None
        self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1))

    @staticmethod
    def _rows(options: dict[str, Any]) -> list[dict[str, Any]]:
        municipality = options["municipality"]
        if municipality not in known_municipality_codes():
            raise InputError("municipality", "must be a known CBS code, like GM1640")
        household = BY_KEY.get(options["household"] or "")
        if household is None:
            raise InputError("household", f"must be one of {', '.join(BY_KEY)}")
        on = parse_date(options["date"], "date")
        low, high = _percent(options["low"], "from"), _percent(options["high"], "to")
        step = _percent(options["step"], "step")
        if step == 0:
            raise InputError("step", "must be at least 1")
        if high < low:
            raise InputError("to", "must not be below from")
        percents = list(range(low, high + 1, step))
        found = curve([household], municipality, on, local_rules_for(municipality), percents)
        return rows_for(found, 0, len(percents))
