"""Importing an HSDS package: validate every row, store the valid ones, report the rest.

The whole import is one transaction: the rows, then the locations' municipality and search
point, then the search documents of every touched service. When a stage fails, nothing of
the import is stored (`ImportFailed`, one line: the stage and the cause). Each batch of rows
is a savepoint with its audit record; when the database refuses a batch, its rows are
retried one by one, so a row is stored whole or not at all. A row that points to a rejected
row is rejected with that reason. Re-importing updates rows in place (upsert on the HSDS id).
"""

from __future__ import annotations

import contextlib
import gc
import time
import uuid
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import DatabaseError, connection, connections, models, transaction
from django.utils import timezone

from kansrijk.audit.services import record
from kansrijk.organisations.models import Organisation
from kansrijk.socialmap import search
from kansrijk.socialmap.geo import location_geo, postcode_normalize
from kansrijk.socialmap.hsds import places, rules
from kansrijk.socialmap.hsds.reader import Package, PackageError
from kansrijk.socialmap.hsds.tables import TABLE_BY_NAME, CellError, Column, Table, check_format, columns, max_lengths
from kansrijk.socialmap.models import HsdsOrganization, Service, ServiceAtLocation

BATCH = 5000  # rows per savepoint; on PostgreSQL one is stored while the next is checked
# SQLite stores ten batches per savepoint (a refused one is retried row by row). Random UUID
# keys spread each batch over whole B-trees, so every transaction rewrote nearly every page
# of the table and its indexes: fewer transactions, fewer rewrites (100k package: 83 → 76 s;
# now the whole import is one transaction).
SQLITE_BATCHES = 10
ORGANISATION_FIELDS = ("name", "description", "email", "website")


@dataclass(frozen=True)
class Rejection:
    table: str
    row: str
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.table} {self.row} {self.field or '-'}: {self.reason}"


@dataclass
class TableCount:
    created: int = 0
    updated: int = 0
    rejected: int = 0


@dataclass
class ImportReport:
    counts: dict[str, TableCount] = field(default_factory=dict)
    rejections: list[Rejection] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # stored, but something is missing
    seconds: float = 0.0

    @property
    def stored(self) -> int:
        return sum(c.created + c.updated for c in self.counts.values())


Row = tuple[str, dict[str, Any]]


