"""Declines get a coded reason. Referrals declined before this migration get `other`; their
old free text stays where it was, in the declining step's `reason`."""

from django.db import migrations, models


def declined_before_get_other(apps, schema_editor):
    Referral = apps.get_model("referrals", "Referral")
    Referral.objects.filter(status="declined", decline_reason="").update(decline_reason="other")


def forget_codes(apps, schema_editor):
    """Going back drops the column; nothing to undo in the data."""


class Migration(migrations.Migration):
    dependencies = [
        ("referrals", "0002_concernrecord_fresh_ids_without_concern_link"),
    ]

    operations = [
        migrations.AddField(
            model_name="referral",
            name="decline_reason",
            field=models.CharField(
                blank=True,
                choices=[
                    ("not_eligible", "Komt niet in aanmerking"),
                    ("family_unreachable", "Gezin niet bereikbaar"),
                    ("family_declined", "Gezin wil het niet"),
                    ("no_budget", "Geen budget meer"),
                    ("referred_elsewhere", "Doorverwezen naar andere hulp"),
                    ("other", "Andere reden"),
                ],
                default="",
                help_text=(
                    "Coded reason when declined (empty otherwise); the free text is in the declining step's reason."
                ),
                max_length=20,
            ),
        ),
        migrations.RunPython(declined_before_get_other, forget_codes),
    ]
