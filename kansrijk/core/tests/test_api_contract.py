"""The API contract is tested, not hoped for: schemathesis generates requests from the
committed `docs/api/openapi.yaml` and checks every answer against it (no server errors,
documented status codes and content types, bodies that match their schema).

Requests go in-process to Django's WSGI application, inside the test's transaction, as
a professional with two factors and a bearer token, so the authenticated operations run
too (not only the 401s). The number of examples per operation is bounded so the whole
run stays well under three minutes on two cores (ADR 0013)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from kansrijk.accounts.services import api_token_create
from kansrijk.conftest import with_totp
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory
from kansrijk.referrals.tests.factories import ConcernFactory, ReferralFactory

OPENAPI = Path(__file__).resolve().parents[3] / "docs" / "api" / "openapi.yaml"
EXAMPLES_PER_OPERATION = 25

# What the contract promises: no server error, only documented status codes and content
# types, bodies and headers as documented. (Schemathesis' "positive data acceptance" is
# left out: a schema cannot say that `GM9999` is not a municipality.)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]

schema = schemathesis.openapi.from_path(OPENAPI)


@pytest.fixture
def app() -> Iterator[WSGIHandler]:
    """Django's WSGI application on the test's own database connection: like Django's test
    client, it must not close the connection at the end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def bearer(db: None, municipalities: None) -> dict[str, str]:
    """A coordinator (with TOTP) of a school in GM1640 with a concern and a referral, and their token."""
    school = OrganisationFactory(municipality_codes=["GM1640"])
    membership = MembershipFactory(organisation=school, coordinator=True)
    with_totp(membership)
    concern = ConcernFactory(organisation=school)
    ReferralFactory(concern=concern, receiver=OrganisationFactory(fund=True, municipality_codes=["GM1640"]))
    _, token = api_token_create(actor=None, user=membership.user)
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_the_api_answers_as_documented(case, app, bearer):
    case.call_and_validate(app=app, headers=bearer, checks=CHECKS)
