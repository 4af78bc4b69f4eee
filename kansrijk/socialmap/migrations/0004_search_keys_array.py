"""PostgreSQL: the filter tokens of a search document become a `text[]` with a GIN index.

Need, municipality and grid-cell filters are "has this token" and "has one of these
tokens": array containment and overlap answer that exactly from the index, several times
faster than a `tsvector` match with a long OR (measured in docs/benchmarks.md, Social map).
SQLite keeps its FTS5 table unchanged.
"""

from django.db import migrations

FORWARD = [
    "ALTER TABLE socialmap_service_search ADD COLUMN key_list text[]",
    "UPDATE socialmap_service_search SET key_list = tsvector_to_array(keys)",
    "ALTER TABLE socialmap_service_search DROP COLUMN keys",
    "ALTER TABLE socialmap_service_search RENAME COLUMN key_list TO keys",
    "ALTER TABLE socialmap_service_search ALTER COLUMN keys SET NOT NULL",
    "CREATE INDEX socialmap_service_search_keys ON socialmap_service_search USING GIN (keys)",
]
BACKWARD = [
    "ALTER TABLE socialmap_service_search ADD COLUMN key_vector tsvector",
    "UPDATE socialmap_service_search SET key_vector = array_to_tsvector(keys)",
    "ALTER TABLE socialmap_service_search DROP COLUMN keys",
    "ALTER TABLE socialmap_service_search RENAME COLUMN key_vector TO keys",
    "ALTER TABLE socialmap_service_search ALTER COLUMN keys SET NOT NULL",
    "CREATE INDEX socialmap_service_search_keys ON socialmap_service_search USING GIN (keys)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("socialmap", "0003_need_taxonomy")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
