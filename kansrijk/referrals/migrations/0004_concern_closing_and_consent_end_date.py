"""Concerns can be closed with a coded reason and reopened; consent gets an end date
(existing consent: CONSENT_DEFAULT_DAYS after it was given); notifications name the child by initials;
the anonymous statistics of an erased concern keep the number of declines per coded reason."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import kansrijk.referrals.models


def consent_ends_a_year_after_it_was_given(apps, schema_editor):
    """Existing consent gets the default end date counted from when it was given."""
    from datetime import timedelta

    from django.conf import settings

    days = int(getattr(settings, "CONSENT_DEFAULT_DAYS", 365))
    Consent = apps.get_model("referrals", "Consent")
    Consent.objects.update(expires_at=models.F("given_at") + timedelta(days=days))


class Migration(migrations.Migration):
    dependencies = [
        ("referrals", "0003_referral_decline_reason"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="concernrecord",
            name="decline_reasons",
            field=models.JSONField(
                blank=True, default=dict, help_text="Number of declined referrals per coded decline reason."
            ),
        ),
        migrations.AddField(
            model_name="concern",
            name="close_note",
            field=models.TextField(blank=True, default="", help_text="Optional explanation of the closing (no BSN)."),
        ),
        migrations.AddField(
            model_name="concern",
            name="close_reason",
            field=models.CharField(
                blank=True,
                choices=[
                    ("help_arranged", "Hulp is geregeld"),
                    ("no_longer_needed", "Geen hulp meer nodig"),
                    ("family_declined", "Gezin wil geen hulp"),
                    ("family_moved", "Gezin is verhuisd"),
                    ("other", "Andere reden"),
                ],
                default="",
                help_text="Coded reason for closing.",
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="concern",
            name="closed_at",
            field=models.DateTimeField(
                blank=True, help_text="When the concern was closed; empty while open.", null=True
            ),
        ),
        migrations.AddField(
            model_name="concern",
            name="closed_by",
            field=models.ForeignKey(
                blank=True,
                help_text="The professional who closed the concern.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="consent",
            name="expires_at",
            field=models.DateTimeField(
                default=kansrijk.referrals.models.consent_default_expiry,
                help_text="When consent ends (by default CONSENT_DEFAULT_DAYS after it was given); expired is not valid.",
            ),
        ),
        migrations.AlterField(
            model_name="notification",
            name="message",
            field=models.CharField(
                help_text="The message; names the child by initials and age only, never by name.", max_length=255
            ),
        ),
        migrations.RunPython(consent_ends_a_year_after_it_was_given, migrations.RunPython.noop),
    ]
