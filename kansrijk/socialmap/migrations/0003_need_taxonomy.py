"""The Dutch need taxonomy as HSDS taxonomy terms with stable ids and codes."""

import uuid

from django.db import migrations

NAMESPACE = uuid.UUID("6f1c0c9e-4a53-4c55-9d3e-6b1d7b6f0a11")
TAXONOMY_ID = uuid.uuid5(NAMESPACE, "kansrijk-behoeften")
# Frozen copy of constants.NEEDS at the time of writing (migrations must not change later).
NEEDS = [
    ("sport", "Sport", "Sports", "Contributie, lesgeld en spullen om te sporten."),
    ("cultuur", "Cultuur en muziek", "Culture and music", "Muziekles, dans, theater of tekenles."),
    ("schoolkosten", "Schoolkosten", "School costs", "Schoolreis, ouderbijdrage, schoolspullen."),
    ("computer", "Computer of laptop", "Computer or laptop", "Een laptop of computer voor school."),
    ("fiets", "Fiets", "Bicycle", "Een fiets om naar school of club te gaan."),
    ("kleding", "Kleding", "Clothing", "Kleding en schoenen voor kinderen."),
    ("voedsel", "Eten", "Food", "Voedselpakketten en hulp bij boodschappen."),
    ("speelgoed", "Speelgoed", "Toys", "Speelgoed, bijvoorbeeld voor feestdagen."),
    ("verjaardag", "Verjaardag", "Birthday", "Een verjaardag vieren met cadeau en traktatie."),
    ("uitje", "Vakantie en uitjes", "Holiday and days out", "Een dagje uit of een vakantie."),
    ("geldzaken", "Schulden en geldzaken", "Debt and money help", "Hulp bij schulden, post en geld."),
    ("opvoeding", "Opvoedsteun", "Parenting support", "Hulp en advies bij het opvoeden."),
    ("jeugdgezondheid", "Jeugdgezondheidszorg", "Youth health care", "Consultatiebureau en jeugdverpleegkundige."),
    ("wonen", "Wonen", "Housing", "Hulp bij huur, woning of dreigende uitzetting."),
    ("energie", "Energie", "Energy", "Hulp bij de energierekening en energie besparen."),
]


def create(apps, schema_editor):
    Taxonomy = apps.get_model("socialmap", "Taxonomy")
    TaxonomyTerm = apps.get_model("socialmap", "TaxonomyTerm")
    taxonomy, _ = Taxonomy.objects.update_or_create(
        id=TAXONOMY_ID,
        defaults={
            "name": "Kansrijk behoeften",
            "description": "Waar een gezin hulp bij zoekt: de behoeften van de sociale kaart van Kansrijk.",
            "uri": "https://kansrijk.nl/taxonomie/behoeften",
            "version": "1",
        },
    )
    for code, name_nl, name_en, description in NEEDS:
        TaxonomyTerm.objects.update_or_create(
            id=uuid.uuid5(NAMESPACE, code),
            defaults={
                "code": code,
                "name": name_nl,
                "name_en": name_en,
                "description": description,
                "taxonomy": taxonomy,
                "taxonomy_name": taxonomy.name,
                "language": "nld",
            },
        )


def remove(apps, schema_editor):
    apps.get_model("socialmap", "Taxonomy").objects.filter(id=TAXONOMY_ID).delete()


class Migration(migrations.Migration):
    dependencies = [("socialmap", "0002_search_index")]

    operations = [migrations.RunPython(create, remove)]
