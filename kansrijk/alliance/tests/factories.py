from __future__ import annotations

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from kansrijk.alliance.constants import Activity, ReachUnit, TargetGroup
from kansrijk.alliance.models import Commitment, Indicator, PledgeSignature, PledgeVersion, ProgressReport
from kansrijk.alliance.pledge_text import PLEDGE_V1_TEXT, PLEDGE_V1_TITLE
from kansrijk.organisations.tests.factories import OrganisationFactory


class PledgeVersionFactory(DjangoModelFactory[PledgeVersion]):
    class Meta:
        model = PledgeVersion
        django_get_or_create = ("number",)

    number = 1
    title = PLEDGE_V1_TITLE
    text = PLEDGE_V1_TEXT
    text_sha256 = factory.LazyAttribute(lambda o: PledgeVersion.digest(o.text))
    published_on = datetime.date(2019, 6, 1)


class PledgeSignatureFactory(DjangoModelFactory[PledgeSignature]):
    class Meta:
        model = PledgeSignature

    organisation = factory.SubFactory(OrganisationFactory)
    pledge_version = factory.SubFactory(PledgeVersionFactory)
    signatory_name = factory.Faker("name", locale="nl_NL")
    signatory_role = "directeur-bestuurder"
    signed_on = datetime.date(2024, 1, 15)

    class Params:
        withdrawn = factory.Trait(ended_on=datetime.date(2024, 6, 1), end_reason="withdrawn")


class CommitmentFactory(DjangoModelFactory[Commitment]):
    class Meta:
        model = Commitment
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Inzet {n}")
    activity = Activity.SIGNAL
    description = "Professionals herkennen signalen van geldzorgen en verwijzen door."
    target_group = TargetGroup.CHILDREN
    age_min = 4
    age_max = 17
    is_national = False
    planned_reach = 100
    reach_unit = ReachUnit.CHILDREN
    starts_on = datetime.date(2024, 1, 1)
    ends_on = datetime.date(2030, 12, 31)
    contact_name = "Fatima el Amrani"
    contact_email = "contact@example.org"

    class Params:
        solve = factory.Trait(activity=Activity.SOLVE)
        collaborate = factory.Trait(activity=Activity.COLLABORATE)
        national = factory.Trait(is_national=True)

    @factory.post_generation
    def municipality_codes(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        if create and extracted:
            self.municipalities.set(extracted)

    @factory.post_generation
    def with_indicator(self, create: bool, extracted: bool | None, **kwargs: object) -> None:
        if create and extracted is not False:
            Indicator.objects.create(commitment=self, name="Kinderen bereikt", unit="kinderen", target=Decimal(100))


class ProgressReportFactory(DjangoModelFactory[ProgressReport]):
    class Meta:
        model = ProgressReport

    commitment = factory.SubFactory(CommitmentFactory)
    year = factory.LazyAttribute(lambda o: o.reported_on.year)
    reported_on = datetime.date(2025, 1, 15)
    what_was_done = "Twaalf trainingen gegeven."
    realised_reach = 80
