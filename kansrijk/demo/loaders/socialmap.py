"""Demo social map: believable help in Leudal (GM1640) from the demo organisations.

Idempotent: a service or location that already exists (by name, per organisation) is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kansrijk.organisations.models import Organisation
from kansrijk.socialmap.models import Location, Service
from kansrijk.socialmap.services import LocationData, ServiceData, location_save, service_create

LEUDAL = "GM1640"


@dataclass(frozen=True)
class DemoPlace:
    name: str
    address: str
    postcode: str
    city: str
    latitude: float
    longitude: float


PLACES = {
    "Voedselbank Leudal": DemoPlace(
        "Uitgiftepunt Heythuysen", "Kerkstraat 12", "6093 BE", "Heythuysen", 51.2502, 5.8991
    ),
    "Speelgoedbank Leudal": DemoPlace("Speelgoedbank Haelen", "Markt 3", "6081 BM", "Haelen", 51.2361, 5.9562),
    "CJG Leudal": DemoPlace(
        "Consultatiebureau Heythuysen", "Mgr. Creemersstraat 2", "6093 AB", "Heythuysen", 51.2489, 5.8975
    ),
    "Welzijn Leudal": DemoPlace("Wijkpunt Roggel", "Dorpstraat 20", "6088 BL", "Roggel", 51.2632, 5.9271),
    "Sportclub Leudal": DemoPlace("Sportpark Baexem", "Sportlaan 1", "6095 BW", "Baexem", 51.2231, 5.8792),
    "Muziekschool Leudal": DemoPlace("Muziekschool Haelen", "Kloosterstraat 8", "6081 CB", "Haelen", 51.2352, 5.9530),
}
INTERMEDIARY = "Via een intermediair: school, wijkteam of hulpverlener. Die vraagt het voor je aan."


@dataclass(frozen=True)
class DemoService:
    organisation: str
    data: ServiceData
    place: bool = False


def _service(organisation: str, place: bool = False, **fields: object) -> DemoService:
    if "municipality_codes" not in fields and not fields.get("is_national"):
        fields["municipality_codes"] = (LEUDAL,)
    return DemoService(organisation, ServiceData(**fields), place)  # type: ignore[arg-type]


SERVICES: tuple[DemoService, ...] = (
    _service(
        "Jeugdfonds Sport & Cultuur",
        name="Bijdrage voor sport",
        need_codes=("sport",),
        description="Het Jeugdfonds betaalt de contributie en spullen voor sport, "
        "zoals voetbalschoenen of een zwempak.",
        eligibility_description="Voor kinderen uit gezinnen met weinig geld.",
        minimum_age=4,
        maximum_age=17,
        application_process=INTERMEDIARY + " Het fonds betaalt de club direct.",
        fees_description="Gratis voor het gezin. Het fonds betaalt tot € 225 per jaar.",
        url="https://www.jeugdfondssportencultuur.nl",
        phone="020 123 4567",
    ),
    _service(
        "Jeugdfonds Sport & Cultuur",
        name="Bijdrage voor cultuur",
        need_codes=("cultuur",),
        description="Het Jeugdfonds betaalt lesgeld voor muziek, dans, theater of tekenen.",
        eligibility_description="Voor kinderen uit gezinnen met weinig geld.",
        minimum_age=4,
        maximum_age=17,
        application_process=INTERMEDIARY,
        fees_description="Gratis voor het gezin. Tot € 450 per jaar.",
        url="https://www.jeugdfondssportencultuur.nl",
    ),
    _service(
        "Gemeente Leudal",
        name="Meedoenregeling Leudal",
        need_codes=("sport", "cultuur", "schoolkosten"),
        description="Geld van de gemeente voor sport, cultuur en school van je kind.",
        eligibility_description="Voor gezinnen met een inkomen tot 120% van de bijstandsnorm.",
        minimum_age=4,
        maximum_age=17,
        application_process="Vraag het aan via het formulier op de website "
        "van de gemeente. Stuur je inkomen van de laatste maand mee.",
        fees_description="Gratis.",
        cost_cents=0,
        phone="14 0475",
    ),
    _service(
        "Stichting Leergeld",
        name="Schoolspullen en schoolreis",
        need_codes=("schoolkosten",),
        description="Leergeld helpt met schoolspullen, de ouderbijdrage en de schoolreis.",
        eligibility_description="Voor gezinnen met een inkomen tot 120% van de bijstandsnorm.",
        minimum_age=4,
        maximum_age=17,
        application_process="Bel of mail Leergeld. Een vrijwilliger komt bij je thuis voor een gesprek.",
        fees_description="Gratis.",
        url="https://www.leergeld.nl",
    ),
    _service(
        "Stichting Leergeld",
        name="Een fiets voor school",
        need_codes=("fiets",),
        minimum_age=4,
        maximum_age=17,
        description="Een goede fiets om naar school of naar de club te gaan.",
        application_process="Bel of mail Leergeld. Een vrijwilliger komt bij je thuis voor een gesprek.",
        fees_description="Gratis.",
    ),
    _service(
        "Stichting Leergeld",
        name="Laptop voor school",
        need_codes=("computer",),
        minimum_age=10,
        maximum_age=17,
        description="Een laptop voor school, vanaf groep 7 en op de middelbare school.",
        application_process="Bel of mail Leergeld. Een vrijwilliger komt bij je thuis voor een gesprek.",
        fees_description="Gratis.",
    ),
    _service(
        "Speelgoedbank Leudal",
        place=True,
        name="Speelgoed uitzoeken",
        need_codes=("speelgoed", "verjaardag"),
        minimum_age=0,
        maximum_age=12,
        description="Kinderen zoeken zelf speelgoed uit voor hun verjaardag of Sinterklaas.",
        application_process="Vraag een verwijzing aan bij het wijkteam of de school. Maak dan een afspraak.",
        fees_description="Gratis.",
    ),
    _service(
        "Voedselbank Leudal",
        place=True,
        name="Voedselpakket",
        need_codes=("voedsel",),
        description="Elke week een pakket met eten voor het hele gezin.",
        eligibility_description="Als je na de vaste lasten minder overhoudt dan het leefgeld van de Voedselbank.",
        application_process="Via een verwijzer: wijkteam, sociaal raadslieden of schuldhulp. Die kijkt met je mee.",
        fees_description="Gratis.",
    ),
    _service(
        "CJG Leudal",
        place=True,
        name="Consultatiebureau en jeugdverpleegkundige",
        need_codes=("jeugdgezondheid",),
        minimum_age=0,
        maximum_age=18,
        description="De jeugdverpleegkundige en jeugdarts volgen hoe je kind groeit en zich ontwikkelt.",
        application_process="Je krijgt vanzelf een uitnodiging. Je kunt ook zelf bellen voor een afspraak.",
        fees_description="Gratis.",
        phone="088 123 4000",
    ),
    _service(
        "CJG Leudal",
        place=True,
        name="Hulp bij opvoeden",
        need_codes=("opvoeding",),
        minimum_age=0,
        maximum_age=18,
        description="Praat met een opvoedadviseur over zorgen of vragen over je kind.",
        application_process="Bel of mail het CJG. Je hoeft geen verwijzing te hebben.",
        fees_description="Gratis.",
    ),
    _service(
        "Welzijn Leudal",
        place=True,
        name="Schuldhulpmaatje",
        need_codes=("geldzaken",),
        description="Een vrijwilliger helpt je met post, rekeningen en schulden.",
        application_process="Bel of loop binnen bij het wijkpunt. We maken een afspraak.",
        fees_description="Gratis.",
    ),
    _service(
        "Welzijn Leudal",
        place=True,
        name="Energiecoach",
        need_codes=("energie", "wonen"),
        description="Een energiecoach komt langs en helpt je energie en geld te besparen.",
        application_process="Bel het wijkpunt voor een afspraak.",
        fees_description="Gratis.",
        assured_date=date.today() - timedelta(days=500),
    ),
    _service(
        "Sportclub Leudal",
        place=True,
        name="Voetbal, turnen en zwemmen",
        need_codes=("sport",),
        minimum_age=5,
        maximum_age=17,
        description="Sporten bij de club in je eigen dorp.",
        application_process="Meld je aan bij de club. Geen geld? Vraag het Jeugdfonds via school of wijkteam.",
        fees_description="€ 150 per jaar; het Jeugdfonds kan dit betalen.",
        cost_cents=15000,
    ),
    _service(
        "Muziekschool Leudal",
        place=True,
        name="Muziekles voor kinderen",
        need_codes=("cultuur",),
        minimum_age=6,
        maximum_age=18,
        description="Les op een instrument naar keuze, alleen of in een groepje.",
        application_process="Meld je aan op de website. Geen geld? Vraag het Jeugdfonds via school of wijkteam.",
        fees_description="€ 320 per jaar.",
        cost_cents=32000,
    ),
    _service(
        "Nationaal Fonds Kinderhulp",
        name="Kleding en een dagje uit",
        need_codes=("kleding", "uitje"),
        is_national=True,
        minimum_age=0,
        maximum_age=21,
        description="Kinderhulp helpt als er geen andere regeling is, bijvoorbeeld met kleding of een uitje.",
        application_process="Altijd via een professional, zoals een wijkteam of schoolmaatschappelijk werker.",
        fees_description="Gratis.",
        url="https://www.kinderhulp.nl",
    ),
    _service(
        "Stichting Jarige Job",
        name="Verjaardagsbox",
        need_codes=("verjaardag",),
        is_national=True,
        minimum_age=1,
        maximum_age=12,
        description="Een box met alles voor een feestje: slingers, traktatie en een cadeau.",
        application_process="Via een hulpverlener (intermediair), zoals de voedselbank of het wijkteam.",
        fees_description="Gratis.",
        url="https://www.jarigejob.nl",
    ),
)


def _location(organisation: Organisation, place: DemoPlace) -> Location:
    existing = Location.objects.filter(organization_id=organisation.pk, name=place.name).first()
    if existing is not None:
        return existing
    return location_save(
        actor=None,
        organisation=organisation,
        data=LocationData(
            name=place.name,
            address_1=place.address,
            postal_code=place.postcode,
            city=place.city,
            municipality_code=LEUDAL,
            latitude=place.latitude,
            longitude=place.longitude,
        ),
    )


def load() -> None:
    for item in SERVICES:
        organisation = Organisation.objects.filter(name=item.organisation).first()
        if (
            organisation is None
            or Service.objects.filter(organization_id=organisation.pk, name=item.data.name).exists()
        ):
            continue
        data = item.data
        if item.place:
            location = _location(organisation, PLACES[item.organisation])
            data = ServiceData(**{**data.__dict__, "location_ids": (location.id,)})
        service_create(actor=None, organisation=organisation, data=data)
