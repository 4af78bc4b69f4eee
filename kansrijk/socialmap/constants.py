"""Fixed values of the social map: HSDS enumerations, the Dutch need taxonomy, freshness."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

# A listing not confirmed for this long is shown as "Niet recent gecontroleerd".
STALE_AFTER_DAYS = 365
# A reminder to the owner is sent at most once per this many days per listing.
REMINDER_INTERVAL_DAYS = 30


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", _("Actief")
    INACTIVE = "inactive", _("Niet actief")
    DEFUNCT = "defunct", _("Gestopt")
    TEMPORARILY_CLOSED = "temporarily closed", _("Tijdelijk gesloten")


# Statuses shown to the public in the search page.
VISIBLE_STATUSES = (ServiceStatus.ACTIVE.value, ServiceStatus.TEMPORARILY_CLOSED.value)


class LocationType(models.TextChoices):
    PHYSICAL = "physical", _("Bezoekadres")
    POSTAL = "postal", _("Postadres")
    VIRTUAL = "virtual", _("Online")


class GeoSource(models.TextChoices):
    NONE = "", _("Onbekend")
    OWN = "own", _("Eigen coördinaten")
    MUNICIPALITY = "municipality", _("Midden van de gemeente")


# Identifiers for places, so a service area or address can name a municipality in HSDS.
# TOOI is the Dutch government's identifier scheme: .../tooi/id/gemeente/gm1640.
TOOI_MUNICIPALITY_URI = "https://identifier.overheid.nl/tooi/id/gemeente/{code}"
TOOI_MUNICIPALITY_RE = re.compile(r"^https?://identifier\.overheid\.nl/tooi/id/gemeente/(gm\d{4})/?$", re.IGNORECASE)
# A service area with this uri serves the whole country (ISO 3166 URN for the Netherlands).
NATIONAL_AREA_URI = "urn:iso:std:iso:3166:-1:NL"
NL_COUNTRY_CODES = frozenset({"nl", "nld", "nederland", "netherlands", "the netherlands"})

# The taxonomy of needs; its id and its terms' ids are stable (uuid5 of the code).
NEED_NAMESPACE = uuid.UUID("6f1c0c9e-4a53-4c55-9d3e-6b1d7b6f0a11")
NEED_TAXONOMY_ID = uuid.uuid5(NEED_NAMESPACE, "kansrijk-behoeften")
NEED_TAXONOMY_NAME = "Kansrijk behoeften"
NEED_TAXONOMY_URI = "https://kansrijk.nl/taxonomie/behoeften"


@dataclass(frozen=True)
class Need:
    code: str
    name_nl: str
    name_en: str
    description_nl: str

    @property
    def id(self) -> uuid.UUID:
        return uuid.uuid5(NEED_NAMESPACE, self.code)


NEEDS: tuple[Need, ...] = (
    Need("sport", "Sport", "Sports", "Contributie, lesgeld en spullen om te sporten."),
    Need("cultuur", "Cultuur en muziek", "Culture and music", "Muziekles, dans, theater of tekenles."),
    Need("schoolkosten", "Schoolkosten", "School costs", "Schoolreis, ouderbijdrage, schoolspullen."),
    Need("computer", "Computer of laptop", "Computer or laptop", "Een laptop of computer voor school."),
    Need("fiets", "Fiets", "Bicycle", "Een fiets om naar school of club te gaan."),
    Need("kleding", "Kleding", "Clothing", "Kleding en schoenen voor kinderen."),
    Need("voedsel", "Eten", "Food", "Voedselpakketten en hulp bij boodschappen."),
    Need("speelgoed", "Speelgoed", "Toys", "Speelgoed, bijvoorbeeld voor feestdagen."),
    Need("verjaardag", "Verjaardag", "Birthday", "Een verjaardag vieren met cadeau en traktatie."),
    Need("uitje", "Vakantie en uitjes", "Holiday and days out", "Een dagje uit of een vakantie."),
    Need("geldzaken", "Schulden en geldzaken", "Debt and money help", "Hulp bij schulden, post en geld."),
    Need("opvoeding", "Opvoedsteun", "Parenting support", "Hulp en advies bij het opvoeden."),
    Need("jeugdgezondheid", "Jeugdgezondheidszorg", "Youth health care", "Consultatiebureau en jeugdverpleegkundige."),
    Need("wonen", "Wonen", "Housing", "Hulp bij huur, woning of dreigende uitzetting."),
    Need("energie", "Energie", "Energy", "Hulp bij de energierekening en energie besparen."),
)
NEED_BY_CODE = {need.code: need for need in NEEDS}
