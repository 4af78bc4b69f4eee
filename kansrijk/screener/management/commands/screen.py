"""`kansrijk screen [FILE|-]`: screen one household (JSON object) or a list of them."""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansrijk.rules import InputError, screen
from kansrijk.screener.selectors import known_municipality_codes, local_rules_for


class Command(BaseCommand):
    help = (
        "Screen households against the national schemes, the municipality's schemes and the funds "
        "(in order of use); JSON in (file or stdin), JSON out."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", default="-", help="JSON file, or - for stdin.")

    def handle(self, *args: Any, **options: Any) -> None:
        payload = self._read(options["file"])
        try:
            answer = screen(payload, known_municipality_codes(), local_rules_for)
        except InputError as error:
            raise CommandError(f"{error.field}: {error.message}", returncode=2) from None
        self.stdout.write(json.dumps(answer, ensure_ascii=False, indent=2))

    @staticmethod
    def _read(name: str) -> Any:
        try:
            if name == "-":
                text = sys.stdin.read()
            else:
                with open(name, encoding="utf-8") as handle:
                    text = handle.read()
        except OSError as error:
            raise CommandError(f"file: cannot read {name}: {error.strerror}", returncode=2) from None
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise CommandError(f"body: not valid JSON ({error.msg}, line {error.lineno})", returncode=2) from None
