"""Factories for concerns, consent and referrals; traits set up the usual states."""

from __future__ import annotations

from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from kansrijk.organisations.tests.factories import OrganisationFactory
from kansrijk.referrals.constants import Status
from kansrijk.referrals.models import Barrier, Child, Concern, Consent, Referral, ReferralStep
from kansrijk.socialmap.tests.factories import HsdsOrganizationFactory, ServiceFactory


def ensure_need_taxonomy() -> None:
    """The need taxonomy comes from a data migration; a transactional test's flush removes it."""
    from kansrijk.socialmap.constants import NEED_TAXONOMY_ID, NEED_TAXONOMY_NAME, NEEDS
    from kansrijk.socialmap.models import Taxonomy, TaxonomyTerm

    if TaxonomyTerm.objects.filter(taxonomy_id=NEED_TAXONOMY_ID).count() == len(NEEDS):
        return
    taxonomy, _ = Taxonomy.objects.get_or_create(id=NEED_TAXONOMY_ID, defaults={"name": NEED_TAXONOMY_NAME})
    for need in NEEDS:
        TaxonomyTerm.objects.get_or_create(
            id=need.id, defaults={"code": need.code, "name": need.name_nl, "taxonomy": taxonomy}
        )


class ConcernFactory(DjangoModelFactory[Concern]):
    class Meta:
        model = Concern
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory, school=True)
    municipality_id = "GM1640"
    signs = factory.LazyFunction(lambda: ["no_club", "money_stress"])
    note = "Sam vertelt dat voetbal te duur is."
    wishes = factory.LazyFunction(
        lambda: [
            {"child": 0, "need": "sport", "text": "voetballen"},
            {"child": 0, "need": "schoolkosten", "text": "mee op schoolreis"},
        ]
    )

    @factory.post_generation
    def children(self, create: bool, extracted: list[dict[str, Any]] | None, **kwargs: object) -> None:
        if not create:
            return
        for index, child in enumerate(extracted or [{"first_name": "Sam", "birth_year": 2016}]):
            Child.objects.create(
                concern=self,
                position=index,
                school=child.get("school", "primary"),
                first_name=child["first_name"],
                birth_year=child["birth_year"],
            )


class ConsentFactory(DjangoModelFactory[Consent]):
    class Meta:
        model = Consent
        skip_postgeneration_save = True

    concern = factory.SubFactory(ConcernFactory)
    given_by = "parent"
    purpose = "Hulp aanvragen voor sport"
    method = "in_person"

    class Params:
        withdrawn = factory.Trait(withdrawn_at=factory.LazyFunction(timezone.now))

    @factory.post_generation
    def organisations(self, create: bool, extracted: list[Any] | None, **kwargs: object) -> None:
        if create and extracted:
            self.organisations.set(extracted)


def _service_for(referral: Any) -> Any:
    ensure_need_taxonomy()
    return ServiceFactory(
        organization=HsdsOrganizationFactory(organisation=referral.receiver), needs=["sport"], municipalities=["GM1640"]
    )


class ReferralFactory(DjangoModelFactory[Referral]):
    """A referral with valid consent for its receiver; traits move it along the workflow."""

    class Meta:
        model = Referral
        skip_postgeneration_save = True

    concern = factory.SubFactory(ConcernFactory)
    receiver = factory.SubFactory(OrganisationFactory, fund=True)
    referrer = factory.SelfAttribute("concern.organisation")
    service = factory.LazyAttribute(_service_for)
    service_name = factory.LazyAttribute(lambda o: o.service.name)
    consent = factory.LazyAttribute(lambda o: ConsentFactory(concern=o.concern, organisations=[o.receiver]))
    note = "Graag contact met moeder."
    status = Status.SENT

    class Params:
        accepted = factory.Trait(status=Status.ACCEPTED)
        in_progress = factory.Trait(status=Status.IN_PROGRESS)
        done = factory.Trait(status=Status.DONE, delivered_what="Contributie voetbal", delivered_amount_cents=22500)
        declined = factory.Trait(status=Status.DECLINED)
        withdrawn = factory.Trait(status=Status.WITHDRAWN)

    @factory.post_generation
    def history(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            ReferralStep.objects.create(referral=self, to_status=Status.SENT, organisation=self.referrer)


class BarrierFactory(DjangoModelFactory[Barrier]):
    class Meta:
        model = Barrier

    referral = factory.SubFactory(ReferralFactory)
    municipality_id = "GM1640"
    category = "transport"
    description = "De bus naar de club wordt niet vergoed."
    organisation = factory.SelfAttribute("referral.receiver")
