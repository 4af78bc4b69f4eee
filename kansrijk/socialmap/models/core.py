"""The central HSDS tables: organization, service, location, their links, taxonomy."""

from __future__ import annotations

from django.db import models

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
    )
    alternate_name = text("Another name the organisation is known by.")
    tax_status = text("HSDS tax status (deprecated in HSDS).")
    tax_id = text("HSDS tax identifier (deprecated in HSDS).")
    year_incorporated = models.IntegerField(null=True, blank=True, help_text="Year the organisation was founded.")
    legal_status = text("Legal form, e.g. 'Stichting'.")
    logo = text("URL of the logo.")
    uri = text("Persistent identifier (URI) of the organisation.")
    parent_organization_id = models.UUIDField(
        null=True,
        blank=True,
        help_text="HSDS id of a parent organisation; may live in another directory.",
    )
    last_modified = models.DateTimeField(auto_now=True, help_text="Last change of this row.")

    class Meta:
        ordering = ["organisation_id"]
        verbose_name = "HSDS organization"

    def __str__(self) -> str:
        return str(self.organisation_id)


class Service(HsdsRecord):
    """Help that an organisation offers, e.g. 'Bijdrage voor sport'."""

    organization = fk(
        "socialmap.HsdsOrganization", "The organisation that offers and owns this listing.", "services", required=True
    )
    program = fk("socialmap.Program", "The programme this service belongs to.", "services")
    name = models.CharField(max_length=255, db_index=True, help_text="Name of the service.")
    alternate_name = text("Another name of the service.")
    description = text("What the service offers, in plain language.")
    url = text("Web page of the service.")
    email = models.CharField(max_length=254, blank=True, default="", help_text="E-mail address for questions.")
    status = models.CharField(
        max_length=20,
        choices=ServiceStatus.choices,
        default=ServiceStatus.ACTIVE,
        db_index=True,
        help_text="Whether the service is running.",
    )
    interpretation_services = text("Interpretation or translation offered.")
    application_process = text("How to apply: the steps to take.")
    fees_description = text("What it costs, in words.")
    wait_time = text("How long people usually wait.")
    fees = text("Fees (deprecated in HSDS; use cost options).")
    accreditations = text("Quality marks or accreditations.")
    eligibility_description = text("Who can use the service, in words.")
    minimum_age = models.PositiveSmallIntegerField(
        null=True, blank=True, db_index=True, help_text="Youngest age served, in whole years."
    )
    maximum_age = models.PositiveSmallIntegerField(
        null=True, blank=True, db_index=True, help_text="Oldest age served, in whole years."
    )
    assured_date = models.DateField(
        null=True, blank=True, db_index=True, help_text="Date the owner last confirmed the listing is correct."
    )
    assurer_email = models.CharField(
        max_length=254, blank=True, default="", help_text="E-mail of the person who last confirmed the listing."
    )
    licenses = text("Licences the service holds.")
    alert = text("A short notice, e.g. a temporary change.")
    last_modified = models.DateTimeField(null=True, blank=True, db_index=True, help_text="Last change of the listing.")
    reminded_at = models.DateTimeField(
        null=True, blank=True, help_text="Kansrijk extension: last reminder sent to the owner."
    )

    class Meta(HsdsRecord.Meta):
        pass

    def __str__(self) -> str:
        return self.name


