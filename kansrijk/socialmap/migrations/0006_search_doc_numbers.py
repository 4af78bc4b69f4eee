"""SQLite: the FTS5 row of a service is keyed by a document number that
`socialmap_service_doc` gives out once per service, no longer by the top 63 bits of its UUID
(services whose UUIDs differ only in their last digits, or UUIDv7 ids made in the same
millisecond, had the same key and the import failed). The search tables are rebuilt and every
service is re-indexed (with the code of this release: the index is derived data).

PostgreSQL: nothing to do (its search rows are keyed by the service UUID itself).
"""

from django.db import migrations

FTS = (
    "CREATE VIRTUAL TABLE socialmap_service_fts USING fts5("
    "name, body, keys, service_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)
POINT = (
    "CREATE TABLE socialmap_service_point (doc integer NOT NULL, latitude real NOT NULL, longitude real NOT NULL, "
    "PRIMARY KEY (doc, latitude, longitude)) WITHOUT ROWID"
)
DROP = [
    "DROP TABLE IF EXISTS socialmap_service_fts",
    "DROP TABLE IF EXISTS socialmap_service_point",
    "DROP TABLE IF EXISTS socialmap_service_doc",
]
SQLITE_FORWARD = [
    *DROP,
    "CREATE TABLE socialmap_service_doc (doc integer PRIMARY KEY, service_id char(32) NOT NULL UNIQUE)",
    FTS,
    POINT,
]
SQLITE_BACKWARD = [
    *DROP,
    "CREATE TABLE socialmap_service_doc (doc integer PRIMARY KEY, service_id char(32) NOT NULL)",
    FTS,
    POINT,
]


def _run(statements, reindex):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for statement in statements:
            schema_editor.execute(statement)
        if reindex:
            from kansrijk.socialmap import search

            search.index_services(apps.get_model("socialmap", "Service").objects.values_list("id", flat=True))

    return run


class Migration(migrations.Migration):
    dependencies = [("socialmap", "0005_search_rows")]

    operations = [
        # Backward leaves the tables empty: the code of the release before re-indexes nothing by itself.
        migrations.RunPython(_run(SQLITE_FORWARD, reindex=True), _run(SQLITE_BACKWARD, reindex=False)),
    ]
