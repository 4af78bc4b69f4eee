"""The HSDS detail tables: contact details, costs, schedules, documents, capacity."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kansrijk.socialmap.constants import LocationType
from kansrijk.socialmap.models.base import HsdsRecord, fk, text


class Program(HsdsRecord):
    organization = fk(
        "socialmap.HsdsOrganization",
        "Organisation that runs the programme.",
        "programs",
        required=True,
        verbose_name=_("organisatie"),
    )
    name = models.CharField(max_length=255, help_text="Name of the programme.", verbose_name=_("naam"))
    alternate_name = text("Another name of the programme.", verbose_name=_("andere naam"))
    description = text("What the programme is.", verbose_name=_("beschrijving"))

    class Meta(HsdsRecord.Meta):
        verbose_name = _("programma")
        verbose_name_plural = _("programma's")


class OrganizationIdentifier(HsdsRecord):
    organization = fk(
        "socialmap.HsdsOrganization", "The organisation.", "identifiers", required=True, verbose_name=_("organisatie")
    )
    identifier_scheme = text("Scheme of the identifier, e.g. 'NL-KVK'.", verbose_name=_("register"))
    identifier_type = models.CharField(
        max_length=255, help_text="Kind of identifier, e.g. 'KvK-nummer'.", verbose_name=_("soort nummer")
    )
    identifier = models.CharField(max_length=255, help_text="The identifier.", verbose_name=_("nummer"))

    class Meta(HsdsRecord.Meta):
        verbose_name = _("nummer van een organisatie")
        verbose_name_plural = _("nummers van organisaties")


class Address(HsdsRecord):
    location = fk("socialmap.Location", "The location.", "addresses", verbose_name=_("locatie"))
    attention = text("Person or department to address.", verbose_name=_("ter attentie van"))
    address_1 = models.CharField(max_length=255, help_text="Street and number.", verbose_name=_("straat en huisnummer"))
    address_2 = text("Second address line.", verbose_name=_("tweede adresregel"))
    city = models.CharField(max_length=255, help_text="Place (woonplaats).", verbose_name=_("plaats"))
    region = text("Municipality (gemeente) name or CBS code for Dutch addresses.", verbose_name=_("gemeente of regio"))
    state_province = models.CharField(max_length=255, help_text="Province.", verbose_name=_("provincie"))
    postal_code = models.CharField(max_length=255, help_text="Postcode.", verbose_name=_("postcode"))
    country = models.CharField(max_length=255, help_text="Country code, e.g. 'NL'.", verbose_name=_("land"))
    address_type = models.CharField(
        max_length=10,
        choices=LocationType.choices,
        help_text="Physical, postal or virtual.",
        verbose_name=_("soort adres"),
    )

    class Meta(HsdsRecord.Meta):
        verbose_name = _("adres")
        verbose_name_plural = _("adressen")


class Accessibility(HsdsRecord):
    location = fk("socialmap.Location", "The location.", "accessibility", verbose_name=_("locatie"))
    description = text("Accessibility facilities.", verbose_name=_("beschrijving"))
    details = text("More details.", verbose_name=_("meer uitleg"))
    url = text("Web page about accessibility.", verbose_name=_("webpagina"))

    class Meta(HsdsRecord.Meta):
        verbose_name = _("toegankelijkheid")
        verbose_name_plural = pgettext_lazy("meervoud", "toegankelijkheid")


class Contact(HsdsRecord):
    organization = fk("socialmap.HsdsOrganization", "The organisation.", "contacts", verbose_name=_("organisatie"))
    service = fk("socialmap.Service", "The service.", "contacts", verbose_name=_("hulpaanbod"))
    service_at_location = fk(
        "socialmap.ServiceAtLocation",
        "The service at a location.",
        "contacts",
        verbose_name=_("hulpaanbod op een locatie"),
    )
    location = fk("socialmap.Location", "The location.", "contacts", verbose_name=_("locatie"))
    name = text("Name of the contact person.", verbose_name=_("naam"))
    title = text("Job title.", verbose_name=_("functie"))
    department = text("Department.", verbose_name=_("afdeling"))
    email = models.CharField(
        max_length=254, blank=True, default="", help_text="E-mail address.", verbose_name=_("e-mailadres")
    )

    class Meta(HsdsRecord.Meta):
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")


class Phone(HsdsRecord):
    location = fk("socialmap.Location", "The location.", "phones", verbose_name=_("locatie"))
    service = fk("socialmap.Service", "The service.", "phones", verbose_name=_("hulpaanbod"))
    organization = fk("socialmap.HsdsOrganization", "The organisation.", "phones", verbose_name=_("organisatie"))
    contact = fk("socialmap.Contact", "The contact person.", "phones", verbose_name=_("contactpersoon"))
    service_at_location = fk(
        "socialmap.ServiceAtLocation",
        "The service at a location.",
        "phones",
        verbose_name=_("hulpaanbod op een locatie"),
    )
    number = models.CharField(max_length=100, help_text="Phone number.", verbose_name=_("nummer"))
    extension = models.IntegerField(null=True, blank=True, help_text="Extension.", verbose_name=_("toestel"))
    type = text("Kind of number, e.g. 'voice' or 'text'.", verbose_name=_("soort nummer"))
    description = text("When to call, or what the number is for.", verbose_name=_("beschrijving"))

    class Meta(HsdsRecord.Meta):
        verbose_name = _("telefoonnummer")
        verbose_name_plural = _("telefoonnummers")


class Schedule(HsdsRecord):
    service = fk("socialmap.Service", "The service.", "schedules", verbose_name=_("hulpaanbod"))
    location = fk("socialmap.Location", "The location.", "schedules", verbose_name=_("locatie"))
    service_at_location = fk(
        "socialmap.ServiceAtLocation",
        "The service at a location.",
        "schedules",
        verbose_name=_("hulpaanbod op een locatie"),
    )
    valid_from = models.DateField(
        null=True, blank=True, help_text="First day the schedule applies.", verbose_name=_("geldig vanaf")
    )
    valid_to = models.DateField(
        null=True, blank=True, help_text="Last day the schedule applies.", verbose_name=_("geldig tot en met")
    )
    dtstart = models.DateField(
        null=True, blank=True, help_text="First occurrence (iCal DTSTART).", verbose_name=_("eerste keer")
    )
    timezone = models.FloatField(
        null=True, blank=True, help_text="UTC offset in hours.", verbose_name=_("tijdzone (uur verschil met UTC)")
    )
    until = models.DateField(
        null=True, blank=True, help_text="Last occurrence (iCal UNTIL).", verbose_name=_("laatste keer")
    )
    count = models.IntegerField(
        null=True, blank=True, help_text="Number of occurrences (iCal COUNT).", verbose_name=_("aantal keer")
    )
    wkst = text("Week start (iCal WKST).", verbose_name=_("eerste dag van de week"))
    freq = text("Frequency: WEEKLY or MONTHLY.", verbose_name=_("hoe vaak"))
    interval = models.IntegerField(
        null=True, blank=True, help_text="Interval (iCal INTERVAL).", verbose_name=_("elke zoveel keer")
    )
    byday = text("Days (iCal BYDAY), e.g. 'MO,WE'.", verbose_name=_("dagen"))
    byweekno = text("Week numbers (iCal BYWEEKNO).", verbose_name=_("weeknummers"))
    bymonthday = text("Days of the month (iCal BYMONTHDAY).", verbose_name=_("dagen van de maand"))
    byyearday = text("Days of the year (iCal BYYEARDAY).", verbose_name=_("dagen van het jaar"))
    description = text("Opening hours in words.", verbose_name=_("beschrijving"))
    opens_at = models.TimeField(null=True, blank=True, help_text="Opening time.", verbose_name=_("open vanaf"))
    closes_at = models.TimeField(null=True, blank=True, help_text="Closing time.", verbose_name=_("dicht vanaf"))
    schedule_link = text("Link to a booking page or calendar.", verbose_name=_("link om af te spreken"))
    attending_type = text("How to attend: in person, online, phone.", verbose_name=_("hoe je komt"))
    notes = text("Other notes.", verbose_name=_("opmerkingen"))

    class Meta(HsdsRecord.Meta):
        verbose_name = _("openingstijden")
        verbose_name_plural = pgettext_lazy("meervoud", "openingstijden")


class CostOption(HsdsRecord):
    service = fk("socialmap.Service", "The service.", "cost_options", required=True, verbose_name=_("hulpaanbod"))
    valid_from = models.DateField(
        null=True, blank=True, help_text="First day the price applies.", verbose_name=_("geldig vanaf")
    )
    valid_to = models.DateField(
        null=True, blank=True, help_text="Last day the price applies.", verbose_name=_("geldig tot en met")
    )
    option = text("Who or what the price is for.", verbose_name=_("voor wie of wat"))
    currency = text("Currency code, e.g. 'EUR'.", verbose_name=_("munteenheid"))
    amount_cents = models.BigIntegerField(
        null=True, blank=True, help_text="Amount in cents (HSDS `amount` × 100).", verbose_name=_("bedrag")
    )
    amount_description = text("What the amount covers.", verbose_name=_("wat het bedrag dekt"))

    class Meta(HsdsRecord.Meta):
        verbose_name = _("prijs")
        verbose_name_plural = _("prijzen")


class Funding(HsdsRecord):
    organization = fk("socialmap.HsdsOrganization", "The organisation.", "funding", verbose_name=_("organisatie"))
    service = fk("socialmap.Service", "The service.", "funding", verbose_name=_("hulpaanbod"))
    source = text("Who pays for it.", verbose_name=_("wie betaalt"))

    class Meta(HsdsRecord.Meta):
        verbose_name = _("financiering")
        verbose_name_plural = _("financieringen")


class RequiredDocument(HsdsRecord):
    service = fk("socialmap.Service", "The service.", "required_documents", verbose_name=_("hulpaanbod"))
    document = text("Document needed to apply.", verbose_name=_("document"))
    uri = text("Link to the document or a form.", verbose_name=_("link"))

    class Meta(HsdsRecord.Meta):
        verbose_name = _("nodig document")
        verbose_name_plural = _("nodige documenten")


class Language(HsdsRecord):
    service = fk("socialmap.Service", "The service.", "languages", verbose_name=_("hulpaanbod"))
    location = fk("socialmap.Location", "The location.", "languages", verbose_name=_("locatie"))
    phone = fk("socialmap.Phone", "The phone number.", "languages", verbose_name=_("telefoonnummer"))
    name = text("Language name.", verbose_name=_("naam"))
    code = text("Language code (ISO 639).", verbose_name=_("taalcode"))
    note = text("Remarks, e.g. when an interpreter is available.", verbose_name=_("opmerking"))

    class Meta(HsdsRecord.Meta):
        verbose_name = _("taal")
        verbose_name_plural = _("talen")


class Unit(HsdsRecord):
    name = models.CharField(max_length=255, help_text="Name of the unit, e.g. 'plekken'.", verbose_name=_("naam"))
    scheme = text("Scheme of the unit, e.g. 'SI'.", verbose_name=_("stelsel"))
    identifier = text("Identifier within the scheme.", verbose_name=_("code in het stelsel"))
    uri = text("URI of the unit.", verbose_name=_("URI"))

    class Meta(HsdsRecord.Meta):
        verbose_name = _("eenheid")
        verbose_name_plural = _("eenheden")


class ServiceCapacity(HsdsRecord):
    service = fk("socialmap.Service", "The service.", "capacities", required=True, verbose_name=_("hulpaanbod"))
    unit = fk("socialmap.Unit", "Unit of the capacity.", "capacities", required=True, verbose_name=_("eenheid"))
    available = models.FloatField(help_text="How many are available now.", verbose_name=_("nu beschikbaar"))
    maximum = models.FloatField(null=True, blank=True, help_text="The most there can be.", verbose_name=_("maximaal"))
    description = text("What the capacity is.", verbose_name=_("beschrijving"))
    updated = models.DateTimeField(help_text="When the capacity was last updated.", verbose_name=_("bijgewerkt op"))

    class Meta(HsdsRecord.Meta):
        verbose_name = _("capaciteit")
        verbose_name_plural = _("capaciteiten")
