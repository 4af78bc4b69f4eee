from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kansrijk.socialmap.selectors import hsds_export


class Command(BaseCommand):
    help = "Export the social map as an HSDS 3.1 tabular data package (datapackage.json + CSV) into PATH."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="Directory to write (created when missing).")

    def handle(self, *args: Any, **options: Any) -> None:
        counts = hsds_export(directory=options["path"])
        for table, count in counts.items():
            self.stdout.write(f"{table:24} {count:>7} rows")
        self.stdout.write(self.style.SUCCESS(f"Exported to {options['path']}."))
