"""From the coverage view to signing the pledge: who sees the "join" action, who sees how to ask,
and how the coverage view is reached."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kansrijk.alliance.tests.factories import PledgeSignatureFactory
from kansrijk.conftest import client_for, with_totp
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
LEUDAL = "GM1640"
JOIN = ">Aansluiten bij de alliantie</a>"  # the action (the page title says it too)


@pytest.fixture
def gemeente(municipalities, pledge):
    return OrganisationFactory(name="Gemeente Leudal", municipality=True, municipality_codes=[LEUDAL])


def _client(membership):
    with_totp(membership)
    return client_for(membership)


def _joining(client) -> str:
    return client.get(reverse("alliance:municipality_joining", args=[LEUDAL])).content.decode()


def test_a_coordinator_of_the_municipality_gets_the_join_action_to_the_pledge_signing(gemeente):
    page = _joining(_client(MembershipFactory(organisation=gemeente, coordinator=True)))
    assert JOIN in page
    assert reverse("alliance:pledge_sign", args=[gemeente.pk]) in page
    assert "U kunt de pledge tekenen namens Gemeente Leudal" in page


def test_a_plain_member_sees_whom_to_ask_instead_of_the_action(gemeente):
    boss = MembershipFactory(organisation=gemeente, administrator=True)
    page = _joining(_client(MembershipFactory(organisation=gemeente)))
    assert JOIN not in page
    assert reverse("alliance:pledge_sign", args=[gemeente.pk]) not in page
    assert "Alleen een coördinator of beheerder van Gemeente Leudal kan de pledge tekenen" in page
    assert f"mailto:{boss.user.email}" in page


def test_a_coordinator_of_another_organisation_sees_no_action_for_the_municipality(gemeente):
    fund = OrganisationFactory(fund=True, municipality_codes=[LEUDAL])
    page = _joining(_client(MembershipFactory(organisation=fund, coordinator=True)))
    assert JOIN not in page
    assert "Alleen de gemeente zelf kan aansluiten" in page


def test_a_coordinator_of_another_municipality_sees_no_action_here(gemeente, municipalities):
    venlo = OrganisationFactory(name="Gemeente Venlo", municipality=True, municipality_codes=["GM0983"])
    page = _joining(_client(MembershipFactory(organisation=venlo, coordinator=True)))
    assert JOIN not in page
    assert "Alleen de gemeente zelf kan aansluiten" in page


def test_a_visitor_is_asked_to_log_in(gemeente, client):
    page = _joining(client)
    assert JOIN not in page
    assert f"{reverse('account_login')}?next=" in page


def test_a_municipality_that_signed_gets_no_join_action(gemeente, pledge):
    PledgeSignatureFactory(organisation=gemeente, pledge_version=pledge)
    page = _joining(_client(MembershipFactory(organisation=gemeente, coordinator=True)))
    assert JOIN not in page
    assert "Deze gemeente heeft de pledge al ondertekend. Beschrijf nu wat u doet" in page


def test_the_coverage_entry_takes_a_municipality_member_to_their_own_municipality(gemeente):
    client = _client(MembershipFactory(organisation=gemeente))
    response = client.get(reverse("alliance:coverage"))
    assert response.status_code == 302
    assert response["Location"] == reverse("alliance:municipality_joining", args=[LEUDAL])


def test_the_coverage_entry_lets_anyone_else_choose_a_municipality(municipalities, client):
    page = client.get(reverse("alliance:coverage"))
    assert page.status_code == 200
    assert '<option value="GM1640">Leudal</option>' in page.content.decode()
    chosen = client.get(reverse("alliance:coverage"), {"gemeente": LEUDAL})
    assert chosen["Location"] == reverse("alliance:municipality_joining", args=[LEUDAL])


@pytest.mark.parametrize("code", ["GM9999", "GM1640XYZ", "x" * 5000])
def test_an_unknown_municipality_is_a_clear_error_not_a_500_nor_cut_short(municipalities, client, code):
    response = client.get(reverse("alliance:coverage"), {"gemeente": code})
    assert response.status_code == 400
    assert "Deze gemeente kennen we niet" in response.content.decode()


def test_the_alliance_pages_link_to_the_coverage_view(municipalities, pledge, client):
    target = reverse("alliance:coverage")
    for name in ("alliance:index", "alliance:overview"):
        assert f'href="{target}"' in client.get(reverse(name)).content.decode(), name
