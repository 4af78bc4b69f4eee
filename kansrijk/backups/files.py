"""Checks on the paths given to `backup` and `restore`, and writing a backup file atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
KIND_LABELS = {SQLITE: "SQLite", POSTGRESQL: "PostgreSQL"}
_MAGIC = {SQLITE: b"SQLite format 3\x00", POSTGRESQL: b"PGDMP"}


class BackupError(Exception):
    """A backup or restore that cannot be done. `returncode` is 2 for bad input (a path, a file of
    the wrong kind) and 1 when the input is fine but the work could not be done (database in use)."""

    def __init__(self, message: str, *, bad_input: bool = True) -> None:
        super().__init__(message)
        self.returncode = 2 if bad_input else 1


def check_target(path: Path, *, overwrite: bool) -> None:
    """A backup may be written to `path`: a file name in a folder that exists and is writable."""
    if path.is_dir():
        raise BackupError(f"{path} is a folder; give a file name, e.g. {path / 'kansrijk-backup'}.")
    if path.exists() and not overwrite:
        raise BackupError(f"{path} already exists; choose a new name or pass --overwrite.")
    if not path.parent.is_dir():
        raise BackupError(f"The folder {path.parent} does not exist.")
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise BackupError(f"Cannot write in the folder {path.parent}: no permission.")


def kind_of(path: Path) -> str:
    """`sqlite` or `postgresql`, from the first bytes of the file; a clear error for anything else."""
    if not path.exists():
        raise BackupError(f"{path} does not exist.")
    if path.is_dir():
        raise BackupError(f"{path} is a folder, not a backup file.")
    if not os.access(path, os.R_OK):
        raise BackupError(f"Cannot read {path}: no permission.")
    with path.open("rb") as file:
        head = file.read(16)
    for kind, magic in _MAGIC.items():
        if head.startswith(magic):
            return kind
    if not head:
        raise BackupError(f"{path} is empty, not a backup.")
    raise BackupError(
        f"{path} is not a Kansrijk backup: neither an SQLite database nor a PostgreSQL archive (pg_dump -Fc)."
    )


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def written_atomically(path: Path) -> Iterator[Path]:
    """Yield a temporary file (mode 0600) beside `path`; when the block succeeds it is fsynced and
    renamed to `path`, otherwise removed. A failed backup never leaves a half-written file."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        _fsync(temporary)
        os.replace(temporary, path)
        _fsync(path.parent)
    finally:
        temporary.unlink(missing_ok=True)
