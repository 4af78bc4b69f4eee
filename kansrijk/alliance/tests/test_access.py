"""Every edit route answers 404 to a coordinator of another organisation, GET and POST,
exactly as for an id that does not exist; the organisation's own coordinator gets in."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from kansrijk.alliance.models import Commitment, PledgeSignature, ProgressReport
from kansrijk.alliance.tests.factories import CommitmentFactory
from kansrijk.conftest import client_for, login_with_two_factors, with_totp
from kansrijk.organisations.tests.factories import UserFactory

ORGANISATION_ROUTES = ["alliance:pledge_sign", "alliance:pledge_withdraw", "alliance:commitment_create"]
COMMITMENT_ROUTES = ["alliance:commitment_update", "alliance:progress_create"]

POST_DATA = {
    "pledge_version": "1",
    "signatory_name": "X",
    "signatory_role": "Y",
    "signed_on": "2025-01-01",
    "confirm": "on",
    "note": "",
    "title": "Overgenomen",
    "what_was_done": "x",
    "realised_reach": "1",
    "year": "2025",
}


@pytest.fixture
def commitment(signed):
    return CommitmentFactory(organisation=signed.organisation, municipality_codes=["GM1640"])


def edit_urls(organisation_id, commitment_id):
    return [reverse(name, args=[organisation_id]) for name in ORGANISATION_ROUTES] + [
        reverse(name, args=[commitment_id]) for name in COMMITMENT_ROUTES
    ]


@pytest.mark.parametrize("method", ["get", "post"])
def test_every_edit_route_is_404_for_a_coordinator_of_another_organisation(method, other_coordinator, commitment):
    client = client_for(other_coordinator)
    for url in edit_urls(commitment.organisation_id, commitment.pk):
        response = getattr(client, method)(url, POST_DATA)
        assert response.status_code == 404, url
    assert PledgeSignature.objects.filter(ended_on__isnull=True).count() == 1
    assert Commitment.objects.get().title != "Overgenomen"
    assert not ProgressReport.objects.exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_every_edit_route_is_404_for_an_id_that_does_not_exist(method, coordinator, commitment):
    client = client_for(coordinator)
    for url in edit_urls(uuid.uuid4(), uuid.uuid4()):
        assert getattr(client, method)(url, POST_DATA).status_code == 404, url


@pytest.mark.parametrize("method", ["get", "post"])
def test_every_edit_route_is_404_for_a_plain_member_of_the_organisation(method, member, commitment):
    client = client_for(member)
    for url in edit_urls(commitment.organisation_id, commitment.pk):
        assert getattr(client, method)(url, POST_DATA).status_code == 404, url


def test_every_edit_route_opens_for_the_organisations_own_coordinator(coordinator, commitment):
    client = client_for(coordinator)
    for url in edit_urls(commitment.organisation_id, commitment.pk):
        assert client.get(url).status_code == 200, url


def test_every_edit_route_opens_for_platform_staff(commitment):
    staff = UserFactory(staff=True)
    with_totp(staff)
    client = Client()
    login_with_two_factors(client, staff)
    for url in edit_urls(commitment.organisation_id, commitment.pk):
        assert client.get(url).status_code == 200, url


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, commitment):
    for url in edit_urls(commitment.organisation_id, commitment.pk):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]


def test_history_of_a_commitment_is_only_shown_to_its_own_organisation(coordinator, other_coordinator, commitment):
    from kansrijk.alliance.models import CommitmentVersion

    CommitmentVersion.objects.create(commitment=commitment, number=1, changes={"title": {}}, snapshot={})
    url = reverse("alliance:commitment_detail", args=[commitment.pk])
    assert "Geschiedenis" in client_for(coordinator).get(url).content.decode()
    assert "Geschiedenis" not in client_for(other_coordinator).get(url).content.decode()
