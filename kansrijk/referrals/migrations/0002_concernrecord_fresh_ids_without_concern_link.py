"""Statistics rows that lead back to nothing (ADR 0011).

`ConcernRecord` loses `concern_id` (the erased concern's id) and `erased_at` (an exact time
that matched the audit row of the erasure) and gets random UUID ids instead of a sequence
that followed the order of erasure. Existing rows are copied into the new table in random
order with fresh ids; nothing else about them changes.
"""

import random
import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

FIELDS = [
    "municipality_code",
    "year",
    "organisation_id",
    "children_count",
    "signs",
    "referral_statuses",
    "service_ids",
    "receiver_ids",
    "days_to_help",
    "feedback",
]


def copy_with_fresh_ids(apps, schema_editor):
    old = apps.get_model("referrals", "ConcernRecord")
    new = apps.get_model("referrals", "AnonymousConcernRecord")
    rows = list(old.objects.values(*FIELDS))
    random.SystemRandom().shuffle(rows)
    new.objects.bulk_create([new(id=uuid.uuid4(), **row) for row in rows], batch_size=1000)


def copy_back(apps, schema_editor):
    new = apps.get_model("referrals", "AnonymousConcernRecord")
    old = apps.get_model("referrals", "ConcernRecord")
    old.objects.bulk_create(
        [old(concern_id=uuid.uuid4(), **row) for row in new.objects.values(*FIELDS)], batch_size=1000
    )


class Migration(migrations.Migration):
    dependencies = [("referrals", "0001_initial"), migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.CreateModel(
            name="AnonymousConcernRecord",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4,
                        editable=False,
                        help_text="Random identifier, unrelated to the erased concern.",
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                (
                    "municipality_code",
                    models.CharField(db_index=True, help_text="CBS code of the municipality.", max_length=6),
                ),
                ("year", models.PositiveSmallIntegerField(db_index=True, help_text="Year the concern was raised.")),
                ("organisation_id", models.UUIDField(help_text="The organisation that raised the concern.")),
                ("children_count", models.PositiveSmallIntegerField(help_text="Number of children.")),
                ("signs", models.JSONField(default=list, help_text="Codes of the signs observed.")),
                (
                    "referral_statuses",
                    models.JSONField(default=dict, help_text="Number of referrals per final status."),
                ),
                ("service_ids", models.JSONField(default=list, help_text="HSDS ids of the services referred to.")),
                ("receiver_ids", models.JSONField(default=list, help_text="Ids of the organisations referred to.")),
                (
                    "days_to_help",
                    models.JSONField(default=list, help_text="Days from sent to done, per referral that was done."),
                ),
                (
                    "feedback",
                    models.JSONField(default=list, help_text="Family answers and child scores, without comments."),
                ),
            ],
            options={"ordering": ["-year", "municipality_code"]},
        ),
        migrations.RunPython(copy_with_fresh_ids, copy_back),
        migrations.DeleteModel(name="ConcernRecord"),
        migrations.RenameModel(old_name="AnonymousConcernRecord", new_name="ConcernRecord"),
        migrations.AlterField(
            model_name="barrier",
            name="created_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                help_text="When it was reported (at erasure: only the month is kept, as its first day).",
            ),
        ),
        migrations.AlterField(
            model_name="barrier",
            name="created_by",
            field=models.ForeignKey(
                blank=True,
                help_text="Who reported it (emptied at erasure).",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
    ]
