"""The alliance API: public reads, writes for a partner's own coordinator only."""

from __future__ import annotations

import datetime
import uuid

import pytest
import time_machine
from rest_framework.test import APIClient

from kansrijk.accounts.services import api_token_create
from kansrijk.alliance.models import Commitment, ProgressReport
from kansrijk.alliance.tests.factories import CommitmentFactory
from kansrijk.conftest import login_with_two_factors

NOW = datetime.datetime(2025, 6, 1, 10, 0, tzinfo=datetime.UTC)
COMMITMENT = {
    "title": "Schoolkosten vergoeden",
    "activity": "solve",
    "description": "Wij betalen de schoolreis voor kinderen uit gezinnen met weinig geld.",
    "target_group": "children",
    "age_min": 4,
    "age_max": 12,
    "municipalities": ["GM1640"],
    "planned_reach": 80,
    "reach_unit": "children",
    "starts_on": "2025-01-01",
    "ends_on": "2026-12-31",
    "contact_name": "Noor Hendriks",
    "contact_email": "noor@example.org",
    "indicators": [{"name": "Kinderen mee op schoolreis", "target": "80", "unit": "kinderen"}],
}


def bearer(membership):
    _, token = api_token_create(actor=None, user=membership.user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


@pytest.fixture
def commitment(signed):
    return CommitmentFactory(organisation=signed.organisation, municipality_codes=["GM1640"])


def test_partners_are_public(client, signed, other_signed):
    body = client.get("/api/v1/partners", {"municipality": "GM1640"}).json()
    assert body["count"] == 1
    assert body["results"][0]["organisation"]["name"] == signed.organisation.name
    assert body["results"][0]["pledge_version"] == 1
    assert body["results"][0]["municipalities"] == ["GM1640"]


@time_machine.travel(NOW, tick=False)
def test_commitments_are_public_with_their_traffic_light(client, commitment):
    body = client.get("/api/v1/commitments", {"activity": "signal"}).json()
    item = body["results"][0]
    assert item["id"] == str(commitment.pk)
    assert item["report_status"]["light"] == "red"
    assert item["report_status"]["label"] == "Verslag te laat"
    assert item["indicators"][0]["name"] == "Kinderen bereikt"
    assert client.get("/api/v1/commitments", {"activity": "solve"}).json()["count"] == 0


@time_machine.travel(NOW, tick=False)
def test_a_coordinator_adds_a_commitment_with_a_token(coordinator, signed):
    response = bearer(coordinator).post("/api/v1/commitments", COMMITMENT, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["report_status"]["light"] == "green"
    commitment = Commitment.objects.get()
    assert commitment.organisation == coordinator.organisation
    assert commitment.versions.count() == 1


def test_adding_a_commitment_for_another_organisation_reads_as_unknown(coordinator, signed, other_signed):
    response = bearer(coordinator).post(
        "/api/v1/commitments", COMMITMENT | {"organisation": str(other_signed.organisation_id)}, format="json"
    )
    unknown = bearer(coordinator).post(
        "/api/v1/commitments", COMMITMENT | {"organisation": str(uuid.uuid4())}, format="json"
    )
    assert response.status_code == unknown.status_code == 400
    assert response.json() == unknown.json()
    assert not Commitment.objects.exists()


def test_errors_name_the_field(coordinator, signed):
    response = bearer(coordinator).post(
        "/api/v1/commitments", COMMITMENT | {"ends_on": "2024-01-01", "indicators": []}, format="json"
    )
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert body["errors"] == [{"field": "ends_on", "message": "De einddatum ligt voor de startdatum."}]


def test_a_plain_member_may_not_add_a_commitment(member, signed):
    assert bearer(member).post("/api/v1/commitments", COMMITMENT, format="json").status_code == 403


def test_writing_needs_authentication(db):
    response = APIClient().post("/api/v1/commitments", COMMITMENT, format="json")
    assert response.status_code in (401, 403)
    assert APIClient().post(f"/api/v1/commitments/{uuid.uuid4()}/progress", {}, format="json").status_code in (401, 403)


@time_machine.travel(NOW, tick=False)
def test_a_coordinator_files_a_progress_report_on_its_own_commitment(coordinator, commitment):
    indicator = commitment.indicators.get()
    payload = {
        "year": 2025,
        "what_was_done": "Tachtig kinderen mee.",
        "realised_reach": 80,
        "indicator_values": [{"indicator_id": indicator.pk, "value": "78"}],
    }
    response = bearer(coordinator).post(f"/api/v1/commitments/{commitment.pk}/progress", payload, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["indicator_values"][0]["value"] == "78"
    assert APIClient().get("/api/v1/commitments").json()["results"][0]["report_status"]["light"] == "green"


def test_progress_on_another_organisations_commitment_is_404(other_coordinator, commitment):
    payload = {"year": 2025, "what_was_done": "x", "realised_reach": 1}
    foreign = bearer(other_coordinator).post(f"/api/v1/commitments/{commitment.pk}/progress", payload, format="json")
    missing = bearer(other_coordinator).post(f"/api/v1/commitments/{uuid.uuid4()}/progress", payload, format="json")
    assert foreign.status_code == missing.status_code == 404
    assert foreign.json() == missing.json()
    assert not ProgressReport.objects.exists()


def test_a_session_works_for_writes_too(coordinator, commitment):
    client = APIClient(enforce_csrf_checks=False)
    login_with_two_factors(client, coordinator.user)
    payload = {"year": 2024, "what_was_done": "Gedaan.", "realised_reach": 10}
    assert client.post(f"/api/v1/commitments/{commitment.pk}/progress", payload, format="json").status_code == 201
