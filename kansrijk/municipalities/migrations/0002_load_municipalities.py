"""Load the 342 municipalities from the files in `kansrijk/municipalities/data/`."""

from django.db import migrations


def load(apps, schema_editor):
    from kansrijk.municipalities.loading import read_municipalities

    Municipality = apps.get_model("municipalities", "Municipality")
    rows = read_municipalities()
    Municipality.objects.bulk_create(
        [Municipality(**row.__dict__) for row in rows],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=[
            "gemeentecode",
            "name",
            "province",
            "population",
            "area_km2",
            "centroid_latitude",
            "centroid_longitude",
            "boundary",
        ],
    )


class Migration(migrations.Migration):
    dependencies = [("municipalities", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
