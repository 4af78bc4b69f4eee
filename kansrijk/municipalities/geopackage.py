"""Reading the features of an OGC GeoPackage (the CBS's own download of the postcode4 areas)
with the standard library: a GeoPackage is an SQLite file whose geometry column holds a small
header and then Well-Known Binary (OGC GeoPackage 1.x, §2.1.3; OGC Simple Features WKB).

Only what postcode areas need: (Multi)Polygon geometries, 2D or with Z/M (dropped).
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path
from typing import Any

SQLITE_MAGIC = b"SQLite format 3\x00"
ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
POLYGON, MULTIPOLYGON = 3, 6


class GeoPackageError(ValueError):
    pass


def is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == SQLITE_MAGIC
    except OSError:
        return False


class _Wkb:
    def __init__(self, data: bytes, offset: int) -> None:
        self.data, self.offset, self.order = data, offset, "<"

    def _take(self, fmt: str) -> tuple[Any, ...]:
        values = struct.unpack_from(self.order + fmt, self.data, self.offset)
        self.offset += struct.calcsize(fmt)
        return values

    def _header(self) -> tuple[int, int]:
        self.order = "<" if self.data[self.offset] == 1 else ">"
        self.offset += 1
        (kind,) = self._take("I")
        dims = 2 + bool(kind & 0x80000000) + bool(kind & 0x40000000)  # EWKB Z / M flags
        kind &= 0x0FFFFFFF
        dims += {1: 1, 2: 1, 3: 2}.get(kind // 1000, 0)  # ISO: 1000 Z, 2000 M, 3000 ZM
        return kind % 1000, dims

    def _polygon(self, dims: int) -> list[list[list[float]]]:
        (rings,) = self._take("I")
        polygon = []
        for _ in range(rings):
            (count,) = self._take("I")
            values = self._take(f"{count * dims}d")
            polygon.append([[values[i], values[i + 1]] for i in range(0, len(values), dims)])
        return polygon

    def geometry(self) -> dict[str, Any]:
        kind, dims = self._header()
        if kind == POLYGON:
            return {"type": "Polygon", "coordinates": self._polygon(dims)}
        if kind == MULTIPOLYGON:
            (count,) = self._take("I")
            parts = []
            for _ in range(count):
                part_kind, part_dims = self._header()
                if part_kind != POLYGON:
                    raise GeoPackageError(f"a MultiPolygon holds geometry type {part_kind}")
                parts.append(self._polygon(part_dims))
            return {"type": "MultiPolygon", "coordinates": parts}
        return {"type": f"WKB type {kind}", "coordinates": None}


def geometry(blob: bytes) -> dict[str, Any] | None:
    """The GeoJSON-like geometry of a GeoPackage geometry blob; None for an empty one."""
    if not blob or blob[:2] != b"GP":
        raise GeoPackageError("not a GeoPackage geometry (no 'GP' header)")
    flags = blob[3]
    if flags & 0b10000:
        return None
    envelope = ENVELOPE_BYTES.get((flags >> 1) & 0b111)
    if envelope is None:
        raise GeoPackageError("unknown envelope in a GeoPackage geometry")
    try:
        return _Wkb(bytes(blob), 8 + envelope).geometry()
    except struct.error as error:
        raise GeoPackageError(f"broken geometry: {error}") from error


def read_features(path: Path, postcode_columns: tuple[str, ...]) -> list[dict[str, Any]]:
    """The features of the first feature table with a postcode column, as GeoJSON-like dicts
    (`properties.postcode`, `geometry`; an unreadable geometry becomes `None`)."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise GeoPackageError(f"cannot open: {error}") from error
    try:
        return _features(connection, path, postcode_columns)
    except sqlite3.Error as error:
        raise GeoPackageError(f"{path} is not a GeoPackage: {error}") from error
    finally:
        connection.close()


def _features(connection: sqlite3.Connection, path: Path, postcode_columns: tuple[str, ...]) -> list[dict[str, Any]]:
    tables = connection.execute(
        "SELECT c.table_name, g.column_name FROM gpkg_contents c "
        "JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features'"
    ).fetchall()
    wanted = {name.lower() for name in postcode_columns}
    for table, geometry_column in tables:
        columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
        postcode = next((c for c in columns if c.lower() in wanted), None)
        if postcode is None:
            continue
        rows = connection.execute(f'SELECT "{postcode}", "{geometry_column}" FROM "{table}"')  # noqa: S608
        return [{"type": "Feature", "properties": {"postcode": pc}, "geometry": _safe(blob)} for pc, blob in rows]
    raise GeoPackageError(f"{path}: no feature table has a postcode column")


def _safe(blob: bytes) -> dict[str, Any] | None:
    try:
        return geometry(blob)
    except GeoPackageError as error:
        return {"type": f"unreadable ({error})", "coordinates": None}
