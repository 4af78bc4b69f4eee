"""Exporting the directory as an HSDS tabular data package.

Rows are sorted by id and columns follow `datapackage.json`, so exporting, importing the
export and exporting again gives byte-identical files.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kansrijk.socialmap.hsds.tables import TABLES, Table, columns, datapackage
from kansrijk.socialmap.models import HsdsOrganization

CHUNK = 5000


def _organization_rows() -> Iterator[dict[str, Any]]:
    queryset = HsdsOrganization.objects.select_related("organisation").order_by("organisation_id")
    for row in queryset.iterator(chunk_size=CHUNK):
        organisation = row.organisation
        values = {f.attname: getattr(row, f.attname) for f in HsdsOrganization._meta.concrete_fields}
        values.update(
            name=organisation.name,
            # HSDS requires a description; an organisation without one is described by its name.
            description=organisation.description or organisation.name,
            email=organisation.email,
            website=organisation.website,
        )
        yield values


def _rows(table: Table) -> Iterator[dict[str, Any]]:
    if table.name == "organization":
        yield from _organization_rows()
        return
    attnames = [col.attname for col in columns(table.name)]
    yield from table.model._default_manager.order_by("pk").values(*attnames).iterator(chunk_size=CHUNK)


def export_package(directory: Path) -> dict[str, int]:
    """Write every stored HSDS table as CSV plus datapackage.json; returns rows per table."""
    directory.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in TABLES:
        cols = columns(table.name)
        with (directory / table.path).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow([col.name for col in cols])
            count = 0
            for values in _rows(table):
                writer.writerow([col.render(values[col.attname]) for col in cols])
                count += 1
        counts[table.name] = count
    descriptor = dict(datapackage())
    descriptor["name"] = "kansrijk-sociale-kaart"
    descriptor["title"] = "Kansrijk sociale kaart (HSDS 3.1)"
    descriptor["sources"] = [
        {"title": "Human Services Data Specification: an Open Referral resource", "path": "https://openreferral.org/"}
    ]
    (directory / "datapackage.json").write_text(
        json.dumps(descriptor, indent=2, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8"
    )
    return counts
