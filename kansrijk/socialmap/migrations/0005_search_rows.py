"""The search row of a service also holds the points of its locations, so a distance needs no
joins; on SQLite a narrow table maps the FTS5 rowid to the service. The filter tokens gain
need-and-place tokens (`search._key_text`). Then every service is re-indexed (with the code
of this release: the index is derived data).

SQLite: `socialmap_service_doc` (FTS5 rowid → service) and `socialmap_service_point`
(clustered by document, so the points of a service are one range read).
PostgreSQL: two arrays in `socialmap_service_search`.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE TABLE socialmap_service_doc (doc integer PRIMARY KEY, service_id char(32) NOT NULL)",
    "CREATE TABLE socialmap_service_point (doc integer NOT NULL, latitude real NOT NULL, longitude real NOT NULL, "
    "PRIMARY KEY (doc, latitude, longitude)) WITHOUT ROWID",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS socialmap_service_point", "DROP TABLE IF EXISTS socialmap_service_doc"]
POSTGRES_FORWARD = [
    "ALTER TABLE socialmap_service_search ADD COLUMN latitudes float8[] NOT NULL DEFAULT '{}', "
    "ADD COLUMN longitudes float8[] NOT NULL DEFAULT '{}'",
]
POSTGRES_BACKWARD = ["ALTER TABLE socialmap_service_search DROP COLUMN latitudes, DROP COLUMN longitudes"]


def _run(statements_by_vendor, reindex):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)
        if reindex:
            from kansrijk.socialmap import search

            search.index_services(apps.get_model("socialmap", "Service").objects.values_list("id", flat=True))

    return run


class Migration(migrations.Migration):
    dependencies = [("socialmap", "0004_search_keys_array")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}, reindex=True),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}, reindex=False),
        ),
    ]
