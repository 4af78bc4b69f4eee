"""`kansrijk monitor --year YYYY --out FILE.pdf`: the alliance's yearly monitor as a PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone, translation

from kansrijk.outcomes.monitor import monitor_pdf, yearly_monitor


class Command(BaseCommand):
    help = "Write the alliance's yearly monitor (partners, reach, time to help, children's voice) as a PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, required=True, help="The year of the monitor, e.g. 2025.")
        parser.add_argument("--out", type=Path, required=True, help="The PDF file to write.")

    def handle(self, *args: Any, **options: Any) -> None:
        year: int = options["year"]
        if not 2019 <= year <= timezone.localdate().year:
            raise CommandError(f"--year: choose a year from 2019 to {timezone.localdate().year}.")
        out: Path = options["out"]
        if not out.parent.is_dir():
            raise CommandError(f"--out: the folder {out.parent} does not exist.")
        with translation.override("nl"):
            content = monitor_pdf(yearly_monitor(year))
        out.write_bytes(content)
        self.stdout.write(f"Wrote the monitor of {year} to {out} ({len(content)} bytes).")
