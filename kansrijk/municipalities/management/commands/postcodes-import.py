from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansrijk.municipalities.postcodes import PostcodeFileError
from kansrijk.municipalities.services import postcode_areas_import


class Command(BaseCommand):
    help = (
        "Load the 4-digit postcode areas (CBS postcode4) from the CBS GeoPackage or PDOK GeoJSON files: each "
        "area's municipality and centre. Bad features are listed by number, line and field, the rest stored. "
        "Exit 0 when the files were read, 2 when a file is not such a collection of postcode areas."
    )

    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "files", nargs="+", type=Path, help="GeoPackage or GeoJSON file(s), e.g. the pages of a WFS download."
        )
        parser.add_argument("--quiet", action="store_true", help="No progress on stderr.")

    def handle(self, *args: Any, **options: Any) -> None:
        def progress(message: str) -> None:
            if not options["quiet"]:
                sys.stderr.write(f"… {message}\n")

        try:
            report = postcode_areas_import(actor=None, paths=options["files"], progress=progress)
        except PostcodeFileError as error:
            raise CommandError(f"Not a postcode area file: {error}", returncode=2) from error
        if report.errors:
            self.stdout.write(self.style.WARNING(f"{len(report.errors)} feature(s) not stored:"))
            for problem in report.errors:
                self.stdout.write(f"  {problem}")
        updated = report.stored - report.created
        self.stdout.write(
            self.style.SUCCESS(f"Stored {report.stored} postcode areas ({report.created} new, {updated} updated).")
        )
