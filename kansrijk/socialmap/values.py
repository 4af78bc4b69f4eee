"""Value queries compiled once. On the social map's busiest path (the HSDS service list),
building and compiling a Django query with sixty lookups cost more than running it (under
the profiler 3.5 of the 6.6 s the summaries of 1,000 searches took). `ValuesIn` compiles it
once per database connection and number of ids, with Django's own compiler and converters
(internal API: `as_sql`, `get_converters`), so the rows are exactly what `.values()` gives
(tested against it)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from django.db import connections
from django.db.models import QuerySet


@dataclass(frozen=True)
class _Compiled:
    sql: str
    names: tuple[str, ...]
    converters: tuple[tuple[int, tuple[Callable[..., Any], ...], Any], ...]


class ValuesIn:
    """`queryset.filter(<field>__in=ids)` of a `.values(…)` queryset, as a list of dicts."""

    def __init__(self, queryset: QuerySet[Any, dict[str, Any]], field: str) -> None:
        self.queryset = queryset
        self.field = field
        model_field = queryset.model._meta.get_field(field)
        self.target = getattr(model_field, "target_field", model_field)
        # One entry per connection object (a thread has its own), then per number of ids.
        self._compiled: WeakKeyDictionary[Any, dict[int, _Compiled]] = WeakKeyDictionary()

    def _params(self, ids: Sequence[Any], connection: Any) -> list[Any]:
        return [self.target.get_db_prep_value(value, connection) for value in ids]

    def _compile(self, ids: Sequence[Any], connection: Any) -> _Compiled:
        query = self.queryset.filter(**{f"{self.field}__in": list(ids)}).query
        compiler = query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        if list(params) != self._params(ids, connection):  # the ids must be the only parameters
            raise ValueError(f"ValuesIn: the query of {self.queryset.model.__name__} has other parameters: {params}")
        converters = compiler.get_converters([column for column, _, _ in compiler.select[: compiler.col_count]])
        names = (*query.extra_select, *query.values_select, *query.annotation_select)
        return _Compiled(sql, names, tuple((pos, tuple(convs), expr) for pos, (convs, expr) in converters.items()))

    def __call__(self, ids: Sequence[Any]) -> list[dict[str, Any]]:
        if not ids:
            return []
        connection = connections[self.queryset.db]
        by_count = self._compiled.setdefault(connection, {})
        compiled = by_count.get(len(ids))
        if compiled is None:
            compiled = by_count[len(ids)] = self._compile(ids, connection)
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, self._params(ids, connection))
            rows = cursor.fetchall()
        names = compiled.names
        result = []
        for values in rows:
            row = list(values)
            for pos, convs, expression in compiled.converters:
                value = row[pos]
                for convert in convs:
                    value = convert(value, expression, connection)
                row[pos] = value
            result.append(dict(zip(names, row, strict=True)))
        return result
