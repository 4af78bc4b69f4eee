"""The HSDS detail tables: contact details, costs, schedules, documents, capacity."""

from __future__ import annotations

from django.db import models

from kansrijk.socialmap.constants import LocationType
from kansrijk.socialmap.models.base import HsdsRecord, fk, text


class Program(HsdsRecord):
    organization = fk("socialmap.HsdsOrganization", "Organisation that runs the programme.", "programs", required=True)
    name = models.CharField(max_length=255, help_text="Name of the programme.")
    alternate_name = text("Another name of the programme.")
    description = text("What the programme is.")


class OrganizationIdentifier(HsdsRecord):
    organization = fk("socialmap.HsdsOrganization", "The organisation.", "identifiers", required=True)
    identifier_scheme = text("Scheme of the identifier, e.g. 'NL-KVK'.")
    identifier_type = models.CharField(max_length=255, help_text="Kind of identifier, e.g. 'KvK-nummer'.")
    identifier = models.CharField(max_length=255, help_text="The identifier.")


class Address(HsdsRecord):
    location = fk("socialmap.Location", "The location.", "addresses")
    attention = text("Person or department to address.")
    address_1 = models.CharField(max_length=255, help_text="Street and number.")
    address_2 = text("Second address line.")
    city = models.CharField(max_length=255, help_text="Place (woonplaats).")
    region = text("Municipality (gemeente) name or CBS code for Dutch addresses.")
    state_province = models.CharField(max_length=255, help_text="Province.")
    postal_code = models.CharField(max_length=255, help_text="Postcode.")
    country = models.CharField(max_length=255, help_text="Country code, e.g. 'NL'.")
    address_type = models.CharField(
        max_length=10, choices=LocationType.choices, help_text="Physical, postal or virtual."
    )


class Accessibility(HsdsRecord):
    location = fk("socialmap.Location", "The location.", "accessibility")
    description = text("Accessibility facilities.")
    details = text("More details.")
    url = text("Web page about accessibility.")

    class Meta(HsdsRecord.Meta):
        verbose_name_plural = "accessibility"


class Contact(HsdsRecord):
    organization = fk("socialmap.HsdsOrganization", "The organisation.", "contacts")
    service = fk("socialmap.Service", "The service.", "contacts")
    service_at_location = fk("socialmap.ServiceAtLocation", "The service at a location.", "contacts")
    location = fk("socialmap.Location", "The location.", "contacts")
    name = text("Name of the contact person.")
    title = text("Job title.")
    department = text("Department.")
    email = models.CharField(max_length=254, blank=True, default="", help_text="E-mail address.")


class Phone(HsdsRecord):
    location = fk("socialmap.Location", "The location.", "phones")
    service = fk("socialmap.Service", "The service.", "phones")
    organization = fk("socialmap.HsdsOrganization", "The organisation.", "phones")
    contact = fk("socialmap.Contact", "The contact person.", "phones")
    service_at_location = fk("socialmap.ServiceAtLocation", "The service at a location.", "phones")
    number = models.CharField(max_length=100, help_text="Phone number.")
    extension = models.IntegerField(null=True, blank=True, help_text="Extension.")
    type = text("Kind of number, e.g. 'voice' or 'text'.")
    description = text("When to call, or what the number is for.")


class Schedule(HsdsRecord):
    service = fk("socialmap.Service", "The service.", "schedules")
    location = fk("socialmap.Location", "The location.", "schedules")
    service_at_location = fk("socialmap.ServiceAtLocation", "The service at a location.", "schedules")
    valid_from = models.DateField(null=True, blank=True, help_text="First day the schedule applies.")
    valid_to = models.DateField(null=True, blank=True, help_text="Last day the schedule applies.")
    dtstart = models.DateField(null=True, blank=True, help_text="First occurrence (iCal DTSTART).")
    timezone = models.FloatField(null=True, blank=True, help_text="UTC offset in hours.")
    until = models.DateField(null=True, blank=True, help_text="Last occurrence (iCal UNTIL).")
    count = models.IntegerField(null=True, blank=True, help_text="Number of occurrences (iCal COUNT).")
    wkst = text("Week start (iCal WKST).")
    freq = text("Frequency: WEEKLY or MONTHLY.")
    interval = models.IntegerField(null=True, blank=True, help_text="Interval (iCal INTERVAL).")
    byday = text("Days (iCal BYDAY), e.g. 'MO,WE'.")
    byweekno = text("Week numbers (iCal BYWEEKNO).")
    bymonthday = text("Days of the month (iCal BYMONTHDAY).")
    byyearday = text("Days of the year (iCal BYYEARDAY).")
    description = text("Opening hours in words.")
    opens_at = models.TimeField(null=True, blank=True, help_text="Opening time.")
    closes_at = models.TimeField(null=True, blank=True, help_text="Closing time.")
    schedule_link = text("Link to a booking page or calendar.")
    attending_type = text("How to attend: in person, online, phone.")
    notes = text("Other notes.")


class CostOption(HsdsRecord):
    service = fk("socialmap.Service", "The service.", "cost_options", required=True)
    valid_from = models.DateField(null=True, blank=True, help_text="First day the price applies.")
    valid_to = models.DateField(null=True, blank=True, help_text="Last day the price applies.")
    option = text("Who or what the price is for.")
    currency = text("Currency code, e.g. 'EUR'.")
    amount_cents = models.BigIntegerField(null=True, blank=True, help_text="Amount in cents (HSDS `amount` × 100).")
    amount_description = text("What the amount covers.")


class Funding(HsdsRecord):
    organization = fk("socialmap.HsdsOrganization", "The organisation.", "funding")
    service = fk("socialmap.Service", "The service.", "funding")
    source = text("Who pays for it.")


class RequiredDocument(HsdsRecord):
    service = fk("socialmap.Service", "The service.", "required_documents")
    document = text("Document needed to apply.")
    uri = text("Link to the document or a form.")


class Language(HsdsRecord):
    service = fk("socialmap.Service", "The service.", "languages")
    location = fk("socialmap.Location", "The location.", "languages")
    phone = fk("socialmap.Phone", "The phone number.", "languages")
    name = text("Language name.")
    code = text("Language code (ISO 639).")
    note = text("Remarks, e.g. when an interpreter is available.")


class Unit(HsdsRecord):
    name = models.CharField(max_length=255, help_text="Name of the unit, e.g. 'plekken'.")
    scheme = text("Scheme of the unit, e.g. 'SI'.")
    identifier = text("Identifier within the scheme.")
    uri = text("URI of the unit.")


class ServiceCapacity(HsdsRecord):
    service = fk("socialmap.Service", "The service.", "capacities", required=True)
    unit = fk("socialmap.Unit", "Unit of the capacity.", "capacities", required=True)
    available = models.FloatField(help_text="How many are available now.")
    maximum = models.FloatField(null=True, blank=True, help_text="The most there can be.")
    description = text("What the capacity is.")
    updated = models.DateTimeField(help_text="When the capacity was last updated.")

    class Meta(HsdsRecord.Meta):
        verbose_name_plural = "service capacities"
