from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansrijk.backups.files import KIND_LABELS
from kansrijk.backups.services import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Write a consistent backup of the whole database to PATH while the site keeps running: "
        "PostgreSQL with pg_dump -Fc, SQLite with its online backup API. The file is written beside "
        "PATH first and renamed when complete (mode 0600: it holds personal data). "
        "Exit code 2: bad PATH; 1: the backup failed. Restore with `kansrijk restore PATH`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="The backup file to write (its folder must exist).")
        parser.add_argument("--overwrite", action="store_true", help="Replace PATH if it exists.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        try:
            kind = backup_create(path=path, overwrite=options["overwrite"])
        except BackupError as error:
            raise CommandError(str(error), returncode=error.returncode) from error
        size = path.stat().st_size
        self.stdout.write(self.style.SUCCESS(f"Wrote a {KIND_LABELS[kind]} backup to {path} ({size:,} bytes)."))
