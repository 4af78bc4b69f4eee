"""Reading an HSDS package: a tabular data package (datapackage.json + CSV) or HSDS JSON.

Both become the same thing: per HSDS table, rows of text cells with where they came from
(`row 7` in a CSV file, counting the header as row 1; or a JSON path).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kansrijk.socialmap.hsds.tables import NOT_STORED, TABLE_BY_NAME, TABLES

csv.field_size_limit(10_000_000)


class PackageError(Exception):
    """The package itself cannot be read; the message says why."""


@dataclass
class Package:
    """Tables in import order; `rows(table)` yields `(source, cells)` lazily for CSV."""

    sources: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def table_names(self) -> list[str]:
        return [table.name for table in TABLES if table.name in self.sources]

    def rows(self, table: str) -> Iterator[tuple[str, dict[str, str]]]:
        source = self.sources[table]
        if isinstance(source, Path):
            yield from _csv_rows(source)
        else:
            yield from source

    def count(self, table: str) -> int | None:
        source = self.sources[table]
        return None if isinstance(source, Path) else len(source)


def read_package(path: Path) -> Package:
    if path.is_dir():
        return _read_datapackage(path)
    if path.is_file() and path.name == "datapackage.json":
        return _read_datapackage(path.parent)
    if path.is_file():
        return _read_json(path)
    raise PackageError(f"{path} does not exist.")


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as error:
        raise PackageError(f"{path} cannot be read: {error}") from error
    except json.JSONDecodeError as error:
        raise PackageError(f"{path} is not valid JSON: {error}") from error


def _read_datapackage(directory: Path) -> Package:
    descriptor_path = directory / "datapackage.json"
    if not descriptor_path.is_file():
        raise PackageError(f"{directory} has no datapackage.json; an HSDS tabular package needs one.")
    descriptor = _load_json(descriptor_path)
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    if not isinstance(resources, list):
        raise PackageError("datapackage.json has no list of resources.")
    package = Package()
    for resource in resources:
        name, relative = (resource.get("name"), resource.get("path")) if isinstance(resource, dict) else (None, None)
        if name in NOT_STORED or name not in TABLE_BY_NAME:
            package.notes.append(f"table '{name}' is not stored by Kansrijk and was skipped")
            continue
        if not isinstance(relative, str) or ".." in Path(relative).parts:
            raise PackageError(f"resource '{name}' has no valid path.")
        csv_path = directory / relative
        if not csv_path.is_file():
            raise PackageError(f"resource '{name}' points to {relative}, which does not exist.")
        package.sources[name] = csv_path
    if not package.sources:
        raise PackageError("datapackage.json lists no HSDS table that Kansrijk stores.")
    return package


def _csv_rows(path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            for number, row in enumerate(reader, start=2):
                yield f"row {number}", {k: (v or "").strip() for k, v in row.items() if k is not None}
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise PackageError(f"{path.name} cannot be read: {error}") from error


# -- HSDS JSON ------------------------------------------------------------------------------------

# Nested arrays: (parent table, key) -> (child table, the child's field that points to the parent).
CHILDREN: dict[tuple[str, str], tuple[str, str]] = {
    ("organization", "services"): ("service", "organization_id"),
    ("organization", "locations"): ("location", "organization_id"),
    ("organization", "programs"): ("program", "organization_id"),
    ("organization", "organization_identifiers"): ("organization_identifier", "organization_id"),
    ("organization", "phones"): ("phone", "organization_id"),
    ("organization", "contacts"): ("contact", "organization_id"),
    ("organization", "funding"): ("funding", "organization_id"),
    ("service", "phones"): ("phone", "service_id"),
    ("service", "schedules"): ("schedule", "service_id"),
    ("service", "service_areas"): ("service_area", "service_id"),
    ("service", "service_at_locations"): ("service_at_location", "service_id"),
    ("service", "languages"): ("language", "service_id"),
    ("service", "funding"): ("funding", "service_id"),
    ("service", "cost_options"): ("cost_option", "service_id"),
    ("service", "required_documents"): ("required_document", "service_id"),
    ("service", "contacts"): ("contact", "service_id"),
    ("service", "capacities"): ("service_capacity", "service_id"),
    ("service_at_location", "contacts"): ("contact", "service_at_location_id"),
    ("service_at_location", "phones"): ("phone", "service_at_location_id"),
    ("service_at_location", "schedules"): ("schedule", "service_at_location_id"),
    ("service_at_location", "service_areas"): ("service_area", "service_at_location_id"),
    ("location", "languages"): ("language", "location_id"),
    ("location", "addresses"): ("address", "location_id"),
    ("location", "contacts"): ("contact", "location_id"),
    ("location", "accessibility"): ("accessibility", "location_id"),
    ("location", "phones"): ("phone", "location_id"),
    ("location", "schedules"): ("schedule", "location_id"),
    ("phone", "languages"): ("language", "phone_id"),
    ("contact", "phones"): ("phone", "contact_id"),
    ("taxonomy", "terms"): ("taxonomy_term", "taxonomy_id"),
}
# Nested objects: (table, key) -> (parent table, this row's field that points to it).
PARENTS: dict[tuple[str, str], tuple[str, str]] = {
    ("service", "organization"): ("organization", "organization_id"),
    ("service", "program"): ("program", "program_id"),
    ("service_at_location", "service"): ("service", "service_id"),
    ("service_at_location", "location"): ("location", "location_id"),
    ("service_at_location", "organization"): ("organization", ""),
    ("attribute", "taxonomy_term"): ("taxonomy_term", "taxonomy_term_id"),
    ("service_capacity", "unit"): ("unit", "unit_id"),
    ("taxonomy_term", "taxonomy_detail"): ("taxonomy", "taxonomy_id"),
}
TOP_LEVEL_GUESS = ("service", "organization", "service_at_location", "taxonomy", "taxonomy_term", "location")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def _guess_table(obj: dict[str, Any]) -> str:
    if "location" in obj and "service" in obj:
        return "service_at_location"
    if "status" in obj or "service_at_locations" in obj:
        return "service"
    if "services" in obj or "organization_identifiers" in obj or "year_incorporated" in obj:
        return "organization"
    if "location_type" in obj:
        return "location"
    if "terms" in obj or ("version" in obj and "code" not in obj):
        return "taxonomy"
    if "code" in obj or "term_uri" in obj:
        return "taxonomy_term"
    return "service"


class _Flattener:
    def __init__(self) -> None:
        self.rows: dict[str, list[tuple[str, dict[str, str]]]] = {}

    def add(self, table: str, obj: dict[str, Any], path: str, link: dict[str, str]) -> None:
        cells = {k: _cell(v) for k, v in obj.items() if not isinstance(v, (dict, list))}
        for key, value in link.items():
            if not cells.get(key):
                cells[key] = value
        for key, value in obj.items():
            if isinstance(value, dict) and (table, key) in PARENTS:
                parent, field_name = PARENTS[(table, key)]
                inherited = (
                    {"organization_id": cells["organization_id"]}
                    if parent == "program" and cells.get("organization_id")
                    else {}
                )
                self.add(parent, value, f"{path}.{key}", inherited)
                if field_name and not cells.get(field_name):
                    cells[field_name] = _cell(value.get("id"))
        self.rows.setdefault(table, []).append((path, cells))
        for key, value in obj.items():
            if isinstance(value, list):
                self._children(table, key, value, path, cells.get("id", ""))

    def _children(self, table: str, key: str, items: list[Any], path: str, parent_id: str) -> None:
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            child_path = f"{path}.{key}[{index}]"
            if key == "attributes":
                self.add("attribute", item, child_path, {"link_id": parent_id, "link_entity": table})
            elif (table, key) in CHILDREN:
                child, field_name = CHILDREN[(table, key)]
                self.add(child, item, child_path, {field_name: parent_id})


def _read_json(path: Path) -> Package:
    data = _load_json(path)
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        data = data["contents"]
    items = data if isinstance(data, list) else [data]
    if not items or not all(isinstance(item, dict) for item in items):
        raise PackageError(f"{path.name} holds no HSDS objects (expected an object, a list or a page with contents).")
    flattener = _Flattener()
    for index, item in enumerate(items):
        flattener.add(_guess_table(item), item, f"[{index}]" if isinstance(data, list) else "$", {})
    package = Package()
    for table, rows in flattener.rows.items():
        package.sources[table] = _dedupe(rows)
    return package


def _dedupe(rows: list[tuple[str, dict[str, str]]]) -> list[tuple[str, dict[str, str]]]:
    """The same object nested in several places (a contact of the service and of its
    location) is one row: its cells are merged, the first non-empty value wins."""
    merged: dict[str, tuple[str, dict[str, str]]] = {}
    result: list[tuple[str, dict[str, str]]] = []
    for source, cells in rows:
        key = cells.get("id", "")
        if not key:
            result.append((source, cells))
        elif key in merged:
            first = merged[key][1]
            first.update({k: v for k, v in cells.items() if v and not first.get(k)})
        else:
            merged[key] = (source, dict(cells))
            result.append(merged[key])
    return result
