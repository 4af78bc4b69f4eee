"""POST /api/v1/screen: the rules contract over HTTP, anonymous, errors as field lists."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import include, path, reverse
from drf_spectacular.generators import SchemaGenerator

from kansrijk.municipalities.models import Municipality
from kansrijk.screener.api import EXAMPLE
from kansrijk.screener.selectors import forget_municipality_codes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_codes() -> Iterator[None]:
    forget_municipality_codes()
    if not Municipality.objects.filter(code="GM0363").exists():
        Municipality.objects.create(
            code="GM0363", gemeentecode="0363", name="Amsterdam", province="Noord-Holland",
            population=931298, area_km2=219, centroid_latitude=52.37, centroid_longitude=4.89, boundary={},
        )  # fmt: skip
    yield
    forget_municipality_codes()


def _post(client: Client, body: Any) -> Any:
    return client.post(reverse("api:screen"), body, content_type="application/json")


def test_anonymous_family_gets_explained_national_schemes(client: Client) -> None:
    response = _post(client, EXAMPLE)
    assert response.status_code == 200
    data = response.json()
    results = {r["scheme"]: r for r in data["results"]}
    assert results["kindgebonden_budget"]["amount_yearly"] == "5996.00"
    assert results["kindgebonden_budget"]["amount_monthly"] == "499.00"
    assert results["zorgtoeslag"]["amount_monthly"] == "129.00"
    assert results["kinderbijslag"]["amount_quarterly"] == "295.07"
    assert all(c["explanation"] and c["reference"]["href"] for c in results["zorgtoeslag"]["conditions"])


def test_bad_input_is_a_400_naming_the_field(client: Client) -> None:
    body = copy.deepcopy(EXAMPLE)
    body["household"]["children"][0]["school"] = "university"
    response = _post(client, body)
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": "household.children[0].school", "message": "must be one of none, primary, secondary, mbo"}
    ]


def test_unknown_municipality_is_refused(client: Client) -> None:
    response = _post(client, {**EXAMPLE, "municipality": "GM9999"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "municipality"


def test_a_list_answers_the_good_items_and_flags_the_bad_ones(client: Client) -> None:
    response = _post(client, [EXAMPLE, {**EXAMPLE, "date": "2026-13-01"}])
    assert response.status_code == 200
    first, second = response.json()
    assert first["results"]
    assert second == {"error": {"field": "date", "message": "is not a valid date"}}


def test_the_openapi_schema_documents_the_screen_operation() -> None:
    generator = SchemaGenerator(patterns=[path("api/v1/", include("kansrijk.screener.urls"))])
    schema = generator.get_schema(request=None, public=True)
    operation = schema["paths"]["/api/v1/screen"]["post"]
    assert operation["operationId"] == "screen"
    # 401 for a wrong bearer token, 403 for a session login without CSRF token (core.openapi).
    assert set(operation["responses"]) == {"200", "400", "401", "403"}
    # One object or a list of them, as the description says; JSON only.
    assert set(operation["requestBody"]["content"]) == {"application/json"}
    request_schema = schema["components"]["schemas"]["ScreenInputRequest"]["oneOf"]
    assert [variant.get("type") for variant in request_schema] == [None, "array"]
    household = schema["components"]["schemas"]["HouseholdRequest"]["properties"]
    assert "toeslagpartners" in household["partners"]["description"]
