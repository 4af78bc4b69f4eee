"""The one door through which audit rows may leave the database: a whole-database purge.

The append-only triggers (migration 0002) refuse every UPDATE, and refuse DELETE/TRUNCATE
unless the connection is inside `purge_allowed()`. Only the test suite's database flush
and a deliberate operator action use it; normal code never does.
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


@contextmanager
def purge_allowed() -> Iterator[None]:
    _state.allowed = True
    postgres = [c for c in connections.all(initialized_only=True) if c.vendor == "postgresql"]
    try:
        for connection in postgres:
            with connection.cursor() as cursor:
                cursor.execute("SET kansrijk.audit_purge = 'on'")
        yield
    finally:
        _state.allowed = False
        for connection in postgres:
            if connection.connection is not None:
                with connection.cursor() as cursor:
                    cursor.execute("RESET kansrijk.audit_purge")
