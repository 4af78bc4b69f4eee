from __future__ import annotations

import resource
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansrijk.socialmap.hsds.importing import ImportFailed
from kansrijk.socialmap.hsds.reader import PackageError
from kansrijk.socialmap.services import hsds_import


class Command(BaseCommand):
    help = (
        "Import an HSDS package into the social map: a directory with datapackage.json and CSV files, "
        "or an HSDS JSON file. Valid rows are stored (re-importing updates them); rejected rows are listed "
        "with table, row, field and reason. Exit 0 when the package was read, 2 when it cannot be read or "
        "the import failed (then nothing of it is stored)."
    )

    # A data load: Django's system checks (1.5 s of start-up) are for serving and migrating.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="Directory with datapackage.json, or an HSDS JSON file.")
        parser.add_argument("--quiet", action="store_true", help="No progress on stderr.")

    def handle(self, *args: Any, **options: Any) -> None:
        def progress(message: str) -> None:
            if not options["quiet"]:
                sys.stderr.write(f"… {message}\n")

        try:
            report = hsds_import(actor=None, path=options["path"], progress=progress)
        except (PackageError, ImportFailed) as error:
            prefix = "The package cannot be read: " if isinstance(error, PackageError) else ""
            raise CommandError(f"{prefix}{error}", returncode=2) from error
        lines = [f"note: {note}" for note in report.notes] + [f"warning: {w}" for w in report.warnings]
        for line in lines:
            self.stdout.write(line)
        for table, count in report.counts.items():
            self.stdout.write(
                f"{table:24} created {count.created:>7}  updated {count.updated:>7}  rejected {count.rejected:>6}"
            )
        if report.rejections:
            self.stdout.write(self.style.WARNING(f"{len(report.rejections)} problem(s) in rejected rows:"))
            for rejection in report.rejections:
                self.stdout.write(f"  {rejection}")
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {report.stored} rows in {report.seconds:.1f} s (peak memory {peak_mb:.0f} MB)."
            )
        )
