import pytest

from kansrijk.conftest import client_for
from kansrijk.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_organisation_list_needs_authentication(client):
    assert client.get("/api/v1/organisations").status_code == 401


def test_the_organisation_list_runs_a_constant_number_of_queries(member, django_assert_max_num_queries):
    for index in range(30):
        OrganisationFactory(municipality_codes=["GM1640", "GM0363"], name=f"Partner {index}")
    api = client_for(member)
    with django_assert_max_num_queries(12):
        response = api.get("/api/v1/organisations?page_size=50")
    assert response.status_code == 200
    assert response.json()["count"] == 31
    assert response.json()["results"][0]["municipalities"]
