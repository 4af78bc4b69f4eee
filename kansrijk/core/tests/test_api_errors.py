"""Every API error is JSON in one format, also outside DRF views and with DEBUG off (ADR 0012)."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from kansrijk.conftest import client_for

pytestmark = pytest.mark.django_db


def _assert_error_format(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert isinstance(body["detail"], str) and body["detail"]
    assert all(set(e) == {"field", "message"} for e in body["errors"])
    return body


@override_settings(DEBUG=False)
@pytest.mark.parametrize("path", ["/api/v1/does-not-exist", "/api/hsds/nothing/here", "/api/nope"])
def test_an_unknown_api_route_is_a_json_404(path):
    _assert_error_format(Client().get(path), 404)


@override_settings(DEBUG=False)
def test_an_unknown_page_is_still_an_html_404():
    response = Client().get("/bestaat-niet/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_wrong_method_is_a_json_405(member):
    _assert_error_format(client_for(member).delete("/api/v1/concerns/signals"), 405)


def test_malformed_json_is_a_json_400(member):
    response = client_for(member).post("/api/v1/concerns", "{not json", content_type="application/json")
    _assert_error_format(response, 400)


@override_settings(DEBUG=False, ROOT_URLCONF="kansrijk.core.tests.urls_boom")
def test_an_api_view_that_raises_is_a_json_500_with_debug_off():
    response = Client(raise_request_exception=False).get("/api/v1/test-boom")
    body = _assert_error_format(response, 500)
    assert "boom" not in body["detail"]


@override_settings(DEBUG=False, ROOT_URLCONF="kansrijk.core.tests.urls_boom")
def test_a_page_that_raises_is_an_html_500():
    response = Client(raise_request_exception=False).get("/test-boom/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")


@override_settings(DEBUG=False, DATA_UPLOAD_MAX_MEMORY_SIZE=100)
def test_a_form_body_django_refuses_as_too_large_is_a_json_413(member):
    response = client_for(member).post("/api/v1/concerns", {"note": "x" * 500})
    _assert_error_format(response, 413)


@pytest.mark.parametrize("page", ["NaN", "Infinity", "-1", "0", str(2**31), str(2**63)])
def test_a_strange_page_number_on_the_organisations_api_is_a_400_naming_page(member, page):
    response = client_for(member).get("/api/v1/organisations", {"page": page})
    body = _assert_error_format(response, 400)
    assert body["errors"][0]["field"] == "page"


def test_the_first_page_of_organisations_still_works(member):
    assert client_for(member).get("/api/v1/organisations", {"page": "1"}).status_code == 200