class Location(HsdsRecord):
    """A place where help is given: a building, a postal address or an online place."""

    location_type = models.CharField(
        max_length=10,
        choices=LocationType.choices,
        default=LocationType.PHYSICAL,
        help_text="Physical (visit), postal or virtual (online).",
    )
    url = text("Web address of a virtual location.")
    organization = fk("socialmap.HsdsOrganization", "Organisation this location belongs to.", "locations")
    name = text("Name of the location.")
    alternate_name = text("Another name of the location.")
    description = text("Description of the location.")
    transportation = text("How to get there by public transport.")
    latitude = models.FloatField(null=True, blank=True, help_text="Latitude (WGS84), if known.")
    longitude = models.FloatField(null=True, blank=True, help_text="Longitude (WGS84), if known.")
    external_identifier = text("Identifier in another register, e.g. a BAG id.")
    external_identifier_type = text("Which register the external identifier belongs to.")
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="socialmap_locations",
        help_text="Kansrijk extension: the municipality, from the address region (empty outside NL).",
    )
    postcode = models.CharField(
        max_length=6,
        blank=True,
        default="",
        db_index=True,
        help_text="Kansrijk extension: Dutch postcode of the address, e.g. 6093AB.",
    )
    geo_latitude = models.FloatField(
        null=True, blank=True, help_text="Kansrijk extension: latitude used for distance search."
    )
    geo_longitude = models.FloatField(
        null=True, blank=True, help_text="Kansrijk extension: longitude used for distance search."
    )
    geo_source = models.CharField(
        max_length=12,
        choices=GeoSource.choices,
        blank=True,
        default="",
        help_text="Kansrijk extension: own coordinates or the municipality's centre.",
    )

    class Meta(HsdsRecord.Meta):
        indexes = [models.Index(fields=["geo_latitude", "geo_longitude"], name="socialmap_location_geo")]

    def __str__(self) -> str:
        return self.name or str(self.id)


class ServiceAtLocation(HsdsRecord):
    """A service offered at a location."""

    service = fk("socialmap.Service", "The service.", "service_at_locations", required=True)
    location = fk("socialmap.Location", "The location.", "service_at_locations", required=True)
    description = text("What is special about the service at this location.")


class ServiceArea(HsdsRecord):
    """The area a service serves; a municipality (TOOI uri) or the whole country."""

    service = fk("socialmap.Service", "The service.", "service_areas")
    service_at_location = fk("socialmap.ServiceAtLocation", "The service at a location.", "service_areas")
    name = text("Name of the area.")
    description = text("Description of the area.")
    extent = text("Boundary or description of the area.")
    extent_type = text("Format of the extent: geojson, topojson, kml or text.")
    uri = text("Identifier of the area, e.g. https://identifier.overheid.nl/tooi/id/gemeente/gm1640.")
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="socialmap_service_areas",
        help_text="Kansrijk extension: the municipality named by the TOOI uri.",
    )
    is_national = models.BooleanField(default=False, help_text="Kansrijk extension: the area is the whole country.")


class Taxonomy(HsdsRecord):
    """A list of terms, e.g. the Kansrijk needs."""

    name = models.CharField(max_length=255, help_text="Name of the taxonomy.")
    description = text("What the taxonomy is for.")
    uri = text("Where the taxonomy is published.")
    version = text("Version of the taxonomy.")

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
    )
    name = models.CharField(max_length=255, help_text="Name of the term (Dutch for Kansrijk's own terms).")
    name_en = models.CharField(
        max_length=255, blank=True, default="", help_text="Kansrijk extension: English name of the term."
    )
    description = text("What the term means.")
    parent = fk("socialmap.TaxonomyTerm", "The broader term.", "children")
    taxonomy_name = models.TextField(
        blank=True, default="", db_column="taxonomy", help_text="HSDS `taxonomy`: name of the taxonomy as text."
    )
    language = text("Language of the term, e.g. 'nld'.")
    taxonomy = fk("socialmap.Taxonomy", "The taxonomy the term belongs to.", "terms")
    term_uri = text("URI of the term.")

    def __str__(self) -> str:
        return self.name


class Attribute(HsdsRecord):
    """Links a record (usually a service) to a taxonomy term."""

    link_id = models.UUIDField(db_index=True, help_text="Id of the linked record.")
    taxonomy_term = fk("socialmap.TaxonomyTerm", "The term.", "attributes", required=True)
    link_type = text("How the term applies, e.g. 'need'.")
    link_entity = models.CharField(max_length=50, help_text="HSDS table of the linked record, e.g. 'service'.")
    value = text("Value of the attribute.")
    label = text("Label of the value.")
    service = fk("socialmap.Service", "Kansrijk extension: the service when link_entity is 'service'.", "attributes")
