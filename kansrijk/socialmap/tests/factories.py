from __future__ import annotations

from datetime import date

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from kansrijk.organisations.tests.factories import OrganisationFactory
from kansrijk.socialmap import search
from kansrijk.socialmap.constants import NEED_BY_CODE
from kansrijk.socialmap.models import Attribute, HsdsOrganization, Location, Service, ServiceArea, ServiceAtLocation


class HsdsOrganizationFactory(DjangoModelFactory[HsdsOrganization]):
    class Meta:
        model = HsdsOrganization
        django_get_or_create = ("organisation",)

    organisation = factory.SubFactory(OrganisationFactory)


class LocationFactory(DjangoModelFactory[Location]):
    class Meta:
        model = Location

    organization = factory.SubFactory(HsdsOrganizationFactory)
    name = factory.Sequence(lambda n: f"Locatie {n}")
    latitude = 51.25
    longitude = 5.90
    geo_latitude = factory.SelfAttribute("latitude")
    geo_longitude = factory.SelfAttribute("longitude")
    geo_source = "own"
    municipality_id = "GM1640"


class ServiceFactory(DjangoModelFactory[Service]):
    """A service, indexed for search; `needs`, `municipalities` and `locations` link it."""

    class Meta:
        model = Service
        skip_postgeneration_save = True

    organization = factory.SubFactory(HsdsOrganizationFactory)
    name = factory.Sequence(lambda n: f"Hulp {n}")
    description = "Hulp voor kinderen."
    application_process = "Bel ons."
    status = "active"
    assured_date = factory.LazyFunction(date.today)
    last_modified = factory.LazyFunction(timezone.now)

    class Params:
        stale = factory.Trait(assured_date=date(2020, 1, 1))
        sport = factory.Trait(needs=["sport"])

    @factory.post_generation
    def needs(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        for code in extracted or []:
            Attribute.objects.create(
                link_id=self.id, link_entity="service", service=self, taxonomy_term_id=NEED_BY_CODE[code].id
            )

    @factory.post_generation
    def municipalities(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        for code in extracted or []:
            ServiceArea.objects.create(service=self, municipality_id=code, name=code)

    @factory.post_generation
    def locations(self, create: bool, extracted: list[Location] | None, **kwargs: object) -> None:
        for location in extracted or []:
            ServiceAtLocation.objects.create(service=self, location=location)

    @classmethod
    def _after_postgeneration(cls, instance: Service, create: bool, results: object = None) -> None:
        super()._after_postgeneration(instance, create, results)
        if create:
            search.index_services([instance.id])
