"""Publish the first pledge text, so partners can sign from the first start."""

import datetime
import hashlib

from django.db import migrations

from kansrijk.alliance.pledge_text import PLEDGE_V1_TEXT, PLEDGE_V1_TITLE


def publish(apps, schema_editor):
    PledgeVersion = apps.get_model("alliance", "PledgeVersion")
    if not PledgeVersion.objects.filter(number=1).exists():
        PledgeVersion.objects.create(
            number=1,
            title=PLEDGE_V1_TITLE,
            text=PLEDGE_V1_TEXT,
            text_sha256=hashlib.sha256(PLEDGE_V1_TEXT.encode()).hexdigest(),
            published_on=datetime.date(2019, 6, 1),
        )


class Migration(migrations.Migration):
    dependencies = [("alliance", "0001_initial")]

    operations = [migrations.RunPython(publish, migrations.RunPython.noop)]
