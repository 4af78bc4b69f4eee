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
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import DatabaseError, connection, models, transaction
from django.utils import timezone

from kansrijk.audit.services import record
from kansrijk.organisations.models import Organisation
from kansrijk.socialmap import search
from kansrijk.socialmap.geo import location_geo, postcode_normalize
from kansrijk.socialmap.hsds import places, rules, storing
from kansrijk.socialmap.hsds.checking import check_cells
from kansrijk.socialmap.hsds.reader import Package, PackageError
from kansrijk.socialmap.hsds.storing import (
    Batch,
    Row,
    analyze,
    ensure_hsds_organizations,
    row_key,
    services_at,
    services_of,
    statement_for,
    store_organisations,
)
from kansrijk.socialmap.hsds.tables import TABLE_BY_NAME, Column, columns, max_lengths
from kansrijk.socialmap.hsds.writer import (
    BackgroundWriter,
    large_cache,
    second_connection_sees_all,
    without_cycle_collection,
)
from kansrijk.socialmap.models import HsdsOrganization

BATCH = 5000  # rows per savepoint; on PostgreSQL one is stored while the next is checked
# SQLite stores ten batches per savepoint (a refused one is retried row by row). Random UUID
# keys spread each batch over whole B-trees, so every transaction rewrote nearly every page
# of the table and its indexes: fewer transactions, fewer rewrites (100k package: 83 → 76 s;
# now the whole import is one transaction).
SQLITE_BATCHES = 10


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
        large_cache()
        with without_cycle_collection():
            self._run(package)
        self.progress("updating the database's statistics")
        analyze()
        self.report.seconds = time.monotonic() - started
        return self.report

    def _run(self, package: Package) -> None:
        if "location" in package.sources and "address" in package.sources:
            self._read_addresses(package)
        if second_connection_sees_all():
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
        services = self.touched_services | services_at(self.touched_locations) | services_of(self.touched_organisations)
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

    def _convert(
        self,
        name: str,
        cols: tuple[Column, ...],
        lengths: dict[str, int],
        source: str,
        cells: dict[str, str],
        seen: dict[uuid.UUID, str],
    ) -> dict[str, Any] | None:
        values, errors = check_cells(cols, lengths, cells)
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
        statement = statement_for(table, tuple(rows[0][1]))
        return Batch(
            table=table,
            rows=rows,
            params=statement.params([values for _, values in rows]),
            new=[row_key(values) not in known for _, values in rows],
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
            store_organisations(batch.rows)
        if self.hsds_organizations is None:
            self.hsds_organizations = set(HsdsOrganization.objects.values_list("pk", flat=True))
        ensure_hsds_organizations(batch.rows, self.hsds_organizations)
        storing.upsert(batch)
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
            row_id = row_key(values)
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


class ImportFailed(Exception):
    """An import that stopped: nothing of it was stored. One line: at which stage and why."""

    def __init__(self, stage: str, error: BaseException) -> None:
        cause = " ".join(str(error).split()) or type(error).__name__
        super().__init__(f"The import stopped while {stage} and stored nothing: {type(error).__name__}: {cause}")
        self.stage = stage
