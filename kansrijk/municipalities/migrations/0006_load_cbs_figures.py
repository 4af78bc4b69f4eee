"""Load the CBS figures shipped in `kansrijk/municipalities/data/cbs/` (ADR 0032)."""

from django.db import migrations


def load(apps, schema_editor):
    from kansrijk.municipalities.cbs import read_shipped_figures

    CbsFigure = apps.get_model("municipalities", "CbsFigure")
    CbsFigure.objects.bulk_create(
        [
            CbsFigure(
                municipality_id=row.municipality,
                measure=row.measure,
                table_id=row.table_id,
                period=row.period,
                value=row.value,
                unit=row.unit,
                rounding=row.rounding,
                source=row.source,
                provisional=row.provisional,
            )
            for row in read_shipped_figures()
        ],
        batch_size=2000,
    )


def unload(apps, schema_editor):
    apps.get_model("municipalities", "CbsFigure").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("municipalities", "0005_cbs_figures")]
    operations = [migrations.RunPython(load, unload)]
