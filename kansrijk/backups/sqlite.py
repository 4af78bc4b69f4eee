"""SQLite: backup and restore through SQLite's online backup API (`sqlite3.Connection.backup`).

The backup API copies the database page by page in one consistent snapshot, while the site
keeps running; a restore writes the pages of the backup into the live database under
SQLite's own write lock, so another process sees either the old or the new database.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from kansrijk.backups.files import BackupError

REQUIRED_TABLES = ("django_migrations", "referrals_concern", "audit_auditevent")


def _raw(connection: Any) -> sqlite3.Connection:
    connection.ensure_connection()
    raw: sqlite3.Connection = connection.connection
    return raw


def _busy(error: sqlite3.Error) -> bool:
    return "locked" in str(error) or "busy" in str(error)


def backup(connection: Any, target: Path) -> None:
    """Copy the whole database into `target`, as a plain (non-WAL) SQLite file."""
    destination = sqlite3.connect(target)
    try:
        _raw(connection).backup(destination)
        destination.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as error:
        if _busy(error):
            raise BackupError("The database is in use (locked); try again.", bad_input=False) from error
        raise
    finally:
        destination.close()


def _open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def check_backup(path: Path) -> None:
    """The file is a sound SQLite database holding Kansrijk's tables."""
    try:
        source = _open_read_only(path)
        try:
            (verdict,) = source.execute("PRAGMA quick_check(1)").fetchone()
            tables = {name for (name,) in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            source.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a readable SQLite database: {error}.") from error
    if verdict != "ok":
        raise BackupError(f"{path} is damaged (SQLite integrity check: {verdict}).")
    missing = [table for table in REQUIRED_TABLES if table not in tables]
    if missing:
        raise BackupError(f"{path} is an SQLite database, but not a Kansrijk backup (no {', '.join(missing)}).")


def restore(connection: Any, source: Path) -> None:
    """Replace the whole database by the backup in `source` (all or nothing)."""
    if connection.in_atomic_block:
        raise BackupError("A restore cannot run inside a transaction.", bad_input=False)
    backup_file = _open_read_only(source)
    try:
        backup_file.backup(_raw(connection))
    except sqlite3.Error as error:
        if _busy(error):
            raise BackupError(
                "The database is in use: another process is writing to it. Stop the app servers and workers "
                "(and any `kansrijk` command) and try again.",
                bad_input=False,
            ) from error
        raise
    finally:
        backup_file.close()