class Importer:
    def __init__(self, *, actor: AbstractBaseUser | None, progress: Callable[[str], None] | None = None) -> None:
        self.actor = actor
        self._progress = progress or (lambda message: None)
        self._started = time.monotonic()
        self.report = ImportReport()
        self.known: dict[str, set[uuid.UUID]] = {}
        self.rejected: dict[str, dict[uuid.UUID, str]] = defaultdict(dict)
        self.municipalities = places.PlaceIndex()
        self.rule_context = rules.Context(municipalities=self.municipalities, reference_error=self.reference_error)
        self.hsds_organizations: set[uuid.UUID] | None = None
        self.touched_services: set[uuid.UUID] = set()
        self.touched_locations: set[uuid.UUID] = set()
        self.touched_organisations: set[uuid.UUID] = set()  # existing ones that were updated
        # Addresses of the package by location, read before the locations so that a location's
        # municipality and search point are written with it (no UPDATE pass afterwards).
        self.package_addresses: dict[uuid.UUID, list[tuple[str, str, str, str, str]]] = {}
        self.derived_locations: set[uuid.UUID] = set()  # new locations derived while inserting
        self.rederive: set[uuid.UUID] = set()  # ... whose addresses were not all stored
        self.writer: BackgroundWriter | None = None
        self.stage = "reading the package"

    def progress(self, message: str) -> None:
        self._progress(f"[{time.monotonic() - self._started:6.1f} s] {message}")

    # -- flow -------------------------------------------------------------------------------------

    def run(self, package: Package) -> ImportReport:
        """Import the package in one transaction: all of it is stored, or, when a stage fails
        (rows, locations, search index), nothing of it (`ImportFailed`, the data as before)."""
        started = time.monotonic()
        self.report.notes += package.notes
        _large_cache()
        with _without_cycle_collection():
            self._run(package)
        self.progress("updating the database's statistics")
        _analyze()
        self.report.seconds = time.monotonic() - started
        return self.report

    def _run(self, package: Package) -> None:
        if "location" in package.sources and "address" in package.sources:
            self._read_addresses(package)
        if _second_connection_sees_all():
            self.writer = BackgroundWriter(self)
        try:
            with self.writer or transaction.atomic():
                for name in package.table_names():
                    self.stage = f"storing the {name} rows"
                    self._table(package, name)
                if self.writer is not None:
                    self.writer.call(self._finish)  # on the writer's connection, in its transaction
                else:
                    self._finish()
        except PackageError:
            raise
        except Exception as error:
            raise ImportFailed(self.stage, error) from error
        finally:
            self.writer = None

    def _finish(self) -> None:
        """Locations' municipalities and search points, then the search documents of every touched service."""
        self.stage = "deriving the municipalities of the locations"
        pending = (self.touched_locations - self.derived_locations) | (self.rederive & self.touched_locations)
        self.progress(f"deriving municipalities and search points of {len(pending)} locations")
        rules.derive_locations(pending, self.municipalities)
        self.report.warnings += places.unplaced_warnings(self.touched_locations)
        self.stage = "building the search index"
        services = (
            self.touched_services | _services_at(self.touched_locations) | _services_of(self.touched_organisations)
        )
        self.progress(f"indexing {len(services)} services for search")
        search.index_services(sorted(services))

    def _read_addresses(self, package: Package) -> None:
        for _, cells in package.rows("address"):
            try:
                location_id = uuid.UUID(cells.get("location_id", ""))
            except ValueError:
                continue  # the address row will be rejected
            self.package_addresses.setdefault(location_id, []).append(
                (
                    cells.get("region", ""),
                    cells.get("postal_code", ""),
                    cells.get("country", ""),
                    cells.get("address_type", ""),
                    cells.get("city", ""),
                )
            )
        self.progress(f"address: read {sum(map(len, self.package_addresses.values()))} rows ahead of the locations")

    def _address_not_stored(self, location_id: Any) -> None:
        if isinstance(location_id, uuid.UUID):
            self.rederive.add(location_id)
        elif isinstance(location_id, str):
            with contextlib.suppress(ValueError):
                self.rederive.add(uuid.UUID(location_id))

    def _table(self, package: Package, name: str) -> None:
        self.report.counts[name] = TableCount()
        cols = columns(name)
        lengths = max_lengths(name)
        seen: dict[uuid.UUID, str] = {}
        batch: list[Row] = []
        total = package.count(name)
        read = 0
        # A row may refer to a row of its own table (a term's parent): such a table is written
        # in step, so the reference check knows what the previous batch stored.
        background = not any(col.ref == name for col in cols)
        self.known_ids(name)  # loaded here, before a background write reads it
        size = BATCH * (SQLITE_BATCHES if connection.vendor == "sqlite" else 1)
        for source, cells in package.rows(name):
            read += 1
            values = self._convert(name, cols, lengths, source, cells, seen)
            if values is not None:
                batch.append((source, values))
            if len(batch) >= size:
                self._write(name, batch, background=background)
                batch = []
                self.progress(f"{name}: {read}{f'/{total}' if total else ''} rows")
        if batch:
            self._write(name, batch, background=background)
        if self.writer is not None:
            self.writer.drain()  # the next table's references need this one's rows
        self.progress(f"{name}: {read} rows done")

    # -- checking ---------------------------------------------------------------------------------

    def _reject(self, name: str, source: str, errors: list[tuple[str, str]], row_id: Any) -> None:
        self.report.counts[name].rejected += 1
        for field_name, reason in errors:
            self.report.rejections.append(Rejection(name, source, field_name, reason))
        if isinstance(row_id, uuid.UUID):
            self.rejected[name][row_id] = f"{source}: {errors[0][1]}"

    def _cells(  # noqa: C901
        self, cols: tuple[Column, ...], lengths: dict[str, int], cells: dict[str, str]
    ) -> tuple[dict[str, Any], list[tuple[str, str]]]:
        values: dict[str, Any] = {}
        errors: list[tuple[str, str]] = []
        plain = _plain_text_columns(cols, lengths)
        for col in cols:
            raw = cells.get(col.name, "")
            if col.name in plain and raw:  # fast path, same checks: free text with at most a length
                values[col.attname] = raw
                limit = plain[col.name]
                if limit is not None and len(raw) > limit:
                    errors.append((col.name, f"is longer than {limit} characters"))
                continue
            if raw == "":
                if col.required:
                    errors.append((col.name, "is required"))
                values[col.attname] = None if col.parse is not str else ""
                continue
            try:
                if col.enum and raw not in col.enum:
                    raise CellError(f"'{raw}' is not one of: {', '.join(col.enum)}")
                check_format(col.fmt, raw)
                values[col.attname] = col.parse(raw)
            except CellError as error:
                errors.append((col.name, str(error)))
                continue
            if col.attname in lengths and len(raw) > lengths[col.attname]:
                errors.append((col.name, f"is longer than {lengths[col.attname]} characters"))
        return values, errors

    def _convert(
        self,
        name: str,
        cols: tuple[Column, ...],
        lengths: dict[str, int],
        source: str,
        cells: dict[str, str],
        seen: dict[uuid.UUID, str],
    ) -> dict[str, Any] | None:
        values, errors = self._cells(cols, lengths, cells)
        row_id: Any = values.get("organisation_id" if name == "organization" else "id")
        if not errors and row_id in seen:
            errors.append(("id", f"is a duplicate of {seen[row_id]}"))
        if not errors:
            errors = self._references(cols, values) or rules.check(self.rule_context, name, values)
        if errors:
            self._reject(name, source, errors, row_id)
            if name == "address":
                self._address_not_stored(values.get("location_id") or cells.get("location_id"))
            return None
        seen[row_id] = source
        return values

    def known_ids(self, table: str) -> set[uuid.UUID]:
        if table not in self.known:
            model: type[models.Model] = Organisation if table == "organization" else TABLE_BY_NAME[table].model
            self.known[table] = set(model._default_manager.values_list("pk", flat=True))
        return self.known[table]

    def reference_error(self, table: str, value: uuid.UUID) -> str:
        if value in self.rejected[table]:
            return f"refers to {table} {value}, which was rejected ({self.rejected[table][value]})"
        if value not in self.known_ids(table):
            return f"refers to unknown {table} {value}"
        return ""

    def _references(self, cols: tuple[Column, ...], values: dict[str, Any]) -> list[tuple[str, str]]:
        errors = []
        for col in cols:
            if col.ref and values.get(col.attname) is not None:
                reason = self.reference_error(col.ref, values[col.attname])
                if reason:
                    errors.append((col.name, reason))
        return errors

    # -- writing ----------------------------------------------------------------------------------

    def _write(self, name: str, rows: list[Row], *, background: bool) -> None:
        batch = self._prepare(name, rows)
        if self.writer is not None:  # all writes on its connection: one transaction
            self.writer.submit(batch)
            if not background:
                self.writer.drain()
        else:
            self._settle(name, *self._write_rows(batch))

    def _prepare(self, name: str, rows: list[Row]) -> Batch:
        """The Python part of storing (derived columns, database values), on the importing thread."""
        table = TABLE_BY_NAME[name]
        known = self.known_ids(name)
        if name == "organization":
            now = timezone.now()
            for _, values in rows:
                values["last_modified"] = now
        if name == "location":
            self._derive_locations(rows, known)
        statement = _statement(table, tuple(rows[0][1]))
        return Batch(
            table=table,
            rows=rows,
            params=statement.params([values for _, values in rows]),
            new=[_row_id(values) not in known for _, values in rows],
            statement=statement,
        )

    def _write_rows(self, batch: Batch) -> tuple[list[Row], list[tuple[Row, str]]]:
        """Store a batch (one transaction); when the database refuses it, row by row.

        Only database work: the bookkeeping is `_settle`'s, on the importing thread.
        """
        try:
            with transaction.atomic():
                self._store(batch)
        except DatabaseError:
            stored, refused = [], []
            for index, row in enumerate(batch.rows):
                try:
                    with transaction.atomic():
                        self._store(batch.only(index))
                except DatabaseError as error:
                    refused.append((row, f"the database refused the row: {error}"))
                else:
                    stored.append(row)
            return stored, refused
        return batch.rows, []

    def _settle(self, name: str, stored: list[Row], refused: list[tuple[Row, str]]) -> None:
        for (source, values), reason in refused:
            self._reject(name, source, [("", reason)], values.get("id"))
            if name == "address":
                self._address_not_stored(values.get("location_id"))
        if stored:
            self._stored(name, stored)

    def _store(self, batch: Batch) -> None:
        table, created = batch.table, sum(batch.new)
        if table.name == "organization":
            self._store_organisations(batch.rows)
        self._ensure_hsds_organizations(batch.rows)
        _upsert(batch)
        record(
            actor=self.actor,
            action="socialmap.hsds_import",
            object_type=table.model._meta.label_lower,
            detail={
                "table": table.name,
                "rows": len(batch.rows),
                "created": created,
                "updated": len(batch.rows) - created,
            },
            actor_label="" if self.actor else "cli",
        )

    def _derive_locations(self, batch: list[Row], known: set[uuid.UUID]) -> None:
        """Municipality, postcode and search point from the package's addresses, written with the row.

        Exact for a new location (all its addresses are in this package); a location that
        existed may have other addresses in the database and is derived again afterwards.
        """
        for _, values in batch:
            location_id = values["id"]
            best = rules.best_address(self.package_addresses.get(location_id, []))
            latitude, longitude = values.get("latitude"), values.get("longitude")
            municipality = self.municipalities.locate(best, latitude, longitude)
            geo = location_geo(latitude, longitude, municipality)
            values["municipality_id"] = municipality.code if municipality else None
            values["postcode"] = postcode_normalize(best[1]) if best else ""
            values["geo_latitude"], values["geo_longitude"], values["geo_source"] = geo
            if location_id not in known:
                self.derived_locations.add(location_id)

    def _stored(self, name: str, batch: list[Row]) -> None:
        known = self.known_ids(name)
        for _, values in batch:
            row_id = _row_id(values)
            if row_id in known:
                self.report.counts[name].updated += 1
                if name == "organization":  # its name is in the documents of all its services
                    self.touched_organisations.add(row_id)
            else:
                self.report.counts[name].created += 1
                known.add(row_id)
            touched = rules.touched(name, values)
            if touched is not None:
                kind, touched_id = touched
                (self.touched_services if kind == "service" else self.touched_locations).add(touched_id)

    def _store_organisations(self, batch: list[Row]) -> None:
        organisations = [
            Organisation(
                id=values["organisation_id"],
                kind=rules.organisation_kind(values.get("legal_status") or ""),
                **{key: values.get(key) or "" for key in ORGANISATION_FIELDS},
            )
            for _, values in batch
        ]
        Organisation.objects.bulk_create(
            organisations,
            update_conflicts=True,
            unique_fields=["id"],
            update_fields=[*ORGANISATION_FIELDS, "updated_at"],
        )

    def _ensure_hsds_organizations(self, batch: list[Row]) -> None:
        """A package may name one of our organisations by its UUID without an organization row."""
        if self.hsds_organizations is None:
            self.hsds_organizations = set(HsdsOrganization.objects.values_list("pk", flat=True))
        ids: set[uuid.UUID] = {v["organization_id"] for _, v in batch if v.get("organization_id")}
        ids -= self.hsds_organizations
        if ids:
            HsdsOrganization.objects.bulk_create(
                [HsdsOrganization(organisation_id=org_id) for org_id in ids], ignore_conflicts=True
            )
            self.hsds_organizations |= ids


