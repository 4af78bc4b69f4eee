"""`kansrijk whatif --municipality GM1640 --scheme <key> [--income-limit-percent P] [--amount-cents A]
--date YYYY-MM-DD [--take-up 0.7]` and `kansrijk whatif --list-schemes --municipality GM1640`.

Baseline and reform of one scheme over the municipality's seeded synthetic population (the editor
preview's population), through `rules.reform.compare`. No measured take-up is available in this branch:
the take-up is the one given, or a stated default, and the answer says which.
"""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansrijk.rules.contract import InputError
from kansrijk.rules.local import select_rules
from kansrijk.rules.net import parse_date
from kansrijk.rules.params import load_parameters
from kansrijk.rules.reform import Reform, compare
from kansrijk.screener.preview import population_for
from kansrijk.screener.selectors import known_municipality_codes, local_rules_for

DEFAULT_TAKE_UP = "0.7"  # a stated assumption (issue 17's example), not a measurement
MAX_PERCENT, MAX_CENTS = 300, 100_000_00


def _whole(value: str | None, field: str, high: int) -> int | None:
    if value is None:
        return None
    if not value.isdigit() or int(value) > high:
        raise InputError(field, f"must be a whole number from 0 to {high}")
    return int(value)


def _take_up(value: str) -> Fraction:
    try:
        rate = Fraction(value)
    except (ValueError, ZeroDivisionError):
        raise InputError("take-up", "must be a number from 0 to 1, like 0.7") from None
    if not 0 <= rate <= 1:
        raise InputError("take-up", "must be a number from 0 to 1, like 0.7")
    return rate


class Command(BaseCommand):
    help = "What-if of one municipal scheme: baseline against a changed limit or amount over a synthetic population."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--list-schemes", action="store_true", help="List the scheme keys of the municipality.")
        parser.add_argument("--municipality", help="CBS code, like GM1640.")
        parser.add_argument("--scheme", help="Scheme key (see --list-schemes).")
        parser.add_argument("--income-limit-percent", help="New income limit, % of the bijstandsnorm.")
        parser.add_argument("--amount-cents", help="New amount per child (or per household), cents per year.")
        parser.add_argument("--date", help="Date (YYYY-MM-DD).")
        parser.add_argument("--take-up", default=None, help=f"Take-up, 0 to 1 (default {DEFAULT_TAKE_UP}, stated).")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            answer = self._answer(options)
        except InputError as error:
            raise CommandError(f"{error.field}: {error.message}", returncode=2) from None
        self.stdout.write(json.dumps(answer, ensure_ascii=False, indent=2))

    @staticmethod
    def _answer(options: dict[str, Any]) -> Any:
        municipality = options["municipality"]
        if municipality not in known_municipality_codes():
            raise InputError("municipality", "must be a known CBS code, like GM1640")
        rules = local_rules_for(municipality)
        if options["list_schemes"]:
            return sorted({r.key for r in rules if r.municipality == municipality})
        on = parse_date(options["date"], "date")
        in_force = {r.key: r for r in select_rules(rules, municipality, on)}
        rule = in_force.get(options["scheme"] or "")
        if rule is None or rule.municipality != municipality:
            raise InputError("scheme", "is not a scheme of this municipality in force on the date (see --list-schemes)")
        limit = _whole(options["income_limit_percent"], "income-limit-percent", MAX_PERCENT)
        amount = _whole(options["amount_cents"], "amount-cents", MAX_CENTS)
        take_up = _take_up(options["take_up"] or DEFAULT_TAKE_UP)
        per_child = rule.for_children and rule.amount_per_household is None
        reform = Reform(
            rule.key,
            income_limit_percent=limit,
            amount_per_child=amount if per_child else None,
            amount_per_household=None if per_child else amount,
        )
        found = compare(rules, reform, municipality, population_for(municipality, on.year), on)
        unpublished = load_parameters().unpublished_since(on)
        return {
            "baseline": _reach(found.baseline),
            "reform": _reach(found.reform),
            "expected_recipients": {
                "households": round(found.reform.households * take_up),
                "children": round(found.reform.children * take_up),
                "cost_cents": round(found.reform.cost_cents * take_up),
            },
            "assumptions": {
                "take_up": float(take_up),
                "take_up_source": "given" if options["take_up"] else "default (stated, not measured)",
                "population": "seeded synthetic population calibrated to the CBS population of the municipality",
                "national_values": (
                    f"last known (values from {unpublished.isoformat()} not yet published)"
                    if unpublished
                    else "published"
                ),
            },
        }


def _values_note(unpublished: dt.date | None) -> str:
    if unpublished is None:
        return "published"
    return f"last known (values from {unpublished.isoformat()} not yet published)"


def _reach(reach: Any) -> dict[str, int]:
    return {"households": reach.households, "children": reach.children, "cost_cents": reach.cost_cents}
