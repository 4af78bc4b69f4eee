"""The PostgreSQL back end of the search: one row per service with a weighted tsvector, the
filter tokens as a text[] (both GIN-indexed) and the points of its locations as two arrays."""

from __future__ import annotations

import uuid
from typing import Any

from kansrijk.socialmap.search.criteria import Document, Sql

POSTGRES_COLUMNS = "service_id, document, keys, latitudes, longitudes"
POSTGRES_VALUES = (
    "%s, setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B'), "
    "string_to_array(%s, ' '), %s, %s"
)


def _postgres_row(d: Document) -> tuple[Any, ...]:
    return (
        d.service_id,
        d.name,
        d.body,
        d.keys,
        [lat for lat, _ in d.points],
        [lon for _, lon in d.points],
    )


def write(cursor: Any, chunk: list[uuid.UUID], documents: list[Document], *, use_copy: bool) -> None:
    """Replace the search rows of `chunk`; with `use_copy`, COPY the parts and build the vectors in one statement."""
    cursor.execute("DELETE FROM socialmap_service_search WHERE service_id = ANY(%s)", [chunk])
    if not use_copy:
        cursor.executemany(
            f"INSERT INTO socialmap_service_search ({POSTGRES_COLUMNS}) VALUES ({POSTGRES_VALUES})",  # noqa: S608
            [_postgres_row(d) for d in documents],
        )
        return
    # Many documents: COPY the parts, then build the vectors in one statement.
    cursor.execute(
        "CREATE TEMPORARY TABLE IF NOT EXISTS search_documents "
        "(service_id uuid, name text, body text, keys text, latitudes float8[], longitudes float8[])"
    )
    with cursor.cursor.copy("COPY search_documents FROM STDIN") as copy:
        for d in documents:
            copy.write_row(_postgres_row(d))
    cursor.execute(
        f"INSERT INTO socialmap_service_search ({POSTGRES_COLUMNS}) SELECT "
        + POSTGRES_VALUES % ("service_id", "name", "body", "keys", "latitudes", "longitudes")
        + " FROM search_documents"
    )
    cursor.execute("TRUNCATE search_documents")


def compact(cursor: Any, *, many: bool) -> None:
    """After many documents, merge the GIN pending lists, which a search scans entry by entry
    (a 25 km search took 9.5 instead of 2.3 ms right after a bulk import); the cost is that of
    the pending entries only."""
    if many:
        cursor.execute(
            "SELECT gin_clean_pending_list('socialmap_service_search_keys'::regclass), "
            "gin_clean_pending_list('socialmap_service_search_document'::regclass)"
        )


def tsquery(words: list[str], any_word: bool) -> str:
    return (" | " if any_word else " & ").join(f"'{w}':*" for w in words)


def text_source(sql: Sql, words: list[str], groups: list[list[str]], any_word: bool) -> tuple[str, str]:
    """FROM clause and score expression, the GIN indexes of the search row driving the query."""
    score = "0.0"
    if words:
        sql.where.append("d.document @@ to_tsquery('simple', %s)")
        sql.params.append(tsquery(words, any_word))
        score = "ts_rank(d.document, to_tsquery('simple', %s))"
        sql.select_params.append(tsquery(words, any_word))
    for group in groups:  # one GIN lookup per group: has one of these tokens
        sql.where.append("d.keys && %s::text[]")
        sql.params.append(group)
    return "socialmap_service_search d JOIN socialmap_service s ON s.id = d.service_id", score


def nearest(squared: str) -> str:
    """The smallest `squared` distance over the points in the service's search row."""
    return f"(SELECT {squared} FROM unnest(d.latitudes, d.longitudes) AS p(lat, lon))"  # noqa: S608


def words_filter(sql: Sql, words: list[str]) -> None:
    """`s.id` among the services whose text has all `words`."""
    sql.where.append(
        "s.id IN (SELECT service_id FROM socialmap_service_search WHERE document @@ to_tsquery('simple', %s))"
    )
    sql.params.append(tsquery(words, any_word=False))
