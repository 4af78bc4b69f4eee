"""Checking the cells of an HSDS row: required, enum, format, parse and length, each failure a
(column, reason) pair. The reference and rule checks that need the import's state are the
importer's (`importing.Importer`) and `rules.check`'s."""

from __future__ import annotations

from typing import Any

from kansrijk.socialmap.hsds.tables import CellError, Column, check_format

_PLAIN: dict[int, dict[str, int | None]] = {}


def plain_text_columns(cols: tuple[Column, ...], lengths: dict[str, int]) -> dict[str, int | None]:
    """Columns whose only checks are "required" and a maximum length (text without enum or
    format), by HSDS name, with that length; computed once per table."""
    key = id(cols)
    if key not in _PLAIN:
        _PLAIN[key] = {
            col.name: lengths.get(col.attname) for col in cols if col.parse is str and not col.enum and not col.fmt
        }
    return _PLAIN[key]


def check_cells(  # noqa: C901
    cols: tuple[Column, ...], lengths: dict[str, int], cells: dict[str, str]
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    values: dict[str, Any] = {}
    errors: list[tuple[str, str]] = []
    plain = plain_text_columns(cols, lengths)
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
