"""A NUL character in a query parameter is a 400 naming it, never a 500 (PostgreSQL refuses NUL)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/commitments?municipality=GM%001640",
        "/api/v1/partners?kind=%00",
        "/api/v1/organisations?search=a%00b",
        "/api/hsds/services?municipality=%00",
    ],
)
def test_the_api_refuses_nul_in_a_query_parameter_naming_it(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["errors"][0]["field"] == url.split("?")[1].split("=")[0]
    assert "U+0000" in body["errors"][0]["message"]


def test_a_page_refuses_nul_with_a_400(client):
    assert client.get("/organisaties/?q=%00").status_code == 400


def test_ordinary_parameters_pass(client):
    assert client.get("/api/v1/commitments?municipality=GM1640").status_code == 200
