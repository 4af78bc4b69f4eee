"""The SQLite back end of the search: an FTS5 table keyed by a document number per service
(ADR 0008), a narrow table from that number to the service, and a table of points clustered
by document."""

from __future__ import annotations

import uuid
from typing import Any

from kansrijk.socialmap.search.criteria import Document, Sql


def write(cursor: Any, chunk: list[uuid.UUID], documents: list[Document]) -> None:
    """The FTS5 row of a service is keyed by its document number, an integer given out once
    per service by `socialmap_service_doc` (ADR 0008): any two UUIDs get two numbers."""
    docs = _doc_numbers(cursor, chunk, {d.service_id for d in documents})
    # One rowid lookup per service: FTS5 does not use its rowid index for `rowid IN (…)`.
    old = [(doc,) for doc, is_new in docs.values() if not is_new]
    cursor.executemany("DELETE FROM socialmap_service_fts WHERE rowid = %s", old)
    cursor.executemany("DELETE FROM socialmap_service_point WHERE doc = %s", old)
    cursor.executemany(
        "INSERT INTO socialmap_service_fts (rowid, name, body, keys, service_id) VALUES (%s, %s, %s, %s, %s)",
        [(docs[d.service_id][0], d.name, d.body, d.keys, d.service_id.hex) for d in documents],
    )
    cursor.executemany(
        "INSERT INTO socialmap_service_point (doc, latitude, longitude) VALUES (%s, %s, %s)",
        [(docs[d.service_id][0], lat, lon) for d in documents for lat, lon in d.points],
    )


def _doc_numbers(cursor: Any, chunk: list[uuid.UUID], indexed: set[uuid.UUID]) -> dict[uuid.UUID, tuple[int, bool]]:
    """The document number of every service of `chunk` and whether it is new: the number it
    had, or the next free one for a service indexed for the first time. A service that has no
    document any more (deleted) gives its number back."""
    hexes = [s.hex for s in chunk]
    marks = ",".join(["%s"] * len(hexes))
    cursor.execute(f"SELECT service_id, doc FROM socialmap_service_doc WHERE service_id IN ({marks})", hexes)  # noqa: S608
    docs = {uuid.UUID(hex=sid): (doc, False) for sid, doc in cursor.fetchall()}
    fresh = [s for s in chunk if s in indexed and s not in docs]
    if fresh:
        cursor.execute("SELECT COALESCE(MAX(doc), 0) FROM socialmap_service_doc")
        first = int(cursor.fetchone()[0]) + 1
        docs.update({s: (first + i, True) for i, s in enumerate(fresh)})
        cursor.executemany(
            "INSERT INTO socialmap_service_doc (doc, service_id) VALUES (%s, %s)",
            [(docs[s][0], s.hex) for s in fresh],
        )
    gone = [(s.hex,) for s in chunk if s not in indexed and s in docs]
    cursor.executemany("DELETE FROM socialmap_service_doc WHERE service_id = %s", gone)
    return docs


def compact(cursor: Any, *, bulk: bool) -> None:
    """After a bulk load, merge the FTS5 segments (it leaves many, and every query reads each;
    merging rewrites the whole index, about 3 s at 100,000 services, so not for smaller
    batches, which FTS5's own automerge handles)."""
    if bulk:
        cursor.execute("INSERT INTO socialmap_service_fts (socialmap_service_fts) VALUES ('optimize')")


def match(words: list[str], groups: list[list[str]], any_word: bool) -> str:
    parts = []
    if words:
        joiner = " OR " if any_word else " AND "
        parts.append("{name body} : (" + joiner.join(f'"{w}"*' for w in words) + ")")
    for group in groups:
        parts.append("keys : (" + " OR ".join(f'"{token}"' for token in group) + ")")
    return " AND ".join(parts)


def text_source(sql: Sql, words: list[str], groups: list[list[str]], any_word: bool) -> tuple[str, str]:
    """FROM clause and score expression, the FTS5 table driving the query."""
    sql.where.append("socialmap_service_fts MATCH %s")
    sql.params.append(match(words, groups, any_word))
    # The service id from a narrow table keyed by the FTS5 rowid: in the FTS5 content
    # row it comes after the whole text, often on overflow pages.
    source = (
        "socialmap_service_fts f JOIN socialmap_service_doc d ON d.doc = f.rowid "
        "JOIN socialmap_service s ON s.id = d.service_id"
    )
    return source, "-bm25(socialmap_service_fts, 10.0, 1.0, 0.0)" if words else "0.0"


def nearest(sql: Sql, squared: str, box: tuple[float, float, float, float]) -> str:
    """The smallest `squared` distance over the service's points in the bounding `box`
    (south, north, west, east): one range read of the clustered point table."""
    sql.select_params += list(box)
    return (
        f"(SELECT {squared} FROM (SELECT latitude AS lat, longitude AS lon FROM socialmap_service_point "  # noqa: S608
        "WHERE doc = d.doc AND latitude BETWEEN %s AND %s AND longitude BETWEEN %s AND %s) p)"
    )


def words_filter(sql: Sql, words: list[str]) -> None:
    """`s.id` among the services whose text has all `words`."""
    sql.where.append("s.id IN (SELECT service_id FROM socialmap_service_fts WHERE socialmap_service_fts MATCH %s)")
    sql.params.append(match(words, [], any_word=False))