@contextlib.contextmanager
def _without_cycle_collection() -> Iterator[None]:
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


def _large_cache() -> None:
    """SQLite: random UUID keys touch the whole B-trees; keep them in memory while importing."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -262144")


def _second_connection_sees_all() -> bool:
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

    def __init__(self, importer: Importer) -> None:
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


class ImportFailed(Exception):
    """An import that stopped: nothing of it was stored. One line: at which stage and why."""

    def __init__(self, stage: str, error: BaseException) -> None:
        cause = " ".join(str(error).split()) or type(error).__name__
        super().__init__(f"The import stopped while {stage} and stored nothing: {type(error).__name__}: {cause}")
        self.stage = stage


@dataclass(frozen=True)
class Statement:
    """How the rows of one table with one set of columns are written (built once, from model
    metadata only; every value is a parameter)."""

    db_table: str
    columns_sql: str  # the columns the rows carry first, then those that take their default
    pk_column: str
    updates: str
    upsert_sql: str
    given: tuple[str, ...]
    defaults: tuple[Any, ...]  # database values
    converters: tuple[tuple[int, Callable[[Any], Any]], ...]  # the columns whose value needs converting

    def params(self, rows: list[dict[str, Any]]) -> list[Sequence[Any]]:
        get = itemgetter(*self.given)
        if len(self.given) == 1:
            values = [(get(row), *self.defaults) for row in rows]
        else:
            values = [get(row) + self.defaults for row in rows]
        if not self.converters:
            return values  # type: ignore[return-value]
        converted: list[Sequence[Any]] = []
        for row_values in values:
            row_list = list(row_values)
            for index, convert in self.converters:
                row_list[index] = convert(row_list[index])
            converted.append(row_list)
        return converted


_STATEMENTS: dict[tuple[str, str, tuple[str, ...]], Statement] = {}


def _statement(table: Table, given: tuple[str, ...]) -> Statement:
    """INSERT … ON CONFLICT (id) DO UPDATE for the columns the rows carry.

    Columns a row does not carry (Kansrijk extensions such as a location's search point)
    get their default on insert and are left alone on update.
    """
    key = (connection.vendor, table.name, given)
    if key in _STATEMENTS:
        return _STATEMENTS[key]
    model = table.model
    fields = [f for f in model._meta.concrete_fields if not getattr(f, "auto_now", False) or f.attname in given]
    fields.sort(key=lambda f: f.attname not in given)  # stable: given columns first, in model order
    pk = model._meta.pk
    assert pk is not None
    quote = connection.ops.quote_name
    columns_sql = ", ".join(quote(f.column) for f in fields)
    updates = (
        ", ".join(
            f"{quote(f.column)} = EXCLUDED.{quote(f.column)}"
            for f in fields
            if f.attname in given and not f.primary_key
        )
        or f"{quote(pk.column)} = EXCLUDED.{quote(pk.column)}"
    )
    statement = Statement(
        db_table=model._meta.db_table,
        columns_sql=columns_sql,
        pk_column=pk.column,
        updates=updates,
        upsert_sql=(
            f"INSERT INTO {quote(model._meta.db_table)} ({columns_sql}) "  # noqa: S608
            f"VALUES ({', '.join(['%s'] * len(fields))}) ON CONFLICT ({quote(pk.column)}) DO UPDATE SET {updates}"
        ),
        given=tuple(f.attname for f in fields if f.attname in given),
        defaults=tuple(_db_value(f)(f.get_default()) for f in fields if f.attname not in given),
        converters=tuple(
            (index, convert)
            for index, f in enumerate(fields)
            if f.attname in given and (convert := _db_value(f)) is not _identity
        ),
    )
    _STATEMENTS[key] = statement
    return statement


@dataclass
class Batch:
    """Checked rows of one table with their database values, ready to store."""

    table: Table
    rows: list[Row]
    params: list[Sequence[Any]]
    new: list[bool]  # per row: not in the database when the batch was prepared
    statement: Statement

    def only(self, index: int) -> Batch:
        return Batch(
            self.table,
            self.rows[index : index + 1],
            self.params[index : index + 1],
            self.new[index : index + 1],
            self.statement,
        )


def _upsert(batch: Batch) -> None:
    """Write a batch: insert new rows, update existing ones in place."""
    statement, params = batch.statement, batch.params
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and len(params) > 1:
            _copy_upsert(cursor, statement, params, all_new=all(batch.new))
        else:
            cursor.executemany(statement.upsert_sql, params)


def _copy_upsert(cursor: Any, statement: Statement, params: list[Sequence[Any]], *, all_new: bool) -> None:
    """PostgreSQL: rows that are all new are COPY'd straight into the table; otherwise into a
    temporary table, then one INSERT … SELECT … ON CONFLICT.

    Same result as the row-by-row upsert (the rows of a batch have distinct ids). If a row
    turns out to exist after all (another import at the same time), the unique key refuses
    the COPY; a refused batch is rolled back whole and retried row by row with the upsert.
    """
    quote = connection.ops.quote_name
    columns_sql = statement.columns_sql
    if all_new:
        with cursor.cursor.copy(f"COPY {quote(statement.db_table)} ({columns_sql}) FROM STDIN") as copy:
            for row in params:
                copy.write_row(row)
        return
    staging = quote(f"import_{statement.db_table}_{zlib.crc32(columns_sql.encode()):08x}")  # one per set of columns
    cursor.execute(
        f"CREATE TEMPORARY TABLE IF NOT EXISTS {staging} AS "  # noqa: S608
        f"SELECT {columns_sql} FROM {quote(statement.db_table)} WITH NO DATA"
    )
    with cursor.cursor.copy(f"COPY {staging} ({columns_sql}) FROM STDIN") as copy:
        for row in params:
            copy.write_row(row)
    cursor.execute(
        f"INSERT INTO {quote(statement.db_table)} ({columns_sql}) SELECT {columns_sql} FROM {staging} "  # noqa: S608
        f"ON CONFLICT ({quote(statement.pk_column)}) DO UPDATE SET {statement.updates}"
    )
    cursor.execute(f"TRUNCATE {staging}")


_PLAIN: dict[int, dict[str, int | None]] = {}


def _plain_text_columns(cols: tuple[Column, ...], lengths: dict[str, int]) -> dict[str, int | None]:
    """Columns whose only checks are "required" and a maximum length (text without enum or
    format), by HSDS name, with that length; computed once per table."""
    key = id(cols)
    if key not in _PLAIN:
        _PLAIN[key] = {
            col.name: lengths.get(col.attname) for col in cols if col.parse is str and not col.enum and not col.fmt
        }
    return _PLAIN[key]


def _analyze() -> None:
    """After a bulk load the query planner needs fresh statistics, or PostgreSQL picks bad plans.

    Outside a transaction PostgreSQL also vacuums (hardly slower: 1.7 s against 1.3 s for 800k
    rows): that marks the new rows visible to all (index-only scans, no hint-bit writes on the
    first searches) and merges the GIN indexes' pending lists, which searches otherwise scan
    one entry at a time — do not count on autovacuum, which may be off or late.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
            tables = [t.model._meta.db_table for t in TABLE_BY_NAME.values()]
            for name in [*tables, "socialmap_service_search", "organisations_organisation"]:
                cursor.execute(f"{command} {connection.ops.quote_name(name)}")
        elif connection.vendor == "sqlite":
            cursor.execute("PRAGMA optimize")


def _identity(value: Any) -> Any:
    return value


def _uuid_hex(value: Any) -> Any:
    return None if value is None else value.hex


def _db_value(model_field: models.Field[Any, Any]) -> Callable[[Any], Any]:
    """A fast converter to the database value; the generic Django path for the rare types."""
    target = model_field
    while isinstance(target, models.ForeignKey):  # a key to a key (one-to-one primary key): its final type
        target = target.target_field
    if isinstance(target, models.UUIDField):
        return _identity if connection.features.has_native_uuid_field else _uuid_hex
    if isinstance(
        target, (models.CharField, models.TextField, models.IntegerField, models.FloatField, models.BooleanField)
    ):
        return _identity
    return lambda value: model_field.get_db_prep_save(value, connection)


def _row_id(values: dict[str, Any]) -> Any:
    return values.get("id", values.get("organisation_id"))


def _services_at(location_ids: set[uuid.UUID]) -> set[uuid.UUID]:
    return _ids_where(ServiceAtLocation, "service_id", "location_id", location_ids, whole_table_from=20_000)


def _services_of(organisation_ids: set[uuid.UUID]) -> set[uuid.UUID]:
    # Organisations have many services each: an IN list of 1,000 already reads much of the table.
    return _ids_where(Service, "id", "organization_id", organisation_ids, whole_table_from=1000)


def _ids_where(
    model: type[models.Model], wanted: str, column: str, values: set[uuid.UUID], *, whole_table_from: int
) -> set[uuid.UUID]:
    """`wanted` of the rows whose `column` is one of `values`; for many values one read of the
    whole table, which beats IN lists."""
    ids = list(values)
    found: set[uuid.UUID] = set()
    if len(ids) > whole_table_from:
        for result, value in model._default_manager.values_list(wanted, column).iterator(chunk_size=10_000):
            if value in values:
                found.add(result)
        return found
    for start in range(0, len(ids), 10_000):
        found.update(
            model._default_manager.filter(**{f"{column}__in": ids[start : start + 10_000]}).values_list(
                wanted, flat=True
            )
        )
    return found
