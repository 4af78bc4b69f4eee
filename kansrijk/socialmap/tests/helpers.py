"""Helpers for socialmap tests: the HSDS test data (a copy in `tests/data/hsds`, see its NOTICE.md) and a
schema check for exports."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

HSDS_DATA = Path(__file__).resolve().parent / "data" / "hsds"
EXAMPLE_CSV = HSDS_DATA / "examples" / "csv"


def _typed(value: str, kind: str) -> Any:
    if kind in ("number", "integer"):
        number = float(value)
        return int(number) if number.is_integer() else number
    return value


def export_errors(directory: Path) -> list[str]:
    """Validate an exported package against the compiled HSDS tabular schema."""
    schema = json.loads((HSDS_DATA / "schema" / "compiled" / "tabular.json").read_text())
    descriptor = json.loads((directory / "datapackage.json").read_text())
    document: dict[str, list[dict[str, Any]]] = {}
    for resource in descriptor["resources"]:
        if resource["name"] not in schema["properties"]:
            continue
        types = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
        with (directory / resource["path"]).open(encoding="utf-8") as handle:
            rows = [
                {k: _typed(v, types.get(k, "string")) for k, v in row.items() if v != ""}
                for row in csv.DictReader(handle)
            ]
        document[resource["name"]] = rows
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


def write_csv(directory: Path, name: str, header: list[str], rows: list[list[str]]) -> None:
    with (directory / name).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def write_datapackage(directory: Path, tables: dict[str, str]) -> None:
    resources = [{"name": name, "path": path} for name, path in tables.items()]
    (directory / "datapackage.json").write_text(json.dumps({"resources": resources}))
