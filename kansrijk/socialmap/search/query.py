"""The search itself: one query, on either back end, for the page of matching services and
their total (`search`), and the SQL of the services matching everything but the place
(`service_match_sql`)."""

from __future__ import annotations

import math
import uuid
from typing import Any

from django.db import connection

from kansrijk.socialmap.search import postgres, sqlite
from kansrijk.socialmap.search.criteria import (
    DEFAULT_RADIUS_KM,
    NATIONAL_KEY,
    Hit,
    SearchCriteria,
    Sql,
    cells_around,
    is_sqlite,
    metric,
    uuid_param,
    words_of,
)


def _key_groups(criteria: SearchCriteria) -> list[list[str]]:
    """Groups of filter tokens: every group must match, one token within a group. The first
    need and a place go together as need-and-place tokens (`key_text`)."""
    terms = [f"t{term_id.hex}" for term_id in criteria.term_ids]
    places = []
    if criteria.municipality:
        places.append([criteria.municipality.lower(), NATIONAL_KEY])
    if criteria.point is not None:
        # Near the point, or serving its whole municipality or the whole country (`_wide`).
        wide = [criteria.area.lower(), NATIONAL_KEY] if criteria.area else [NATIONAL_KEY]
        places.append(cells_around(criteria.point, criteria.radius_km or DEFAULT_RADIUS_KM) + wide)
    if terms and places:
        return [[terms[0] + place for place in places[0]], *([t] for t in terms[1:]), *places[1:]]
    return [*([t] for t in terms), *places]


def _text_source(sql: Sql, words: list[str], groups: list[list[str]], any_word: bool) -> tuple[str, str]:
    """FROM clause and score expression: the full-text index drives the query when it can.
    `d` is the search row of a service, `s` the service (joined, so a search row without a
    service is never found)."""
    if not words and not groups:
        return "socialmap_service s", "0.0"
    if is_sqlite():
        return sqlite.text_source(sql, words, groups, any_word)
    return postgres.text_source(sql, words, groups, any_word)


def _distance(sql: Sql, criteria: SearchCriteria) -> str:
    """Distance to the nearest location of each matching service (`Metric`), from the points
    of its search row `d` (a point search always has grid-cell tokens, so a search row): on
    PostgreSQL two arrays in the row, on SQLite one range read of a clustered key."""
    if criteria.point is None:
        return "NULL"
    lat, lon = criteria.point
    radius = criteria.radius_km or DEFAULT_RADIUS_KM
    around = metric(lat)
    ky, kx = around.ky, around.kx
    # Within the radius, or a service for the point's whole municipality or country (`_wide`);
    # those come after the near ones, by name.
    sql.outer_where = "(x.d2 <= %s OR x.wide = 1)"
    sql.outer_params.append(radius * radius)
    sql.order = "x.score DESC, CASE WHEN x.d2 <= %s THEN 0 ELSE 1 END, CASE WHEN x.d2 <= %s THEN x.d2 END, x.name, x.id"
    sql.order_params += [radius * radius, radius * radius]
    squared = f"MIN((p.lat - %s) * (p.lat - %s) * {ky!r} + (p.lon - %s) * (p.lon - %s) * {kx!r})"
    sql.select_params += [lat, lat, lon, lon]
    if not is_sqlite():
        return postgres.nearest(squared)
    dlat, dlon = around.box(radius)
    return sqlite.nearest(sql, squared, (lat - dlat, lat + dlat, lon - dlon, lon + dlon))


def _wide(sql: Sql, criteria: SearchCriteria) -> str:
    """1 when the service's area is the point's municipality or the whole country, else 0."""
    if criteria.point is None:
        return "0"
    sql.select_params.append(criteria.area)
    return (
        "(CASE WHEN EXISTS (SELECT 1 FROM socialmap_servicearea a WHERE a.service_id = s.id "
        "AND (a.is_national OR a.municipality_id = %s)) THEN 1 ELSE 0 END)"
    )


def _column_filters(sql: Sql, criteria: SearchCriteria) -> None:
    if criteria.min_age is not None:
        sql.where.append("(s.maximum_age IS NULL OR s.maximum_age >= %s)")
        sql.params.append(criteria.min_age)
    if criteria.max_age is not None:
        sql.where.append("(s.minimum_age IS NULL OR s.minimum_age <= %s)")
        sql.params.append(criteria.max_age)
    if criteria.organization_id is not None:
        sql.where.append("s.organization_id = %s")
        sql.params.append(uuid_param(criteria.organization_id))
    if criteria.modified_after is not None:
        sql.where.append("s.last_modified >= %s")
        sql.params.append(connection.ops.adapt_datetimefield_value(criteria.modified_after))
    if criteria.statuses:
        sql.where.append("s.status IN (" + ",".join("%s" for _ in criteria.statuses) + ")")
        sql.params += list(criteria.statuses)


def search(criteria: SearchCriteria, *, offset: int, limit: int, any_word: bool = False) -> tuple[list[Hit], int]:
    """One query: the page of matching services, best first, and the total number of matches."""
    sql = Sql()
    words = words_of(criteria.text)
    source, score = _text_source(sql, words, _key_groups(criteria), any_word)
    distance = _distance(sql, criteria)
    wide = _wide(sql, criteria)
    _column_filters(sql, criteria)
    where = " AND ".join(sql.where) or "1=1"
    # The candidates are materialised once, so the nearest-location subquery runs once per
    # candidate (used in the radius filter and in the order, it otherwise ran twice).
    query = (
        "WITH x AS MATERIALIZED ("  # noqa: S608
        f"SELECT s.id, s.name, {score} AS score, {distance} AS d2, {wide} AS wide FROM {source} "
        f"WHERE {where}) SELECT x.id, x.score, x.d2, COUNT(*) OVER () AS total FROM x "
        f"WHERE {sql.outer_where} ORDER BY {sql.order} LIMIT %s OFFSET %s"
    )
    params = [*sql.select_params, *sql.params, *sql.outer_params, *sql.order_params, limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        rows = cursor.fetchall()
    hits = [Hit(service_id=_as_uuid(row[0]), score=float(row[1] or 0.0), distance_km=_sqrt(row[2])) for row in rows]
    return hits, int(rows[0][3]) if rows else 0


def _as_uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _sqrt(value: Any) -> float | None:
    return None if value is None else math.sqrt(float(value))


def service_match_sql(criteria: SearchCriteria) -> tuple[str, list[Any]] | None:
    """SQL selecting the ids of the services that match the text (through the full-text index),
    terms, ages, organisation, `modified_after` and statuses of `criteria`, for use as
    `id IN (…)`; None when none of these is asked. Not its places (`municipality`, `point`):
    a caller listing services at locations filters on the location itself. All words must
    match, as in `search`, without its any-word retry."""
    sql = Sql()
    words = words_of(criteria.text)
    if words and is_sqlite():
        sqlite.words_filter(sql, words)
    elif words:
        postgres.words_filter(sql, words)
    for term_id in criteria.term_ids:
        sql.where.append(
            "EXISTS (SELECT 1 FROM socialmap_attribute a WHERE a.service_id = s.id AND a.taxonomy_term_id = %s)"
        )
        sql.params.append(uuid_param(term_id))
    _column_filters(sql, criteria)
    if not sql.where:
        return None
    return "SELECT s.id FROM socialmap_service s WHERE " + " AND ".join(sql.where), sql.params  # noqa: S608
