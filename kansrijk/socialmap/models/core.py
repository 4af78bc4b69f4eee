"""The central HSDS tables: organization, service, location, their links, taxonomy."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kansrijk.municipalities.models import Municipality
from kansrijk.organisations.models import Organisation
from kansrijk.socialmap.constants import GeoSource, LocationType, ServiceStatus
from kansrijk.socialmap.models.base import HsdsRecord, fk, text


class HsdsOrganization(models.Model):
    """The HSDS organization of one of our organisations: they share one UUID.

    Name, description, e-mail and website live on `Organisation`; this row holds the
    rest of HSDS `organization`.
    """

    organisation = models.OneToOneField(
        Organisation,
        primary_key=True,
        on_delete=models.CASCADE,
        db_column="id",
        related_name="hsds",
        help_text="The organisation; its UUID is the HSDS organization id.",
        verbose_name=_("organisatie"),
    )
    alternate_name = text("Another name the organisation is known by.", verbose_name=_("andere naam"))
    tax_status = text("HSDS tax status (deprecated in HSDS).", verbose_name=_("belastingstatus"))
    tax_id = text("HSDS tax identifier (deprecated in HSDS).", verbose_name=_("belastingnummer"))
    year_incorporated = models.IntegerField(
        null=True, blank=True, help_text="Year the organisation was founded.", verbose_name=_("opgericht in")
    )
    legal_status = text("Legal form, e.g. 'Stichting'.", verbose_name=_("rechtsvorm"))
    logo = text("URL of the logo.", verbose_name=_("logo"))
    uri = text("Persistent identifier (URI) of the organisation.", verbose_name=_("URI"))
    parent_organization_id = models.UUIDField(
        null=True,
        blank=True,
        help_text="HSDS id of a parent organisation; may live in another directory.",
        verbose_name=_("id van de moederorganisatie"),
    )
    last_modified = models.DateTimeField(
        auto_now=True, help_text="Last change of this row.", verbose_name=_("laatst gewijzigd")
    )

    class Meta:
        verbose_name = _("HSDS-gegevens van een organisatie")
        verbose_name_plural = _("HSDS-gegevens van organisaties")
        ordering = ["organisation_id"]

    def __str__(self) -> str:
        return str(self.organisation_id)


class Service(HsdsRecord):
    """Help that an organisation offers, e.g. 'Bijdrage voor sport'."""

    organization = fk(
        "socialmap.HsdsOrganization",
        "The organisation that offers and owns this listing.",
        "services",
        required=True,
        verbose_name=_("organisatie"),
    )
    program = fk("socialmap.Program", "The programme this service belongs to.", "services", verbose_name=_("programma"))
    name = models.CharField(max_length=255, db_index=True, help_text="Name of the service.", verbose_name=_("naam"))
    alternate_name = text("Another name of the service.", verbose_name=_("andere naam"))
    description = text("What the service offers, in plain language.", verbose_name=_("beschrijving"))
    url = text("Web page of the service.", verbose_name=_("webpagina"))
    email = models.CharField(
        max_length=254, blank=True, default="", help_text="E-mail address for questions.", verbose_name=_("e-mailadres")
    )
    status = models.CharField(
        max_length=20,
        choices=ServiceStatus.choices,
        default=ServiceStatus.ACTIVE,
        db_index=True,
        help_text="Whether the service is running.",
        verbose_name=_("status"),
    )
    interpretation_services = text("Interpretation or translation offered.", verbose_name=_("tolk of vertaling"))
    application_process = text("How to apply: the steps to take.", verbose_name=_("hoe aanvragen"))
    fees_description = text("What it costs, in words.", verbose_name=_("kosten in woorden"))
    wait_time = text("How long people usually wait.", verbose_name=_("wachttijd"))
    fees = text("Fees (deprecated in HSDS; use cost options).", verbose_name=_("kosten (oud veld)"))
    accreditations = text("Quality marks or accreditations.", verbose_name=_("keurmerken"))
    eligibility_description = text("Who can use the service, in words.", verbose_name=_("voor wie"))
    minimum_age = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        db_index=True,
        help_text="Youngest age served, in whole years.",
        verbose_name=_("minimumleeftijd"),
    )
    maximum_age = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        db_index=True,
        help_text="Oldest age served, in whole years.",
        verbose_name=_("maximumleeftijd"),
    )
    assured_date = models.DateField(
        null=True,
        blank=True,
        db_index=True,
        help_text="Date the owner last confirmed the listing is correct.",
        verbose_name=_("gecontroleerd op"),
    )
    assurer_email = models.CharField(
        max_length=254,
        blank=True,
        default="",
        help_text="E-mail of the person who last confirmed the listing.",
        verbose_name=_("gecontroleerd door (e-mail)"),
    )
    licenses = text("Licences the service holds.", verbose_name=_("vergunningen"))
    alert = text("A short notice, e.g. a temporary change.", verbose_name=_("melding"))
    last_modified = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="Last change of the listing.",
        verbose_name=_("laatst gewijzigd"),
    )
    reminded_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Kansrijk extension: last reminder sent to the owner.",
        verbose_name=_("herinnering gestuurd op"),
    )

    class Meta(HsdsRecord.Meta):
        verbose_name = _("hulpaanbod")
        verbose_name_plural = pgettext_lazy("meervoud", "hulpaanbod")

    def __str__(self) -> str:
        return self.name


class Location(HsdsRecord):
    """A place where help is given: a building, a postal address or an online place."""

    location_type = models.CharField(
        max_length=10,
        choices=LocationType.choices,
        default=LocationType.PHYSICAL,
        help_text="Physical (visit), postal or virtual (online).",
        verbose_name=_("soort locatie"),
    )
    url = text("Web address of a virtual location.", verbose_name=_("webadres"))
    organization = fk(
        "socialmap.HsdsOrganization",
        "Organisation this location belongs to.",
        "locations",
        verbose_name=_("organisatie"),
    )
    name = text("Name of the location.", verbose_name=_("naam"))
    alternate_name = text("Another name of the location.", verbose_name=_("andere naam"))
    description = text("Description of the location.", verbose_name=_("beschrijving"))
    transportation = text(
        "How to get there by public transport.", verbose_name=_("bereikbaarheid met openbaar vervoer")
    )
    latitude = models.FloatField(
        null=True, blank=True, help_text="Latitude (WGS84), if known.", verbose_name=_("breedtegraad")
    )
    longitude = models.FloatField(
        null=True, blank=True, help_text="Longitude (WGS84), if known.", verbose_name=_("lengtegraad")
    )
    external_identifier = text("Identifier in another register, e.g. a BAG id.", verbose_name=_("externe id"))
    external_identifier_type = text(
        "Which register the external identifier belongs to.", verbose_name=_("soort externe id")
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="socialmap_locations",
        help_text="Kansrijk extension: the municipality, from the address region (empty outside NL).",
        verbose_name=_("gemeente"),
    )
    postcode = models.CharField(
        max_length=6,
        blank=True,
        default="",
        db_index=True,
        help_text="Kansrijk extension: Dutch postcode of the address, e.g. 6093AB.",
        verbose_name=_("postcode"),
    )
    geo_latitude = models.FloatField(
        null=True,
        blank=True,
        help_text="Kansrijk extension: latitude used for distance search.",
        verbose_name=_("breedtegraad voor zoeken"),
    )
    geo_longitude = models.FloatField(
        null=True,
        blank=True,
        help_text="Kansrijk extension: longitude used for distance search.",
        verbose_name=_("lengtegraad voor zoeken"),
    )
    geo_source = models.CharField(
        max_length=12,
        choices=GeoSource.choices,
        blank=True,
        default="",
        help_text="Kansrijk extension: own coordinates or the municipality's centre.",
        verbose_name=_("bron van de coördinaten"),
    )

    class Meta(HsdsRecord.Meta):
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        indexes = [models.Index(fields=["geo_latitude", "geo_longitude"], name="socialmap_location_geo")]

    def __str__(self) -> str:
        return self.name or str(self.id)


class ServiceAtLocation(HsdsRecord):
    """A service offered at a location."""

    service = fk(
        "socialmap.Service", "The service.", "service_at_locations", required=True, verbose_name=_("hulpaanbod")
    )
    location = fk(
        "socialmap.Location", "The location.", "service_at_locations", required=True, verbose_name=_("locatie")
    )
    description = text("What is special about the service at this location.", verbose_name=_("beschrijving"))

    class Meta(HsdsRecord.Meta):
        verbose_name = _("hulpaanbod op een locatie")
        verbose_name_plural = _("hulpaanbod op locaties")


class ServiceArea(HsdsRecord):
    """The area a service serves; a municipality (TOOI uri) or the whole country."""

    service = fk("socialmap.Service", "The service.", "service_areas", verbose_name=_("hulpaanbod"))
    service_at_location = fk(
        "socialmap.ServiceAtLocation",
        "The service at a location.",
        "service_areas",
        verbose_name=_("hulpaanbod op een locatie"),
    )
    name = text("Name of the area.", verbose_name=_("naam"))
    description = text("Description of the area.", verbose_name=_("beschrijving"))
    extent = text("Boundary or description of the area.", verbose_name=_("omvang"))
    extent_type = text("Format of the extent: geojson, topojson, kml or text.", verbose_name=_("vorm van de omvang"))
    uri = text(
        "Identifier of the area, e.g. https://identifier.overheid.nl/tooi/id/gemeente/gm1640.", verbose_name=_("URI")
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="socialmap_service_areas",
        help_text="Kansrijk extension: the municipality named by the TOOI uri.",
        verbose_name=_("gemeente"),
    )
    is_national = models.BooleanField(
        default=False, help_text="Kansrijk extension: the area is the whole country.", verbose_name=_("heel Nederland")
    )

    class Meta(HsdsRecord.Meta):
        verbose_name = _("werkgebied")
        verbose_name_plural = _("werkgebieden")


class Taxonomy(HsdsRecord):
    """A list of terms, e.g. the Kansrijk needs."""

    name = models.CharField(max_length=255, help_text="Name of the taxonomy.", verbose_name=_("naam"))
    description = text("What the taxonomy is for.", verbose_name=_("beschrijving"))
    uri = text("Where the taxonomy is published.", verbose_name=_("URI"))
    version = text("Version of the taxonomy.", verbose_name=_("versie"))

    class Meta(HsdsRecord.Meta):
        verbose_name = _("begrippenlijst")
        verbose_name_plural = _("begrippenlijsten")

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(HsdsRecord):
    """A term, e.g. the need 'sport'."""

    code = models.CharField(
        max_length=100,
        blank=True,
        default="",
        db_index=True,
        help_text="Stable code, e.g. 'sport'; also used by the screener.",
        verbose_name=_("code"),
    )
    name = models.CharField(
        max_length=255, help_text="Name of the term (Dutch for Kansrijk's own terms).", verbose_name=_("naam")
    )
    name_en = models.CharField(
        max_length=255,
        blank=True,
        default="",
        help_text="Kansrijk extension: English name of the term.",
        verbose_name=_("naam in het Engels"),
    )
    description = text("What the term means.", verbose_name=_("beschrijving"))
    parent = fk("socialmap.TaxonomyTerm", "The broader term.", "children", verbose_name=_("breder begrip"))
    taxonomy_name = models.TextField(
        blank=True,
        default="",
        db_column="taxonomy",
        help_text="HSDS `taxonomy`: name of the taxonomy as text.",
        verbose_name=_("naam van de begrippenlijst"),
    )
    language = text("Language of the term, e.g. 'nld'.", verbose_name=_("taal"))
    taxonomy = fk("socialmap.Taxonomy", "The taxonomy the term belongs to.", "terms", verbose_name=_("begrippenlijst"))
    term_uri = text("URI of the term.", verbose_name=_("URI van het begrip"))

    class Meta(HsdsRecord.Meta):
        verbose_name = _("begrip")
        verbose_name_plural = _("begrippen")

    def __str__(self) -> str:
        return self.name


class Attribute(HsdsRecord):
    """Links a record (usually a service) to a taxonomy term."""

    link_id = models.UUIDField(
        db_index=True, help_text="Id of the linked record.", verbose_name=_("id van het gekoppelde record")
    )
    taxonomy_term = fk("socialmap.TaxonomyTerm", "The term.", "attributes", required=True, verbose_name=_("begrip"))
    link_type = text("How the term applies, e.g. 'need'.", verbose_name=_("soort koppeling"))
    link_entity = models.CharField(
        max_length=50,
        help_text="HSDS table of the linked record, e.g. 'service'.",
        verbose_name=_("tabel van het gekoppelde record"),
    )
    value = text("Value of the attribute.", verbose_name=_("waarde"))
    label = text("Label of the value.", verbose_name=_("label"))
    service = fk(
        "socialmap.Service",
        "Kansrijk extension: the service when link_entity is 'service'.",
        "attributes",
        verbose_name=_("hulpaanbod"),
    )

    class Meta(HsdsRecord.Meta):
        verbose_name = _("kenmerk")
        verbose_name_plural = _("kenmerken")
