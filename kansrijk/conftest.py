"""Fixtures shared by every app's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.management.commands import flush
from django.test import Client

from kansrijk.audit.purge import purge_allowed
from kansrijk.organisations.models import Membership, Organisation
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory


@pytest.fixture(autouse=True, scope="session")
def _flush_may_purge_audit() -> Iterator[None]:
    """Transactional tests flush the database between tests; the audit trail refuses
    DELETE except inside `purge_allowed()`, so the test flush runs inside it."""
    original = flush.Command.handle

    def handle(self: flush.Command, *args: object, **options: object) -> object:
        with purge_allowed():
            return original(self, *args, **options)

    flush.Command.handle = handle  # type: ignore[method-assign]
    yield
    flush.Command.handle = original  # type: ignore[method-assign]


def with_totp(membership_or_user: Membership | object) -> str:
    """Give a user a TOTP authenticator; returns the secret."""
    user = getattr(membership_or_user, "user", membership_or_user)
    secret = generate_totp_secret()
    Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
    TOTP.activate(user, secret)
    return secret


@pytest.fixture
def organisation(db: None) -> Organisation:
    return OrganisationFactory(municipality_codes=["GM1640"])


@pytest.fixture
def other_organisation(db: None) -> Organisation:
    return OrganisationFactory(municipality_codes=["GM0363"])


@pytest.fixture
def member(organisation: Organisation) -> Membership:
    membership = MembershipFactory(organisation=organisation)
    with_totp(membership)
    return membership


@pytest.fixture
def coordinator(organisation: Organisation) -> Membership:
    membership = MembershipFactory(organisation=organisation, coordinator=True)
    with_totp(membership)
    return membership


@pytest.fixture
def other_coordinator(other_organisation: Organisation) -> Membership:
    membership = MembershipFactory(organisation=other_organisation, coordinator=True)
    with_totp(membership)
    return membership


def client_for(membership: Membership) -> Client:
    """A logged-in client for a member who has set up two factors."""
    client = Client()
    client.force_login(membership.user)
    return client


@pytest.fixture
def municipalities(db: None) -> None:
    """The 342 municipalities. The data migration loads them, but a transactional test's
    flush removes them; this puts them back when needed."""
    from kansrijk.municipalities.loading import read_municipalities
    from kansrijk.municipalities.models import Municipality

    if Municipality.objects.count() != 342:
        Municipality.objects.bulk_create(
            [Municipality(**row.__dict__) for row in read_municipalities()], ignore_conflicts=True
        )
