"""(Re)building the search documents of services, on either back end. The services that write
services call `index_services` inside their transaction; no signals, no triggers."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.db import connection

from kansrijk.socialmap.models import Service
from kansrijk.socialmap.search import postgres, sqlite
from kansrijk.socialmap.search.criteria import is_sqlite
from kansrijk.socialmap.search.documents import all_documents, doc_key, documents_of

CHUNK = 2000
COPY_FROM = 200  # PostgreSQL: from this many documents on, COPY them (one INSERT builds the vectors)
BULK_SHARE = 0.3  # re-indexing at least this share of all services reads whole tables


def index_services(service_ids: Iterable[uuid.UUID]) -> None:
    """(Re)build the search documents of these services; call inside the writing transaction."""
    ids = list(dict.fromkeys(service_ids))
    everything = None
    if len(ids) > CHUNK and len(ids) >= BULK_SHARE * Service.objects.count():
        everything = all_documents({doc_key(sid) for sid in ids})
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        documents = (
            [everything[key]._replace(service_id=sid) for sid in chunk if (key := doc_key(sid)) in everything]
            if everything is not None
            else documents_of(chunk)
        )
        with connection.cursor() as cursor:
            if is_sqlite():
                sqlite.write(cursor, chunk, documents)
            else:
                postgres.write(cursor, chunk, documents, use_copy=len(documents) >= COPY_FROM)
    _compact(bulk=everything is not None, many=len(ids) >= COPY_FROM)


def _compact(*, bulk: bool, many: bool) -> None:
    """After many writes, put the index in the shape searches read fastest (see each back end)."""
    with connection.cursor() as cursor:
        if is_sqlite():
            sqlite.compact(cursor, bulk=bulk)
        else:
            postgres.compact(cursor, many=many)
