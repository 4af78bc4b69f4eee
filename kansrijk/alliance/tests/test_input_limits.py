"""Alliance API: reach, ages, years and ids bounded; NaN, Infinity and huge numbers refused
naming the field, never a 500 (ADR 0012)."""

from __future__ import annotations

import json

import pytest

from kansrijk.alliance.models import Commitment
from kansrijk.alliance.tests.factories import CommitmentFactory
from kansrijk.alliance.tests.test_api import COMMITMENT, bearer

pytestmark = pytest.mark.django_db


def _post(membership, path, body: str):
    return bearer(membership).post(path, body, content_type="application/json")


@pytest.mark.parametrize("value", ["2147483648", "9223372036854775808", "NaN", "Infinity", "-Infinity", "0"])
def test_a_planned_reach_out_of_range_is_refused_naming_the_field(coordinator, signed, value):
    body = json.dumps(COMMITMENT).replace('"planned_reach": 80', f'"planned_reach": {value}')
    response = _post(coordinator, "/api/v1/commitments", body)
    assert response.status_code == 400, response.content[:300]
    assert response.json()["errors"][0]["field"] == "planned_reach"
    assert not Commitment.objects.exists()


def test_a_title_with_a_bidi_override_or_too_long_is_refused(coordinator, signed):
    for title in ("Schoolreis\u202e", "t" * 201):
        response = _post(coordinator, "/api/v1/commitments", json.dumps({**COMMITMENT, "title": title}))
        assert response.status_code == 400
        assert response.json()["errors"][0]["field"] == "title"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"realised_reach": 2**31}, "realised_reach"),
        ({"year": 2**63}, "year"),
        ({"indicator_values": [{"indicator_id": 2**63, "value": "1"}]}, "indicator_values[0].indicator_id"),
    ],
)
def test_progress_numbers_out_of_range_are_refused_naming_the_field(coordinator, signed, change, field):
    commitment = CommitmentFactory(organisation=signed.organisation, municipality_codes=["GM1640"])
    payload = {"year": 2025, "what_was_done": "Schoolreizen betaald", "realised_reach": 10, **change}
    response = _post(coordinator, f"/api/v1/commitments/{commitment.pk}/progress", json.dumps(payload))
    assert response.status_code == 400, response.content[:300]
    assert response.json()["errors"][0]["field"] == field
