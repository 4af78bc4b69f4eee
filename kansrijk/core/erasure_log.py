"""The erasure log: which records were erased, kept outside the database (ADR 0011).

Restoring a backup brings back everything that was erased after the backup was made. This
log lives in a file outside the database (`ERASURE_LOG_PATH`), so a restore does not roll it
back. One JSON line per erasure, and nothing personal in it, only the kind of record, its
id and when it was erased:

    {"at": "2026-12-04T16:00:00+00:00", "id": "7c0f…", "model": "referrals.concern"}

Every line is written with O_APPEND under an exclusive lock and fsynced before `append`
returns. `kansrijk restore` reads the log and erases again every record it names that the
restored database still holds.
"""

from __future__ import annotations

import fcntl
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings


class ErasureLogError(Exception):
    """The erasure log cannot be written (missing folder, no permission, a folder in its place)."""


@dataclass(frozen=True)
class Erasure:
    model: str
    object_id: str
    at: str


@dataclass
class ErasureLogContents:
    erasures: list[Erasure] = field(default_factory=list)
    bad_lines: list[int] = field(default_factory=list)
    missing: bool = False


def log_path() -> Path:
    return Path(settings.ERASURE_LOG_PATH)


def check_writable(path: Path | None = None) -> None:
    """Raise `ErasureLogError` when an erasure could not be logged at `path`."""
    path = path or log_path()
    if path.is_dir():
        raise ErasureLogError(f"The erasure log {path} is a folder, not a file (set ERASURE_LOG_PATH).")
    if path.exists():
        if not os.access(path, os.W_OK):
            raise ErasureLogError(f"The erasure log {path} is not writable.")
        return
    if not path.parent.is_dir():
        raise ErasureLogError(f"The folder of the erasure log {path} does not exist (set ERASURE_LOG_PATH).")
    if not os.access(path.parent, os.W_OK):
        raise ErasureLogError(f"The erasure log cannot be created in {path.parent}: no permission.")


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def append(*, model: str, object_id: str, at: datetime | None = None) -> None:
    """Append one erasure and fsync it; a torn last line (crash while writing) is closed first."""
    path = log_path()
    check_writable(path)
    moment = (at or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    line = json.dumps({"model": model, "id": object_id, "at": moment}, sort_keys=True) + "\n"
    created = not path.exists()
    try:
        _write(path, line)
        if created:
            _fsync_folder(path.parent)
    except OSError as error:
        raise ErasureLogError(
            f"Could not write to the erasure log {path} ({error.strerror}); add this line by hand: {line.strip()}"
        ) from error


def _write(path: Path, line: str) -> None:
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        size = os.fstat(fd).st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":
            line = "\n" + line
        os.write(fd, line.encode())
        os.fsync(fd)
    finally:
        os.close(fd)


def _parse(text: str) -> Erasure | None:
    try:
        entry = json.loads(text)
    except ValueError:
        return None
    if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("model", "id", "at")):
        return None
    return Erasure(model=entry["model"], object_id=entry["id"], at=entry["at"])


def read(path: Path | None = None) -> ErasureLogContents:
    """Every erasure in the log, in order; lines that cannot be read are listed by number."""
    path = path or log_path()
    contents = ErasureLogContents()
    if not path.exists():
        contents.missing = True
        return contents
    try:
        with path.open(encoding="utf-8", errors="replace") as lines:
            for number, text in enumerate(lines, start=1):
                if not text.strip():
                    continue
                erasure = _parse(text)
                if erasure is None:
                    contents.bad_lines.append(number)
                else:
                    contents.erasures.append(erasure)
    except OSError as error:
        raise ErasureLogError(f"The erasure log {path} cannot be read: {error.strerror}.") from error
    return contents
