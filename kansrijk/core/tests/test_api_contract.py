"""The API contract is tested, not hoped for: schemathesis generates requests from the
committed `docs/api/openapi.yaml` and checks every answer against it (no server errors,
documented status codes and content types, bodies and headers that match the schema).

Requests go in-process to Django's WSGI application, inside the test's transaction, as
the coordinator of a school (two factors set up) with a bearer token, so authenticated
operations run too, not only their 401s. Generated ids rarely hit a real object, so a
second test sends each operation on a path with real ids of the same world once.
Examples per operation are bounded so both stay well under three minutes on two cores
(ADR 0013)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
from kansrijk.alliance.tests.factories import CommitmentFactory, PledgeSignatureFactory, PledgeVersionFactory
from kansrijk.conftest import with_totp
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory
from kansrijk.referrals.tests.factories import ConcernFactory, ReferralFactory
from kansrijk.socialmap.models import ServiceAtLocation
from kansrijk.socialmap.tests.factories import LocationFactory

OPENAPI = Path(__file__).resolve().parents[3] / "docs" / "api" / "openapi.yaml"
# 20 keeps `make test` within its time; set KANSRIJK_CONTRACT_EXAMPLES=200 for a deeper local run.
EXAMPLES_PER_OPERATION = int(os.environ.get("KANSRIJK_CONTRACT_EXAMPLES", "20"))

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


@dataclass
class World:
    headers: dict[str, str]
    ids: dict[str, str]


@pytest.fixture
def world(db: None, municipalities: None) -> World:
    """A school in GM1640 that signed the pledge, with a commitment, a concern with consent and
    a referral to a fund's service; its coordinator (with TOTP, also a policy officer of the
    municipality) and their bearer token."""
    school = OrganisationFactory(municipality_codes=["GM1640"])
    PledgeSignatureFactory(organisation=school, pledge_version=PledgeVersionFactory())
    commitment = CommitmentFactory(organisation=school, municipality_codes=["GM1640"])
    membership = MembershipFactory(organisation=school, coordinator=True)
    with_totp(membership)
    # The same person also works for the municipality, so its figures answer too.
    municipality = OrganisationFactory(municipality=True, municipality_codes=["GM1640"])
    MembershipFactory(organisation=municipality, user=membership.user)
    fund = OrganisationFactory(fund=True, municipality_codes=["GM1640"])
    referral = ReferralFactory(concern=ConcernFactory(organisation=school), receiver=fund)
    _, token = api_token_create(actor=None, user=membership.user)
    service = referral.service
    term = service.attributes.first().taxonomy_term
    place = ServiceAtLocation.objects.create(
        service=service, location=LocationFactory(organization=service.organization)
    )
    ids = {
        "commitment_id": str(commitment.pk),
        "concern_id": str(referral.concern_id),
        "consent_id": str(referral.consent_id),
        "referral_id": str(referral.pk),
        "id": str(school.pk),
        "code": "GM1640",
        "service_id": str(service.pk),
        "organization_id": str(service.organization_id),
        "term_id": str(term.pk),
        "taxonomy_id": str(term.taxonomy_id),
        "service_at_location_id": str(place.pk),
        "fund_id": str(fund.pk),
    }
    return World(headers={"Authorization": f"Bearer {token}"}, ids=ids)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_the_api_answers_as_documented(case, app, world):
    case.call_and_validate(app=app, headers=world.headers, checks=CHECKS)


def _bodies(ids: dict[str, str]) -> dict[tuple[str, str], Any]:
    """Valid bodies for the writes on real objects."""
    return {
        ("POST", "/api/v1/concerns/{concern_id}/consents"): {
            "given_by": "parent",
            "organisations": [ids["fund_id"]],
            "purpose": "Aanmelden bij het fonds",
            "method": "in_person",
        },
        ("POST", "/api/v1/referrals/{referral_id}/transitions"): {"to": "withdrawn", "reason": "Gezin wil het niet"},
        ("POST", "/api/v1/commitments/{commitment_id}/progress"): {
            "year": 2025,
            "what_was_done": "Trainingen gegeven.",
            "realised_reach": 12,
        },
    }


# The withdrawal of consent goes last: it withdraws the referral the others use.
LAST = ("POST", "/api/v1/concerns/{concern_id}/consents/{consent_id}/withdraw")


@pytest.mark.django_db
def test_operations_on_real_objects_answer_as_documented(app, world):
    """Every operation whose path names an object, on the world's real ids: a 2xx answer,
    checked against the schema like the generated ones."""
    operations = [
        (operation.method.upper(), operation.path)
        for result in schema.get_all_operations()
        for operation in [result.ok()]
        if "{" in operation.path
    ]
    operations.sort(key=lambda item: item == LAST)
    bodies = _bodies(world.ids)
    for method, path in operations:
        operation = schema[path][method]
        names = [p.name for p in operation.path_parameters]
        body = bodies.get((method, path))
        case = operation.Case(
            path_parameters={name: world.ids[name] for name in names},
            **({"body": body, "media_type": "application/json"} if body is not None else {}),
        )
        response = case.call_and_validate(app=app, headers=world.headers, checks=CHECKS)
        assert 200 <= response.status_code < 300, f"{method} {path}: {response.status_code} {response.text[:300]}"
