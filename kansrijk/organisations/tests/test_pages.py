import uuid

import pytest

from kansrijk.conftest import client_for
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_organisation_list_filters_by_kind_and_municipality(client):
    OrganisationFactory(name="Fonds in Leudal", fund=True, municipality_codes=["GM1640"])
    OrganisationFactory(name="School in Amsterdam", school=True, municipality_codes=["GM0363"])
    html = client.get("/organisaties/", {"soort": "fund", "gemeente": "GM1640"}).content.decode()
    assert "Fonds in Leudal" in html
    assert "School in Amsterdam" not in html


def test_the_organisation_page_shows_public_facts(client, organisation):
    response = client.get(f"/organisaties/{organisation.pk}/")
    assert response.status_code == 200
    assert organisation.name in response.content.decode()


def test_an_unknown_organisation_is_a_404(client):
    assert client.get(f"/organisaties/{uuid.uuid4()}/").status_code == 404


def test_colleagues_are_shown_only_to_members_of_the_same_organisation(member, other_coordinator):
    colleague = MembershipFactory(organisation=member.organisation)
    url = f"/organisaties/{member.organisation.pk}/"
    assert colleague.user.email in client_for(member).get(url).content.decode()
    assert colleague.user.email not in client_for(other_coordinator).get(url).content.decode()


def test_the_header_shows_the_users_organisation_and_role(member):
    html = client_for(member).get("/").content.decode()
    assert member.organisation.name in html
    assert "Medewerker" in html
