"""The hash chain's columns and tables (ADR 0010). The old triggers go first: on SQLite adding
columns rebuilds the table, and the existing rows are chained (0004) before new triggers come (0005)."""

import django.utils.timezone
from django.db import migrations, models

DROP = {
    "sqlite": ["DROP TRIGGER IF EXISTS audit_no_update", "DROP TRIGGER IF EXISTS audit_no_delete"],
    "postgresql": [
        "DROP TRIGGER IF EXISTS audit_no_update_delete ON audit_auditevent",
        "DROP TRIGGER IF EXISTS audit_no_truncate ON audit_auditevent",
    ],
}


def drop_old_triggers(apps, schema_editor):
    for statement in DROP.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_triggers")]

    operations = [
        migrations.RunPython(drop_old_triggers, migrations.RunPython.noop),
        migrations.AddField(
            model_name="auditevent",
            name="seq",
            field=models.BigIntegerField(
                editable=False, null=True, unique=True, help_text="Position in the hash chain (1, 2, 3, …)."
            ),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="personal_salt",
            field=models.CharField(
                blank=True,
                editable=False,
                max_length=32,
                help_text="Random salt of the personal digest; removed on anonymising.",
            ),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="personal_digest",
            field=models.CharField(
                default="",
                editable=False,
                max_length=64,
                help_text="SHA-256 over the salt and the personal fields (actor, label, object id, address, detail); "
                "the chain covers this digest, so clearing the personal fields keeps the chain whole.",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent",
            name="anonymised_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, help_text="When the personal fields were removed (retention)."
            ),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="prev_hash",
            field=models.CharField(
                default="", editable=False, max_length=64, help_text="`row_hash` of the row before this one."
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent",
            name="row_hash",
            field=models.CharField(
                default="",
                editable=False,
                max_length=64,
                help_text="SHA-256 over `prev_hash` and this row's chained fields.",
            ),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="timestamp",
            field=models.DateTimeField(
                db_index=True, default=django.utils.timezone.now, editable=False, help_text="When it happened (UTC)."
            ),
        ),
        migrations.AlterModelOptions(name="auditevent", options={"ordering": ["-seq"]}),
        migrations.CreateModel(
            name="AuditChainHead",
            fields=[
                (
                    "id",
                    models.PositiveSmallIntegerField(
                        default=1, help_text="Always 1.", primary_key=True, serialize=False
                    ),
                ),
                ("seq", models.BigIntegerField(default=0, help_text="`seq` of the newest audit row (0: none yet).")),
                ("row_hash", models.CharField(help_text="`row_hash` of the newest audit row.", max_length=64)),
            ],
        ),
        migrations.CreateModel(
            name="AuditAnchor",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, help_text="When the purge ran."),
                ),
                ("seq", models.BigIntegerField(help_text="`seq` of the last purged row.")),
                ("row_hash", models.CharField(help_text="`row_hash` of the last purged row.", max_length=64)),
                ("purged", models.BigIntegerField(help_text="How many rows this purge removed.")),
            ],
            options={"ordering": ["-seq"]},
        ),
    ]
