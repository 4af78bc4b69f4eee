"""The HSDS API as the official HSDS 3.1 API description has it (ADR 0014): the root, the
`format` parameter, a page past the end, the POST variants, the detail endpoints."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client

from kansrijk.socialmap.tests.factories import LocationFactory, ServiceFactory

pytestmark = pytest.mark.django_db
LISTS = ["services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms"]


@pytest.fixture
def listed(municipalities):
    return ServiceFactory(name="Bijdrage voor sport", needs=["sport"], locations=[LocationFactory()])


def test_the_root_answers_with_the_hsds_version_and_profile():
    response = Client().get("/api/hsds/")
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == "3.1"
    assert body["profile"].startswith("https://")
    assert body["openapi_url"].endswith("/openapi.json")
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("path", LISTS)
def test_format_json_is_the_hsds_parameter_not_a_drf_renderer(listed, path):
    plain = Client().get(f"/api/hsds/{path}").json()
    response = Client().get(f"/api/hsds/{path}?format=json")
    assert response.status_code == 200
    assert response.json() == plain


def test_a_format_we_do_not_serve_is_refused_with_a_message(listed):
    response = Client().get("/api/hsds/services?format=ndjson")
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": "format", "message": "'ndjson' is not supported by this API; it answers in json (pages)."}
    ]


@pytest.mark.parametrize("path", LISTS)
def test_a_page_past_the_end_is_an_empty_page(listed, path):
    response = Client().get(f"/api/hsds/{path}?page=99&per_page=5")
    assert response.status_code == 200
    body = response.json()
    assert body["contents"] == [] and body["empty"] is True and body["size"] == 0
    assert body["page_number"] == 99 and body["last_page"] is True
    assert body["total_items"] == Client().get(f"/api/hsds/{path}").json()["total_items"] >= 1


@pytest.mark.parametrize("path", LISTS)
def test_the_post_search_answers_as_the_get(listed, path):
    query = "search=sport&per_page=3"
    response = Client().post(f"/api/hsds/{path}?{query}")
    assert response.status_code == 200
    assert response.json() == Client().get(f"/api/hsds/{path}?{query}").json()


def test_a_taxonomy_and_a_service_at_a_location_have_their_own_endpoints(listed):
    taxonomy = Client().get("/api/hsds/taxonomies").json()["contents"][0]
    assert Client().get(f"/api/hsds/taxonomies/{taxonomy['id']}").json() == taxonomy
    at_location = Client().get("/api/hsds/service_at_locations").json()["contents"][0]
    body = Client().get(f"/api/hsds/service_at_locations/{at_location['id']}").json()
    assert body["id"] == str(listed.id)  # the HSDS description answers with the (fully nested) service
    assert [sal["id"] for sal in body["service_at_locations"]] == [at_location["id"]]


@pytest.mark.parametrize("path", ["services", "organizations", "taxonomies", "taxonomy_terms", "service_at_locations"])
@pytest.mark.parametrize("object_id", ["niet-een-uuid", str(uuid.uuid4())])
def test_an_unknown_id_is_a_json_404(path, object_id):
    response = Client().get(f"/api/hsds/{path}/{object_id}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("services", "taxonomy_id=" + str(uuid.uuid4())),
        ("services", "minimal=true"),
        ("organizations", "full_service=true"),
        ("organizations", "full=true"),
        ("service_at_locations", "full=true"),
    ],
)
def test_a_parameter_we_do_not_support_is_refused_by_name(path, query):
    response = Client().get(f"/api/hsds/{path}?{query}")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == query.split("=")[0]
    assert Client().get(f"/api/hsds/{path}?{query.split('=')[0]}=false").status_code == 200
