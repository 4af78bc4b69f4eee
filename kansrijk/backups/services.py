"""Backup and restore of the whole database (ADR 0011).

`backup_create` writes a consistent copy of the database to a new file; `backup_restore`
replaces the database by such a copy, brings its schema up to date, and erases again every
record in the erasure log that the copy still holds. Both are audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor

from kansrijk.audit.services import record
from kansrijk.backups import postgres, sqlite
from kansrijk.backups.files import KIND_LABELS, POSTGRESQL, SQLITE, BackupError, check_target, kind_of
from kansrijk.backups.files import written_atomically as _written_atomically
from kansrijk.backups.replay import ReplayResult, erasures_replay
from kansrijk.core import erasure_log

__all__ = ["BackupError", "RestoreResult", "backup_create", "backup_restore", "erasures_reapply"]


@dataclass
class RestoreResult:
    kind: str
    migrations_applied: int
    replay: ReplayResult
    log: erasure_log.ErasureLogContents


def _vendor(connection: BaseDatabaseWrapper) -> str:
    if connection.vendor not in KIND_LABELS:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.", bad_input=False)
    return str(connection.vendor)


def backup_create(*, path: Path, overwrite: bool = False, using: str = "default") -> str:
    """Write a backup of the database to `path`; returns its kind (`sqlite` or `postgresql`)."""
    connection = connections[using]
    kind = _vendor(connection)
    check_target(path, overwrite=overwrite)
    with _written_atomically(path) as temporary:
        if kind == SQLITE:
            sqlite.backup(connection, temporary)
        else:
            postgres.backup(connection, temporary)
    with transaction.atomic(using=using):
        record(actor=None, action="backup.create", actor_label="backup", detail={"kind": kind, "file": path.name})
    return kind


def _check_backup(connection: BaseDatabaseWrapper, path: Path) -> str:
    kind = kind_of(path)
    vendor = _vendor(connection)
    if kind != vendor:
        raise BackupError(f"{path} is a {KIND_LABELS[kind]} backup, but this database is {KIND_LABELS[vendor]}.")
    if kind == SQLITE:
        sqlite.check_backup(path)
    else:
        postgres.check_archive(connection, path)
    return kind


def _migrate(using: str) -> int:
    """Apply the migrations an older backup lacks; returns how many."""
    executor = MigrationExecutor(connections[using])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        call_command("migrate", database=using, interactive=False, verbosity=0)
    return len(plan)


def _read_log() -> erasure_log.ErasureLogContents:
    try:
        return erasure_log.read()
    except erasure_log.ErasureLogError as error:
        raise BackupError(f"{error} Nothing was changed.", bad_input=False) from error


def erasures_reapply(*, using: str = "default") -> RestoreResult:
    """Only re-apply the erasure log (e.g. when the log was found after a restore)."""
    log = _read_log()
    applied = _migrate(using)
    replay = erasures_replay(log)
    return RestoreResult(kind=_vendor(connections[using]), migrations_applied=applied, replay=replay, log=log)


def backup_restore(*, path: Path, using: str = "default") -> RestoreResult:
    """Replace the database by the backup at `path`, then re-apply the logged erasures."""
    connection = connections[using]
    kind = _check_backup(connection, path)
    log = _read_log()
    if kind == POSTGRESQL:
        postgres.restore(connection, path)
    else:
        sqlite.restore(connection, path)
    ContentType.objects.clear_cache()
    try:
        applied = _migrate(using)
        replay = erasures_replay(log)
    except Exception as error:
        raise BackupError(
            f"The backup was restored, but bringing it up to date failed: {error}. Fix the cause and run "
            "`kansrijk restore --erasures-only` before starting the site: erased data is back until then.",
            bad_input=False,
        ) from error
    with transaction.atomic(using=using):
        record(
            actor=None,
            action="backup.restore",
            actor_label="restore",
            detail={"kind": kind, "file": path.name, "migrations": applied, "erasures_replayed": replay.total},
        )
    return RestoreResult(kind=kind, migrations_applied=applied, replay=replay, log=log)
