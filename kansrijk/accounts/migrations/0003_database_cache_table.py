"""The table of the database cache (`CACHES` without `REDIS_URL`), made by every `migrate`.

Login lockout and rate limits count in the cache; the database cache is shared by every
worker process, so the count holds across processes (ADR 0009). With Redis configured
there is no database cache and this does nothing.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def drop_cache_table(apps, schema_editor):
    from django.conf import settings

    for cache in settings.CACHES.values():
        if cache["BACKEND"].endswith("DatabaseCache"):
            schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(cache['LOCATION'])}")


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_api_token_name_and_expiry")]

    operations = [migrations.RunPython(create_cache_table, drop_cache_table, elidable=False)]
