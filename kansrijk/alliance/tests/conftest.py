"""Fixtures of the alliance tests."""

from __future__ import annotations

import pytest

from kansrijk.alliance.models import PledgeSignature, PledgeVersion
from kansrijk.alliance.tests.factories import PledgeSignatureFactory, PledgeVersionFactory
from kansrijk.organisations.models import Organisation


@pytest.fixture
def pledge(db: None) -> PledgeVersion:
    """The current pledge text (the data migration publishes it; a flush removes it)."""
    return PledgeVersionFactory()


@pytest.fixture
def signed(organisation: Organisation, pledge: PledgeVersion) -> PledgeSignature:
    """`organisation` has signed the pledge."""
    return PledgeSignatureFactory(organisation=organisation, pledge_version=pledge)


@pytest.fixture
def other_signed(other_organisation: Organisation, pledge: PledgeVersion) -> PledgeSignature:
    return PledgeSignatureFactory(organisation=other_organisation, pledge_version=pledge)
