"""Factories for schemes and versions (money in cents)."""

from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from kansrijk.organisations.tests.factories import OrganisationFactory
from kansrijk.screener.models import Scheme, SchemeVersion


class SchemeFactory(DjangoModelFactory[Scheme]):
    class Meta:
        model = Scheme

    owner = factory.SubFactory(OrganisationFactory, municipality=True)
    municipality_id = "GM1640"
    slug = factory.Sequence(lambda n: f"regeling-{n}")
    kind = "municipal"
    rank = 10

    class Params:
        fund = factory.Trait(kind="fund", rank=30, municipality_id=None)


class SchemeVersionFactory(DjangoModelFactory[SchemeVersion]):
    class Meta:
        model = SchemeVersion

    scheme = factory.SubFactory(SchemeFactory)
    label = "Kindpakket Test"
    start_date = dt.date(2026, 1, 1)
    needs = factory.LazyFunction(lambda: ["sport", "cultuur", "schoolkosten"])
    income_test = "bijstandsnorm"
    income_limit_percent = 120
    child_age_min = 4
    child_age_max = 17
    amount_per_child_cents = 250_00
    source_title = "Testbron"
    source_url = "https://example.org/regeling"
