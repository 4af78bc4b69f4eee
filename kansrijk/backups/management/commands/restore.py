from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansrijk.backups.files import KIND_LABELS
from kansrijk.backups.services import BackupError, RestoreResult, backup_restore, erasures_reapply
from kansrijk.core.erasure_log import log_path


class Command(BaseCommand):
    help = (
        "Replace the whole database by the backup in PATH (made by `kansrijk backup`), apply any "
        "migrations the backup lacks, then erase again every record in the erasure log "
        "(ERASURE_LOG_PATH) that the backup still holds. Stop the app servers and workers first. "
        "Exit code 2: bad PATH or not a backup of this database's kind; 1: the restore failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, nargs="?", help="The backup file.")
        parser.add_argument(
            "--no-input", "--noinput", action="store_false", dest="interactive", help="Do not ask for confirmation."
        )
        parser.add_argument(
            "--erasures-only",
            action="store_true",
            help="Do not restore; only re-apply the erasure log to the current database.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path | None = options["path"]
        try:
            if options["erasures_only"]:
                result = erasures_reapply()
            elif path is None:
                raise CommandError("Give the backup file: kansrijk restore PATH.", returncode=2)
            else:
                self._confirm(path, options["interactive"])
                result = backup_restore(path=path)
        except BackupError as error:
            raise CommandError(str(error), returncode=error.returncode) from error
        self._report(path, result)

    def _confirm(self, path: Path, interactive: bool) -> None:
        if not interactive:
            return
        answer = input(f"This replaces the whole database by {path}. Type 'yes' to continue: ")
        if answer.strip().lower() != "yes":
            raise CommandError("Restore cancelled; nothing changed.", returncode=1)

    def _report(self, path: Path | None, result: RestoreResult) -> None:
        if path is not None:
            self.stdout.write(self.style.SUCCESS(f"Restored the {KIND_LABELS[result.kind]} backup {path}."))
        if result.migrations_applied:
            self.stdout.write(f"Applied {result.migrations_applied} migration(s) the backup did not have.")
        if result.log.missing:
            self.stdout.write(
                self.style.WARNING(
                    f"No erasure log at {log_path()}: nothing to re-apply. If personal data was erased after this "
                    "backup was made, set ERASURE_LOG_PATH to the log and run `kansrijk restore --erasures-only`."
                )
            )
        for number in result.log.bad_lines:
            self.stdout.write(self.style.WARNING(f"Erasure log line {number} cannot be read; it was skipped."))
        for model, count in result.replay.unknown.items():
            self.stdout.write(self.style.WARNING(f"{count} logged erasure(s) of {model}: no way to re-apply them."))
        already = result.replay.logged - result.replay.total - sum(result.replay.unknown.values())
        note = f" ({already} other logged erasure(s) were already done in this database)" if already else ""
        self.stdout.write(
            self.style.SUCCESS(f"Re-applied {result.replay.total} erasure(s) from the erasure log{note}.")
        )
