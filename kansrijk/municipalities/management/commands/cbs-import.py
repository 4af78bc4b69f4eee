from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansrijk.municipalities.services import cbs_figures_store
from kansrijk.municipalities.statline import PROFILES, StatlineError, read_statline


class Command(BaseCommand):
    help = (
        "Load newer CBS figures per municipality from a StatLine CSV download (semicolons) of a table Kansrijk "
        f"keeps ({', '.join(p.table_id for p in PROFILES)}). All or nothing: exit 2 naming line and column when "
        "the file has a bad value; nothing is stored then. Rows of provinces, the country, other categories and "
        "municipalities that no longer exist are skipped and counted."
    )

    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="StatLine CSV file, e.g. 85678NED.csv.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            table = read_statline(path)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}", returncode=2) from None
        except StatlineError as error:
            lines = "\n  ".join(error.problems)
            raise CommandError(f"{path.name}: nothing loaded.\n  {lines}", returncode=2) from None
        report = cbs_figures_store(actor=None, figures=table.figures, source=path.name)
        self.stdout.write(
            self.style.SUCCESS(
                f"{path.name}: CBS {table.profile.table_id} ({table.profile.title}): stored {report.stored} "
                f"figures ({report.created} new, {report.stored - report.created} replaced)."
            )
        )
        for (measure, year), count in sorted(Counter((f.measure, f.period) for f in table.figures).items()):
            flag = " (provisional)" if any(f.provisional for f in table.figures if f.period == year) else ""
            self.stdout.write(f"  {measure} {year}{flag}: {count} municipalities")
        for reason, count in sorted(table.skipped.items()):
            self.stdout.write(f"  skipped: {count} x {reason}")
        if table.unknown_regions:
            self.stdout.write(f"  not in the 2025 municipalities: {', '.join(sorted(table.unknown_regions))}")
