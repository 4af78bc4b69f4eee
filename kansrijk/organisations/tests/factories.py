from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from kansrijk.accounts.models import User
from kansrijk.organisations.constants import Kind, Role
from kansrijk.organisations.models import Membership, Organisation

PASSWORD = "een-lang-test-wachtwoord-42"


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name", locale="nl_NL")
    password = factory.django.Password(PASSWORD)

    class Params:
        staff = factory.Trait(is_staff=True)


class OrganisationFactory(DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = Kind.WELFARE

    class Params:
        fund = factory.Trait(kind=Kind.FUND)
        municipality = factory.Trait(kind=Kind.MUNICIPALITY)
        school = factory.Trait(kind=Kind.SCHOOL)

    @factory.post_generation
    def municipality_codes(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        if create and extracted:
            self.municipalities.set(extracted)


class MembershipFactory(DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.MEMBER

    class Params:
        coordinator = factory.Trait(role=Role.COORDINATOR)
        administrator = factory.Trait(role=Role.ADMINISTRATOR)
