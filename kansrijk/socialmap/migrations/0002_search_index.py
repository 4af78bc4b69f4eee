"""The full-text search index, one per database vendor.

SQLite: an FTS5 virtual table keyed by a 63-bit integer derived from the service UUID.
PostgreSQL: a table of `tsvector`s with GIN indexes. Both are filled and kept in sync by
`kansrijk.socialmap.search.index_services`, which the services that write services call.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS socialmap_service_fts USING fts5("
    "name, body, keys, service_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS socialmap_service_fts"]
POSTGRES_FORWARD = [
    "CREATE TABLE IF NOT EXISTS socialmap_service_search ("
    "service_id uuid PRIMARY KEY, document tsvector NOT NULL, keys tsvector NOT NULL)",
    "CREATE INDEX IF NOT EXISTS socialmap_service_search_document ON socialmap_service_search USING GIN (document)",
    "CREATE INDEX IF NOT EXISTS socialmap_service_search_keys ON socialmap_service_search USING GIN (keys)",
]
POSTGRES_BACKWARD = ["DROP TABLE IF EXISTS socialmap_service_search"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("socialmap", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
