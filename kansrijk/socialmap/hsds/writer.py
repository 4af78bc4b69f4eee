"""How the importer holds the database while it imports: Python's cycle collector off, a large
SQLite cache, and on PostgreSQL a second connection that stores one batch while the next is
checked (`BackgroundWriter`)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Protocol

from django.db import connection, connections, transaction

from kansrijk.socialmap.hsds.storing import Batch, Row


class Settles(Protocol):
    """What the writer needs of the importer: store a batch, and settle its result."""

    def _write_rows(self, batch: Batch) -> tuple[list[Row], list[tuple[Row, str]]]: ...

    def _settle(self, name: str, stored: list[Row], refused: list[tuple[Row, str]]) -> None: ...


@contextlib.contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Python's cyclic garbage collector off while importing. The importer keeps millions of
    small objects alive until it ends (known ids, addresses, documents), and every full
    collection walked them all again: 22 of 100 s for the 100k package, at the same peak
    memory without it. The importer makes no reference cycles to collect; reference counting
    still frees everything else at once."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def large_cache() -> None:
    """SQLite: random UUID keys touch the whole B-trees; keep them in memory while importing."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -262144")


def second_connection_sees_all() -> bool:
    """Whether a second connection may store rows: PostgreSQL, when the caller holds no
    transaction (the second connection would not see its uncommitted rows). Not SQLite:
    measured, a second writer thread made the 100k import slower (92 s against 80 s), as
    most of SQLite's storing is Python-side work under the same GIL."""
    return connection.vendor == "postgresql" and not connection.in_atomic_block


class BackgroundWriter:
    """PostgreSQL: store batch N on a second connection while the importer checks batch N+1.

    Checking is Python work and storing is mostly the database server's, so on two cores the
    two overlap. One batch is in flight at a time; its result is settled on the importing
    thread before the next is sent and at the end of every table. Every write of the import
    happens on the writer's connection, in one transaction (a context manager: committed when
    the import ends well, rolled back when it fails).
    """

    def __init__(self, importer: Settles) -> None:
        self.importer = importer
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hsds-import")
        self.pending: tuple[str, Future[tuple[list[Row], list[tuple[Row, str]]]]] | None = None
        self.atomic = transaction.atomic()

    def __enter__(self) -> BackgroundWriter:
        self.call(self.atomic.__enter__)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: Any) -> None:
        try:
            if error is None:
                self.drain()
        except BaseException as failure:
            kind, error, trace = type(failure), failure, failure.__traceback__
            raise
        finally:
            self.pending = None
            try:
                self.call(lambda: self.atomic.__exit__(kind, error, trace))
            finally:
                self.pool.submit(connections.close_all).result()  # the writer thread's own connection
                self.pool.shutdown()

    def call(self, function: Callable[[], Any]) -> Any:
        """Run `function` on the writer's thread (its connection) and wait for it."""
        self.drain()
        return self.pool.submit(function).result()

    def submit(self, batch: Batch) -> None:
        self.drain()
        self.pending = (batch.table.name, self.pool.submit(self.importer._write_rows, batch))

    def drain(self) -> None:
        if self.pending is not None:
            name, future = self.pending
            self.pending = None
            self.importer._settle(name, *future.result())
