"""The maintenance door of the audit trail on SQLite, and the test suite's database flush.

On SQLite the append-only triggers ask `kansrijk_audit_purge_allowed()`, a function only
Kansrijk's own connections have; it answers yes inside `purge_allowed()`, which only the
audit retention (`kansrijk.audit.retention`) and the test suite's flush use. Another client
of the file has no such function and must drop the triggers to change a row, which the hash
chain then shows (`kansrijk audit-verify`).

On PostgreSQL there is no session switch any more (ADR 0010): maintenance runs through the
SECURITY DEFINER functions of `kansrijk.audit.protect`. `purge_allowed()` only lets a
*superuser* session (the test suite's flush) skip triggers through `session_replication_role`,
which PostgreSQL lets no other role set — and a superuser could drop the triggers anyway.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

_state = threading.local()
SQL_FUNCTION = "kansrijk_audit_purge_allowed"


def is_purge_allowed() -> bool:
    return bool(getattr(_state, "allowed", False))


def register_sqlite_function(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """Give each SQLite connection the function the triggers ask (connection_created hook)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQL_FUNCTION, 0, lambda: int(is_purge_allowed()), deterministic=False)


def _is_superuser(connection: BaseDatabaseWrapper) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        row = cursor.fetchone()
    return bool(row and row[0])


@contextmanager
def purge_allowed() -> Iterator[None]:
    _state.allowed = True
    postgres = [c for c in connections.all(initialized_only=True) if c.vendor == "postgresql" and _is_superuser(c)]
    try:
        for connection in postgres:
            with connection.cursor() as cursor:
                cursor.execute("SET session_replication_role = replica")
        yield
    finally:
        _state.allowed = False
        for connection in postgres:
            if connection.connection is not None:
                with connection.cursor() as cursor:
                    cursor.execute("RESET session_replication_role")
