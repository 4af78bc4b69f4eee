"""Fixtures of the referral tests: a school (referrer) and a fund (receiver) in Leudal."""

from __future__ import annotations

import pytest

from kansrijk.conftest import with_totp
from kansrijk.organisations.models import Membership, Organisation
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory
from kansrijk.referrals.tests.factories import ensure_need_taxonomy
from kansrijk.socialmap.models import Service
from kansrijk.socialmap.tests.factories import HsdsOrganizationFactory, ServiceFactory


@pytest.fixture
def school(db: None) -> Organisation:
    return OrganisationFactory(name="Basisschool De Linde", school=True, municipality_codes=["GM1640"])


@pytest.fixture
def fund(db: None) -> Organisation:
    return OrganisationFactory(name="Jeugdfonds Sport & Cultuur Test", fund=True)


@pytest.fixture
def teacher(school: Organisation) -> Membership:
    membership = MembershipFactory(organisation=school)
    with_totp(membership)
    return membership


@pytest.fixture
def fund_worker(fund: Organisation) -> Membership:
    membership = MembershipFactory(organisation=fund)
    with_totp(membership)
    return membership


@pytest.fixture
def sport_service(fund: Organisation) -> Service:
    ensure_need_taxonomy()
    return ServiceFactory(
        organization=HsdsOrganizationFactory(organisation=fund),
        name="Bijdrage voor sport",
        needs=["sport"],
        municipalities=["GM1640"],
    )
